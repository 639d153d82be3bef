import { baseName } from './paths.js';

/** What an archive's file name says: `commons-lang3-3.12.0.jar` → commons-lang3, 3.12.0. */
export interface NameFromFile {
  name: string;
  version: string;
}

/**
 * Splits the file name at the first `-` (or `_`) that is followed by a digit: the part before
 * is the name, the rest the version (`guava-31.1-jre` → guava, 31.1-jre). Without such a
 * separator the whole stem is the name and the version is empty.
 */
export function nameFromFile(path: string): NameFromFile {
  const base = baseName(path);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const match = /[-_](?=v?\d)/.exec(stem);
  if (!match || match.index === 0) return { name: stem, version: '' };
  const version = stem.slice(match.index + 1).replace(/^v(?=\d)/, '');
  return { name: stem.slice(0, match.index), version };
}
