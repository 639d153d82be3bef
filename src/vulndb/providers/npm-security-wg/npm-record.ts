import { ecosystemOfType } from '../../../model/ecosystems.js';
import { cvssFromVector, severityFromScore } from '../../cvss/index.js';
import type { AffectedPackage, Cvss, FeedItem, Severity, Vulnerability } from '../../model.js';
import { normalizePackageName } from '../../names.js';
import { PROVIDER, cvesOf, dateOf, rejected, stringsOf } from './shared-fields.js';

const NPM = ecosystemOfType('npm')!;

/**
 * One `vuln/npm/<n>.json` advisory. `vulnerable_versions` is kept as an npm range constraint,
 * read later by the semver scheme's `satisfies`.
 */
export function convertNpmAdvisory(doc: Record<string, unknown>, location: string, n: string): FeedItem {
  const name = doc.module_name;
  if (typeof name !== 'string' || name.trim() === '')
    return rejected(location, 'advisory has no module_name');
  const vulnerable = doc.vulnerable_versions;
  if (typeof vulnerable !== 'string' || vulnerable.trim() === '') {
    return rejected(location, `${name}: advisory has no vulnerable_versions`);
  }
  const number = typeof doc.id === 'number' || typeof doc.id === 'string' ? String(doc.id) : n;
  const cves = cvesOf(doc.cves);
  const id = cves.length === 1 && cves[0] ? cves[0] : `NSWG-ECO-${number}`;
  const fixedVersions = lowerBounds(doc.patched_versions);
  const affected: AffectedPackage = {
    vulnerabilityId: id,
    namespace: NPM.namespace,
    package: normalizePackageName(NPM.namespace, name),
    scheme: NPM.scheme,
    ranges: [],
    constraints: [vulnerable.trim()],
    fixState: fixedVersions.length > 0 ? 'fixed' : 'not-fixed',
    fixedVersions,
    provider: PROVIDER,
  };
  const { severity, cvss } = severityOf(doc);
  const vulnerability: Vulnerability = {
    id,
    aliases: [...(id === cves[0] ? [] : cves), ...(id.startsWith('NSWG-') ? [] : [`NSWG-ECO-${number}`])],
    severity,
    cvss,
    references: stringsOf(doc.references),
    provider: PROVIDER,
  };
  if (typeof doc.title === 'string' && doc.title) vulnerability.summary = doc.title;
  if (typeof doc.overview === 'string' && doc.overview) vulnerability.description = doc.overview;
  const published = dateOf(doc.publish_date) ?? dateOf(doc.created_at);
  const modified = dateOf(doc.updated_at);
  if (published) vulnerability.published = published;
  if (modified) vulnerability.modified = modified;
  return { kind: 'vulnerability', vulnerability, affected: [affected] };
}

/**
 * The versions a `patched_versions` range starts at (`>=4.17.12` → 4.17.12, `^2.0.1 || >=3` →
 * 2.0.1, 3.0.0); alternatives with no inclusive lower bound (`<0.0.0`, `>1.2.3`) name none.
 */
export function lowerBounds(patched: unknown): string[] {
  if (typeof patched !== 'string') return [];
  const found: string[] = [];
  for (const alternative of patched.split('||')) {
    const tokens = alternative
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .trim()
      .split(/\s+/);
    for (const token of tokens) {
      const match = /^(>=|>|<=|<|\^|~|=)?v?(\d+(?:\.(?:\d+|[xX*]))*)(-[0-9A-Za-z.]+)?$/.exec(token);
      if (!match?.[2] || ['>', '<', '<='].includes(match[1] ?? '')) continue;
      const parts = match[2].split('.');
      const numeric = [0, 1, 2].map((i) => (/^\d+$/.test(parts[i] ?? '') ? parts[i] : '0'));
      const version = `${numeric.join('.')}${match[3] ?? ''}`;
      if (!found.includes(version)) found.push(version);
      break;
    }
  }
  return found;
}

function severityOf(doc: Record<string, unknown>): { severity: Severity; cvss: Cvss[] } {
  const vector = typeof doc.cvss_vector === 'string' ? cvssFromVector(doc.cvss_vector, PROVIDER) : undefined;
  if (vector) return { severity: severityFromScore(vector.baseScore, vector.version), cvss: [vector] };
  const score = doc.cvss_score;
  if (typeof score === 'number' && score >= 0 && score <= 10) {
    return { severity: severityFromScore(score, '3.0'), cvss: [] };
  }
  return { severity: 'unknown', cvss: [] };
}
