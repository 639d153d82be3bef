import type { ScapEvaluation } from '../evaluate-image.js';
import { resultCounts } from './summary.js';

/** The evaluation as JSON (`customs-scap/1`): every rule's result, the counts and the scores. */
export function encodeScapJson(evaluation: ScapEvaluation): string {
  const selected = evaluation.results.filter((r) => r.result !== 'notselected');
  return (
    JSON.stringify(
      {
        schema: 'customs-scap/1',
        target: evaluation.target,
        content: evaluation.content,
        benchmark: evaluation.benchmark,
        ...(evaluation.profile ? { profile: evaluation.profile } : {}),
        startTime: evaluation.startTime,
        endTime: evaluation.endTime,
        counts: resultCounts(evaluation.results),
        scores: evaluation.scores,
        values: Object.fromEntries(evaluation.values),
        rules: selected.map((r) => ({
          id: r.ruleId,
          title: r.title,
          severity: r.severity,
          result: r.result,
          ...(r.check ? { check: r.check } : {}),
          ...(r.message ? { message: r.message } : {}),
          ...(r.idents.length > 0 ? { idents: r.idents } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
