import type { VersionRange } from '../../model.js';

/** One end of a version interval. */
export interface Bound {
  version: string;
  inclusive: boolean;
}

/** A version interval; a missing bound is unbounded on that side. */
export interface Interval {
  lower?: Bound;
  upper?: Bound;
}

export type Compare = (a: string, b: string) => number;

/** The everything-interval. */
export const ALL: Interval = {};

/** The intersection of two intervals, or undefined when it is empty. */
export function intersect(a: Interval, b: Interval, compare: Compare): Interval | undefined {
  const lower = tighterLower(a.lower, b.lower, compare);
  const upper = tighterUpper(a.upper, b.upper, compare);
  const result: Interval = {};
  if (lower) result.lower = lower;
  if (upper) result.upper = upper;
  return isEmpty(result, compare) ? undefined : result;
}

/** Pairwise intersections of two unions of intervals (the AND of two interval sets). */
export function intersectSets(a: Interval[], b: Interval[], compare: Compare): Interval[] {
  const result: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const both = intersect(x, y, compare);
      if (both) result.push(both);
    }
  }
  return merge(result, compare);
}

/** The union of the intervals as sorted, non-overlapping, non-touching intervals. */
export function merge(intervals: Interval[], compare: Compare): Interval[] {
  const sorted = [...intervals].sort((a, b) => compareLower(a.lower, b.lower, compare));
  const result: Interval[] = [];
  for (const next of sorted) {
    const last = result[result.length - 1];
    if (last && meets(last, next, compare)) {
      const upper = looserUpper(last.upper, next.upper, compare);
      if (upper) last.upper = upper;
      else delete last.upper;
    } else {
      result.push({ ...next });
    }
  }
  return result;
}

/** Every version not in any of the intervals. */
export function complement(intervals: Interval[], compare: Compare): Interval[] {
  const result: Interval[] = [];
  let from: Bound | undefined;
  for (const interval of merge(intervals, compare)) {
    if (interval.lower) {
      const gap: Interval = { upper: flip(interval.lower) };
      if (from) gap.lower = from;
      if (!isEmpty(gap, compare)) result.push(gap);
    }
    if (!interval.upper) return result;
    from = flip(interval.upper);
  }
  result.push(from ? { lower: from } : {});
  return result;
}

/** The interval as a VersionRange (inclusive upper bounds become `lastAffected`). */
export function toVersionRange(interval: Interval): VersionRange {
  const range: VersionRange = {};
  if (interval.lower) {
    range.introduced = interval.lower.version;
    if (!interval.lower.inclusive) range.lowerExclusive = true;
  }
  if (interval.upper?.inclusive) range.lastAffected = interval.upper.version;
  else if (interval.upper) range.fixed = interval.upper.version;
  return range;
}

function flip(bound: Bound): Bound {
  return { version: bound.version, inclusive: !bound.inclusive };
}

function isEmpty(interval: Interval, compare: Compare): boolean {
  if (!interval.lower || !interval.upper) return false;
  const order = compare(interval.lower.version, interval.upper.version);
  return order > 0 || (order === 0 && !(interval.lower.inclusive && interval.upper.inclusive));
}

/** Whether `next` (which starts no earlier than `last`) overlaps or touches `last`. */
function meets(last: Interval, next: Interval, compare: Compare): boolean {
  if (!last.upper || !next.lower) return true;
  const order = compare(next.lower.version, last.upper.version);
  return order < 0 || (order === 0 && (next.lower.inclusive || last.upper.inclusive));
}

function compareLower(a: Bound | undefined, b: Bound | undefined, compare: Compare): number {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  return compare(a.version, b.version) || Number(b.inclusive) - Number(a.inclusive);
}

function tighterLower(a: Bound | undefined, b: Bound | undefined, compare: Compare) {
  if (!a || !b) return a ?? b;
  const order = compare(a.version, b.version);
  if (order !== 0) return order > 0 ? a : b;
  return a.inclusive ? b : a;
}

function tighterUpper(a: Bound | undefined, b: Bound | undefined, compare: Compare) {
  if (!a || !b) return a ?? b;
  const order = compare(a.version, b.version);
  if (order !== 0) return order < 0 ? a : b;
  return a.inclusive ? b : a;
}

function looserUpper(a: Bound | undefined, b: Bound | undefined, compare: Compare) {
  if (!a || !b) return undefined;
  const order = compare(a.version, b.version);
  if (order !== 0) return order > 0 ? a : b;
  return a.inclusive ? a : b;
}
