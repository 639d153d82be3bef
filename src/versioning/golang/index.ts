import { InvalidVersionError } from '../../errors/index.js';
import type { VersionScheme } from '../types.js';
import { satisfiesComparatorList, type ComparatorScheme } from '../comparator-list.js';
import { compareGoVersions, parseModuleVersion, type GoVersion } from './module-version.js';
import { parseToolchainVersion } from './toolchain-version.js';

function parse(version: string): GoVersion | undefined {
  if (version.startsWith('go')) return parseToolchainVersion(version);
  return parseModuleVersion(version) ?? parseToolchainVersion(version);
}

function read(version: string): GoVersion {
  const parsed = parse(version);
  if (!parsed) throw new InvalidVersionError(`invalid Go version: ${JSON.stringify(version)}`);
  return parsed;
}

function compare(a: string, b: string): -1 | 0 | 1 {
  return compareGoVersions(read(a), read(b));
}

/**
 * Go module versions (`v1.2.3`, pseudo-versions, `+incompatible`; the `v` may be left out as
 * OSV writes them) ordered as golang.org/x/mod/semver orders them, and Go toolchain versions
 * (`go1.21.3`, `go1.21rc2`, `1.21rc2`) ordered as the go command orders them, in one order.
 * Constraints are comparator lists: `>=v1.2.3, <v1.3.0`, alternatives joined by `||`.
 */
const comparators: ComparatorScheme = {
  name: 'Go version',
  operators: ['<', '<=', '=', '>=', '>', '!='],
  compare,
  isValid: (version) => parse(version) !== undefined,
};

export const golangScheme: VersionScheme = {
  name: 'golang',
  compare,
  isValid: (version) => parse(version) !== undefined,
  satisfies: (version, constraint) => {
    read(version);
    return satisfiesComparatorList(comparators, version, constraint);
  },
};
