import type { EvaluationView } from '../services/check-service.js';

/** What the webhook concluded about one image of the object under review. */
export type ImageVerdict =
  | { kind: 'evaluated'; image: string; digest: string; evaluation: EvaluationView }
  /** Not checked: it could not be resolved, analyzed or evaluated (in time). */
  | { kind: 'unchecked'; image: string; digest?: string; reason: string };

const MAX_FINDINGS = 5;

/** "gate/trigger: message" for each stop (or warn) finding, at most a few, then a count. */
export function findingLines(evaluation: EvaluationView, action: 'stop' | 'warn'): string[] {
  const findings = evaluation.result.findings.filter((f) => f.action === action);
  const lines = findings.slice(0, MAX_FINDINGS).map((f) => `${f.gate}/${f.trigger}: ${f.message}`);
  if (findings.length > MAX_FINDINGS) lines.push(`and ${findings.length - MAX_FINDINGS} more`);
  return lines;
}

/** A why for a STOP that has no stop finding (a denied image, an evaluation error). */
export function stopReason(evaluation: EvaluationView): string {
  const lines = findingLines(evaluation, 'stop');
  if (lines.length > 0) return lines.join('; ');
  return `final action stop (${evaluation.result.finalActionReason})`;
}
