import { escapeHtml } from '../../../report/html/html-escape.js';
import type { EvaluationResult, Finding } from '../../types.js';
import type { CheckReportFormat } from '../types.js';

const STYLE = `body{font:14px system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4}.action{font-weight:600;text-transform:uppercase}.stop{color:#a61b1b}.warn{color:#a86500}
.go{color:#1e7b34}.verdict{font-size:1.4em}.problem{background:#fff3cd;padding:6px 8px;margin:4px 0}
tr.allowlisted td{color:#777}code{font-size:12px}`;

function action(value: string): string {
  return `<span class="action ${escapeHtml(value)}">${escapeHtml(value)}</span>`;
}

function row(finding: Finding): string {
  const allowlisted = finding.allowlisted
    ? escapeHtml(
        `${finding.allowlisted.allowlistName ?? finding.allowlisted.allowlistId}: ${finding.allowlisted.itemId}`,
      )
    : 'no';
  const cells = [
    escapeHtml(finding.gate),
    escapeHtml(finding.trigger),
    `<code>${escapeHtml(finding.triggerId)}</code>`,
    escapeHtml(finding.message),
    action(finding.action),
    allowlisted,
    escapeHtml(`${finding.policyId} / ${finding.ruleId}`),
  ];
  const attrs = finding.allowlisted ? ' class="allowlisted"' : '';
  return `<tr${attrs}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

function htmlOf(result: EvaluationResult): string {
  const title = `Customs policy check of ${result.tag}`;
  const header = ['Gate', 'Trigger', 'Trigger id', 'Output', 'Action', 'Allowlisted', 'Policy / rule'];
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
    ? `<table><thead><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>
${result.findings.map(row).join('\n')}
</tbody></table>`
    : '<p>No policy findings.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="verdict">${action(result.finalAction)} (${escapeHtml(result.finalActionReason)}), status ${escapeHtml(result.status)}</p>
<p>Bundle ${escapeHtml(result.bundle.name ?? result.bundle.id)}, mapping ${escapeHtml(mapping)}${result.imageDigest ? `, digest <code>${escapeHtml(result.imageDigest)}</code>` : ''}; evaluated ${escapeHtml(result.evaluatedAt)}</p>
<p>${grade}</p>
${problems}
${table}
</body>
</html>
`;
}

/** One self-contained page (inline style, no scripts, everything escaped). */
export const htmlCheckReport: CheckReportFormat = {
  name: 'html',
  description: 'a self-contained HTML page: verdict, grade, problems, findings',
  encode: htmlOf,
};
