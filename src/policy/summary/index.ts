export { decisiveFinding, type DecisiveFinding } from './decisive-finding.js';
