import { InvalidVersionError } from '../../errors/index.js';

/** One bound of a restriction; `undefined` version means unbounded on that side. */
interface Bound {
  readonly version: string | undefined;
  readonly inclusive: boolean;
}

/** One restriction of a Maven range: `[1.0,2.0)`, `(,1.0]`, `[1.2]`. */
interface Restriction {
  readonly lower: Bound;
  readonly upper: Bound;
}

type Operator = '<' | '<=' | '>' | '>=' | '=' | '!=';

interface Comparator {
  readonly op: Operator;
  readonly version: string;
}

/**
 * A parsed Maven constraint: a union of restrictions (Maven's range syntax), a union of
 * comparator lists (`>=1.0, <2.0 || >=3`), or one bare version meaning exactly that version
 * (as vulnerability feeds mean it; Maven's resolver would read it as a soft preference).
 */
export type MavenConstraint =
  | { readonly kind: 'ranges'; readonly restrictions: readonly Restriction[] }
  | { readonly kind: 'comparators'; readonly groups: readonly (readonly Comparator[])[] };

type Compare = (a: string, b: string) => -1 | 0 | 1;
type Check = (version: string) => void;

function fail(constraint: string, why: string): never {
  throw new InvalidVersionError(`invalid Maven version range ${JSON.stringify(constraint)}: ${why}`);
}

function parseRestriction(
  body: string,
  open: string,
  close: string,
  whole: string,
  check: Check,
  compare: Compare,
): Restriction {
  const lowerInclusive = open === '[';
  const upperInclusive = close === ']';
  const comma = body.indexOf(',');
  if (comma === -1) {
    const version = body.trim();
    if (!lowerInclusive || !upperInclusive) fail(whole, 'a single version must be written [x]');
    if (version === '') fail(whole, 'empty range');
    check(version);
    return { lower: { version, inclusive: true }, upper: { version, inclusive: true } };
  }
  const low = body.slice(0, comma).trim();
  const high = body.slice(comma + 1).trim();
  if (high.includes(',')) fail(whole, 'a range has at most two bounds');
  if (low === high) fail(whole, 'a range cannot have identical bounds');
  if (low !== '') check(low);
  if (high !== '') check(high);
  if (low !== '' && high !== '' && compare(high, low) < 0)
    fail(whole, 'the upper bound is below the lower one');
  return {
    lower: { version: low === '' ? undefined : low, inclusive: lowerInclusive },
    upper: { version: high === '' ? undefined : high, inclusive: upperInclusive },
  };
}

function parseRanges(text: string, check: Check, compare: Compare): Restriction[] {
  const restrictions: Restriction[] = [];
  let rest = text;
  while (rest !== '') {
    const open = rest[0] as string;
    if (open !== '[' && open !== '(') fail(text, 'every part of a set of ranges must be bracketed');
    const end = rest.search(/[\])]/);
    if (end === -1) fail(text, 'unbalanced brackets');
    restrictions.push(parseRestriction(rest.slice(1, end), open, rest[end] as string, text, check, compare));
    rest = rest.slice(end + 1).trim();
    if (rest.startsWith(',')) {
      rest = rest.slice(1).trim();
      if (rest === '') fail(text, 'trailing comma');
    }
  }
  return restrictions;
}

const COMPARATOR = /^(<=|>=|==|!=|<|>|=)?\s*([^\s,<>=!]+)$/;

function parseComparators(text: string, check: Check): Comparator[][] {
  return text.split('||').map((group) => {
    const terms = group
      .replace(/(<=|>=|==|!=|<|>|=)\s+/g, '$1')
      .split(',')
      .flatMap((part) => (part.trim() === '' ? fail(text, 'empty comparison') : part.trim().split(/\s+/)));
    return terms.map((term) => {
      const match = COMPARATOR.exec(term);
      if (!match) fail(text, `cannot read ${JSON.stringify(term)}`);
      const version = match[2] as string;
      check(version);
      const op = match[1] === undefined || match[1] === '==' ? '=' : (match[1] as Operator);
      return { op, version };
    });
  });
}

/** Reads a Maven range, a set of ranges, a comparator list, or a bare version. */
export function parseMavenConstraint(constraint: string, check: Check, compare: Compare): MavenConstraint {
  const text = constraint.trim();
  if (text === '') fail(constraint, 'empty');
  if (text.startsWith('[') || text.startsWith('(')) {
    return { kind: 'ranges', restrictions: parseRanges(text, check, compare) };
  }
  return { kind: 'comparators', groups: parseComparators(text, check) };
}

function within(restriction: Restriction, version: string, compare: Compare): boolean {
  const { lower, upper } = restriction;
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

function holds(comparator: Comparator, version: string, compare: Compare): boolean {
  const c = compare(version, comparator.version);
  switch (comparator.op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
  }
}

/** Whether `version` lies in the constraint, ordering versions with `compare`. */
export function mavenConstraintIncludes(
  constraint: MavenConstraint,
  version: string,
  compare: Compare,
): boolean {
  if (constraint.kind === 'ranges') return constraint.restrictions.some((r) => within(r, version, compare));
  return constraint.groups.some((group) => group.every((c) => holds(c, version, compare)));
}
