import { fitWidths, renderFittedTable } from '../../../format/table/fit-table.js';
import { wrapText } from '../../../format/table/wrap-text.js';
import type { EvaluationResult, Finding } from '../../types.js';
import { failuresFirst } from '../failures-first.js';
import type { CheckReportFormat } from '../types.js';

/** A terminal's width: every line of the table fits it. */
export const TABLE_WIDTH = 120;
const INDENT = '    ';
const HEADERS = ['Action', 'Gate', 'Trigger', 'Rule_Id'];

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function allowlistedText(finding: Finding): string {
  const item = finding.allowlisted;
  return item ? `${item.allowlistName ?? item.allowlistId}:${item.itemId}` : 'false';
}

/**
 * One block per finding: its action, gate, trigger and the rule that fired (the rule id names
 * the control it enforces), then the check output below it, indented and wrapped, with the
 * trigger id an allowlist item names; an allowlisted finding says by which item.
 */
function findingBlocks(findings: readonly Finding[]): string {
  const sorted = failuresFirst(findings);
  const rows = sorted.map((f) => [f.action, f.gate, f.trigger, f.ruleId]);
  const widths = fitWidths(HEADERS, rows, TABLE_WIDTH);
  const out = renderFittedTable(HEADERS, [], TABLE_WIDTH, widths).split('\n').slice(0, -1);
  sorted.forEach((finding, i) => {
    out.push(...renderFittedTable(HEADERS, [rows[i]!], TABLE_WIDTH, widths).split('\n').slice(1, -1));
    const allowlisted = finding.allowlisted
      ? ` (allowlisted by ${allowlistedText(finding)}; the rule says ${finding.ruleAction.toUpperCase()})`
      : '';
    const output = `${oneLine(finding.message)} [trigger_id=${finding.triggerId}]${allowlisted}`;
    for (const line of wrapText(output, TABLE_WIDTH - INDENT.length)) out.push(INDENT + line);
  });
  return `${out.join('\n')}\n`;
}

function summary(result: EvaluationResult): string[] {
  // An image with no name (not from a registry, no tag given) is shown as the user named it.
  const named = !result.tag.startsWith('*/*:');
  const image = named || !result.sourceReference ? result.tag : result.sourceReference;
  const lines = [
    `Image: ${image}${result.imageDigest ? `@${result.imageDigest}` : ''}${named ? '' : ' (unnamed: mappings matched as */*:*)'}`,
    `Bundle: ${result.bundle.name ?? result.bundle.id}; mapping: ${result.matchedMapping ? (result.matchedMapping.name ?? result.matchedMapping.id ?? '(unnamed)') : 'none'}`,
    `Final action: ${result.finalAction.toUpperCase()} (${result.finalActionReason}); status: ${result.status}`,
    result.grade
      ? `Grade: ${result.grade.grade} (${result.grade.reason})`
      : 'Grade: not computed (no vulnerability scan)',
  ];
  for (const problem of result.problems)
    lines.push(`Problem (${problem.severity}): ${oneLine(problem.details)}`);
  return lines.flatMap((line) => {
    const [first, ...rest] = wrapText(line, TABLE_WIDTH);
    return [first!, ...wrapText(rest.join(' '), TABLE_WIDTH - 2).map((l) => `  ${l}`)].filter((l) =>
      l.trim(),
    );
  });
}

/** Anchore's check table (allowlisted findings included, marked), then the verdict and grade. */
export const tableCheckReport: CheckReportFormat = {
  name: 'table',
  description:
    'a table of findings for a 120-column terminal (action, gate, trigger, rule, then the output and trigger id), failures first; then the final action and grade',
  encode(result) {
    const table = result.findings.length ? findingBlocks(result.findings) : 'No policy findings\n';
    return `${table}\n${summary(result).join('\n')}\n`;
  },
};
