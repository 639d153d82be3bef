import type { StoredVulnerability } from '../types.js';
import type { Vulnerability } from '../../model.js';

/**
 * Several providers can hold the same id (a CVE from NVD and from a distro). The caller gets one
 * record: NVD's text and severity first for CVE ids, otherwise the first provider (by name) that
 * rates it; aliases, CVSS vectors and references from all of them; each provider's own severity
 * and vectors in `ratings`.
 */
export function mergeSameId(records: readonly Vulnerability[]): StoredVulnerability | undefined {
  if (records.length === 0) return undefined;
  const ordered = [...records].sort((a, b) => rank(a) - rank(b) || a.provider.localeCompare(b.provider));
  const first = ordered[0]!;
  // A provider that withdrew the id rates nothing (NVD's rejected CVEs keep their old vectors).
  const rating = ordered.filter((r) => !r.withdrawn);
  const ratings = rating.map((r) => ({ provider: r.provider, severity: r.severity, cvss: r.cvss }));
  if (ordered.length === 1) return { ...first, ratings };
  const merged: StoredVulnerability = {
    ...first,
    ratings,
    aliases: unique(ordered.flatMap((r) => r.aliases)).filter((a) => a !== first.id),
    references: unique(ordered.flatMap((r) => r.references)),
    cvss: [],
  };
  const vectors = new Set<string>();
  for (const c of ordered.flatMap((r) => r.cvss)) {
    if (vectors.has(c.vector)) continue;
    vectors.add(c.vector);
    merged.cvss.push(c);
  }
  for (const r of ordered) {
    merged.summary ??= r.summary;
    merged.description ??= r.description;
    merged.published ??= r.published;
  }
  if (merged.summary === undefined) delete merged.summary;
  if (merged.description === undefined) delete merged.description;
  if (merged.published === undefined) delete merged.published;
  // Withdrawn only when every provider withdrew it.
  if (ordered.some((r) => !r.withdrawn)) delete merged.withdrawn;
  return merged;
}

function rank(v: Vulnerability): number {
  if (v.id.startsWith('CVE-') && v.provider === 'nvd') return 0;
  return v.severity === 'unknown' ? 2 : 1;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
