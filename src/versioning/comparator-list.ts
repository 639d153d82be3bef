/**
 * Comparator lists, the constraint syntax of the schemes without a range language of their own
 * (deb, rpm, apk, generic): `>= 1.0, < 2.0`, `<< 2.36-9`, `>=1.0 <2.0 || =3.1`.
 *
 * - `||` separates alternatives; a version satisfies the list when it satisfies one of them.
 * - Inside an alternative, comparators are separated by commas and/or white space, and all of
 *   them must hold. An operator may be written apart from its version (`>= 1.0`).
 * - Operators: `<`, `<=`, `=` (also `==`), `>=`, `>`, `!=`; schemes may allow more (deb adds
 *   dpkg's `<<` and `>>`). A version without an operator means `=`.
 * - An empty list, an empty alternative, an empty comparison between commas, an operator
 *   without a version or a version the
 *   scheme cannot read raise InvalidVersionError.
 */
import { InvalidVersionError } from '../errors/index.js';

export type ComparatorOperator = '<' | '<=' | '=' | '>=' | '>' | '!=' | '<<' | '>>';

export interface Comparator {
  readonly operator: ComparatorOperator;
  readonly version: string;
}

/** What a comparator list needs from its scheme. */
export interface ComparatorScheme {
  readonly name: string;
  readonly operators: readonly ComparatorOperator[];
  compare(a: string, b: string): -1 | 0 | 1;
  isValid(version: string): boolean;
}

/** Comparators and operators alike are split off at these characters. */
const TOKEN = /(<<|>>|<=|>=|==|!=|<|>|=)|([^\s,|<>=!]+)|([^\s,])/g;

function fail(scheme: ComparatorScheme, constraint: string, why: string): never {
  throw new InvalidVersionError(`invalid ${scheme.name} constraint ${JSON.stringify(constraint)}: ${why}`);
}

function readAlternative(scheme: ComparatorScheme, constraint: string, text: string): Comparator[] {
  const comparators: Comparator[] = [];
  let pending: ComparatorOperator | undefined;
  if (text.split(',').some((part) => part.trim() === '') && text.trim() !== '')
    fail(scheme, constraint, 'a comma with no comparison beside it');
  for (const match of text.matchAll(TOKEN)) {
    const [, op, version, stray] = match;
    if (stray !== undefined) fail(scheme, constraint, `unexpected ${JSON.stringify(stray)}`);
    if (op !== undefined) {
      if (pending !== undefined) fail(scheme, constraint, `operator ${op} follows operator ${pending}`);
      const operator = (op === '==' ? '=' : op) as ComparatorOperator;
      if (!scheme.operators.includes(operator)) {
        fail(scheme, constraint, `operator ${op} is not one of ${scheme.operators.join(' ')}`);
      }
      pending = operator;
      continue;
    }
    const v = version as string;
    if (!scheme.isValid(v)) fail(scheme, constraint, `${JSON.stringify(v)} is not a valid version`);
    comparators.push({ operator: pending ?? '=', version: v });
    pending = undefined;
  }
  if (pending !== undefined) fail(scheme, constraint, `operator ${pending} has no version`);
  if (comparators.length === 0) fail(scheme, constraint, 'an alternative is empty');
  return comparators;
}

/** The alternatives (OR) of comparators (AND) that `constraint` lists. */
export function parseComparatorList(scheme: ComparatorScheme, constraint: string): Comparator[][] {
  return constraint.split('||').map((text) => readAlternative(scheme, constraint, text));
}

function holds(operator: ComparatorOperator, order: -1 | 0 | 1): boolean {
  switch (operator) {
    case '<':
    case '<<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '=':
      return order === 0;
    case '>=':
      return order >= 0;
    case '>':
    case '>>':
      return order > 0;
    case '!=':
      return order !== 0;
  }
}

/** Whether `version` satisfies the comparator list `constraint` under `scheme`'s order. */
export function satisfiesComparatorList(
  scheme: ComparatorScheme,
  version: string,
  constraint: string,
): boolean {
  const alternatives = parseComparatorList(scheme, constraint);
  return alternatives.some((all) => all.every((c) => holds(c.operator, scheme.compare(version, c.version))));
}
