import { ALL, type Bound, type Interval, intersectSets, merge } from '../rubysec/intervals.js';

/** Node.js release versions are plain `major.minor.patch`: compared numerically. */
export function compareNodeVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const order = (left[i] ?? 0) - (right[i] ?? 0);
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

/** A partial version (`8`, `8.1`, `8.x`, `8.1.4`) as its given numbers; undefined if unreadable. */
function numbers(text: string): number[] | undefined {
  const parts = text.replace(/^v/, '').split('.');
  const given: number[] = [];
  for (const part of parts) {
    if (/^[x*]$/i.test(part)) break;
    if (!/^\d+$/.test(part)) return undefined;
    given.push(Number(part));
  }
  return given.length <= 3 && parts.length <= 3 ? given : undefined;
}

const full = (n: number[]) => [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0].join('.');

/** The first version after every version the partial names (`8` → 9.0.0, `8.1` → 8.2.0). */
function next(n: number[]): string {
  if (n.length === 0) return '';
  const bumped = n.slice(0, -1).concat((n[n.length - 1] ?? 0) + 1);
  return full(bumped);
}

const at = (version: string): Bound => ({ version, inclusive: true });
const before = (version: string): Bound => ({ version, inclusive: false });

function comparator(op: string, n: number[]): Interval | undefined {
  const upper = n.length === 0 ? undefined : before(next(n));
  switch (op) {
    case '':
    case '=':
      return upper ? { lower: at(full(n)), upper } : ALL;
    case '>=':
      return { lower: at(full(n)) };
    case '>':
      return upper ? { lower: at(next(n)) } : undefined;
    case '<':
      return { upper: before(full(n)) };
    case '<=':
      return upper ? { upper } : ALL;
    case '~':
      return { lower: at(full(n)), upper: before(next(n.slice(0, Math.max(1, Math.min(2, n.length))))) };
    case '^': {
      const significant = n.findIndex((part) => part !== 0);
      const keep = significant === -1 ? n.length : significant + 1;
      return { lower: at(full(n)), upper: before(next(n.slice(0, Math.max(1, keep)))) };
    }
    default:
      return undefined;
  }
}

/**
 * An npm range over Node.js versions (`8.x || ^6.11.1`, `>= 10.9.0`, `<= 10`) as intervals;
 * undefined when some part is outside this subset (hyphen ranges, prereleases).
 */
export function nodeRangeIntervals(range: string): Interval[] | undefined {
  const result: Interval[] = [];
  for (const alternative of range.split('||')) {
    const tokens = alternative
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .trim()
      .split(/\s+/);
    let allowed: Interval[] = [ALL];
    for (const token of tokens.filter((t) => t !== '')) {
      const match = /^(>=|<=|>|<|=|\^|~)?(.+)$/.exec(token);
      const n = match?.[2] === undefined ? undefined : numbers(match[2]);
      const interval = n && comparator(match?.[1] ?? '', n);
      if (!interval) return undefined;
      allowed = intersectSets(allowed, [interval], compareNodeVersions);
    }
    result.push(...allowed);
  }
  return merge(result, compareNodeVersions);
}
