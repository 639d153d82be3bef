import type { Match, ScanReport } from '../../scan/types.js';
import type { GradeThresholds } from '../types.js';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'E', 'F'];

export interface HealthGrade {
  grade: Grade;
  reason: string;
}

/** B within a week of the oldest missing fix, C within 30 days, D 90, E 180, F beyond. */
export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = {
  days: [7, 30, 90, 180],
  severities: ['critical', 'high'],
};

const DAY_MS = 24 * 60 * 60 * 1000;

function time(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? undefined : ms;
}

/** When the fix became available: its publication in this namespace, else the vulnerability's. */
function fixAvailableSince(match: Match): number | undefined {
  return time(match.vulnerability.fixPublished) ?? time(match.vulnerability.published);
}

/**
 * The image's health grade from its vulnerability scan. A: no fix is missing for a vulnerability
 * of the counted severities (critical and high by default). Otherwise the grade falls with the
 * days since the oldest missing fix was published: up to days[0] → B, days[1] → C, days[2] → D,
 * days[3] → E, later → F. A missing fix whose date is unknown counts as published now.
 * Ignored (allowlisted, VEX'd) matches do not count.
 */
export function healthGrade(
  scan: ScanReport,
  thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS,
  now: Date = new Date(),
): HealthGrade {
  const severities = new Set(thresholds.severities.map((s) => s.toLowerCase()));
  const missing = (Array.isArray(scan.matches) ? scan.matches : []).filter(
    (m) =>
      m?.vulnerability?.fix?.state === 'fixed' &&
      severities.has(String(m.vulnerability.severity).toLowerCase()),
  );
  if (missing.length === 0)
    return { grade: 'A', reason: `no fix is missing for ${[...severities].join(' or ')} vulnerabilities` };
  let oldest: Match | undefined;
  let oldestTime = Infinity;
  for (const match of missing) {
    const since = fixAvailableSince(match) ?? now.getTime();
    if (since < oldestTime) {
      oldestTime = since;
      oldest = match;
    }
  }
  const days = Math.max(0, Math.floor((now.getTime() - oldestTime) / DAY_MS));
  const index = thresholds.days.findIndex((limit) => days <= limit);
  const grade = GRADES[index === -1 ? 5 : index + 1] as Grade;
  const what = oldest
    ? `${oldest.vulnerability.id} in ${oldest.package.name}@${oldest.package.version}`
    : 'a vulnerability';
  return {
    grade,
    reason: `${missing.length} ${[...severities].join('/')} fix(es) missing; the oldest (${what}) was published ${days} day(s) ago`,
  };
}

/** True when `grade` is worse than `minimum` (F is worse than A). */
export function isWorse(grade: Grade, minimum: Grade): boolean {
  return GRADES.indexOf(grade) > GRADES.indexOf(minimum);
}
