import type { AffectedPackage, FeedItem, FixState, Severity, Vulnerability } from '../../model.js';
import type { FeedFile, FeedParser } from '../types.js';
import { readJsonFeed } from '../feed-document.js';
import {
  debianNamespace,
  fixStateOfAnnotation,
  higherSeverity,
  isEndOfLife,
  severityOfUrgency,
} from './suites.js';

const PROVIDER = 'debian';

/** `{"<source>": {"CVE-…" or "TEMP-…": {…` at the very start: the tracker's JSON export. */
const TRACKER_HEAD = /^\s*\{\s*"[^"]+"\s*:\s*\{\s*"(?:CVE|TEMP)-[^"]*"\s*:\s*\{/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Grouped {
  description?: string;
  affected: AffectedPackage[];
}

type ReleaseOutcome = AffectedPackage | { reason: string } | undefined;

/** One suite's verdict on one (source package, CVE), or why it cannot be used. */
function readRelease(id: string, source: string, suite: string, release: unknown): ReleaseOutcome {
  const namespace = debianNamespace(suite);
  if (!namespace) return { reason: `unknown Debian suite "${suite}"` };
  if (!isObject(release)) return { reason: 'release entry is not an object' };
  const { status, fixed_version: fixedVersion, urgency } = release;
  const severity = severityOfUrgency(urgency);
  const base = {
    vulnerabilityId: id,
    namespace,
    package: source,
    scheme: 'deb' as const,
    provider: PROVIDER,
  };
  const withSeverity = (
    fields: Pick<AffectedPackage, 'ranges' | 'fixState' | 'fixedVersions'>,
  ): AffectedPackage => (severity === 'unknown' ? { ...base, ...fields } : { ...base, ...fields, severity });

  if (status === 'resolved') {
    if (fixedVersion === '0')
      return withSeverity({ ranges: [], fixState: 'not-affected', fixedVersions: [] });
    if (typeof fixedVersion === 'string' && fixedVersion.trim() !== '') {
      const fixed = fixedVersion.trim();
      return withSeverity({ ranges: [{ fixed }], fixState: 'fixed', fixedVersions: [fixed] });
    }
    return { reason: 'status "resolved" without a fixed_version' };
  }
  if (status === 'open' || status === 'undetermined') {
    return withSeverity({ ranges: [{}], fixState: openFixState(release, urgency), fixedVersions: [] });
  }
  return { reason: `unknown status ${JSON.stringify(status)}` };
}

/**
 * An open issue is `wont-fix` when the release is out of security support for the package
 * (`end-of-life`) or the security team decided not to issue an update (`<no-dsa>`, shown as a
 * `nodsa` text, or `nodsa_reason: ignored`); `postponed` means an update is still planned.
 */
function openFixState(release: Json, urgency: unknown): FixState {
  if (isEndOfLife(urgency)) return 'wont-fix';
  const reason = typeof release.nodsa_reason === 'string' ? release.nodsa_reason.trim() : '';
  if (reason !== '') return fixStateOfAnnotation(reason) ?? 'wont-fix';
  if (release.nodsa !== undefined && release.nodsa !== null && release.nodsa !== false) return 'wont-fix';
  return 'not-fixed';
}

function toVulnerability(id: string, group: Grouped): FeedItem {
  let severity: Severity = 'unknown';
  for (const affected of group.affected) severity = higherSeverity(severity, affected.severity ?? 'unknown');
  const vulnerability: Vulnerability = {
    id,
    aliases: [],
    severity,
    cvss: [],
    references: [`https://security-tracker.debian.org/tracker/${id}`],
    provider: PROVIDER,
  };
  if (group.description) vulnerability.description = group.description;
  return { kind: 'vulnerability', vulnerability, affected: group.affected };
}

function* parseTracker(file: FeedFile): Iterable<FeedItem> {
  const read = readJsonFeed(file);
  if (!read.ok) {
    yield read.rejected;
    return;
  }
  const doc = read.doc;
  if (!isObject(doc)) {
    yield {
      kind: 'rejected',
      location: file.location,
      reason: 'tracker JSON is not an object of source packages',
    };
    return;
  }
  // The export is keyed by source package; Customs keeps one record per CVE.
  const byId = new Map<string, Grouped>();
  for (const [source, issues] of Object.entries(doc)) {
    if (!isObject(issues)) {
      yield {
        kind: 'rejected',
        location: `${file.location}#${source}`,
        reason: 'package entry is not an object',
      };
      continue;
    }
    for (const [id, issue] of Object.entries(issues)) {
      const where = `${file.location}#${source}/${id}`;
      if (!isObject(issue)) {
        yield { kind: 'rejected', location: where, reason: 'issue entry is not an object' };
        continue;
      }
      const group = byId.get(id) ?? { affected: [] };
      byId.set(id, group);
      if (!group.description && typeof issue.description === 'string' && issue.description.trim() !== '') {
        group.description = issue.description.trim();
      }
      // An issue with no releases yet is `"releases": []` in the export.
      const releases = isObject(issue.releases) ? issue.releases : {};
      for (const [suite, release] of Object.entries(releases)) {
        const outcome = readRelease(id, source, suite, release);
        if (outcome && 'reason' in outcome) {
          yield { kind: 'rejected', location: `${where}/${suite}`, reason: outcome.reason };
        } else if (outcome) {
          group.affected.push(outcome);
        }
      }
    }
  }
  for (const [id, group] of byId) yield toVulnerability(id, group);
}

/** The Debian security tracker's JSON export (`security-tracker.debian.org/tracker/data/json`). */
export const debianTrackerParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    return TRACKER_HEAD.test(file.content.subarray(0, 4096).toString('utf8'));
  },
  parse: parseTracker,
};
