import { valueOf, type MetricValues } from './metrics.js';
import { readV3 } from './v3.js';

/** The two base sub-scores of a CVSS v3.x vector, one decimal each, as NVD publishes them. */
export interface V3SubScores {
  exploitability: number;
  impact: number;
}

const V3_PREFIX = /^CVSS:3\.[01]\/(.+)$/s;

// Base metric weights of the v3.0 and v3.1 specifications (identical in both).
const AV: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC: Record<string, number> = { L: 0.77, H: 0.44 };
const PR_SCOPE_UNCHANGED: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const PR_SCOPE_CHANGED: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };
const UI: Record<string, number> = { N: 0.85, R: 0.62 };
const CIA: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };

function weightOf(table: Record<string, number>, metrics: MetricValues, name: string): number {
  return table[valueOf(metrics, name)] ?? 0;
}

/** Half-up to one decimal, on integer units so that 3.85 stays 3.9 whatever the float error. */
function oneDecimal(value: number): number {
  return Math.round(Math.round(value * 1000) / 100) / 10;
}

/**
 * The exploitability and impact sub-scores of a `CVSS:3.0/…` or `CVSS:3.1/…` vector, from its base
 * metrics only (temporal and environmental metrics are ignored, as for the base score). A negative
 * impact (possible under a changed scope with no C/I/A impact) is reported as 0. Undefined when the
 * text is not a readable v3.x vector.
 */
export function v3SubScores(vector: string): V3SubScores | undefined {
  const body = V3_PREFIX.exec(vector.trim())?.[1];
  const metrics = body === undefined ? undefined : readV3(body);
  if (metrics === undefined) return undefined;
  const scopeChanged = valueOf(metrics, 'S') === 'C';
  const exploitability =
    8.22 *
    weightOf(AV, metrics, 'AV') *
    weightOf(AC, metrics, 'AC') *
    weightOf(scopeChanged ? PR_SCOPE_CHANGED : PR_SCOPE_UNCHANGED, metrics, 'PR') *
    weightOf(UI, metrics, 'UI');
  const iss =
    1 -
    (1 - weightOf(CIA, metrics, 'C')) * (1 - weightOf(CIA, metrics, 'I')) * (1 - weightOf(CIA, metrics, 'A'));
  const impact = scopeChanged ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  return { exploitability: oneDecimal(exploitability), impact: oneDecimal(Math.max(impact, 0)) };
}
