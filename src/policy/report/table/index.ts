import { renderTable } from '../../../format/table/render-table.js';
import type { EvaluationResult, Finding } from '../../types.js';
import type { CheckReportFormat } from '../types.js';

const HEADERS = ['Gate', 'Trigger', 'Trigger_Id', 'Check_Output', 'Gate_Action', 'Allowlisted', 'Policy_Id'];

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function allowlistedText(finding: Finding): string {
  const item = finding.allowlisted;
  return item ? `${item.allowlistName ?? item.allowlistId}:${item.itemId}` : 'false';
}

export function findingRows(result: Pick<EvaluationResult, 'findings'>): string[][] {
  return result.findings.map((f) => [
    f.gate,
    f.trigger,
    f.triggerId,
    oneLine(f.message),
    f.action,
    allowlistedText(f),
    f.policyId,
  ]);
}

function summary(result: EvaluationResult): string[] {
  const lines = [
    `Image: ${result.tag}${result.imageDigest ? `@${result.imageDigest}` : ''}`,
    `Bundle: ${result.bundle.name ?? result.bundle.id}; mapping: ${result.matchedMapping ? (result.matchedMapping.name ?? result.matchedMapping.id ?? '(unnamed)') : 'none'}`,
    `Final action: ${result.finalAction.toUpperCase()} (${result.finalActionReason}); status: ${result.status}`,
    result.grade
      ? `Grade: ${result.grade.grade} (${result.grade.reason})`
      : 'Grade: not computed (no vulnerability scan)',
  ];
  for (const problem of result.problems)
    lines.push(`Problem (${problem.severity}): ${oneLine(problem.details)}`);
  return lines;
}

/** Anchore's check table (allowlisted findings included, marked), then the verdict and grade. */
export const tableCheckReport: CheckReportFormat = {
  name: 'table',
  description:
    'a table of findings (gate, trigger, id, output, action, allowlisted, policy), then the final action and grade',
  encode(result) {
    const table = result.findings.length ? renderTable(HEADERS, findingRows(result)) : 'No policy findings\n';
    return `${table}\n${summary(result).join('\n')}\n`;
  },
};
