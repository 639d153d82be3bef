import type { SchemeName } from '../../../versioning/types.js';
import type {
  AffectedPackage,
  Cvss,
  EpssScore,
  FixState,
  KevEntry,
  Severity,
  Vulnerability,
  VersionRange,
} from '../../model.js';

/**
 * The row shapes both stores write and read. Column names are the same in SQLite and
 * PostgreSQL; list-valued fields are JSON text columns.
 */
export interface VulnerabilityRow {
  provider: string;
  id: string;
  summary: string | null;
  description: string | null;
  severity: string;
  published: string | null;
  modified: string | null;
  withdrawn: string | null;
}

export interface AffectedRow {
  provider: string;
  vulnerability_id: string;
  namespace: string;
  package: string;
  scheme: string;
  ranges: string;
  versions: string | null;
  constraints: string | null;
  fix_state: string;
  fixed_versions: string;
  severity: string | null;
  fix_published: string | null;
}

export interface CvssRow {
  provider: string;
  vulnerability_id: string;
  version: string;
  vector: string;
  base_score: number;
  source: string | null;
}

export interface EpssRow {
  cve: string;
  score: number;
  percentile: number;
  score_date: string;
}

export interface KevRow {
  cve: string;
  date_added: string;
  due_date: string | null;
  ransomware: number | null;
  vendor_project: string | null;
  product: string | null;
}

export function vulnerabilityRow(v: Vulnerability): VulnerabilityRow {
  return {
    provider: v.provider,
    id: v.id,
    summary: v.summary ?? null,
    description: v.description ?? null,
    severity: v.severity,
    published: v.published ?? null,
    modified: v.modified ?? null,
    withdrawn: v.withdrawn ?? null,
  };
}

export function affectedRow(a: AffectedPackage, provider: string, vulnerabilityId: string): AffectedRow {
  return {
    provider,
    vulnerability_id: vulnerabilityId,
    namespace: a.namespace,
    package: a.package,
    scheme: a.scheme,
    ranges: JSON.stringify(a.ranges),
    versions: a.versions && a.versions.length > 0 ? JSON.stringify(a.versions) : null,
    constraints: a.constraints && a.constraints.length > 0 ? JSON.stringify(a.constraints) : null,
    fix_state: a.fixState,
    fixed_versions: JSON.stringify(a.fixedVersions),
    severity: a.severity ?? null,
    fix_published: a.fixPublished ?? null,
  };
}

export function cvssRows(v: Vulnerability): CvssRow[] {
  return v.cvss.map((c) => ({
    provider: v.provider,
    vulnerability_id: v.id,
    version: c.version,
    vector: c.vector,
    base_score: c.baseScore,
    source: c.source ?? null,
  }));
}

export function epssRow(s: EpssScore): EpssRow {
  return { cve: s.cve, score: s.score, percentile: s.percentile, score_date: s.date };
}

export function kevRow(k: KevEntry): KevRow {
  return {
    cve: k.cve,
    date_added: k.dateAdded,
    due_date: k.dueDate ?? null,
    ransomware: k.knownRansomwareCampaignUse === undefined ? null : k.knownRansomwareCampaignUse ? 1 : 0,
    vendor_project: k.vendorProject ?? null,
    product: k.product ?? null,
  };
}

export function affectedFromRow(r: AffectedRow): AffectedPackage {
  const a: AffectedPackage = {
    vulnerabilityId: r.vulnerability_id,
    namespace: r.namespace,
    package: r.package,
    scheme: r.scheme as SchemeName,
    ranges: JSON.parse(r.ranges) as VersionRange[],
    fixState: r.fix_state as FixState,
    fixedVersions: JSON.parse(r.fixed_versions) as string[],
    provider: r.provider,
  };
  if (r.versions) a.versions = JSON.parse(r.versions) as string[];
  if (r.constraints) a.constraints = JSON.parse(r.constraints) as string[];
  if (r.severity) a.severity = r.severity as Severity;
  if (r.fix_published) a.fixPublished = r.fix_published;
  return a;
}

export function vulnerabilityFromRows(
  r: VulnerabilityRow,
  aliases: string[],
  cvss: CvssRow[],
  references: string[],
): Vulnerability {
  const v: Vulnerability = {
    id: r.id,
    aliases,
    severity: r.severity as Severity,
    cvss: cvss.map((c): Cvss => {
      const out: Cvss = { version: c.version, vector: c.vector, baseScore: Number(c.base_score) };
      if (c.source) out.source = c.source;
      return out;
    }),
    references,
    provider: r.provider,
  };
  if (r.summary) v.summary = r.summary;
  if (r.description) v.description = r.description;
  if (r.published) v.published = r.published;
  if (r.modified) v.modified = r.modified;
  if (r.withdrawn) v.withdrawn = r.withdrawn;
  return v;
}

export function epssFromRow(r: EpssRow): EpssScore {
  return { cve: r.cve, score: Number(r.score), percentile: Number(r.percentile), date: r.score_date };
}

export function kevFromRow(r: KevRow): KevEntry {
  const k: KevEntry = { cve: r.cve, dateAdded: r.date_added };
  if (r.due_date) k.dueDate = r.due_date;
  if (r.ransomware !== null) k.knownRansomwareCampaignUse = Number(r.ransomware) === 1;
  if (r.vendor_project) k.vendorProject = r.vendor_project;
  if (r.product) k.product = r.product;
  return k;
}

/** The key affectedByMany answers under. */
export function packageKey(namespace: string, packageName: string): string {
  return `${namespace}\u0000${packageName}`;
}
