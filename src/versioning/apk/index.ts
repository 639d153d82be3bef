import { InvalidVersionError } from '../../errors/index.js';
import { satisfiesComparatorList, type ComparatorScheme } from '../comparator-list.js';
import type { VersionScheme } from '../types.js';
import { compareApkTokens, tokenizeApkVersion, type ApkToken } from './apk-version.js';

function read(version: string): ApkToken[] {
  const tokens = tokenizeApkVersion(version);
  if (!tokens) throw new InvalidVersionError(`invalid Alpine version ${JSON.stringify(version)}`);
  return tokens;
}

const compare = (a: string, b: string): -1 | 0 | 1 => compareApkTokens(read(a), read(b));
const isValid = (version: string): boolean => tokenizeApkVersion(version) !== undefined;

const comparators: ComparatorScheme = {
  name: 'apk',
  operators: ['<', '<=', '=', '>=', '>', '!='],
  compare,
  isValid,
};

/**
 * Alpine versions as apk-tools reads and orders them (see apk-version.ts); constraints are
 * comparator lists (generic/comparator-list.ts).
 */
export const apkScheme: VersionScheme = {
  name: 'apk',
  compare,
  isValid,
  satisfies: (version, constraint) => satisfiesComparatorList(comparators, version, constraint),
};
