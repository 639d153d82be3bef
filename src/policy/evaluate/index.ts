export { evaluateBundle } from './evaluate-bundle.js';
export { evaluateWithGates, type EvaluateOptions, type EvaluationContext } from './evaluate-with-gates.js';
export { bundleNeeds, type BundleNeeds } from './bundle-needs.js';
export { strictestAction } from './actions.js';
