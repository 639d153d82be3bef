import type { RuleResult, RuleResultValue } from '../xccdf/rule-result.js';

export const RESULT_VALUES: readonly RuleResultValue[] = [
  'pass',
  'fail',
  'error',
  'unknown',
  'notapplicable',
  'notchecked',
  'notselected',
  'informational',
  'fixed',
];

/** How many rules got each result. */
export function resultCounts(results: readonly RuleResult[]): Record<RuleResultValue, number> {
  const counts = Object.fromEntries(RESULT_VALUES.map((v) => [v, 0])) as Record<RuleResultValue, number>;
  for (const r of results) counts[r.result]++;
  return counts;
}
