import { matchesAtStart, regexFromText } from './regex-match.js';

/** The comparison operators of Anchore's `dockerfile/instruction` and `metadata/attribute`. */
export const VALUE_CHECKS = [
  '=',
  '!=',
  '>',
  '<',
  '>=',
  '<=',
  'exists',
  'not_exists',
  'like',
  'not_like',
  'in',
  'not_in',
] as const;

export type ValueCheck = (typeof VALUE_CHECKS)[number];

export function isValueCheck(check: string): check is ValueCheck {
  return (VALUE_CHECKS as readonly string[]).includes(check);
}

/** Items of an `in`/`not_in` value: comma (or pipe) separated, trimmed. */
export function csvItems(value: string): string[] {
  return value
    .split(/[,|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function order(actual: string | number, expected: string | number): number {
  if (typeof actual === 'number' && typeof expected === 'number') return Math.sign(actual - expected);
  const a = String(actual);
  const b = String(expected);
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb))
    return Math.sign(na - nb);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numbers (either side) compare numerically; two strings must be identical. */
function equal(actual: string | number, expected: string | number): boolean {
  if (typeof actual === 'number' || typeof expected === 'number') return order(actual, expected) === 0;
  return actual === expected;
}

/**
 * Whether `actual` satisfies `check` against `expected`. `actual` undefined means the attribute
 * is absent: only `not_exists` holds then. Numbers compare numerically; strings that both read
 * as numbers too; other strings by code unit. `like` is a start-anchored regex (an invalid one
 * never matches); `in` takes a comma-separated list. A check that needs a value and has none
 * does not hold.
 */
export function checkValue(
  actual: string | number | undefined,
  check: ValueCheck,
  expected: string | number | undefined,
): boolean {
  if (check === 'exists') return actual !== undefined;
  if (check === 'not_exists') return actual === undefined;
  if (actual === undefined || expected === undefined) return false;
  switch (check) {
    case '=':
      return equal(actual, expected);
    case '!=':
      return !equal(actual, expected);
    case '>':
      return order(actual, expected) > 0;
    case '<':
      return order(actual, expected) < 0;
    case '>=':
      return order(actual, expected) >= 0;
    case '<=':
      return order(actual, expected) <= 0;
    case 'like':
    case 'not_like': {
      const pattern = regexFromText(String(expected));
      if (!pattern) return false;
      return matchesAtStart(pattern, String(actual)) === (check === 'like');
    }
    case 'in':
      return csvItems(String(expected)).includes(String(actual));
    case 'not_in':
      return !csvItems(String(expected)).includes(String(actual));
  }
}
