import type { SeveritySource } from '../../scan/types.js';
import { severityRank } from '../../scan/severity.js';
import { severityFromScore } from '../../vulndb/cvss/index.js';
import type { AffectedPackage, Cvss, Severity } from '../../vulndb/model.js';
import type { ProviderRating, StoredVulnerability } from '../../vulndb/store/types.js';
import type { Lookup } from '../types.js';
import { chooseVector } from './choose-vector.js';

export interface ResolvedSeverity {
  severity: Severity;
  source: SeveritySource;
}

const isCve = (id: string): boolean => id.startsWith('CVE-');
const isGhsa = (id: string): boolean => id.startsWith('GHSA-');
const known = (s: Severity | undefined): s is Severity => s !== undefined && s !== 'unknown';

/** Each provider's rating of a stored id (a record from a store that does not say stands for its provider). */
export function ratingsOf(vulnerability: StoredVulnerability): ProviderRating[] {
  return vulnerability.ratings ?? [vulnerability];
}

function source(name: string, id: string, cvss?: Cvss): SeveritySource {
  return cvss ? { source: name, id, cvss } : { source: name, id };
}

function fromVector(cvss: Cvss, name: string, id: string): ResolvedSeverity | undefined {
  const severity = severityFromScore(cvss.baseScore, cvss.version);
  return known(severity) ? { severity, source: source(name, id, cvss) } : undefined;
}

/** A rating's v3.x (else v4.0) vector, else its word. */
function fromRating(rating: ProviderRating, name: string, id: string): ResolvedSeverity | undefined {
  const vector = chooseVector(rating.cvss, ['3', '4']);
  if (vector) return fromVector(vector, name, id);
  return known(rating.severity) ? { severity: rating.severity, source: source(name, id) } : undefined;
}

/** The vector a provider's own rating was read from: its newest one that gives that rating. */
function vectorBehind(rating: ProviderRating): Cvss | undefined {
  return [...rating.cvss]
    .sort((a, b) => Number(b.version) - Number(a.version))
    .find((c) => severityFromScore(c.baseScore, c.version) === rating.severity);
}

/** The worst of several candidates (several CVE aliases): the higher rating, then the higher score. */
function worst(candidates: readonly (ResolvedSeverity | undefined)[]): ResolvedSeverity | undefined {
  let out: ResolvedSeverity | undefined;
  for (const c of candidates) {
    if (!c) continue;
    const byRank = out ? severityRank(c.severity) - severityRank(out.severity) : 1;
    const byScore = (c.source.cvss?.baseScore ?? 0) - (out?.source.cvss?.baseScore ?? 0);
    if (byRank > 0 || (byRank === 0 && byScore > 0)) out = c;
  }
  return out;
}

/**
 * The matched record's own verdict: for distro data the namespace's word on this package (Debian
 * urgency, Ubuntu priority) before the distro record's rating of the flaw; for an advisory its own
 * rating before a per-package one. Undefined when the record rates nothing.
 */
export function ownSeverity(
  record: AffectedPackage,
  lookup: Pick<Lookup, 'kind' | 'namespace'>,
  vulnerability: StoredVulnerability | undefined,
): ResolvedSeverity | undefined {
  const id = record.vulnerabilityId;
  const distro = lookup.kind === 'distro' || lookup.kind === 'os-owned';
  const name = distro ? lookup.namespace.split(':')[0]! : isGhsa(id) ? 'ghsa' : record.provider;
  const word = known(record.severity) ? { severity: record.severity, source: source(name, id) } : undefined;
  const rating = vulnerability
    ? ratingsOf(vulnerability).find((r) => r.provider === record.provider && known(r.severity))
    : undefined;
  const rated = rating && { severity: rating.severity, source: source(name, id, vectorBehind(rating)) };
  return distro ? (word ?? rated) : (rated ?? word);
}

/**
 * Severities for records that do not rate themselves, read from what else the database holds on
 * the same flaw (the same id from another provider, or the id's CVE and GHSA aliases): NVD's
 * CVSS v3.x base score, then the GitHub advisory's (its v3.x or v4.0 vector, else its word), then
 * another feed's rating of the id or its CVE (ruby-advisory-db, another distro), then NVD's v4.0
 * or v2 score. Worked out once per id, however many packages the id matches.
 */
export class SeverityFallbacks {
  private readonly memo = new Map<string, ResolvedSeverity | null>();

  /** `records`: the matched ids and their aliases, as `store.vulnerabilities` returned them. */
  constructor(private readonly records: ReadonlyMap<string, StoredVulnerability>) {}

  /** The aliases worth fetching besides the matched ids: CVE and GHSA ids not fetched yet. */
  static aliasIds(records: ReadonlyMap<string, StoredVulnerability>): string[] {
    const ids = new Set<string>();
    for (const v of records.values()) {
      for (const alias of v.aliases)
        if ((isCve(alias) || isGhsa(alias)) && !records.has(alias)) ids.add(alias);
    }
    return [...ids].sort();
  }

  for(id: string): ResolvedSeverity | undefined {
    let found = this.memo.get(id);
    if (found === undefined) {
      found = this.resolve(id) ?? null;
      this.memo.set(id, found);
    }
    return found ?? undefined;
  }

  private resolve(id: string): ResolvedSeverity | undefined {
    const ids = [...new Set([id, ...(this.records.get(id)?.aliases ?? [])])];
    const cves = ids.filter(isCve);
    const nvd = (versions: string[]): ResolvedSeverity | undefined =>
      this.best(cves, (r, cve) => {
        if (r.provider !== 'nvd') return undefined;
        const vector = chooseVector(r.cvss, versions);
        return vector && fromVector(vector, 'nvd', cve);
      });
    const ghsa = (): ResolvedSeverity | undefined =>
      this.best(ids.filter(isGhsa), (r, advisory) => fromRating(r, 'ghsa', advisory));
    // Other feeds' ratings of the id or its CVE: ruby-advisory-db's copy of a GHSA score, a distro's.
    const others = (): ResolvedSeverity | undefined =>
      this.best([...new Set([id, ...cves])], (r, other) =>
        r.provider === 'nvd' ? undefined : fromRating(r, r.provider, other),
      );
    return nvd(['3']) ?? ghsa() ?? others() ?? nvd(['4', '2']);
  }

  /** The worst of what `read` makes of each rating of each id. */
  private best(
    ids: readonly string[],
    read: (rating: ProviderRating, id: string) => ResolvedSeverity | undefined,
  ): ResolvedSeverity | undefined {
    return worst(ids.flatMap((id) => this.ratings(id).map((r) => read(r, id))));
  }

  private ratings(id: string): ProviderRating[] {
    const v = this.records.get(id);
    return v && !v.withdrawn ? ratingsOf(v) : [];
  }
}
