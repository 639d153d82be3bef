import { gemBump, parseGemVersion } from '../../../versioning/gem/gem-version.js';
import { gemScheme } from '../../../versioning/gem/index.js';
import { ALL, type Interval, intersectSets } from './intervals.js';

/** RubyGems version order (Gem::Version), from the gem version scheme. */
export function compareGemVersions(a: string, b: string): number {
  return gemScheme.compare(a, b);
}

/**
 * The version `~> version` stops below: Gem::Version's bump (letters dropped, the last part
 * dropped, the rest bumped), with segments as exact integers of any size.
 */
function pessimisticCeiling(version: string): string {
  return gemBump(parseGemVersion(version)!).text;
}

/** The versions one `op version` condition allows, or undefined when it cannot be read. */
function condition(text: string): Interval[] | undefined {
  const match = /^\s*(~>|>=|<=|!=|=|>|<)?\s*(\S+)\s*$/.exec(text);
  const op = match?.[1] ?? '=';
  const version = match?.[2];
  if (!version || !gemScheme.isValid(version)) return undefined;
  const at = { version, inclusive: true };
  const before = { version, inclusive: false };
  switch (op) {
    case '=':
      return [{ lower: at, upper: at }];
    case '!=':
      return [{ upper: before }, { lower: before }];
    case '>':
      return [{ lower: before }];
    case '>=':
      return [{ lower: at }];
    case '<':
      return [{ upper: before }];
    case '<=':
      return [{ upper: at }];
    default:
      return [{ lower: at, upper: { version: pessimisticCeiling(version), inclusive: false } }];
  }
}

/**
 * A gem requirement (`~> 5.2.4, >= 5.2.4.3`: comma-separated conditions that must all hold) as
 * the intervals it allows; undefined when a condition cannot be read.
 */
export function requirementIntervals(requirement: string): Interval[] | undefined {
  let allowed: Interval[] = [ALL];
  for (const part of requirement.split(',')) {
    const intervals = condition(part);
    if (!intervals) return undefined;
    allowed = intersectSets(allowed, intervals, compareGemVersions);
  }
  return allowed;
}
