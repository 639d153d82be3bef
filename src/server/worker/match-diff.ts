import type { Match } from '../../model/match.js';
import type { VulnerabilityChange } from '../events/event-payloads.js';

export interface MatchDiff {
  added: VulnerabilityChange[];
  removed: VulnerabilityChange[];
  updated: VulnerabilityChange[];
}

/** One match per vulnerability and package (name, version, type): what a diff pairs up. */
const matchKey = (m: Match): string =>
  [m.vulnerability.id, m.package.name, m.package.version, m.package.type].join('\u0000');

/**
 * What new vulnerability data changed in an image's matches: matches only the new scan has
 * (added), only the old one had (removed), and those of both whose severity, fix state or fix
 * versions differ (updated, with each changed field as [before, after]).
 */
export function diffMatches(before: readonly Match[], after: readonly Match[]): MatchDiff {
  const old = new Map(before.map((m) => [matchKey(m), m]));
  const now = new Map(after.map((m) => [matchKey(m), m]));
  const diff: MatchDiff = { added: [], removed: [], updated: [] };
  for (const [key, m] of now) {
    const previous = old.get(key);
    if (!previous) {
      diff.added.push(change(m));
      continue;
    }
    const changed: Record<string, [unknown, unknown]> = {};
    if (previous.vulnerability.severity !== m.vulnerability.severity)
      changed.severity = [previous.vulnerability.severity, m.vulnerability.severity];
    if (previous.vulnerability.fix.state !== m.vulnerability.fix.state)
      changed.fixState = [previous.vulnerability.fix.state, m.vulnerability.fix.state];
    if (!sameList(previous.vulnerability.fix.versions, m.vulnerability.fix.versions))
      changed.fixVersions = [previous.vulnerability.fix.versions, m.vulnerability.fix.versions];
    if ((previous.vulnerability.kev === undefined) !== (m.vulnerability.kev === undefined))
      changed.kev = [previous.vulnerability.kev !== undefined, m.vulnerability.kev !== undefined];
    if (Object.keys(changed).length > 0) diff.updated.push({ ...change(m), changed });
  }
  for (const [key, m] of old) if (!now.has(key)) diff.removed.push(change(m));
  const order = (a: VulnerabilityChange, b: VulnerabilityChange): number =>
    a.vulnerabilityId.localeCompare(b.vulnerabilityId) || a.packageName.localeCompare(b.packageName);
  diff.added.sort(order);
  diff.removed.sort(order);
  diff.updated.sort(order);
  return diff;
}

export function isEmptyDiff(diff: MatchDiff): boolean {
  return diff.added.length + diff.removed.length + diff.updated.length === 0;
}

function change(m: Match): VulnerabilityChange {
  return {
    vulnerabilityId: m.vulnerability.id,
    severity: m.vulnerability.severity,
    packageName: m.package.name,
    packageVersion: m.package.version,
    packageType: m.package.type,
    fixVersions: [...m.vulnerability.fix.versions],
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
