import { InvalidVersionError } from '../../errors/index.js';
import { satisfiesComparatorList, type ComparatorScheme } from '../comparator-list.js';
import type { VersionScheme } from '../types.js';
import { compareDebVersions, parseDebVersion, readDebVersion, type DebVersion } from './deb-version.js';

/**
 * `dpkg --compare-versions` also takes an empty argument and the literal `<unknown>` as "no
 * version"; neither is a version a package can have, so both are invalid here.
 */
const NO_VERSION = '<unknown>';

function read(version: string): DebVersion {
  if (version === NO_VERSION) throw new InvalidVersionError(`invalid Debian version "${NO_VERSION}"`);
  return parseDebVersion(version);
}

const compare = (a: string, b: string): -1 | 0 | 1 => compareDebVersions(read(a), read(b));
const isValid = (version: string): boolean =>
  version !== NO_VERSION && typeof readDebVersion(version) !== 'string';

const comparators: ComparatorScheme = {
  name: 'deb',
  operators: ['<<', '<=', '=', '>=', '>>', '<', '>', '!='],
  compare,
  isValid,
};

/**
 * Debian versions as dpkg reads and orders them (see deb-version.ts). Constraints are
 * comparator lists (generic/comparator-list.ts) that also take dpkg's relations `<<` and `>>`;
 * `<` and `>` are strict here, not dpkg's obsolete spellings of `<=` and `>=`.
 */
export const debScheme: VersionScheme = {
  name: 'deb',
  compare,
  isValid,
  satisfies: (version, constraint) => satisfiesComparatorList(comparators, version, constraint),
};
