import { gemScheme } from '../../../versioning/gem/index.js';
import { ALL, type Interval, intersectSets } from './intervals.js';

type Segment = number | string;

/** Gem::Version segments (for `~>`): runs of digits and of letters; `-` means `.pre.`. */
function segments(version: string): Segment[] {
  const parts = version.replace(/-/g, '.pre.').match(/\d+|[a-z]+/gi) ?? [];
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** RubyGems version order (Gem::Version), from the gem version scheme. */
export function compareGemVersions(a: string, b: string): number {
  return gemScheme.compare(a, b);
}

/** The version `~> version` stops below: drop prerelease parts and the last part, bump the rest. */
function pessimisticCeiling(version: string): string {
  const parts = segments(version);
  while (parts.some((part) => typeof part === 'string')) parts.pop();
  if (parts.length > 1) parts.pop();
  const last = parts.length - 1;
  parts[last] = Number(parts[last] ?? 0) + 1;
  return parts.join('.');
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
