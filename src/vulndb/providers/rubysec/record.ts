import { ecosystemOfType } from '../../../model/ecosystems.js';
import { severityFromScore } from '../../cvss/index.js';
import type { AffectedPackage, FeedItem, Severity, Vulnerability } from '../../model.js';
import { normalizePackageName } from '../../names.js';
import { compareGemVersions, requirementIntervals } from './gem-requirements.js';
import { type Interval, complement, toVersionRange } from './intervals.js';

export const PROVIDER = 'rubysec';
const GEMS = ecosystemOfType('gem')!;
const NAMESPACE = GEMS.namespace;

/**
 * One ruby-advisory-db advisory. A version is affected unless it meets a `patched_versions` or
 * an `unaffected_versions` requirement, so the affected ranges are the complement (in RubyGems
 * order) of the union of those requirements.
 */
export function convertAdvisory(doc: unknown, location: string): FeedItem {
  if (!isObject(doc)) return rejected(location, 'not a ruby-advisory-db advisory (not a mapping)');
  const gem = doc.gem;
  if (typeof gem !== 'string' || gem.trim() === '') return rejected(location, 'advisory has no gem');
  const ids = idsOf(doc);
  const id = ids[0];
  if (!id) return rejected(location, `${gem}: advisory has no cve, ghsa or osvdb id`);
  const patched = requirements(doc.patched_versions);
  const unaffected = requirements(doc.unaffected_versions);
  if (!patched || !unaffected) {
    return rejected(location, `${id}: patched_versions/unaffected_versions is not a list of strings`);
  }
  const safe: Interval[] = [];
  const fixedVersions: string[] = [];
  for (const requirement of [...patched, ...unaffected]) {
    const intervals = requirementIntervals(requirement);
    if (!intervals) return rejected(location, `${id}: unreadable gem requirement '${requirement}'`);
    safe.push(...intervals);
    const lowest = intervals[0]?.lower?.version;
    if (patched.includes(requirement) && lowest && !fixedVersions.includes(lowest)) {
      fixedVersions.push(lowest);
    }
  }
  // The requirements can cover every version (the feed then says no release is affected).
  const ranges = complement(safe, compareGemVersions).map(toVersionRange);
  const affected: AffectedPackage = {
    vulnerabilityId: id,
    namespace: NAMESPACE,
    package: normalizePackageName(NAMESPACE, gem),
    scheme: GEMS.scheme,
    ranges,
    fixState: ranges.length === 0 ? 'not-affected' : fixedVersions.length > 0 ? 'fixed' : 'not-fixed',
    fixedVersions: fixedVersions.sort(compareGemVersions),
    provider: PROVIDER,
  };
  const vulnerability: Vulnerability = {
    id,
    aliases: ids.slice(1),
    severity: severityOf(doc),
    cvss: [],
    references: referencesOf(doc),
    provider: PROVIDER,
  };
  if (typeof doc.title === 'string' && doc.title) vulnerability.summary = doc.title;
  if (typeof doc.description === 'string' && doc.description) {
    vulnerability.description = doc.description;
  }
  const date = dateOf(doc.date);
  if (date) vulnerability.published = date;
  return { kind: 'vulnerability', vulnerability, affected: [affected] };
}

/** CVE first, then GHSA, then OSVDB (the feed writes them without their prefixes). */
function idsOf(doc: Record<string, unknown>): string[] {
  const ids: string[] = [];
  const add = (prefix: string, raw: unknown) => {
    if ((typeof raw !== 'string' && typeof raw !== 'number') || String(raw).trim() === '') return;
    const value = String(raw).trim();
    ids.push(value.toUpperCase().startsWith(prefix) ? value : `${prefix}${value}`);
  };
  add('CVE-', doc.cve);
  add('GHSA-', doc.ghsa);
  add('OSVDB-', doc.osvdb);
  return ids;
}

function requirements(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || !raw.every((r) => typeof r === 'string')) return undefined;
  return raw as string[];
}

/** The feed gives base scores only (no vectors): the newest CVSS version's score decides. */
function severityOf(doc: Record<string, unknown>): Severity {
  for (const [key, version] of [
    ['cvss_v4', '4.0'],
    ['cvss_v3', '3.1'],
    ['cvss_v2', '2.0'],
  ] as const) {
    const score = doc[key];
    if (typeof score === 'number' && score >= 0 && score <= 10) {
      return severityFromScore(score, version);
    }
  }
  return 'unknown';
}

function referencesOf(doc: Record<string, unknown>): string[] {
  const urls: unknown[] = [doc.url];
  const related = doc.related;
  if (isObject(related) && Array.isArray(related.url)) urls.push(...related.url);
  return [...new Set(urls.filter((u): u is string => typeof u === 'string' && u !== ''))];
}

function dateOf(raw: unknown): string | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString();
  return typeof raw === 'string' && raw ? raw : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejected(location: string, reason: string): FeedItem {
  return { kind: 'rejected', location, reason };
}
