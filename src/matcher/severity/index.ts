export { ownSeverity, ratingsOf, SeverityFallbacks, type ResolvedSeverity } from './resolve-severity.js';
export { chooseVector } from './choose-vector.js';
