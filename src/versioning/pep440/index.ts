import { InvalidVersionError } from '../../errors/index.js';
import type { VersionScheme } from '../types.js';
import { parseSpecifierSet, specifierSetContains } from './pep440-specifier.js';
import { comparePep440, parsePep440, type Pep440Version } from './pep440-version.js';

function read(version: string): Pep440Version {
  const parsed = parsePep440(version);
  if (!parsed) throw new InvalidVersionError(`invalid PEP 440 version: ${JSON.stringify(version)}`);
  return parsed;
}

/** Python package versions, ordered and matched as the `packaging` library does. */
export const pep440Scheme: VersionScheme = {
  name: 'pep440',
  compare: (a, b) => comparePep440(read(a), read(b)),
  isValid: (version) => parsePep440(version) !== undefined,
  satisfies: (version, constraint) => specifierSetContains(parseSpecifierSet(constraint), read(version)),
};
