import { InvalidVersionError } from '../../errors/index.js';
import type { VersionScheme } from '../types.js';
import { nugetConstraintIncludes, parseNuGetConstraint } from './nuget-range.js';
import { compareNuGetVersions, parseNuGetVersion, type NuGetVersion } from './nuget-version.js';

function read(version: string): NuGetVersion {
  const parsed = parseNuGetVersion(version);
  if (!parsed) throw new InvalidVersionError(`invalid NuGet version: ${JSON.stringify(version)}`);
  return parsed;
}

function check(version: string): void {
  read(version);
}

function compare(a: string, b: string): -1 | 0 | 1 {
  return compareNuGetVersions(read(a), read(b));
}

/**
 * NuGet package versions ordered as NuGet.Versioning orders them (SemVer 2 with a fourth
 * "revision" part, `1.0` = `1.0.0.0`, release labels case-insensitive, metadata ignored).
 * Constraints use NuGet's range notation (`[1.0,2.0)`, `(,1.0]`, `[1.0]`, bare `1.0` meaning
 * `>= 1.0`) or comparator lists (`>= 1.0, < 2.0`). Floating ranges (`1.*`) are not read.
 */
export const nugetScheme: VersionScheme = {
  name: 'nuget',
  compare,
  isValid: (version) => parseNuGetVersion(version) !== undefined,
  satisfies: (version, constraint) => {
    read(version);
    return nugetConstraintIncludes(parseNuGetConstraint(constraint, check, compare), version, compare);
  },
};
