import { InvalidVersionError } from '../../errors/index.js';
import { satisfiesComparatorList, type ComparatorScheme } from '../comparator-list.js';
import type { VersionScheme } from '../types.js';
import { compareEvr, splitEvr, type RpmVersion } from './rpm-version.js';

/**
 * rpm orders any non-empty text (`1.0-8-2` is version `1.0-8`, release `2`; see splitEvr), and
 * so does this scheme: only the empty string is not a version.
 */
const isValid = (version: string): boolean => version.length > 0;

function read(version: string): RpmVersion {
  if (!isValid(version)) throw new InvalidVersionError(`invalid RPM version ${JSON.stringify(version)}`);
  return splitEvr(version);
}

const compare = (a: string, b: string): -1 | 0 | 1 => compareEvr(read(a), read(b));

/**
 * In a constraint, as in rpm's own dependency matching, a side without a release matches every
 * release: `1.0-3` satisfies `= 1.0` and `<= 1.0` but not `> 1.0`.
 */
function compareForConstraint(a: string, b: string): -1 | 0 | 1 {
  const x = read(a);
  const y = read(b);
  if (x.release === undefined || y.release === undefined) {
    return compareEvr({ ...x, release: undefined }, { ...y, release: undefined });
  }
  return compareEvr(x, y);
}

const comparators: ComparatorScheme = {
  name: 'rpm',
  operators: ['<', '<=', '=', '>=', '>', '!='],
  compare: compareForConstraint,
  isValid,
};

/**
 * RPM `[epoch:]version[-release]` ordered as rpm does (see rpm-version.ts); constraints are
 * comparator lists (generic/comparator-list.ts) matched as rpm matches dependencies.
 */
export const rpmScheme: VersionScheme = {
  name: 'rpm',
  compare,
  isValid,
  satisfies: (version, constraint) => satisfiesComparatorList(comparators, version, constraint),
};
