/** An OVAL result value (definitions, criteria, tests, and items against states). */
export type OvalResult = 'true' | 'false' | 'error' | 'unknown' | 'not evaluated' | 'not applicable';

export type OvalOperator = 'AND' | 'OR' | 'ONE' | 'XOR';

interface Counts {
  t: number;
  f: number;
  e: number;
  u: number;
  ne: number;
}

function count(results: readonly OvalResult[]): Counts {
  const c: Counts = { t: 0, f: 0, e: 0, u: 0, ne: 0 };
  for (const r of results) {
    if (r === 'true') c.t++;
    else if (r === 'false') c.f++;
    else if (r === 'error') c.e++;
    else if (r === 'unknown') c.u++;
    else if (r === 'not evaluated') c.ne++;
  }
  return c;
}

/**
 * Combines results with an OVAL operator by the truth tables of the OVAL specification:
 * `not applicable` results are left out (all of them give `not applicable`), and an empty list
 * is `unknown`.
 */
export function combine(operator: OvalOperator, results: readonly OvalResult[]): OvalResult {
  const applicable = results.filter((r) => r !== 'not applicable');
  if (results.length > 0 && applicable.length === 0) return 'not applicable';
  if (applicable.length === 0) return 'unknown';
  const c = count(applicable);
  const undecided = c.e + c.u + c.ne;
  const worst = (): OvalResult => (c.e > 0 ? 'error' : c.u > 0 ? 'unknown' : 'not evaluated');
  switch (operator) {
    case 'AND':
      if (c.f > 0) return 'false';
      return undecided > 0 ? worst() : 'true';
    case 'OR':
      if (c.t > 0) return 'true';
      return undecided > 0 ? worst() : 'false';
    case 'ONE':
      if (c.t > 1) return 'false';
      if (c.t === 1 && undecided === 0) return 'true';
      if (c.t === 0 && undecided === 0) return 'false';
      return worst();
    case 'XOR':
      if (undecided > 0) return worst();
      return c.t % 2 === 1 ? 'true' : 'false';
  }
}

/** `negate="true"` flips true and false and leaves every other result as it is. */
export function negateResult(result: OvalResult, negate: boolean): OvalResult {
  if (!negate) return result;
  return result === 'true' ? 'false' : result === 'false' ? 'true' : result;
}

export type CheckEnumeration = 'all' | 'at least one' | 'none satisfy' | 'only one' | 'none exist';

/** Combines per-value (or per-item) results by an OVAL check enumeration (§ 5.3.6.2). */
export function applyCheck(check: CheckEnumeration, results: readonly OvalResult[]): OvalResult {
  const applicable = results.filter((r) => r !== 'not applicable');
  if (results.length > 0 && applicable.length === 0) return 'not applicable';
  const c = count(applicable);
  const undecided = c.e + c.u + c.ne;
  const worst = (): OvalResult => (c.e > 0 ? 'error' : c.u > 0 ? 'unknown' : 'not evaluated');
  switch (check) {
    case 'all':
      if (c.f > 0) return 'false';
      return undecided > 0 ? worst() : 'true';
    case 'at least one':
      if (c.t > 0) return 'true';
      return undecided > 0 ? worst() : 'false';
    case 'none satisfy':
    case 'none exist':
      if (c.t > 0) return 'false';
      return undecided > 0 ? worst() : 'true';
    case 'only one':
      if (c.t > 1) return 'false';
      if (c.t === 1 && undecided === 0) return 'true';
      if (c.t === 0 && undecided === 0) return 'false';
      return worst();
  }
}

export function readOperator(value: string | undefined): OvalOperator {
  return value === 'OR' || value === 'ONE' || value === 'XOR' ? value : 'AND';
}

export function readCheck(value: string | undefined, fallback: CheckEnumeration = 'all'): CheckEnumeration {
  switch (value) {
    case 'all':
    case 'at least one':
    case 'none satisfy':
    case 'only one':
    case 'none exist':
      return value;
    default:
      return fallback;
  }
}
