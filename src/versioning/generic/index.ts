import { InvalidVersionError } from '../../errors/index.js';
import type { VersionScheme } from '../types.js';
import { satisfiesComparatorList, type ComparatorScheme } from '../comparator-list.js';
import { compareGenericRuns, readGenericVersion, type GenericRun } from './generic-version.js';

function read(version: string): GenericRun[] {
  const runs = readGenericVersion(version);
  if (!runs) throw new InvalidVersionError(`invalid version ${JSON.stringify(version)}`);
  return runs;
}

const compare = (a: string, b: string): -1 | 0 | 1 => compareGenericRuns(read(a), read(b));
const isValid = (version: string): boolean => readGenericVersion(version) !== undefined;

const comparators: ComparatorScheme = {
  name: 'generic',
  operators: ['<', '<=', '=', '>=', '>', '!='],
  compare,
  isValid,
};

/**
 * The fallback for ecosystems without a scheme of their own: dot/dash separated numbers and
 * words, numbers compared as numbers (rules in generic-version.ts). Constraints are comparator
 * lists (comparator-list.ts).
 */
export const genericScheme: VersionScheme = {
  name: 'generic',
  compare,
  isValid,
  satisfies: (version, constraint) => satisfiesComparatorList(comparators, version, constraint),
};
