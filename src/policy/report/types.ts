import type { EvaluationResult } from '../types.js';

/** An output format of a policy evaluation (`customs check -o NAME`). */
export interface CheckReportFormat {
  readonly name: string;
  readonly description: string;
  encode(result: EvaluationResult): string;
}
