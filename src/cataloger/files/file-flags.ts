import type { FileEntry } from '../../model/file-entry.js';
import type { FileType } from '../../source/layer-entry.js';

export type FileFlag = NonNullable<FileEntry['flags']>[number];

/**
 * The security-relevant bits of a mode: setuid, setgid, world-writable (and sticky, which only
 * matters next to world-writable). Symlinks have no meaningful mode and get none.
 */
export function fileFlags(type: FileType, mode: number): FileFlag[] {
  if (type === 'symlink') return [];
  const flags: FileFlag[] = [];
  if (mode & 0o4000) flags.push('setuid');
  if (mode & 0o2000) flags.push('setgid');
  if (mode & 0o002) flags.push('world-writable');
  if (mode & 0o1000) flags.push('sticky');
  return flags;
}

/** Notable files are listed by default: setuid, setgid or world-writable (sticky alone is not). */
export function isNotable(type: FileType, mode: number): boolean {
  return fileFlags(type, mode).some((f) => f !== 'sticky');
}

/** The mode as octal text, at least three digits: 0o4755 → "4755", 0o644 → "644". */
export function modeText(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(3, '0');
}
