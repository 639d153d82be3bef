import type { CheckReportFormat } from '../types.js';

/** The EvaluationResult as it is: findings, final action and reason, grade, problems. */
export const jsonCheckReport: CheckReportFormat = {
  name: 'json',
  description: 'the evaluation result as JSON: final action and reason, findings, grade, problems',
  encode: (result) => `${JSON.stringify(result, null, 2)}\n`,
};
