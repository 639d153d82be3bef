export {
  describeGates,
  type GateDescription,
  type ParamDescription,
  type PolicySpecDocument,
  type TriggerDescription,
} from './describe-gates.js';
export { policySpec } from './policy-spec.js';
export { specTable } from './spec-table.js';
