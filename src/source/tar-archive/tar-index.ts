import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { SourceFormatError } from '../../errors/index.js';
import { resolveInside } from '../../image-path/path.js';

export interface TarIndexEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  /** Offset of the entry's data in the archive file. */
  offset: number;
  size: number;
  linkTarget?: string;
}

const BLOCK = 512;

/**
 * An index of an uncompressed tar file, made by reading only its headers, so that members
 * (image blobs) can later be streamed straight from the file without extracting anything.
 */
export class TarIndex {
  private constructor(
    readonly file: string,
    private readonly entries: Map<string, TarIndexEntry>,
  ) {}

  static async build(file: string): Promise<TarIndex> {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      return new TarIndex(file, await readHeaders(handle, size, file));
    } finally {
      await handle.close();
    }
  }

  has(path: string): boolean {
    return this.resolve(path) !== undefined;
  }

  paths(): string[] {
    return [...this.entries.keys()];
  }

  /** The regular-file entry at `path`, following symlinks and hard links inside the archive. */
  resolve(path: string): TarIndexEntry | undefined {
    let current = normalize(path);
    for (let hops = 0; hops < 16; hops++) {
      const entry = this.entries.get(current);
      if (!entry) return undefined;
      if (entry.type === 'file') return entry;
      if (entry.type === 'symlink')
        current = normalize(resolveInside(dirOf(current), entry.linkTarget ?? ''));
      else if (entry.type === 'hardlink') current = normalize(entry.linkTarget ?? '');
      else return undefined;
    }
    return undefined;
  }

  open(path: string): Readable {
    const entry = this.require(path);
    if (entry.size === 0) return Readable.from([]);
    return createReadStream(this.file, {
      start: entry.offset,
      end: entry.offset + entry.size - 1,
      highWaterMark: 1024 * 1024,
    });
  }

  async read(path: string, maxBytes: number): Promise<Buffer> {
    const entry = this.require(path);
    if (entry.size > maxBytes) {
      throw new SourceFormatError(
        `${this.file}: ${path} is ${entry.size} bytes, more than the ${maxBytes} expected`,
      );
    }
    const handle = await open(this.file, 'r');
    try {
      const buffer = Buffer.alloc(entry.size);
      await handle.read(buffer, 0, entry.size, entry.offset);
      return buffer;
    } finally {
      await handle.close();
    }
  }

  private require(path: string): TarIndexEntry {
    const entry = this.resolve(path);
    if (!entry) throw new SourceFormatError(`${this.file}: the archive has no file ${normalize(path)}`);
    return entry;
  }
}

function normalize(path: string): string {
  return resolveInside('/', path).slice(1);
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '/' : '/' + path.slice(0, i);
}

async function readHeaders(
  handle: FileHandle,
  fileSize: number,
  file: string,
): Promise<Map<string, TarIndexEntry>> {
  const entries = new Map<string, TarIndexEntry>();
  const header = Buffer.alloc(BLOCK);
  let position = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> = {};
  if (fileSize < BLOCK) throw new SourceFormatError(`${file} is not a tar archive (only ${fileSize} bytes)`);
  while (position + BLOCK <= fileSize) {
    const { bytesRead } = await handle.read(header, 0, BLOCK, position);
    if (bytesRead < BLOCK) break;
    if (header.every((b) => b === 0)) return entries;
    if (!checksumOk(header)) {
      throw new SourceFormatError(
        position === 0
          ? `${file} is not a tar archive`
          : `${file} is corrupt: bad tar header at byte ${position}`,
      );
    }
    const type = String.fromCharCode(header[156] ?? 0x30);
    const size = parseNumber(header.subarray(124, 136));
    const dataOffset = position + BLOCK;
    if (dataOffset + size > fileSize) {
      throw new SourceFormatError(
        `${file} is truncated: an entry needs ${dataOffset + size} bytes, the file has ${fileSize}`,
      );
    }
    position = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L' || type === 'K' || type === 'x' || type === 'g') {
      const data = Buffer.alloc(size);
      await handle.read(data, 0, size, dataOffset);
      if (type === 'L') longName = cString(data);
      else if (type === 'K') longLink = cString(data);
      else if (type === 'x') pax = parsePax(data);
      continue;
    }
    const prefix = header.subarray(257, 263).toString('latin1').startsWith('ustar')
      ? cString(header.subarray(345, 500))
      : '';
    const rawName =
      pax.path ??
      longName ??
      (prefix ? `${prefix}/${cString(header.subarray(0, 100))}` : cString(header.subarray(0, 100)));
    const linkTarget = pax.linkpath ?? longLink ?? cString(header.subarray(157, 257));
    const realSize = pax.size !== undefined ? Number(pax.size) : size;
    longName = longLink = undefined;
    pax = {};
    const path = normalize(rawName);
    const entry: TarIndexEntry = { path, type: kindOf(type), offset: dataOffset, size: realSize };
    if (entry.type === 'symlink' || entry.type === 'hardlink') entry.linkTarget = linkTarget;
    entries.set(path, entry);
  }
  if (position < fileSize || entries.size === 0) {
    throw new SourceFormatError(`${file} is truncated or not a tar archive`);
  }
  return entries;
}

function kindOf(type: string): TarIndexEntry['type'] {
  if (type === '0' || type === '\0' || type === '7') return 'file';
  if (type === '5') return 'dir';
  if (type === '2') return 'symlink';
  if (type === '1') return 'hardlink';
  return 'other';
}

function cString(buf: Buffer): string {
  const end = buf.indexOf(0);
  return buf.subarray(0, end < 0 ? buf.length : end).toString('utf8');
}

function parseNumber(field: Buffer): number {
  if ((field[0]! & 0x80) !== 0) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = cString(field).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function checksumOk(header: Buffer): boolean {
  const stored = parseNumber(header.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum === stored;
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    if (space < 0) break;
    const length = parseInt(data.subarray(i, space).toString('latin1'), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = data.subarray(space + 1, i + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += length;
  }
  return out;
}
