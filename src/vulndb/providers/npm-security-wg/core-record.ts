import type { AffectedPackage, FeedItem, Vulnerability } from '../../model.js';
import { severityFromWord } from '../osv/severity-words.js';
import { complement, intersectSets, toVersionRange } from '../rubysec/intervals.js';
import { compareNodeVersions, nodeRangeIntervals } from './node-ranges.js';
import { PROVIDER, cvesOf, rejected, stringsOf } from './shared-fields.js';

/**
 * Node.js runtime advisories are stored under namespace `nodejs`, package `node` (scheme semver):
 * the matcher finds them for a Node.js binary the cataloger reports, never for an npm package.
 */
export const NODE_NAMESPACE = 'nodejs';
export const NODE_PACKAGE = 'node';

/**
 * One `vuln/core/<n>.json` advisory. Affected = `vulnerable` minus `patched` (both npm ranges),
 * computed as intervals; when a range is outside the subset that can be computed, the
 * `vulnerable` range is kept as a constraint (which over-reports: patched releases match too).
 */
export function convertCoreAdvisory(doc: Record<string, unknown>, location: string, n: string): FeedItem {
  const vulnerableRange = typeof doc.vulnerable === 'string' ? doc.vulnerable.trim() : '';
  if (vulnerableRange === '') return rejected(location, 'Node.js core advisory has no vulnerable range');
  const patchedRange = typeof doc.patched === 'string' ? doc.patched.trim() : '';
  const cves = cvesOf(doc.cve);
  const id = cves.length === 1 && cves[0] ? cves[0] : `NSWG-CORE-${n}`;
  const vulnerable = nodeRangeIntervals(vulnerableRange);
  const patched = patchedRange === '' ? [] : nodeRangeIntervals(patchedRange);
  const affected: AffectedPackage = {
    vulnerabilityId: id,
    namespace: NODE_NAMESPACE,
    package: NODE_PACKAGE,
    scheme: 'semver',
    ranges: [],
    fixState: 'not-fixed',
    fixedVersions: [],
    provider: PROVIDER,
  };
  if (vulnerable && patched) {
    const remaining = intersectSets(
      vulnerable,
      complement(patched, compareNodeVersions),
      compareNodeVersions,
    );
    affected.ranges = remaining.map(toVersionRange);
    affected.fixedVersions = patched.flatMap((i) => (i.lower?.inclusive ? [i.lower.version] : []));
  } else {
    affected.constraints = [vulnerableRange];
    affected.fixedVersions = patched?.flatMap((i) => (i.lower?.inclusive ? [i.lower.version] : [])) ?? [];
  }
  if (affected.ranges.length === 0 && !affected.constraints) affected.fixState = 'not-affected';
  else if (affected.fixedVersions.length > 0) affected.fixState = 'fixed';
  const vulnerability: Vulnerability = {
    id,
    aliases: [...(id === cves[0] ? [] : cves), ...(id.startsWith('NSWG-') ? [] : [`NSWG-CORE-${n}`])],
    severity: severityFromWord(doc.severity) ?? 'unknown',
    cvss: [],
    references: stringsOf(doc.ref),
    provider: PROVIDER,
  };
  if (typeof doc.description === 'string' && doc.description) vulnerability.summary = doc.description;
  if (typeof doc.overview === 'string' && doc.overview) vulnerability.description = doc.overview;
  return { kind: 'vulnerability', vulnerability, affected: [affected] };
}
