import { UnsafePathError } from '../errors/index.js';

/**
 * Normalises a path as written in a layer (`./etc/passwd`, `etc/`, `/usr//lib`) to the image's
 * absolute form (`/etc/passwd`). A name that climbs above the root (`../x`, `a/../../x`) is a
 * hostile layer: it is refused, never clamped, so nothing it says can be misplaced.
 */
export function normalizeEntryPath(name: string, where: string): string {
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) {
        throw new UnsafePathError(
          `${where}: entry "${printable(name)}" points outside the image root (refusing a path-traversal layer)`,
        );
      }
      out.pop();
      continue;
    }
    out.push(part);
  }
  return '/' + out.join('/');
}

/**
 * Joins `target` onto the directory `dir` inside the image. An absolute target starts again at
 * the image root; `..` stops at the root, exactly as the kernel resolves a symlink in a chroot.
 * The result is always an absolute path inside the image: it can never name a host path.
 */
export function resolveInside(dir: string, target: string): string {
  const out: string[] = target.startsWith('/') ? [] : splitPath(dir);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function printable(name: string): string {
  const cut = name.length > 120 ? name.slice(0, 117) + '...' : name;
  return cut.replace(/[^\x20-\x7e]/g, '?');
}
