import type { Encoder } from '../../encoder/index.js';
import type { EvaluationResult } from '../types.js';

/** An output format of a policy evaluation (`customs check -o NAME`). */
export type CheckReportFormat = Encoder<EvaluationResult>;
