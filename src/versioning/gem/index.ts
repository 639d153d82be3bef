import { InvalidVersionError } from '../../errors/index.js';
import type { VersionScheme } from '../types.js';
import { gemRequirementsMet, parseGemRequirements } from './gem-requirement.js';
import { compareGemVersions, parseGemVersion, type GemVersion } from './gem-version.js';

function read(version: string): GemVersion {
  const parsed = parseGemVersion(version);
  if (!parsed) throw new InvalidVersionError(`invalid gem version: ${JSON.stringify(version)}`);
  return parsed;
}

/** Ruby gem versions, ordered and matched as RubyGems' Gem::Version and Gem::Requirement do. */
export const gemScheme: VersionScheme = {
  name: 'gem',
  compare: (a, b) => compareGemVersions(read(a), read(b)),
  isValid: (version) => parseGemVersion(version) !== undefined,
  satisfies: (version, constraint) => gemRequirementsMet(parseGemRequirements(constraint), read(version)),
};
