/**
 * Reads an rpm header blob as rpm stores it in its databases: a 32-bit big-endian index count
 * and data length, the index entries (tag, type, offset, count; 16 bytes each) and the data
 * store. A header taken from an .rpm file starts with the 8-byte header magic, which is skipped.
 */

export const RPM_TYPE = {
  NULL: 0,
  CHAR: 1,
  INT8: 2,
  INT16: 3,
  INT32: 4,
  INT64: 5,
  STRING: 6,
  BIN: 7,
  STRING_ARRAY: 8,
  I18NSTRING: 9,
} as const;

export interface HeaderEntry {
  tag: number;
  type: number;
  offset: number;
  count: number;
}

export type TagValue = string | string[] | number[] | Buffer;

/** A parsed header: tag values by tag number. */
export type RpmHeader = Map<number, TagValue>;

const HEADER_MAGIC = Buffer.from([0x8e, 0xad, 0xe8, 0x01]);
/** rpm refuses headers larger than this (hdrblob.c: HEADER_DATA_MAX). */
const MAX_DATA = 256 * 1024 * 1024;
const MAX_ENTRIES = 0xffff;

export class HeaderBlobError extends Error {
  override readonly name = 'HeaderBlobError';
}

function readStrings(data: Buffer, offset: number, count: number, tag: number): string[] {
  const out: string[] = [];
  let pos = offset;
  for (let i = 0; i < count; i++) {
    const end = data.indexOf(0, pos);
    if (end < 0) throw new HeaderBlobError(`tag ${tag}: string runs past the data store`);
    out.push(data.toString('utf8', pos, end));
    pos = end + 1;
  }
  return out;
}

function readNumbers(data: Buffer, entry: HeaderEntry, width: number): number[] {
  const { offset, count, tag } = entry;
  if (offset + count * width > data.length)
    throw new HeaderBlobError(`tag ${tag}: values past the data store`);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = offset + i * width;
    if (width === 1) out.push(data.readUInt8(at));
    else if (width === 2) out.push(data.readUInt16BE(at));
    else if (width === 4) out.push(data.readUInt32BE(at));
    else out.push(Number(data.readBigUInt64BE(at)));
  }
  return out;
}

function readValue(data: Buffer, entry: HeaderEntry): TagValue | undefined {
  switch (entry.type) {
    case RPM_TYPE.CHAR:
    case RPM_TYPE.INT8:
      return readNumbers(data, entry, 1);
    case RPM_TYPE.INT16:
      return readNumbers(data, entry, 2);
    case RPM_TYPE.INT32:
      return readNumbers(data, entry, 4);
    case RPM_TYPE.INT64:
      return readNumbers(data, entry, 8);
    case RPM_TYPE.STRING:
      return readStrings(data, entry.offset, 1, entry.tag)[0];
    case RPM_TYPE.STRING_ARRAY:
    case RPM_TYPE.I18NSTRING:
      return readStrings(data, entry.offset, entry.count, entry.tag);
    case RPM_TYPE.BIN:
      if (entry.offset + entry.count > data.length)
        throw new HeaderBlobError(`tag ${entry.tag}: bytes past the data store`);
      return data.subarray(entry.offset, entry.offset + entry.count);
    default:
      return undefined;
  }
}

/**
 * Parses a header blob; only the tags in `wanted` are decoded (all when omitted). Throws
 * HeaderBlobError on a blob whose sizes or offsets do not fit (callers turn it into an Unknown).
 */
export function parseHeaderBlob(input: Buffer, wanted?: ReadonlySet<number>): RpmHeader {
  let blob = input;
  if (blob.length >= 8 && blob.subarray(0, 4).equals(HEADER_MAGIC)) blob = blob.subarray(8);
  if (blob.length < 8) throw new HeaderBlobError(`header blob too short (${blob.length} bytes)`);
  const indexCount = blob.readUInt32BE(0);
  const dataLength = blob.readUInt32BE(4);
  if (indexCount === 0 || indexCount > MAX_ENTRIES)
    throw new HeaderBlobError(`bad index count ${indexCount}`);
  if (dataLength > MAX_DATA) throw new HeaderBlobError(`bad data length ${dataLength}`);
  const dataStart = 8 + indexCount * 16;
  if (dataStart + dataLength > blob.length) {
    throw new HeaderBlobError(
      `header blob truncated: needs ${dataStart + dataLength} bytes, has ${blob.length}`,
    );
  }
  const data = blob.subarray(dataStart, dataStart + dataLength);
  const header: RpmHeader = new Map();
  for (let i = 0; i < indexCount; i++) {
    const at = 8 + i * 16;
    const entry: HeaderEntry = {
      tag: blob.readUInt32BE(at),
      type: blob.readUInt32BE(at + 4),
      offset: blob.readUInt32BE(at + 8),
      count: blob.readUInt32BE(at + 12),
    };
    if (wanted && !wanted.has(entry.tag)) continue;
    if (entry.offset >= data.length || entry.count > data.length) {
      throw new HeaderBlobError(`tag ${entry.tag}: offset ${entry.offset} outside the data store`);
    }
    const value = readValue(data, entry);
    if (value !== undefined) header.set(entry.tag, value);
  }
  return header;
}
