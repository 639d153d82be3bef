import { RpmDbError, type DbBlobs } from './db-blobs.js';

/** rpm's NDB backend (backend/ndb/rpmpkg.c): little-endian magics 'RpmP', 'Slot', 'BlbS'. */
const PKGDB_MAGIC = 0x506d7052;
const SLOT_MAGIC = 0x746f6c53;
const BLOB_MAGIC = 0x53626c42;
const PAGE_SIZE = 4096;
const SLOT_SIZE = 16;
const BLK_SIZE = 16;
const HEADER_SIZE = 32;
const BLOB_HEAD_SIZE = 16;

export function isNdbDb(content: Buffer): boolean {
  return content.length >= HEADER_SIZE && content.readUInt32LE(0) === PKGDB_MAGIC;
}

/**
 * Header blobs of an NDB `Packages.db` (SUSE): a 32-byte header, slot pages (16-byte slots:
 * magic, package index, block offset, block count) and blobs at `blkoff * 16`, each with a
 * 16-byte head (magic, package index, generation, length).
 */
export function readNdbDb(content: Buffer): DbBlobs {
  if (!isNdbDb(content)) throw new RpmDbError('not an rpm NDB database (bad magic)');
  const version = content.readUInt32LE(4);
  if (version !== 0) throw new RpmDbError(`unsupported NDB version ${version}`);
  const slotPages = content.readUInt32LE(12);
  if (slotPages === 0 || slotPages * PAGE_SIZE > content.length) {
    throw new RpmDbError(`NDB slot area (${slotPages} pages) does not fit in ${content.length} bytes`);
  }
  const blobs: Buffer[] = [];
  const problems: string[] = [];
  const slotEnd = slotPages * PAGE_SIZE;
  for (let at = HEADER_SIZE; at + SLOT_SIZE <= slotEnd; at += SLOT_SIZE) {
    const magic = content.readUInt32LE(at);
    const pkgIdx = content.readUInt32LE(at + 4);
    if (magic !== SLOT_MAGIC) {
      problems.push(`slot at ${at}: bad magic`);
      continue;
    }
    if (pkgIdx === 0) continue;
    const blkOff = content.readUInt32LE(at + 8);
    const blkCnt = content.readUInt32LE(at + 12);
    const start = blkOff * BLK_SIZE;
    if (start + BLOB_HEAD_SIZE > content.length || blkCnt === 0) {
      problems.push(`package ${pkgIdx}: blob offset ${start} outside the file`);
      continue;
    }
    if (content.readUInt32LE(start) !== BLOB_MAGIC || content.readUInt32LE(start + 4) !== pkgIdx) {
      problems.push(`package ${pkgIdx}: bad blob head`);
      continue;
    }
    const length = content.readUInt32LE(start + 12);
    const dataStart = start + BLOB_HEAD_SIZE;
    if (dataStart + length > content.length || length > blkCnt * BLK_SIZE) {
      problems.push(`package ${pkgIdx}: blob of ${length} bytes truncated`);
      continue;
    }
    blobs.push(content.subarray(dataStart, dataStart + length));
  }
  return { blobs, problems };
}
