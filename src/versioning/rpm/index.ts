import { InvalidVersionError } from '../../errors/index.js';
import { satisfiesComparatorList, type ComparatorScheme } from '../comparator-list.js';
import type { VersionScheme } from '../types.js';
import { compareEvr, splitEvr, type RpmVersion } from './rpm-version.js';

/**
 * What a package's EVR can hold: an optional decimal epoch and colon, then a version and an
 * optional release made of the characters rpmbuild allows in them (letters, digits and
 * `. _ + ~ ^`), joined by one hyphen. rpm would order other text too, but no package carries it.
 */
const EVR = /^(?:\d+:)?[A-Za-z0-9._+~^]+(?:-[A-Za-z0-9._+~^]+)?$/;

const isValid = (version: string): boolean => EVR.test(version);

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
