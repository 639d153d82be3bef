import { basename, extname } from 'node:path';
import type { KeyDescription } from '../../../signature/types.js';

/**
 * Whether a rule's key entry names `key`: its name, its path as given, the file name, or the
 * file name without its extension (`release` for `keys/release.pub`).
 */
export function keyNamed(entry: string, key: KeyDescription): boolean {
  if (entry === key.name || entry === key.path) return true;
  if (key.path === undefined) return false;
  const file = basename(key.path);
  return entry === file || entry === file.slice(0, file.length - extname(file).length);
}
