import { RpmDbError, type DbBlobs } from './db-blobs.js';

/** Berkeley DB hash database (rpm's old `Packages`): db_page.h layout. */
const HASH_MAGIC = 0x061561;
const PAGE_HEADER = 26;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const P_HASH = 13;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;

interface Reader {
  u16(at: number): number;
  u32(at: number): number;
}

function readerFor(content: Buffer): Reader | undefined {
  if (content.length < 72) return undefined;
  if (content.readUInt32LE(12) === HASH_MAGIC) {
    return { u16: (at) => content.readUInt16LE(at), u32: (at) => content.readUInt32LE(at) };
  }
  if (content.readUInt32BE(12) === HASH_MAGIC) {
    return { u16: (at) => content.readUInt16BE(at), u32: (at) => content.readUInt32BE(at) };
  }
  return undefined;
}

export function isBdbHashDb(content: Buffer): boolean {
  return readerFor(content) !== undefined;
}

class Pages {
  constructor(
    readonly content: Buffer,
    readonly read: Reader,
    readonly pageSize: number,
    readonly count: number,
  ) {}

  start(pgno: number): number {
    return pgno * this.pageSize;
  }

  /** The value an H_OFFPAGE item points at: its chain of overflow pages, `total` bytes long. */
  overflow(first: number, total: number): Buffer {
    const parts: Buffer[] = [];
    let collected = 0;
    const seen = new Set<number>();
    let pgno = first;
    while (pgno !== 0 && collected < total) {
      if (pgno >= this.count || seen.has(pgno)) throw new RpmDbError(`overflow chain broken at page ${pgno}`);
      seen.add(pgno);
      const at = this.start(pgno);
      if (this.content[at + 25] !== P_OVERFLOW) throw new RpmDbError(`page ${pgno} is not an overflow page`);
      const used = this.read.u16(at + 22);
      if (PAGE_HEADER + used > this.pageSize)
        throw new RpmDbError(`overflow page ${pgno} claims ${used} bytes`);
      parts.push(this.content.subarray(at + PAGE_HEADER, at + PAGE_HEADER + used));
      collected += used;
      pgno = this.read.u32(at + 16);
    }
    if (collected < total) throw new RpmDbError(`overflow value truncated: ${collected} of ${total} bytes`);
    return Buffer.concat(parts).subarray(0, total);
  }
}

function itemBounds(pages: Pages, at: number, offsets: number[], index: number): [number, number] {
  const start = at + (offsets[index] as number);
  const end = at + (index === 0 ? pages.pageSize : (offsets[index - 1] as number));
  return [start, end];
}

function readHashPage(pages: Pages, pgno: number, out: DbBlobs): void {
  const at = pages.start(pgno);
  const entries = pages.read.u16(at + 20);
  if (PAGE_HEADER + entries * 2 > pages.pageSize) {
    out.problems.push(`hash page ${pgno}: ${entries} entries do not fit`);
    return;
  }
  const offsets: number[] = [];
  for (let i = 0; i < entries; i++) offsets.push(pages.read.u16(at + PAGE_HEADER + i * 2));
  for (let i = 0; i + 1 < entries; i += 2) {
    try {
      const [keyStart, keyEnd] = itemBounds(pages, at, offsets, i);
      const [dataStart, dataEnd] = itemBounds(pages, at, offsets, i + 1);
      if (keyEnd > at + pages.pageSize || dataEnd > at + pages.pageSize || dataStart >= dataEnd) {
        throw new RpmDbError('item outside its page');
      }
      const keyType = pages.content[keyStart];
      // Key 0 holds rpm's next instance number, not a header.
      if (keyType === H_KEYDATA && keyEnd - keyStart === 5 && pages.read.u32(keyStart + 1) === 0) continue;
      const type = pages.content[dataStart];
      if (type === H_OFFPAGE) {
        if (dataStart + 12 > dataEnd) throw new RpmDbError('short off-page item');
        out.blobs.push(pages.overflow(pages.read.u32(dataStart + 4), pages.read.u32(dataStart + 8)));
      } else if (type === H_KEYDATA) {
        out.blobs.push(pages.content.subarray(dataStart + 1, dataEnd));
      }
    } catch (error) {
      out.problems.push(`hash page ${pgno}, item ${i / 2}: ${(error as Error).message}`);
    }
  }
}

/**
 * Header blobs of a Berkeley DB hash `Packages` file (RHEL/CentOS ≤ 8, Amazon Linux 2): the
 * metadata page gives byte order, page size and last page; every hash page's key/data pairs
 * are read, values stored on overflow pages are followed through their chains.
 */
export function readBdbHashDb(content: Buffer): DbBlobs {
  const read = readerFor(content);
  if (!read) throw new RpmDbError('not a Berkeley DB hash database (bad magic)');
  const pageSize = read.u32(20);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    throw new RpmDbError(`bad Berkeley DB page size ${pageSize}`);
  }
  const lastPgno = read.u32(32);
  const count = Math.min(lastPgno + 1, Math.floor(content.length / pageSize));
  const out: DbBlobs = { blobs: [], problems: [] };
  if (count < lastPgno + 1) {
    out.problems.push(`file truncated: ${count} of ${lastPgno + 1} pages present`);
  }
  const pages = new Pages(content, read, pageSize, count);
  for (let pgno = 1; pgno < count; pgno++) {
    const type = content[pages.start(pgno) + 25];
    if (type === P_HASH || type === P_HASH_UNSORTED) readHashPage(pages, pgno, out);
  }
  return out;
}
