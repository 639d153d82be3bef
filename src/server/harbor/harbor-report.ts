import type { Severity } from '../../model/vulnerability.js';
import type { Match } from '../../model/match.js';
import type { ScanReport } from '../../scan/types.js';

export type HarborSeverity = 'Unknown' | 'Negligible' | 'Low' | 'Medium' | 'High' | 'Critical';

export interface HarborArtifact {
  repository?: string;
  digest?: string;
  tag?: string;
  mime_type?: string;
}

export interface HarborScanner {
  name: string;
  vendor: string;
  version: string;
}

export interface HarborCvss {
  score_v3?: number;
  score_v2?: number;
  vector_v3?: string;
  vector_v2?: string;
}

export interface HarborVulnerabilityItem {
  id: string;
  package: string;
  version: string;
  fix_version?: string;
  severity: HarborSeverity;
  description?: string;
  links: string[];
  preferred_cvss?: HarborCvss;
  cwe_ids?: string[];
  vendor_attributes: Record<string, unknown>;
}

export interface HarborVulnerabilityReport {
  generated_at: string;
  artifact: HarborArtifact;
  scanner: HarborScanner;
  /** The highest severity found (Unknown for an image with none). */
  severity: HarborSeverity;
  vulnerabilities: HarborVulnerabilityItem[];
}

const SEVERITY: Record<Severity, HarborSeverity> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  negligible: 'Negligible',
  unknown: 'Unknown',
};

const RANK: Record<HarborSeverity, number> = {
  Unknown: 0,
  Negligible: 1,
  Low: 2,
  Medium: 3,
  High: 4,
  Critical: 5,
};

/**
 * A scan as Harbor's vulnerability report (the `application/vnd.security.vulnerability.report;
 * version=1.1` document): one item per matched (vulnerability, package), the lowest fixed
 * version as `fix_version`, the CVSS the severity came from as `preferred_cvss`.
 */
export function harborReport(
  scan: ScanReport,
  artifact: HarborArtifact,
  scanner: HarborScanner,
  generatedAt: string,
): HarborVulnerabilityReport {
  const vulnerabilities = scan.matches.map(harborItem);
  let severity: HarborSeverity = 'Unknown';
  for (const item of vulnerabilities) if (RANK[item.severity] > RANK[severity]) severity = item.severity;
  return { generated_at: generatedAt, artifact, scanner, severity, vulnerabilities };
}

function harborItem(match: Match): HarborVulnerabilityItem {
  const { vulnerability: v, package: p } = match;
  const fix = v.fix.state === 'fixed' ? v.fix.versions[0] : undefined;
  const cvss = preferredCvss(match);
  return {
    id: v.id,
    package: p.name,
    version: p.version,
    ...(fix !== undefined ? { fix_version: fix } : {}),
    severity: SEVERITY[v.severity],
    ...(v.summary !== undefined ? { description: v.summary } : {}),
    links: v.references,
    ...(cvss ? { preferred_cvss: cvss } : {}),
    vendor_attributes: {
      package_type: p.type,
      ...(p.purl !== undefined ? { purl: p.purl } : {}),
      fix_state: v.fix.state,
      namespace: match.details.namespace,
      ...(v.aliases.length > 0 ? { aliases: v.aliases } : {}),
      ...(v.kev ? { kev: true } : {}),
      ...(v.epss ? { epss: v.epss.score } : {}),
    },
  };
}

/** The vector the severity was read from when it came from CVSS, else the newest v3 and v2 scores. */
function preferredCvss(match: Match): HarborCvss | undefined {
  const v = match.vulnerability;
  const scores = v.severitySource?.cvss ? [v.severitySource.cvss, ...v.cvss] : v.cvss;
  const v3 = scores.find((c) => c.version.startsWith('3'));
  const v2 = scores.find((c) => c.version.startsWith('2'));
  if (!v3 && !v2) return undefined;
  return {
    ...(v3 ? { score_v3: v3.baseScore, vector_v3: v3.vector } : {}),
    ...(v2 ? { score_v2: v2.baseScore, vector_v2: v2.vector } : {}),
  };
}
