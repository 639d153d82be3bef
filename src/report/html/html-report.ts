import { severityRank } from '../../scan/severity.js';
import type { Match, ScanReport } from '../../scan/types.js';
import type { Severity } from '../../vulndb/model.js';
import type { ReportFormat } from '../types.js';
import { escapeHtml, linkOrText } from './html-escape.js';

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4}.sev{font-weight:600;text-transform:uppercase}.critical{color:#8b0000}.high{color:#c0392b}
.medium{color:#b9770e}.low{color:#2e86c1}.negligible,.unknown{color:#777}.warn{background:#fff3cd;padding:8px}
code{font-size:12px}`;

function count(report: ScanReport, severity: Severity): number {
  return report.matches.filter((m) => m.vulnerability.severity === severity).length;
}

function row(match: Match): string {
  const { vulnerability: v, package: p } = match;
  const link = v.references[0] ? linkOrText(v.references[0], v.id) : escapeHtml(v.id);
  const fix = v.fix.state === 'fixed' ? v.fix.versions.join(', ') : `(${v.fix.state})`;
  const cells = [
    `<span class="sev ${v.severity}">${escapeHtml(v.severity)}</span>`,
    link,
    escapeHtml(p.name),
    escapeHtml(p.version),
    escapeHtml(fix),
    escapeHtml(p.type),
    v.epss ? escapeHtml(`${(v.epss.score * 100).toFixed(1)}%`) : '',
    v.kev ? 'yes' : '',
    `<code>${escapeHtml(p.locations.map((l) => l.path).join('\n'))}</code>`,
  ];
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

function htmlOf(report: ScanReport): string {
  const sorted = [...report.matches].sort(
    (a, b) =>
      severityRank(b.vulnerability.severity) - severityRank(a.vulnerability.severity) ||
      a.package.name.localeCompare(b.package.name),
  );
  const summary = (['critical', 'high', 'medium', 'low', 'negligible', 'unknown'] as const)
    .map((s) => `<span class="sev ${s}">${s}</span> ${count(report, s)}`)
    .join(' · ');
  const warnings = report.warnings.map((w) => `<p class="warn">${escapeHtml(w)}</p>`).join('\n');
  const title = `Customs scan of ${report.source.reference}`;
  const header = [
    'Severity',
    'Vulnerability',
    'Package',
    'Installed',
    'Fixed in',
    'Type',
    'EPSS',
    'KEV',
    'Location',
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(report.source.digest ?? '')} · ${escapeHtml(report.distro ? `${report.distro.id} ${report.distro.versionId ?? ''}` : 'no distribution detected')} · scanned ${escapeHtml(report.descriptor.timestamp)} · database ${escapeHtml(report.database.lastSync ?? 'never synced')}</p>
${warnings}
<p>${report.matches.length} vulnerabilities: ${summary}; ${report.ignoredMatches.length} ignored.</p>
<table>
<thead><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>
${sorted.map(row).join('\n')}
</tbody>
</table>
</body>
</html>
`;
}

/** A self-contained HTML page (no scripts, no external resources) for people and CI artifacts. */
export const htmlReport: ReportFormat = {
  name: 'html',
  description: 'a self-contained HTML page, sorted by severity',
  encode: htmlOf,
};
