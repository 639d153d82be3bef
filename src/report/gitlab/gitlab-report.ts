import { createHash } from 'node:crypto';
import type { Match, ScanReport } from '../../scan/types.js';
import type { Severity } from '../../vulndb/model.js';
import type { ReportFormat } from '../types.js';

/** The container-scanning report schema version this writes. */
export const GITLAB_SCHEMA_VERSION = '15.2.1';

const SEVERITY: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  negligible: 'Info',
  unknown: 'Unknown',
};

/** A stable UUID-shaped id per (vulnerability, package, version), so GitLab tracks it across runs. */
function stableId(match: Match): string {
  const hex = createHash('sha256')
    .update(`${match.vulnerability.id}\u0000${match.package.name}\u0000${match.package.version}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function identifiers(match: Match): object[] {
  const ids = [match.vulnerability.id, ...match.vulnerability.aliases];
  return [...new Set(ids)].map((id) => {
    const type = id.startsWith('CVE-')
      ? 'cve'
      : id.startsWith('GHSA-')
        ? 'ghsa'
        : id.split('-')[0]!.toLowerCase();
    const url = id.startsWith('CVE-')
      ? `https://nvd.nist.gov/vuln/detail/${id}`
      : id.startsWith('GHSA-')
        ? `https://github.com/advisories/${id}`
        : undefined;
    return { type, name: id, value: id, ...(url ? { url } : {}) };
  });
}

function operatingSystem(report: ScanReport): string {
  const d = report.distro;
  return d ? `${d.id} ${d.versionId ?? ''}`.trim() : 'unknown';
}

function vulnerabilityOf(match: Match, report: ScanReport): object {
  const { vulnerability: v, package: p } = match;
  const fixed = v.fix.state === 'fixed' && v.fix.versions.length > 0;
  return {
    id: stableId(match),
    name: `${v.id} in ${p.name}`,
    description: v.summary ?? `${v.id} affects ${p.name} ${p.version}`,
    severity: SEVERITY[v.severity],
    solution: fixed ? `Upgrade ${p.name} to ${v.fix.versions.join(' or ')}` : 'No fix is available yet',
    identifiers: identifiers(match),
    links: v.references.slice(0, 10).map((url) => ({ url })),
    location: {
      dependency: { package: { name: p.name }, version: p.version },
      operating_system: operatingSystem(report),
      image: report.source.reference,
    },
  };
}

function timestamp(iso: string): string {
  return iso.replace(/\.\d+Z$/, '').replace(/Z$/, '');
}

/** GitLab's container-scanning report (`artifacts:reports:container_scanning`). */
export const gitlabReport: ReportFormat = {
  name: 'gitlab',
  description: 'GitLab container scanning report (security dashboard, merge request widget)',
  encode: (report) => {
    const tool = {
      id: 'customs',
      name: 'Customs',
      version: report.descriptor.version,
      vendor: { name: 'Customs' },
    };
    const time = timestamp(report.descriptor.timestamp);
    const doc = {
      version: GITLAB_SCHEMA_VERSION,
      scan: {
        analyzer: tool,
        scanner: tool,
        type: 'container_scanning',
        start_time: time,
        end_time: time,
        status: 'success',
        messages: report.warnings.map((value) => ({ level: 'warn', value })),
      },
      vulnerabilities: report.matches.map((m) => vulnerabilityOf(m, report)),
      remediations: [],
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  },
};
