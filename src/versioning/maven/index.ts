import { InvalidVersionError } from '../../errors/index.js';
import type { VersionScheme } from '../types.js';
import { compareMavenItems, parseMavenVersion, type MavenItem } from './comparable-version.js';
import { mavenConstraintIncludes, parseMavenConstraint } from './maven-range.js';

/**
 * Maven accepts any string as a version; Customs reads the printable ASCII ones without
 * whitespace (every version Maven Central holds), so that case folding and digit detection
 * cannot drift from Java's on exotic characters.
 */
const READABLE = /^[\x21-\x7e]+$/;

function read(version: string): MavenItem[] {
  if (!READABLE.test(version)) {
    throw new InvalidVersionError(`invalid Maven version: ${JSON.stringify(version)}`);
  }
  return parseMavenVersion(version);
}

function check(version: string): void {
  read(version);
}

function compare(a: string, b: string): -1 | 0 | 1 {
  return compareMavenItems(read(a), read(b));
}

/**
 * Maven versions ordered exactly as maven-artifact's ComparableVersion orders them. Constraints
 * are Maven ranges (`[1.0,2.0)`, `(,1.0]`, `[1.2]`, unions `[1,2),[3,4)`), comparator lists
 * (`>=1.0, <2.0`, alternatives joined by `||`) or one bare version, meaning exactly it.
 */
export const mavenScheme: VersionScheme = {
  name: 'maven',
  compare,
  isValid: (version) => READABLE.test(version),
  satisfies: (version, constraint) => {
    read(version);
    return mavenConstraintIncludes(parseMavenConstraint(constraint, check, compare), version, compare);
  },
};
