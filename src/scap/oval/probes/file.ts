import type { FileRecord } from '../../../resolver/file-view.js';
import { NS } from '../../namespaces.js';
import type { Item } from '../context.js';
import { findFiles } from './file-finder.js';
import { collected, type Probe } from './types.js';

const TYPES: Record<FileRecord['type'], string> = {
  file: 'regular',
  hardlink: 'regular',
  dir: 'directory',
  symlink: 'symbolic link',
  char: 'character special',
  block: 'block special',
  fifo: 'named pipe',
  other: 'socket',
};

const bit = (mode: number, mask: number): string[] => [(mode & mask) !== 0 ? 'true' : 'false'];

/** The unix file item of a record: type, owner, size and each permission bit (lstat's view). */
export function fileItem(
  record: FileRecord,
  names: { filepath?: string; path: string; filename?: string },
): Item {
  const m = record.mode;
  return {
    ...(names.filepath !== undefined ? { filepath: [names.filepath] } : {}),
    path: [names.path],
    filename: names.filename !== undefined ? [names.filename] : [],
    type: [TYPES[record.type]],
    user_id: [String(record.uid)],
    group_id: [String(record.gid)],
    size: [String(record.size)],
    suid: bit(m, 0o4000),
    sgid: bit(m, 0o2000),
    sticky: bit(m, 0o1000),
    uread: bit(m, 0o400),
    uwrite: bit(m, 0o200),
    uexec: bit(m, 0o100),
    gread: bit(m, 0o40),
    gwrite: bit(m, 0o20),
    gexec: bit(m, 0o10),
    oread: bit(m, 0o4),
    owrite: bit(m, 0o2),
    oexec: bit(m, 0o1),
    has_extended_acl: ['false'],
  };
}

/**
 * unix file: the metadata of each file (or directory) the object names, from the image's tar
 * headers. Times are not reported (layers keep only mtimes, which a state comparing them would
 * misread): a state on a_time, c_time or m_time is an error.
 */
export const fileProbe: Probe = {
  name: 'file',
  ns: NS.ovalUnix,
  collect(context, object) {
    const files = findFiles(context, object);
    if (!Array.isArray(files)) return files;
    return collected(files.map((f) => fileItem(f.record, f)));
  },
};
