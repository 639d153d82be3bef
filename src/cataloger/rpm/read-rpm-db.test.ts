import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HeaderBlobError, parseHeaderBlob, RPM_TYPE } from './header-blob.js';
import { readRpmDb } from './read-rpm-db.js';
import { rpmEntryOfBlob, rpmVersionString } from './rpm-entry.js';
import { TAG } from './rpm-tags.js';

// Test inputs are built here (no fixtures): header blobs and minimal NDB / Berkeley DB files.

/** Test inputs built here (no fixtures): header blobs and minimal NDB / Berkeley DB files. */
interface TestPackage {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch?: string;
  sourceRpm?: string;
  files?: string[];
  requires?: string[];
  provides?: string[];
}

type Value = { type: number; data: Buffer; count: number };

function str(value: string): Value {
  return { type: RPM_TYPE.STRING, data: Buffer.from(value + '\0'), count: 1 };
}
function strArray(values: string[]): Value {
  return {
    type: RPM_TYPE.STRING_ARRAY,
    data: Buffer.from(values.map((v) => v + '\0').join('')),
    count: values.length,
  };
}
function int32(values: number[]): Value {
  const data = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => data.writeUInt32BE(v, i * 4));
  return { type: RPM_TYPE.INT32, data, count: values.length };
}

function headerBlob(pkg: TestPackage): Buffer {
  const tags: Array<[number, Value]> = [
    [TAG.NAME, str(pkg.name)],
    [TAG.VERSION, str(pkg.version)],
    [TAG.RELEASE, str(pkg.release)],
  ];
  if (pkg.epoch !== undefined) tags.push([TAG.EPOCH, int32([pkg.epoch])]);
  if (pkg.arch) tags.push([TAG.ARCH, str(pkg.arch)]);
  if (pkg.sourceRpm) tags.push([TAG.SOURCERPM, str(pkg.sourceRpm)]);
  if (pkg.requires) tags.push([TAG.REQUIRENAME, strArray(pkg.requires)]);
  if (pkg.provides) tags.push([TAG.PROVIDENAME, strArray(pkg.provides)]);
  if (pkg.files) {
    const dirs = [...new Set(pkg.files.map((f) => f.slice(0, f.lastIndexOf('/') + 1)))];
    tags.push([TAG.BASENAMES, strArray(pkg.files.map((f) => f.slice(f.lastIndexOf('/') + 1)))]);
    tags.push([TAG.DIRNAMES, strArray(dirs)]);
    tags.push([
      TAG.DIRINDEXES,
      int32(pkg.files.map((f) => dirs.indexOf(f.slice(0, f.lastIndexOf('/') + 1)))),
    ]);
  }
  const index = Buffer.alloc(tags.length * 16);
  const parts: Buffer[] = [];
  let offset = 0;
  tags.forEach(([tag, value], i) => {
    if (value.type === RPM_TYPE.INT32 && offset % 4 !== 0) {
      parts.push(Buffer.alloc(4 - (offset % 4)));
      offset += 4 - (offset % 4);
    }
    index.writeUInt32BE(tag, i * 16);
    index.writeUInt32BE(value.type, i * 16 + 4);
    index.writeUInt32BE(offset, i * 16 + 8);
    index.writeUInt32BE(value.count, i * 16 + 12);
    parts.push(value.data);
    offset += value.data.length;
  });
  const head = Buffer.alloc(8);
  head.writeUInt32BE(tags.length, 0);
  head.writeUInt32BE(offset, 4);
  return Buffer.concat([head, index, ...parts]);
}

/** An NDB Packages.db: one slot page, blobs from block 256 (byte 4096) on. */
function ndbFile(blobs: Buffer[]): Buffer {
  const chunks: Buffer[] = [];
  const slots = Buffer.alloc(4096);
  slots.writeUInt32LE(0x506d7052, 0);
  slots.writeUInt32LE(1, 12);
  let block = 256;
  blobs.forEach((blob, i) => {
    const pkgIdx = i + 1;
    const padded = Math.ceil((16 + blob.length + 12) / 16) * 16;
    const record = Buffer.alloc(padded);
    record.writeUInt32LE(0x53626c42, 0);
    record.writeUInt32LE(pkgIdx, 4);
    record.writeUInt32LE(blob.length, 12);
    blob.copy(record, 16);
    const at = 32 + i * 16;
    slots.writeUInt32LE(0x746f6c53, at);
    slots.writeUInt32LE(pkgIdx, at + 4);
    slots.writeUInt32LE(block, at + 8);
    slots.writeUInt32LE(padded / 16, at + 12);
    chunks.push(record);
    block += padded / 16;
  });
  for (let at = 32 + blobs.length * 16; at < 4096; at += 16) slots.writeUInt32LE(0x746f6c53, at);
  return Buffer.concat([slots, ...chunks]);
}

