import { InvalidVersionError } from '../../errors/index.js';

type Compare = (a: string, b: string) => -1 | 0 | 1;

/** One side of an interval; no version means unbounded. */
interface Bound {
  readonly version: string | undefined;
  readonly inclusive: boolean;
}

/** An interval of versions; a constraint is a union of intersections of them. */
interface Interval {
  readonly lower: Bound;
  readonly upper: Bound;
  /** A version left out (the `!=` comparison); the bounds are then open. */
  readonly except?: string;
}

/** Alternatives (`||`), each a list of intervals that must all hold. */
export type NuGetConstraint = readonly (readonly Interval[])[];

const OPEN: Bound = { version: undefined, inclusive: true };

function fail(constraint: string, why: string): never {
  throw new InvalidVersionError(`invalid NuGet version range ${JSON.stringify(constraint)}: ${why}`);
}

/** NuGet's interval notation: `[1.0,2.0)`, `(,1.0]`, `[1.0]`, `(1.0,)`. */
function parseInterval(text: string, check: (v: string) => void, compare: Compare): Interval {
  const lowerInclusive = text.startsWith('[');
  const last = text[text.length - 1];
  if (last !== ']' && last !== ')') fail(text, 'a range ends with ] or )');
  const upperInclusive = last === ']';
  const parts = text.slice(1, -1).split(',');
  if (parts.length > 2) fail(text, 'a range has at most two bounds');
  if (parts.every((p) => p === '')) fail(text, 'a range needs at least one bound');
  if (parts.length === 1 && !(lowerInclusive && upperInclusive))
    fail(text, 'a single version must be written [x]');
  const low = (parts[0] as string).trim();
  const high = (parts[parts.length - 1] as string).trim();
  if (low !== '') check(low);
  if (high !== '') check(high);
  if (low !== '' && high !== '') {
    const order = compare(low, high);
    if (order > 0) fail(text, 'the lower bound is above the upper one');
    if (order === 0 && lowerInclusive !== upperInclusive) fail(text, 'a bound cannot be both in and out');
  }
  return {
    lower: { version: low === '' ? undefined : low, inclusive: lowerInclusive },
    upper: { version: high === '' ? undefined : high, inclusive: upperInclusive },
  };
}

const TERM = /^(<=|>=|==|!=|<|>|=)([^\s,<>=!|]+)$/;

function comparator(term: string, whole: string, check: (v: string) => void): Interval[] {
  const match = TERM.exec(term);
  if (!match) return fail(whole, `cannot read ${JSON.stringify(term)}`);
  const [, op, version] = match as unknown as [string, string, string];
  check(version);
  const at = (inclusive: boolean): Bound => ({ version, inclusive });
  switch (op) {
    case '<':
    case '<=':
      return [{ lower: OPEN, upper: at(op === '<=') }];
    case '>':
    case '>=':
      return [{ lower: at(op === '>='), upper: OPEN }];
    case '!=':
      return [{ lower: OPEN, upper: OPEN, except: version }];
    default:
      return [{ lower: at(true), upper: at(true) }];
  }
}

/**
 * Reads NuGet's range notation (a bare version means "this version or later") or a comparator
 * list `>= 1.0, < 2.0` (every comparison with its operator, alternatives joined by `||`).
 */
export function parseNuGetConstraint(
  constraint: string,
  check: (v: string) => void,
  compare: Compare,
): NuGetConstraint {
  const text = constraint.trim();
  if (text === '') fail(constraint, 'empty');
  if (text.startsWith('[') || text.startsWith('(')) return [[parseInterval(text, check, compare)]];
  if (!/^[<>=!]/.test(text)) {
    check(text);
    return [[{ lower: { version: text, inclusive: true }, upper: OPEN }]];
  }
  return text.split('||').map((group) =>
    group
      .replace(/(<=|>=|==|!=|<|>|=)\s+/g, '$1')
      .split(',')
      .flatMap((part) =>
        part.trim() === '' ? fail(constraint, 'empty comparison') : part.trim().split(/\s+/),
      )
      .flatMap((term) => comparator(term, constraint, check)),
  );
}

function inside(interval: Interval, version: string, compare: Compare): boolean {
  const { lower, upper } = interval;
  if (interval.except !== undefined && compare(version, interval.except) === 0) return false;
  if (lower.version !== undefined) {
    const c = compare(version, lower.version);
    if (c < 0 || (c === 0 && !lower.inclusive)) return false;
  }
  if (upper.version !== undefined) {
    const c = compare(version, upper.version);
    if (c > 0 || (c === 0 && !upper.inclusive)) return false;
  }
  return true;
}

/** Whether `version` lies in the constraint, ordering versions with `compare`. */
export function nugetConstraintIncludes(
  constraint: NuGetConstraint,
  version: string,
  compare: Compare,
): boolean {
  return constraint.some((group) => group.every((interval) => inside(interval, version, compare)));
}
