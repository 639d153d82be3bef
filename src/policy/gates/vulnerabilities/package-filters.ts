import type { Match } from '../../../scan/types.js';
import { matchesAtStart } from '../../checks/regex-match.js';
import { compareNumbers } from './comparisons.js';
import { cvssV3Scores } from './cvss-v3-scores.js';
import { packageClass } from './package-key.js';
import type { PackageRule, ScoreThreshold } from './package-rule.js';
import { severityRank } from './severity-order.js';

/** What a match that passed every filter brings to its message. */
export interface PassedMatch {
  fixVersions: string[];
  /** `cvss_v3_base_score=7.5`… for the NVD thresholds the rule set. */
  scoreNotes: string[];
  /** `max_days_since_creation=2024-01-31`… for the age limits the rule set. */
  timeNotes: string[];
  vendorScoreNotes: string[];
}

function instant(date: unknown): number | undefined {
  if (typeof date !== 'string') return undefined;
  const time = Date.parse(date);
  return Number.isNaN(time) ? undefined : time;
}

function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function locationPaths(match: Match): string[] {
  const locations = Array.isArray(match.package.locations) ? match.package.locations : [];
  return locations.map((l) => l?.path).filter((p): p is string => typeof p === 'string');
}

/** Notes for the thresholds the scores pass; undefined as soon as one fails. */
function scoreNotes(match: Match, scorer: 'nvd' | 'vendor', rules: ScoreThreshold[]): string[] | undefined {
  if (rules.length === 0) return [];
  const scores = cvssV3Scores(match.vulnerability.cvss, scorer);
  const notes: string[] = [];
  for (const rule of rules) {
    if (!compareNumbers(scores[rule.kind], rule.op, rule.threshold)) return undefined;
    notes.push(`${rule.param}=${scores[rule.kind]}`);
  }
  return notes;
}

/**
 * Whether a match passes the rule, filter by filter in Anchore's order: package class, severity,
 * path exclusion (non-os only), vendor won't-fix, vulnerability age, fix age, NVD CVSS v3, fix
 * presence, vendor CVSS v3. A date the data does not give never filters a match out.
 */
export function passesRule(match: Match, rule: PackageRule): PassedMatch | undefined {
  const vulnerability = match.vulnerability;
  const kind = packageClass(match.package.type);
  if (rule.packageType !== 'all' && rule.packageType !== kind) return undefined;
  if (!compareNumbers(severityRank(vulnerability.severity), rule.severityOp, rule.severityRank))
    return undefined;
  const exclude = rule.pathExclude;
  if (kind === 'non-os' && exclude && locationPaths(match).some((p) => matchesAtStart(exclude, p)))
    return undefined;
  if (rule.vendorOnly && vulnerability.fix?.state === 'wont-fix') return undefined;

  const timeNotes: string[] = [];
  const published = instant(vulnerability.published);
  if (rule.publishedBefore !== undefined && published !== undefined) {
    if (published > rule.publishedBefore) return undefined;
    timeNotes.push(`max_days_since_creation=${dayOf(published)}`);
  }
  const versions = Array.isArray(vulnerability.fix?.versions) ? vulnerability.fix.versions : [];
  const fixVersions = versions.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const fixPublished = fixVersions.length > 0 ? instant(vulnerability.fixPublished) : undefined;
  if (rule.fixPublishedBefore !== undefined && fixPublished !== undefined) {
    if (fixPublished > rule.fixPublishedBefore) return undefined;
    timeNotes.push(`max_days_since_fix=${dayOf(fixPublished)}`);
  }

  const nvd = scoreNotes(match, 'nvd', rule.nvd);
  if (nvd === undefined) return undefined;
  if (rule.fixAvailable !== undefined && rule.fixAvailable !== fixVersions.length > 0) return undefined;
  const vendor = scoreNotes(match, 'vendor', rule.vendor);
  if (vendor === undefined) return undefined;
  return { fixVersions, scoreNotes: nvd, timeNotes, vendorScoreNotes: vendor };
}