/** A little-endian Berkeley DB hash file: meta page, one hash page, values on overflow pages. */
function bdbHashFile(blobs: Buffer[], pageSize = 512): Buffer {
  const pages: Buffer[] = [Buffer.alloc(pageSize), Buffer.alloc(pageSize)];
  const hash = pages[1] as Buffer;
  hash.writeUInt32LE(1, 8);
  hash[25] = 13;
  const items: Buffer[] = [];
  for (const [i, blob] of blobs.entries()) {
    const key = Buffer.alloc(5);
    key[0] = 1;
    key.writeUInt32LE(i + 1, 1);
    const first = pages.length;
    const room = pageSize - 26;
    for (let at = 0; at < blob.length; at += room) {
      const page = Buffer.alloc(pageSize);
      const chunk = blob.subarray(at, at + room);
      page.writeUInt32LE(pages.length, 8);
      page.writeUInt32LE(at + room < blob.length ? pages.length + 1 : 0, 16);
      page.writeUInt16LE(chunk.length, 22);
      page[25] = 7;
      chunk.copy(page, 26);
      pages.push(page);
    }
    const data = Buffer.alloc(12);
    data[0] = 3;
    data.writeUInt32LE(first, 4);
    data.writeUInt32LE(blob.length, 8);
    items.push(key, data);
  }
  let end = pageSize;
  items.forEach((item, i) => {
    end -= item.length;
    item.copy(hash, end);
    hash.writeUInt16LE(end, 26 + i * 2);
  });
  hash.writeUInt16LE(items.length, 20);
  const meta = pages[0] as Buffer;
  meta.writeUInt32LE(0x061561, 12);
  meta.writeUInt32LE(pageSize, 20);
  meta[25] = 8;
  meta.writeUInt32LE(pages.length - 1, 32);
  return Buffer.concat(pages);
}

const BASH: TestPackage = {
  name: 'bash',
  version: '5.1.8',
  release: '6.el9',
  arch: 'x86_64',
  sourceRpm: 'bash-5.1.8-6.el9.src.rpm',
  files: ['/usr/bin/bash', '/usr/bin/sh', '/etc/skel/.bashrc'],
  provides: ['/bin/sh', 'bash'],
  requires: ['libc.so.6()(64bit)', 'rpmlib(CompressedFileNames)'],
};
const GLIBC: TestPackage = {
  name: 'glibc',
  epoch: 1,
  version: '2.34',
  release: '60.el9',
  arch: 'x86_64',
  provides: ['libc.so.6()(64bit)'],
};

describe('parseHeaderBlob / rpmEntryOfBlob', () => {
  it('reads name, epoch, version, release, arch, source rpm, files, requires, provides', () => {
    const entry = rpmEntryOfBlob(headerBlob(BASH));
    expect(entry).toMatchObject({ name: 'bash', version: '5.1.8', release: '6.el9', arch: 'x86_64' });
    expect(entry.epoch).toBeUndefined();
    expect(entry.sourceRpm).toBe('bash-5.1.8-6.el9.src.rpm');
    expect(entry.files.map((f) => f.path)).toEqual(BASH.files);
    expect(entry.requires).toEqual(BASH.requires);
    expect(rpmVersionString(rpmEntryOfBlob(headerBlob(GLIBC)))).toBe('1:2.34-60.el9');
  });

  it('skips the header magic of a header taken from an .rpm file', () => {
    const magic = Buffer.from([0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0]);
    expect(rpmEntryOfBlob(Buffer.concat([magic, headerBlob(GLIBC)])).name).toBe('glibc');
  });

  it('throws HeaderBlobError, never anything else, on every truncation', () => {
    const blob = headerBlob(BASH);
    for (let n = 0; n < blob.length; n++) {
      try {
        rpmEntryOfBlob(blob.subarray(0, n));
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
      }
    }
    expect(() => parseHeaderBlob(blob.subarray(0, 20))).toThrow(HeaderBlobError);
  });
});

function randomBytes(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe.each([
  ['ndb', ndbFile],
  ['bdb', (blobs: Buffer[]) => bdbHashFile(blobs)],
] as const)('readRpmDb (%s)', (format, build) => {
  const file = build([headerBlob(BASH), headerBlob(GLIBC)]);

  it('reads every package', () => {
    const result = readRpmDb(file);
    expect(result.format).toBe(format);
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => e.name).sort()).toEqual(['bash', 'glibc']);
  });

  it('reports truncated files as problems, never throws', () => {
    for (let n = 1; n < file.length; n += 37) {
      const result = readRpmDb(file.subarray(0, n));
      expect(result.entries.length + result.problems.length).toBeGreaterThan(0);
      expect(result.entries.length).toBeLessThanOrEqual(2);
    }
  });

  it('survives random bytes after a valid first page', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const noisy = Buffer.from(file);
      randomBytes(seed, noisy.length - 64).copy(noisy, 64);
      expect(() => readRpmDb(noisy)).not.toThrow();
    }
  });
});

describe('readRpmDb', () => {
  it('an empty file is an empty database; junk is a problem', () => {
    expect(readRpmDb(Buffer.alloc(0))).toEqual({ format: 'empty', entries: [], problems: [] });
    expect(readRpmDb(Buffer.from('bogus')).problems[0]).toMatch(/not an rpm database/);
    for (let seed = 1; seed <= 20; seed++) expect(() => readRpmDb(randomBytes(seed, 4096))).not.toThrow();
  });

  it('reads the SQLite backend', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO Packages (blob) VALUES (?)');
    insert.run(headerBlob(BASH));
    insert.run(headerBlob(GLIBC));
    insert.run(Buffer.from('garbage!'));
    const bytes = db.serialize();
    db.close();
    const result = readRpmDb(bytes);
    expect(result.format).toBe('sqlite');
    expect(result.entries.map((e) => e.name)).toEqual(['bash', 'glibc']);
    expect(result.problems).toHaveLength(1);
    expect(readRpmDb(bytes.subarray(0, 200)).problems.length).toBeGreaterThan(0);
  });
});
