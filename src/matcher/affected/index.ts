export { evaluate, describeRange, moduleStream, type Verdict } from './evaluate.js';
export { dedupeMatches } from './dedupe.js';
