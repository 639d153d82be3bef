import { constants, type Stats } from 'node:fs';
import { lstat, open, opendir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileType, LayerEntry } from '../layer-entry.js';
import { UnreadableFileError } from '../unreadable-file-error.js';

/** Host directories that are views of the running kernel, never part of a root filesystem. */
const VIRTUAL_WHEN_HOST_ROOT = new Set(['/proc', '/sys', '/dev']);

function typeOf(stats: Stats): FileType {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'dir';
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isCharacterDevice()) return 'char';
  if (stats.isBlockDevice()) return 'block';
  if (stats.isFIFO()) return 'fifo';
  return 'other';
}

/**
 * Walks a root filesystem on the host in path order without following any symlink: a link is
 * reported as a link (its target as written), so nothing outside `root` is ever read.
 */
export async function* walkRoot(root: string): AsyncGenerator<LayerEntry> {
  yield* walkDir(root, '', root === '/');
}

async function* walkDir(root: string, rel: string, hostRoot: boolean): AsyncGenerator<LayerEntry> {
  let names: string[];
  try {
    const dir = await opendir(join(root, rel));
    names = [];
    for await (const d of dir) names.push(d.name);
  } catch {
    return;
  }
  names.sort();
  for (const name of names) {
    const path = `${rel}/${name}`;
    if (hostRoot && VIRTUAL_WHEN_HOST_ROOT.has(path)) continue;
    const full = join(root, path);
    let stats: Stats;
    try {
      stats = await lstat(full);
    } catch {
      continue;
    }
    const type = typeOf(stats);
    const entry: LayerEntry = {
      path,
      type,
      mode: stats.mode & 0o7777,
      uid: stats.uid,
      gid: stats.gid,
      size: type === 'file' ? stats.size : 0,
      mtime: stats.mtime,
      read: (limit) => readNoFollow(full, path, limit),
    };
    if (type === 'symlink') entry.linkTarget = await readlink(full).catch(() => '');
    yield entry;
    if (type === 'dir') yield* walkDir(root, path, hostRoot);
  }
}

async function readNoFollow(full: string, path: string, limit: number): Promise<Buffer> {
  try {
    const handle = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const chunks: Buffer[] = [];
      let length = 0;
      while (length < limit) {
        const buffer = Buffer.alloc(Math.min(1 << 20, limit - length));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        chunks.push(buffer.subarray(0, bytesRead));
        length += bytesRead;
      }
      return Buffer.concat(chunks, length);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new UnreadableFileError(path, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
}
