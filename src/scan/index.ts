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
import type { IgnoreRule } from './ignore/ignore-rule.js';
import type { VexStatement } from './vex/vex-statement.js';
export type { IgnoreRule, VexStatement };

/**
 * Reads an ignore-rules file (YAML or JSON). The schema library and the YAML parser behind it are
 * loaded on first use: a scan with no rules file does not pay for them.
 */
export async function loadIgnoreRules(file: string): Promise<IgnoreRule[]> {
  return (await import('./ignore/load-ignore-rules.js')).loadIgnoreRules(file);
}

/** Reads an OpenVEX or CycloneDX VEX document; its readers are loaded on first use. */
export async function loadVex(file: string): Promise<VexStatement[]> {
  return (await import('./vex/load-vex.js')).loadVex(file);
}
export type * from './types.js';
export { coverageGap } from './coverage.js';
