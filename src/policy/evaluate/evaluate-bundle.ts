import type { EvaluationResult, PolicyBundle } from '../types.js';
import { GATES } from '../gates/registry.js';
import { evaluateWithGates, type EvaluateOptions, type EvaluationContext } from './evaluate-with-gates.js';

/** Evaluates a validated bundle for one image with Customs' gates; see evaluateWithGates. */
export function evaluateBundle(
  bundle: PolicyBundle,
  context: EvaluationContext,
  options: EvaluateOptions = {},
): Promise<EvaluationResult> {
  return evaluateWithGates(bundle, context, options, GATES);
}
