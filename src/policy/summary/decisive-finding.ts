import type { EvaluationResult } from '../types.js';

/** The gate and trigger that decided an evaluation's final action. */
export interface DecisiveFinding {
  gate: string;
  trigger: string;
}

/**
 * The first finding whose effective action is the final action, when the bundle's rules decided
 * a stop or a warn; none for a go, or when an allowed or denied image list or a missing mapping
 * decided. Migration 0007 fills stored evaluations by the same rule in SQL.
 */
export function decisiveFinding(
  result: Pick<EvaluationResult, 'finalAction' | 'finalActionReason' | 'findings'>,
): DecisiveFinding | undefined {
  if (result.finalAction === 'go' || result.finalActionReason !== 'policy_evaluation') return undefined;
  const finding = result.findings?.find((f) => f.action === result.finalAction);
  return finding && { gate: finding.gate, trigger: finding.trigger };
}
