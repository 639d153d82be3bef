import type { AffectedPackage, FeedItem, Vulnerability, VersionRange } from '../../model.js';
import { normalizePackageName } from '../../names.js';
import { readBranch } from './branches.js';

export const PROVIDER = 'friendsofphp';
const NAMESPACE = 'packagist';

/**
 * One FriendsOfPHP advisory: every branch is one AND-combination of conditions; the package is
 * affected when any branch holds. Packagist versions are compared in the 'generic' scheme.
 */
export function convertAdvisory(doc: unknown, location: string, stem: string): FeedItem {
  if (!isObject(doc)) return rejected(location, 'not a FriendsOfPHP advisory (not a mapping)');
  const reference = typeof doc.reference === 'string' ? doc.reference.trim() : '';
  const match = /^composer:\/\/([^/\s]+\/[^/\s]+)$/.exec(reference);
  if (!match?.[1]) return rejected(location, `reference '${reference}' is not composer://vendor/package`);
  const name = normalizePackageName(NAMESPACE, match[1]);
  const cve =
    typeof doc.cve === 'string' && /^CVE-\d{4}-\d+$/.test(doc.cve.trim()) ? doc.cve.trim() : undefined;
  const id = cve ?? `FOP-${name}/${stem}`;
  if (!isObject(doc.branches)) return rejected(location, `${id}: branches is not a mapping`);
  const ranges: VersionRange[] = [];
  const constraints: string[] = [];
  const times: string[] = [];
  for (const branch of Object.values(doc.branches)) {
    if (!isObject(branch)) continue;
    const reading = readBranch(branch.versions);
    if (reading.kind === 'range') ranges.push(reading.range);
    else if (reading.kind === 'constraint') constraints.push(reading.constraint);
    else continue;
    const time = timeOf(branch.time);
    if (time) times.push(time);
  }
  if (ranges.length === 0 && constraints.length === 0) {
    return rejected(location, `${id}: no branch with readable versions`);
  }
  const fixedVersions = [...new Set(ranges.flatMap((r) => (r.fixed ? [r.fixed] : [])))];
  const affected: AffectedPackage = {
    vulnerabilityId: id,
    namespace: NAMESPACE,
    package: name,
    scheme: 'generic',
    ranges,
    fixState: fixedVersions.length > 0 ? 'fixed' : 'not-fixed',
    fixedVersions,
    provider: PROVIDER,
  };
  if (constraints.length > 0) affected.constraints = constraints;
  const vulnerability: Vulnerability = {
    id,
    aliases: [],
    severity: 'unknown',
    cvss: [],
    references: typeof doc.link === 'string' && doc.link ? [doc.link] : [],
    provider: PROVIDER,
  };
  if (typeof doc.title === 'string' && doc.title) vulnerability.summary = doc.title;
  const published = times.sort()[0];
  if (published) vulnerability.published = published;
  return { kind: 'vulnerability', vulnerability, affected: [affected] };
}

/** Branch times are `2019-04-23 22:08:00` (UTC); written as ISO 8601. */
function timeOf(raw: unknown): string | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString();
  if (typeof raw !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(raw.trim());
  return match ? `${match[1]}T${match[2]}Z` : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejected(location: string, reason: string): FeedItem {
  return { kind: 'rejected', location, reason };
}
