import { readMetrics, valueOf, type MetricSpec, type MetricValues } from './metrics.js';

/** CVSS v3.x metrics and their values (base, temporal, environmental; X = not defined). */
const V3_METRICS: MetricSpec = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['H', 'L', 'N'],
  I: ['H', 'L', 'N'],
  A: ['H', 'L', 'N'],
  E: ['X', 'H', 'F', 'P', 'U'],
  RL: ['X', 'U', 'W', 'T', 'O'],
  RC: ['X', 'C', 'R', 'U'],
  CR: ['X', 'H', 'M', 'L'],
  IR: ['X', 'H', 'M', 'L'],
  AR: ['X', 'H', 'M', 'L'],
  MAV: ['X', 'N', 'A', 'L', 'P'],
  MAC: ['X', 'L', 'H'],
  MPR: ['X', 'N', 'L', 'H'],
  MUI: ['X', 'N', 'R'],
  MS: ['X', 'U', 'C'],
  MC: ['X', 'H', 'L', 'N'],
  MI: ['X', 'H', 'L', 'N'],
  MA: ['X', 'H', 'L', 'N'],
};

const V3_BASE = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;

const ATTACK_VECTOR: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const ATTACK_COMPLEXITY: Record<string, number> = { L: 0.77, H: 0.44 };
const PRIVILEGES_UNCHANGED: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const PRIVILEGES_CHANGED: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };
const USER_INTERACTION: Record<string, number> = { N: 0.85, R: 0.62 };
const IMPACT: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };

/** Reads the metrics after `CVSS:3.x/`. */
export function readV3(body: string): MetricValues | undefined {
  return readMetrics(body, V3_METRICS, V3_BASE);
}

/**
 * v3.0 Roundup: the smallest one-decimal number not below the input, computed as v3.0's reference
 * calculator did (so a floating-point excess such as 4.000000000000001 goes up to 4.1).
 */
export function roundUpV30(value: number): number {
  return Math.ceil(value * 10) / 10;
}

/** v3.1 Roundup (specification appendix A): on an integer of 1/100000 units, immune to float excess. */
export function roundUpV31(value: number): number {
  const units = Math.round(value * 100000);
  if (units % 10000 === 0) return units / 100000;
  return (Math.floor(units / 10000) + 1) / 10;
}

function weight(table: Record<string, number>, metrics: MetricValues, name: string): number {
  return table[valueOf(metrics, name)] ?? 0;
}

/** CVSS v3.0 / v3.1 base score; `minor` picks the Roundup definition ('3.0' or '3.1'). */
export function scoreV3(metrics: MetricValues, minor: '3.0' | '3.1'): number {
  const roundUp = minor === '3.0' ? roundUpV30 : roundUpV31;
  const changed = valueOf(metrics, 'S') === 'C';
  const iss =
    1 -
    (1 - weight(IMPACT, metrics, 'C')) *
      (1 - weight(IMPACT, metrics, 'I')) *
      (1 - weight(IMPACT, metrics, 'A'));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability =
    8.22 *
    weight(ATTACK_VECTOR, metrics, 'AV') *
    weight(ATTACK_COMPLEXITY, metrics, 'AC') *
    weight(changed ? PRIVILEGES_CHANGED : PRIVILEGES_UNCHANGED, metrics, 'PR') *
    weight(USER_INTERACTION, metrics, 'UI');
  if (impact <= 0) return 0;
  const raw = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
  return roundUp(Math.min(raw, 10));
}
