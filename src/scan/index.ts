export { scanSbom, MAX_DATABASE_AGE_DAYS, type ScanOptions } from './scan-sbom.js';
export {
  compareMatches,
  countFailing,
  failsOn,
  highestSeverity,
  parseSeverity,
  severityRank,
  SEVERITY_ORDER,
  FAIL_ON_SEVERITIES,
} from './severity.js';
export { loadIgnoreRules, parseIgnoreRules, type IgnoreRule } from './ignore/index.js';
export { loadVex, parseVex, type VexStatement } from './vex/index.js';
export type * from './types.js';
export { coverageGap } from './coverage.js';
