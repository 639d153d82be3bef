import type { Unknown } from '../model/unknown.js';
import type { FileView } from '../resolver/file-view.js';
import { parentOf, resolveInside } from '../image-path/path.js';

/** As many hops as Linux follows before ELOOP. */
const MAX_HOPS = 40;

/**
 * Symlinks at paths some cataloger wanted whose chain never ends (a → b → a): each becomes a
 * located unknown, since what it should have pointed at can never be read. Dangling links are
 * common in images (/etc/mtab) and are not reported.
 */
export function symlinkLoops(view: FileView, wanted: (path: string) => boolean): Unknown[] {
  const unknowns: Unknown[] = [];
  for (const record of view.find(wanted)) {
    if (record.type !== 'symlink') continue;
    let path = record.path;
    let current = view.lookup(path) ?? record;
    let hops = 0;
    while (current.type === 'symlink' && hops <= MAX_HOPS) {
      path = resolveInside(parentOf(path), current.linkTarget ?? '');
      const next = view.lookup(path);
      if (!next) break;
      current = next;
      hops++;
    }
    if (hops > MAX_HOPS)
      unknowns.push({
        path: record.path,
        layer: record.layerDigest,
        cataloger: 'resolver',
        message: `symlink loop: ${record.path} → ${record.linkTarget ?? ''} never reaches a file (more than ${MAX_HOPS} links)`,
      });
  }
  return unknowns;
}
