import { buildCycloneDxBom } from '../../format/cyclonedx-json/index.js';
import type { IgnoredMatch, Match, ScanReport } from '../../scan/types.js';
import type { Cvss, Severity } from '../../vulndb/model.js';
import type { ReportFormat } from '../types.js';

const METHOD: Record<string, string> = {
  '2.0': 'CVSSv2',
  '3.0': 'CVSSv3',
  '3.1': 'CVSSv31',
  '4.0': 'CVSSv4',
};

/** CycloneDX severities: `negligible` is `info`. */
function cdxSeverity(severity: Severity): string {
  return severity === 'negligible' ? 'info' : severity;
}

/** OpenVEX justifications in CycloneDX's words. */
const JUSTIFICATION: Record<string, string> = {
  component_not_present: 'code_not_present',
  vulnerable_code_not_present: 'code_not_present',
  vulnerable_code_not_in_execute_path: 'code_not_reachable',
  vulnerable_code_cannot_be_controlled_by_adversary: 'requires_environment',
  inline_mitigations_already_exist: 'protected_by_mitigating_control',
};

function sourceOf(id: string): { name: string; url?: string } {
  if (id.startsWith('CVE-')) return { name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${id}` };
  if (id.startsWith('GHSA-')) return { name: 'GitHub', url: `https://github.com/advisories/${id}` };
  return { name: id.split('-')[0] ?? 'customs' };
}

function ratings(match: Match): object[] {
  const fromCvss = match.vulnerability.cvss.map((c: Cvss) => ({
    ...(c.source ? { source: { name: c.source } } : {}),
    score: c.baseScore,
    severity: cdxSeverity(severityOfScore(c.baseScore)),
    method: METHOD[c.version] ?? 'other',
    vector: c.vector,
  }));
  return [
    {
      source: { name: match.details.provider },
      severity: cdxSeverity(match.vulnerability.severity),
      method: 'other',
    },
    ...fromCvss,
  ];
}

function severityOfScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'negligible';
}

function analysisOf(ignored: IgnoredMatch): object | undefined {
  if (ignored.reason.by !== 'vex') return undefined;
  const justification = ignored.reason.justification
    ? JUSTIFICATION[ignored.reason.justification]
    : undefined;
  const fixed = ignored.reason.justification === 'fixed';
  return {
    state: fixed ? 'resolved' : 'not_affected',
    ...(justification ? { justification } : {}),
    ...(ignored.reason.justification ? { detail: ignored.reason.justification } : {}),
  };
}

/**
 * One CycloneDX vulnerability per (vulnerability, package); several packages of one
 * vulnerability each get their own entry so `affects` stays precise.
 */
function vulnerabilityEntry(match: Match, index: number, analysis?: object): object {
  const v = match.vulnerability;
  return {
    'bom-ref': `vuln:${v.id}:${match.package.id}:${index}`,
    id: v.id,
    source: sourceOf(v.id),
    ratings: ratings(match),
    ...(v.summary ? { description: v.summary } : {}),
    ...(v.fix.state === 'fixed' && v.fix.versions.length > 0
      ? { recommendation: `Upgrade ${match.package.name} to ${v.fix.versions.join(' or ')}` }
      : {}),
    ...(v.references.length > 0 ? { advisories: v.references.map((url) => ({ url })) } : {}),
    ...(v.published ? { published: v.published } : {}),
    ...(analysis ? { analysis } : {}),
    affects: [{ ref: match.package.id }],
    properties: [
      { name: 'customs:fix:state', value: v.fix.state },
      { name: 'customs:match:kind', value: match.details.kind },
      { name: 'customs:match:namespace', value: match.details.namespace },
      ...(v.aliases.length > 0 ? [{ name: 'customs:aliases', value: v.aliases.join(',') }] : []),
      ...(v.epss ? [{ name: 'customs:epss', value: String(v.epss.score) }] : []),
      ...(v.kev ? [{ name: 'customs:kev', value: 'true' }] : []),
    ],
  };
}

/**
 * The image's CycloneDX 1.6 SBOM with its vulnerabilities; matches a VEX document set aside are
 * written with their analysis, so the output is a CycloneDX VEX as well.
 */
export const cyclonedxReport: ReportFormat = {
  name: 'cyclonedx-json',
  description: 'CycloneDX 1.6 JSON: the SBOM with its vulnerabilities (and VEX analysis)',
  encode: (report: ScanReport) => {
    const bom = buildCycloneDxBom(report.sbom);
    const vulnerabilities = [
      ...report.matches.map((m, i) => vulnerabilityEntry(m, i)),
      ...report.ignoredMatches
        .map((m, i) => ({ m, i, analysis: analysisOf(m) }))
        .filter((x) => x.analysis !== undefined)
        .map(({ m, i, analysis }) => vulnerabilityEntry(m, report.matches.length + i, analysis)),
    ];
    const warnings = report.warnings.map((value) => ({ name: 'customs:warning', value }));
    const metadata = bom.metadata
      ? { ...bom.metadata, properties: [...(bom.metadata.properties ?? []), ...warnings] }
      : bom.metadata;
    return `${JSON.stringify({ ...bom, metadata, vulnerabilities }, null, 2)}\n`;
  },
};
