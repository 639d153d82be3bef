import { UsageError } from '../errors/index.js';
import type { Severity } from '../vulndb/model.js';
import type { Match, ScanReport } from './types.js';

/** Lowest to highest; `unknown` ranks below everything (it never trips `--fail-on`). */
export const SEVERITY_ORDER: readonly Severity[] = [
  'unknown',
  'negligible',
  'low',
  'medium',
  'high',
  'critical',
];

export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/** What `--fail-on` accepts. */
export const FAIL_ON_SEVERITIES: readonly Severity[] = ['negligible', 'low', 'medium', 'high', 'critical'];

export function parseSeverity(value: string): Severity {
  const severity = value.trim().toLowerCase() as Severity;
  if (!FAIL_ON_SEVERITIES.includes(severity)) {
    throw new UsageError(`--fail-on ${value}: choose from ${FAIL_ON_SEVERITIES.join(', ')}`);
  }
  return severity;
}

/** The highest severity among the remaining (not ignored) matches; undefined when there are none. */
export function highestSeverity(report: Pick<ScanReport, 'matches'>): Severity | undefined {
  let highest: Severity | undefined;
  for (const { vulnerability } of report.matches) {
    if (highest === undefined || severityRank(vulnerability.severity) > severityRank(highest)) {
      highest = vulnerability.severity;
    }
  }
  return highest;
}

/** How many remaining matches are at or above `failOn` (`unknown` never counts). */
export function countFailing(report: Pick<ScanReport, 'matches'>, failOn: Severity): number {
  let count = 0;
  for (const { vulnerability } of report.matches) {
    const severity = vulnerability.severity;
    if (severity !== 'unknown' && severityRank(severity) >= severityRank(failOn)) count++;
  }
  return count;
}

/** True when a remaining match is at or above `failOn`. */
export function failsOn(report: Pick<ScanReport, 'matches'>, failOn: Severity): boolean {
  return countFailing(report, failOn) > 0;
}

/** Most severe first, then by package name and vulnerability id (stable output). */
export function compareMatches(a: Match, b: Match): number {
  return (
    severityRank(b.vulnerability.severity) - severityRank(a.vulnerability.severity) ||
    a.package.name.localeCompare(b.package.name) ||
    a.package.version.localeCompare(b.package.version) ||
    a.vulnerability.id.localeCompare(b.vulnerability.id)
  );
}
