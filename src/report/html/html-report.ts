import { compareMatches, severityRank } from '../../scan/severity.js';
import type { Match, ScanReport } from '../../scan/types.js';
import type { Severity } from '../../vulndb/model.js';
import type { ReportFormat } from '../types.js';
import { escapeHtml, linkOrText } from './html-escape.js';
import { htmlPage } from './html-page.js';
import { PAGE_STYLE } from './page-style.js';
import { reportTable, type ReportColumn, type ReportRow } from './report-table.js';
import { TABLE_SCRIPT } from './table-script.js';

const STYLE = `${PAGE_STYLE}
.sev{font-weight:600;text-transform:uppercase}.critical{color:var(--stop)}.high{color:var(--high)}
.medium{color:var(--warn)}.low,.negligible,.unknown{color:var(--muted)}
.warn{background:var(--panel);border:1px solid var(--line);padding:8px}`;

const COLUMNS: ReportColumn[] = [
  { label: 'Severity' },
  { label: 'Vulnerability', long: true },
  { label: 'Package', long: true },
  { label: 'Installed', long: true },
  { label: 'Fixed in', long: true },
  { label: 'Type' },
  { label: 'EPSS' },
  { label: 'KEV' },
  { label: 'Location', long: true, lines: true },
];

function count(report: ScanReport, severity: Severity): number {
  return report.matches.filter((m) => m.vulnerability.severity === severity).length;
}

function row(match: Match): ReportRow {
  const { vulnerability: v, package: p } = match;
  const link = v.references[0] ? linkOrText(v.references[0], v.id) : escapeHtml(v.id);
  const fix = v.fix.state === 'fixed' ? v.fix.versions.join(', ') : `(${v.fix.state})`;
  return {
    cells: [
      {
        html: `<span class="sev ${escapeHtml(v.severity)}">${escapeHtml(v.severity)}</span>`,
        sortKey: severityRank(v.severity),
      },
      link,
      escapeHtml(p.name),
      escapeHtml(p.version),
      escapeHtml(fix),
      escapeHtml(p.type),
      v.epss
        ? { html: escapeHtml(`${(v.epss.score * 100).toFixed(1)}%`), sortKey: v.epss.score }
        : { html: '', sortKey: -1 },
      v.kev ? 'yes' : '',
      `<code>${escapeHtml(p.locations.map((l) => l.path).join('\n'))}</code>`,
    ],
  };
}

function htmlOf(report: ScanReport): string {
  const summary = (['critical', 'high', 'medium', 'low', 'negligible', 'unknown'] as const)
    .map((s) => `<span class="sev ${s}">${s}</span> ${count(report, s)}`)
    .join(' · ');
  const warnings = report.warnings.map((w) => `<p class="warn">${escapeHtml(w)}</p>`).join('\n');
  const title = `Customs scan of ${report.source.reference}`;
  const body = `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(report.source.digest ?? '')} · ${escapeHtml(report.distro ? `${report.distro.id} ${report.distro.versionId ?? ''}` : 'no distribution detected')} · scanned ${escapeHtml(report.descriptor.timestamp)} · database ${escapeHtml(report.database.lastSync ?? 'never synced')}</p>
${warnings}
<p>${report.matches.length} vulnerabilities: ${summary}; ${report.ignoredMatches.length} ignored.</p>
${reportTable('matches', COLUMNS, [...report.matches].sort(compareMatches).map(row))}`;
  return htmlPage({ title, style: STYLE, body, script: TABLE_SCRIPT });
}

/**
 * A self-contained HTML page for people and CI artifacts: the matches most severe first in a
 * table that filters and sorts with its inline script; nothing is fetched, and a
 * Content-Security-Policy allows only the page's own style and script.
 */
export const htmlReport: ReportFormat = {
  name: 'html',
  description: 'a self-contained HTML page, most severe first (filter, sort)',
  encode: htmlOf,
};
