export { evaluate, describeRange, type Verdict } from './evaluate.js';
export { dedupeMatches } from './dedupe.js';
