import { escapeHtml } from '../../../report/html/html-escape.js';
import { htmlPage } from '../../../report/html/html-page.js';
import { PAGE_STYLE } from '../../../report/html/page-style.js';
import { reportTable, type ReportColumn, type ReportRow } from '../../../report/html/report-table.js';
import { TABLE_SCRIPT } from '../../../report/html/table-script.js';
import type { EvaluationResult, Finding } from '../../types.js';
import { actionRank, failuresFirst } from '../failures-first.js';
import type { CheckReportFormat } from '../types.js';

const STYLE = `${PAGE_STYLE}
.action{font-weight:600;text-transform:uppercase}.stop{color:var(--stop)}.warn{color:var(--warn)}
.go{color:var(--go)}.verdict{font-size:1.4em}
.problem{background:var(--panel);border:1px solid var(--line);padding:6px 8px;margin:4px 0}
tr.allowlisted td{color:var(--muted)}`;

const COLUMNS: ReportColumn[] = [
  { label: 'Action' },
  { label: 'Gate' },
  { label: 'Trigger' },
  { label: 'Trigger id', long: true },
  { label: 'Output', long: true, lines: true },
  { label: 'Allowlisted', long: true },
  { label: 'Policy / rule', long: true },
];

function action(value: string): string {
  return `<span class="action ${escapeHtml(value)}">${escapeHtml(value)}</span>`;
}

function row(finding: Finding): ReportRow {
  const allowlisted = finding.allowlisted
    ? escapeHtml(
        `${finding.allowlisted.allowlistName ?? finding.allowlisted.allowlistId}: ${finding.allowlisted.itemId}`,
      )
    : 'no';
  return {
    cells: [
      { html: action(finding.action), sortKey: actionRank(finding.action) },
      escapeHtml(finding.gate),
      escapeHtml(finding.trigger),
      `<code>${escapeHtml(finding.triggerId)}</code>`,
      escapeHtml(finding.message),
      allowlisted,
      escapeHtml(`${finding.policyId} / ${finding.ruleId}`),
    ],
    ...(finding.allowlisted ? { className: 'allowlisted' } : {}),
  };
}

function htmlOf(result: EvaluationResult): string {
  const title = `Customs policy check of ${result.tag}`;
  const mapping = result.matchedMapping
    ? (result.matchedMapping.name ?? result.matchedMapping.id ?? '(unnamed)')
    : 'none';
  const grade = result.grade
    ? `Grade <strong>${escapeHtml(result.grade.grade)}</strong>: ${escapeHtml(result.grade.reason)}`
    : 'Grade not computed (no vulnerability scan)';
  const problems = result.problems
    .map((p) => `<p class="problem">${escapeHtml(`${p.severity}: ${p.details}`)}</p>`)
    .join('\n');
  const table = result.findings.length
    ? reportTable('findings', COLUMNS, failuresFirst(result.findings).map(row))
    : '<p>No policy findings.</p>';
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="verdict">${action(result.finalAction)} (${escapeHtml(result.finalActionReason)}), status ${escapeHtml(result.status)}</p>
<p>Bundle ${escapeHtml(result.bundle.name ?? result.bundle.id)}, mapping ${escapeHtml(mapping)}${result.imageDigest ? `, digest <code>${escapeHtml(result.imageDigest)}</code>` : ''}; evaluated ${escapeHtml(result.evaluatedAt)}</p>
<p>${grade}</p>
${problems}
${table}`;
  return htmlPage({
    title,
    style: STYLE,
    body,
    ...(result.findings.length ? { script: TABLE_SCRIPT } : {}),
  });
}

/**
 * One self-contained page: verdict, grade, problems, then the findings failures first (STOP,
 * WARN, GO) in a table that filters and sorts with its inline script. Everything is escaped,
 * nothing is fetched, and a Content-Security-Policy allows only the page's own style and script.
 */
export const htmlCheckReport: CheckReportFormat = {
  name: 'html',
  description: 'a self-contained HTML page: verdict, grade, problems, findings failures first (filter, sort)',
  encode: htmlOf,
};
