import { renderFittedTable } from '../../format/table/fit-table.js';
import type { ScapEvaluation } from '../evaluate-image.js';
import { RESULT_VALUES, resultCounts } from './summary.js';

const shortRule = (id: string): string => id.replace(/^xccdf_[^_]+_rule_/, '');

/** The selected rules as a table (rule, severity, result), then the counts and the scores. */
export function encodeScapTable(evaluation: ScapEvaluation, width = 120): string {
  const rows = evaluation.results
    .filter((r) => r.result !== 'notselected')
    .map((r) => [shortRule(r.ruleId), r.severity, r.result]);
  const lines: string[] = [];
  lines.push(
    `${evaluation.benchmark.title || evaluation.benchmark.id}${evaluation.profile ? ` — profile ${evaluation.profile.id}` : ''}`,
  );
  lines.push(
    rows.length > 0
      ? renderFittedTable(['RULE', 'SEVERITY', 'RESULT'], rows, width).trimEnd()
      : 'No rule is selected.',
  );
  const counts = resultCounts(evaluation.results);
  lines.push(
    RESULT_VALUES.filter((v) => v !== 'notselected' && counts[v] > 0)
      .map((v) => `${v} ${counts[v]}`)
      .join(', ') || 'no results',
  );
  for (const s of evaluation.scores) lines.push(`score ${s.system}: ${s.value} of ${s.maximum}`);
  return lines.join('\n') + '\n';
}
