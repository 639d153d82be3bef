import { readMetrics, valueOf, type MetricSpec, type MetricValues } from './metrics.js';

/** CVSS v2.0 metrics and their values (base, temporal, environmental; ND = not defined). */
const V2_METRICS: MetricSpec = {
  AV: ['L', 'A', 'N'],
  AC: ['H', 'M', 'L'],
  Au: ['M', 'S', 'N'],
  C: ['N', 'P', 'C'],
  I: ['N', 'P', 'C'],
  A: ['N', 'P', 'C'],
  E: ['U', 'POC', 'F', 'H', 'ND'],
  RL: ['OF', 'TF', 'W', 'U', 'ND'],
  RC: ['UC', 'UR', 'C', 'ND'],
  CDP: ['N', 'L', 'LM', 'MH', 'H', 'ND'],
  TD: ['N', 'L', 'M', 'H', 'ND'],
  CR: ['L', 'M', 'H', 'ND'],
  IR: ['L', 'M', 'H', 'ND'],
  AR: ['L', 'M', 'H', 'ND'],
};

const V2_BASE = ['AV', 'AC', 'Au', 'C', 'I', 'A'] as const;

const ACCESS_VECTOR: Record<string, number> = { L: 0.395, A: 0.646, N: 1.0 };
const ACCESS_COMPLEXITY: Record<string, number> = { H: 0.35, M: 0.61, L: 0.71 };
const AUTHENTICATION: Record<string, number> = { M: 0.45, S: 0.56, N: 0.704 };
const IMPACT: Record<string, number> = { N: 0.0, P: 0.275, C: 0.66 };

/** Reads a bare v2 vector (`AV:N/AC:L/Au:N/C:P/I:P/A:P`, no prefix, no parentheses). */
export function readV2(body: string): MetricValues | undefined {
  return readMetrics(body, V2_METRICS, V2_BASE);
}

function weight(table: Record<string, number>, metrics: MetricValues, name: string): number {
  return table[valueOf(metrics, name)] ?? 0;
}

/** CVSS v2.0 base score: the specification's equations, rounded to one decimal. */
export function scoreV2(metrics: MetricValues): number {
  const c = weight(IMPACT, metrics, 'C');
  const i = weight(IMPACT, metrics, 'I');
  const a = weight(IMPACT, metrics, 'A');
  const impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
  const exploitability =
    20 *
    weight(ACCESS_VECTOR, metrics, 'AV') *
    weight(ACCESS_COMPLEXITY, metrics, 'AC') *
    weight(AUTHENTICATION, metrics, 'Au');
  if (impact === 0) return 0; // f(Impact) = 0
  const score = (0.6 * impact + 0.4 * exploitability - 1.5) * 1.176;
  return Math.round(score * 10) / 10;
}
