import { GATES } from '../gates/registry.js';
import type { GateSpec } from '../gates/types.js';
import { type PolicySpecDocument, describeGates } from './describe-gates.js';

/** Every gate, trigger and parameter Customs knows, as plain data. */
export function policySpec(gates: readonly GateSpec[] = GATES): PolicySpecDocument {
  return describeGates(gates);
}
