import { InvalidVersionError } from '../../errors/index.js';
import type { VersionScheme } from '../types.js';
import { parseSemverRange, semverRangeIncludes } from './semver-range.js';
import { compareSemver, parseLenientSemver, type SemverVersion } from './semver-version.js';

function read(version: string): SemverVersion {
  const parsed = parseLenientSemver(version);
  if (!parsed) throw new InvalidVersionError(`invalid semver version: ${JSON.stringify(version)}`);
  return parsed;
}

/**
 * SemVer 2.0.0 as npm's node-semver orders and matches it. Versions are read like
 * `semver.clean` (leading `v` or `=` allowed); ranges take the full npm syntax.
 */
export const semverScheme: VersionScheme = {
  name: 'semver',
  compare: (a, b) => compareSemver(read(a), read(b)),
  isValid: (version) => parseLenientSemver(version) !== undefined,
  satisfies: (version, constraint) => semverRangeIncludes(parseSemverRange(constraint), read(version)),
};
