/**
 * RubyGems requirements (`~> 1.2.3`, `>= 1, < 2`, `!= 1.5`, `= 1.0`) as `Gem::Requirement` checks
 * them; the comma-separated list stands for the several strings `Gem::Requirement.new` takes, and
 * an empty list means `>= 0`.
 */
import { InvalidVersionError } from '../../errors/index.js';
import {
  GEM_VERSION_SOURCE,
  compareGemVersions,
  gemBump,
  gemRelease,
  parseGemVersion,
  type GemVersion,
} from './gem-version.js';

type Operator = '=' | '!=' | '>' | '<' | '>=' | '<=' | '~>';

export interface GemRequirement {
  readonly operator: Operator;
  readonly version: GemVersion;
}

const REQUIREMENT = new RegExp(
  `^[ \\t\\r\\n\\f\\v]*(=|!=|>|<|>=|<=|~>)?[ \\t\\r\\n\\f\\v]*(${GEM_VERSION_SOURCE})[ \\t\\r\\n\\f\\v]*$`,
);

export function parseGemRequirements(text: string): GemRequirement[] {
  if (text.trim() === '') return [{ operator: '>=', version: parseGemVersion('0') as GemVersion }];
  return text.split(',').map((part) => {
    const m = REQUIREMENT.exec(part);
    const version = m && parseGemVersion(m[2] ?? '');
    if (!m || !version) {
      throw new InvalidVersionError(
        `invalid gem requirement ${JSON.stringify(part.trim())} in ${JSON.stringify(text)}`,
      );
    }
    return { operator: (m[1] ?? '=') as Operator, version };
  });
}

export function gemRequirementsMet(requirements: readonly GemRequirement[], v: GemVersion): boolean {
  return requirements.every(({ operator, version: r }) => {
    const order = compareGemVersions(v, r);
    switch (operator) {
      case '=':
        return order === 0;
      case '!=':
        return order !== 0;
      case '>':
        return order > 0;
      case '<':
        return order < 0;
      case '>=':
        return order >= 0;
      case '<=':
        return order <= 0;
      case '~>':
        return order >= 0 && compareGemVersions(gemRelease(v), gemBump(r)) < 0;
    }
  });
}
