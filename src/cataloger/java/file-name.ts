import { baseName } from './paths.js';

/** What an archive's file name says: `commons-lang3-3.12.0.jar` → commons-lang3, 3.12.0. */
export interface NameFromFile {
  name: string;
  version: string;
}

/**
 * Words that may follow a version in a file name (`31.1-jre`, `4.1.86.Final-linux-x86_64`,
 * `1.0-SNAPSHOT-tests`); any other word after a number is part of the name (`log4j-1.2-api`).
 * Trailing digits are ignored (`rc1`, `jdk8`, `M2`).
 */
const QUALIFIERS = new Set(
  (
    'alpha beta rc cr m milestone snapshot release final ga sp jre jdk android incubating b build ' +
    'dev pre preview patch hotfix nightly linux osx windows win macos darwin x86 aarch arm amd ' +
    'natives native all shaded nodeps uber tests test sources javadoc bin dist standalone full ' +
    'jakarta javax noaop no aop with dependencies indy classes ea r e redhat hadoop jbossorg osgi ' +
    'bundle public stable lts'
  )
    .toLowerCase()
    .split(' '),
);

/** Whether every word of `segment` (split at `-`, `.`, `_`) is a number or a qualifier. */
function versionLike(segment: string): boolean {
  return segment
    .split(/[-._+]/)
    .every(
      (word) =>
        word === '' ||
        /^v?\d/.test(word) ||
        QUALIFIERS.has(word.toLowerCase()) ||
        QUALIFIERS.has(word.toLowerCase().replace(/\d+$/, '')),
    );
}

/**
 * Splits the file name where its version begins: at the first `-` followed by a number whose
 * rest reads as a version (numbers and qualifiers such as `jre`, `Final`, `SNAPSHOT`), so
 * `guava-31.1-jre` → guava, 31.1-jre and `log4j-1.2-api-2.19.0` → log4j-1.2-api, 2.19.0, while
 * `log4j-1.2-api` has no version. `_` separates only where no `-` does. Without such a split
 * the whole stem is the name and the version is empty.
 */
export function nameFromFile(path: string): NameFromFile {
  const base = baseName(path);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  for (const separator of ['-', '_']) {
    for (let at = stem.indexOf(separator, 1); at > 0; at = stem.indexOf(separator, at + 1)) {
      const rest = stem.slice(at + 1);
      if (!/^v?\d/.test(rest) || !versionLike(rest)) continue;
      return { name: stem.slice(0, at), version: rest.replace(/^v(?=\d)/, '') };
    }
  }
  return { name: stem, version: '' };
}
