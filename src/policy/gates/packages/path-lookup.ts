import path from 'node:path/posix';
import type { FileEntry } from '../../../model/file-entry.js';

const MAX_LINKS = 32;

/**
 * Whether `target` exists in a full file inventory, following symlinked directories on the way
 * (`/bin/bash` exists when `/bin` links to `usr/bin` and `/usr/bin/bash` is listed), as a
 * package manager writing the path would have seen it.
 */
export function pathExists(byPath: ReadonlyMap<string, FileEntry>, target: string): boolean {
  let parts = path
    .normalize(target)
    .split('/')
    .filter((p) => p !== '');
  let resolved = '';
  let links = 0;
  while (parts.length > 0) {
    const [head, ...rest] = parts as [string, ...string[]];
    const candidate = `${resolved}/${head}`;
    const entry = byPath.get(candidate);
    if (!entry) return false;
    if (entry.type === 'symlink' && entry.linkTarget !== undefined && rest.length > 0) {
      if (++links > MAX_LINKS) return false;
      const next = entry.linkTarget.startsWith('/')
        ? entry.linkTarget
        : path.join(resolved || '/', entry.linkTarget);
      parts = [
        ...path
          .normalize(next)
          .split('/')
          .filter((p) => p !== ''),
        ...rest,
      ];
      resolved = '';
      continue;
    }
    resolved = candidate;
    parts = rest;
  }
  return true;
}

/** True when the inventory holds every file (`--files all`), not only the notable ones. */
export function isFullInventory(files: readonly FileEntry[]): boolean {
  return files.some((f) => !f.flags || f.flags.every((flag) => flag === 'sticky'));
}
