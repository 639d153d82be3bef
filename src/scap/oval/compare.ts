import { compareDebVersions, readDebVersion } from '../../versioning/deb/deb-version.js';
import { compilePcre } from './pcre.js';
import type { OvalResult } from './result.js';

export type Operation =
  | 'equals'
  | 'not equal'
  | 'case insensitive equals'
  | 'case insensitive not equal'
  | 'greater than'
  | 'less than'
  | 'greater than or equal'
  | 'less than or equal'
  | 'bitwise and'
  | 'bitwise or'
  | 'pattern match'
  | 'subset of'
  | 'superset of';

const truth = (b: boolean): OvalResult => (b ? 'true' : 'false');

function ordered(op: string, order: number): OvalResult {
  switch (op) {
    case 'equals':
      return truth(order === 0);
    case 'not equal':
      return truth(order !== 0);
    case 'greater than':
      return truth(order > 0);
    case 'less than':
      return truth(order < 0);
    case 'greater than or equal':
      return truth(order >= 0);
    case 'less than or equal':
      return truth(order <= 0);
    default:
      return 'error';
  }
}

function parseInteger(text: string): bigint | undefined {
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) return undefined;
  return BigInt(t);
}

function compareInt(op: string, actual: string, expected: string): OvalResult {
  const a = parseInteger(actual);
  const b = parseInteger(expected);
  if (a === undefined || b === undefined) return 'error';
  if (op === 'bitwise and') return truth((a & b) === b);
  if (op === 'bitwise or') return truth((a | b) === b);
  return ordered(op, a === b ? 0 : a > b ? 1 : -1);
}

function readBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return undefined;
}

/** Dotted version compare (`version` datatype): numeric components, missing ones are 0. */
function compareVersion(a: string, b: string): number | undefined {
  const pa = a.split(/[.\-_:]/);
  const pb = b.split(/[.\-_:]/);
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    if (!/^\d+$/.test(x) || !/^\d+$/.test(y)) return undefined;
    const d = Number(x) - Number(y);
    if (d !== 0) return d;
  }
  return 0;
}

function compareDebian(a: string, b: string): number | undefined {
  const va = readDebVersion(a);
  const vb = readDebVersion(b);
  if (typeof va === 'string' || typeof vb === 'string') return undefined;
  return compareDebVersions(va, vb);
}

/**
 * Compares the value an item holds (`actual`) with the value a state or object asks for
 * (`expected`) under `operation` and `datatype`, as OVAL defines them. An operation the datatype
 * does not allow, or a value that does not read as the datatype, is `error`.
 */
export function compareValue(
  datatype: string,
  operation: string,
  actual: string,
  expected: string,
): OvalResult {
  switch (datatype) {
    case 'int':
      return compareInt(operation, actual, expected);
    case 'boolean': {
      const a = readBoolean(actual);
      const b = readBoolean(expected);
      if (a === undefined || b === undefined) return 'error';
      if (operation === 'equals') return truth(a === b);
      if (operation === 'not equal') return truth(a !== b);
      return 'error';
    }
    case 'float': {
      const a = Number(actual);
      const b = Number(expected);
      if (Number.isNaN(a) || Number.isNaN(b)) return 'error';
      return ordered(operation, a === b ? 0 : a > b ? 1 : -1);
    }
    case 'version': {
      const order = compareVersion(actual, expected);
      return order === undefined ? 'error' : ordered(operation, order);
    }
    case 'debian_evr_string':
    case 'evr_string': {
      // Debian content compares package versions by dpkg's rules; so does Customs for evr_string
      // when it reads a dpkg database (an RPM EVR compares the same way in the common cases).
      const order = compareDebian(actual, expected);
      return order === undefined ? 'error' : ordered(operation, order);
    }
    case 'binary':
      if (operation === 'equals') return truth(actual.toLowerCase() === expected.toLowerCase());
      if (operation === 'not equal') return truth(actual.toLowerCase() !== expected.toLowerCase());
      return 'error';
    default:
      return compareString(operation, actual, expected);
  }
}

function compareString(operation: string, actual: string, expected: string): OvalResult {
  switch (operation) {
    case 'equals':
      return truth(actual === expected);
    case 'not equal':
      return truth(actual !== expected);
    case 'case insensitive equals':
      return truth(actual.toLowerCase() === expected.toLowerCase());
    case 'case insensitive not equal':
      return truth(actual.toLowerCase() !== expected.toLowerCase());
    case 'pattern match':
      try {
        return truth(compilePcre(expected).test(actual));
      } catch {
        return 'error';
      }
    default:
      return 'error';
  }
}
