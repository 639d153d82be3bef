import { InvalidVersionError } from '../../errors/index.js';

type Operator = '<' | '<=' | '>' | '>=' | '=' | '!=';

/** One comparison such as `>=v1.2.3`. */
export interface Comparator {
  readonly op: Operator;
  readonly version: string;
}

/** Alternatives (`||`), each a list of comparisons that must all hold. */
export type ComparatorList = readonly (readonly Comparator[])[];

const OPERATORS = /(<=|>=|==|!=|<|>|=)\s+/g;
const TERM = /^(<=|>=|==|!=|<|>|=)?([^\s,<>=!|]+)$/;

/**
 * Reads `>=1.2.3, <1.3.0` (commas or spaces between comparisons, `||` between alternatives);
 * a bare version means exactly it. `check` throws on a version the scheme cannot read.
 */
export function parseComparatorList(constraint: string, check: (version: string) => void): ComparatorList {
  const fail = (why: string): never => {
    throw new InvalidVersionError(`invalid Go version constraint ${JSON.stringify(constraint)}: ${why}`);
  };
  return constraint.split('||').map((group) => {
    const terms = group
      .replace(OPERATORS, '$1')
      .split(',')
      .flatMap((part) => (part.trim() === '' ? fail('empty comparison') : part.trim().split(/\s+/)));
    return terms.map((term) => {
      const match = TERM.exec(term);
      if (!match) fail(`cannot read ${JSON.stringify(term)}`);
      const version = (match as RegExpExecArray)[2] as string;
      check(version);
      const op = match?.[1];
      return { op: op === undefined || op === '==' ? '=' : (op as Operator), version };
    });
  });
}

function holds(op: Operator, order: -1 | 0 | 1): boolean {
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
  }
}

/** Whether `version` meets every comparison of at least one alternative. */
export function comparatorListIncludes(
  list: ComparatorList,
  version: string,
  compare: (a: string, b: string) => -1 | 0 | 1,
): boolean {
  return list.some((group) => group.every((c) => holds(c.op, compare(version, c.version))));
}
