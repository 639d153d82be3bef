/** The comparison operators of the `package` trigger's severity and CVSS parameters. */
export const COMPARISONS = ['=', '!=', '<', '>', '<=', '>='] as const;

export type Comparison = (typeof COMPARISONS)[number];

export function isComparison(text: string | undefined): text is Comparison {
  return (COMPARISONS as readonly (string | undefined)[]).includes(text);
}

/** Whether `actual <op> expected` holds. */
export function compareNumbers(actual: number, op: Comparison, expected: number): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '<':
      return actual < expected;
    case '>':
      return actual > expected;
    case '<=':
      return actual <= expected;
    case '>=':
      return actual >= expected;
  }
}
