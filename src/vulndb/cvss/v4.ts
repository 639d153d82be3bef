import { readMetrics, type MetricSpec, type MetricValues } from './metrics.js';
import {
  EQ1_DEPTH,
  EQ1_HIGHEST,
  EQ2_DEPTH,
  EQ2_HIGHEST,
  EQ3_EQ6_DEPTH,
  EQ3_EQ6_HIGHEST,
  EQ4_DEPTH,
  EQ4_HIGHEST,
  MACROVECTOR_SCORES,
  type PartialVector,
} from './v4-tables.js';

const IMPACT = ['H', 'L', 'N'];
const MODIFIED_IMPACT = ['X', 'H', 'L', 'N'];
const REQUIREMENT = ['X', 'H', 'M', 'L'];

/** CVSS v4.0 metrics and their values: base, threat, environmental, supplemental (X = not defined). */
const V4_METRICS: MetricSpec = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  AT: ['N', 'P'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'P', 'A'],
  VC: IMPACT,
  VI: IMPACT,
  VA: IMPACT,
  SC: IMPACT,
  SI: IMPACT,
  SA: IMPACT,
  E: ['X', 'A', 'P', 'U'],
  CR: REQUIREMENT,
  IR: REQUIREMENT,
  AR: REQUIREMENT,
  MAV: ['X', 'N', 'A', 'L', 'P'],
  MAC: ['X', 'L', 'H'],
  MAT: ['X', 'N', 'P'],
  MPR: ['X', 'N', 'L', 'H'],
  MUI: ['X', 'N', 'P', 'A'],
  MVC: MODIFIED_IMPACT,
  MVI: MODIFIED_IMPACT,
  MVA: MODIFIED_IMPACT,
  MSC: MODIFIED_IMPACT,
  MSI: ['X', 'S', 'H', 'L', 'N'],
  MSA: ['X', 'S', 'H', 'L', 'N'],
  S: ['X', 'N', 'P'],
  AU: ['X', 'N', 'Y'],
  R: ['X', 'A', 'U', 'I'],
  V: ['X', 'D', 'C'],
  RE: ['X', 'L', 'M', 'H'],
  U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
};

const V4_BASE = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'] as const;

/** Where a metric left out (or X) counts as its worst case when scoring. */
const WORST_CASE: Readonly<Record<string, string>> = { E: 'A', CR: 'H', IR: 'H', AR: 'H' };

/** Severity level of each value, in steps of 0.1 from the most severe (the spec's severity distances). */
const LEVELS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  AV: { N: 0, A: 0.1, L: 0.2, P: 0.3 },
  PR: { N: 0, L: 0.1, H: 0.2 },
  UI: { N: 0, P: 0.1, A: 0.2 },
  AC: { L: 0, H: 0.1 },
  AT: { N: 0, P: 0.1 },
  VC: { H: 0, L: 0.1, N: 0.2 },
  VI: { H: 0, L: 0.1, N: 0.2 },
  VA: { H: 0, L: 0.1, N: 0.2 },
  SC: { H: 0.1, L: 0.2, N: 0.3 },
  SI: { S: 0, H: 0.1, L: 0.2, N: 0.3 },
  SA: { S: 0, H: 0.1, L: 0.2, N: 0.3 },
  CR: { H: 0, M: 0.1, L: 0.2 },
  IR: { H: 0, M: 0.1, L: 0.2 },
  AR: { H: 0, M: 0.1, L: 0.2 },
};

const STEP = 0.1;
const EQ1_METRICS = ['AV', 'PR', 'UI'];
const EQ2_METRICS = ['AC', 'AT'];
const EQ3_EQ6_METRICS = ['VC', 'VI', 'VA', 'CR', 'IR', 'AR'];
const EQ4_METRICS = ['SC', 'SI', 'SA'];

/** Reads the metrics after `CVSS:4.0/`. */
export function readV4(body: string): MetricValues | undefined {
  return readMetrics(body, V4_METRICS, V4_BASE);
}

/** The value scoring uses: the modified (M…) metric when set, worst case for an absent E/CR/IR/AR. */
function effective(metrics: MetricValues, name: string): string {
  const own = metrics.get(name) ?? 'X';
  if (own === 'X' && WORST_CASE[name] !== undefined) return WORST_CASE[name];
  const modified = metrics.get(`M${name}`);
  if (modified !== undefined && modified !== 'X') return modified;
  return own;
}

interface Equivalence {
  eq1: number;
  eq2: number;
  eq3: number;
  eq4: number;
  eq5: number;
  eq6: number;
}

function equivalenceClasses(value: (name: string) => string): Equivalence {
  const [av, pr, ui] = [value('AV'), value('PR'), value('UI')];
  const [vc, vi, va] = [value('VC'), value('VI'), value('VA')];
  const [sc, si, sa] = [value('SC'), value('SI'), value('SA')];
  const anyNone = av === 'N' || pr === 'N' || ui === 'N';
  const eq1 = av === 'N' && pr === 'N' && ui === 'N' ? 0 : anyNone && av !== 'P' ? 1 : 2;
  const eq2 = value('AC') === 'L' && value('AT') === 'N' ? 0 : 1;
  const eq3 = vc === 'H' && vi === 'H' ? 0 : vc === 'H' || vi === 'H' || va === 'H' ? 1 : 2;
  const eq4 = si === 'S' || sa === 'S' ? 0 : sc === 'H' || si === 'H' || sa === 'H' ? 1 : 2;
  const exploit = value('E');
  const eq5 = exploit === 'A' ? 0 : exploit === 'P' ? 1 : 2;
  const requirementMet =
    (value('CR') === 'H' && vc === 'H') ||
    (value('IR') === 'H' && vi === 'H') ||
    (value('AR') === 'H' && va === 'H');
  return { eq1, eq2, eq3, eq4, eq5, eq6: requirementMet ? 0 : 1 };
}

function macroScore(eq: Equivalence): number {
  return MACROVECTOR_SCORES.get(`${eq.eq1}${eq.eq2}${eq.eq3}${eq.eq4}${eq.eq5}${eq.eq6}`) ?? Number.NaN;
}

/** The score of the next lower MacroVector along EQ3/EQ6, which move together (NaN when none). */
function lowerEq3Eq6Score(eq: Equivalence): number {
  if (eq.eq3 === 0 && eq.eq6 === 0) {
    return Math.max(macroScore({ ...eq, eq6: 1 }), macroScore({ ...eq, eq3: 1 }));
  }
  if (eq.eq6 === 0) return macroScore({ ...eq, eq6: 1 });
  return macroScore({ ...eq, eq3: eq.eq3 + 1 });
}

function level(name: string, value: string): number {
  return LEVELS[name]?.[value] ?? 0;
}

/** Every combination of one highest-severity vector per EQ, in the specification's order. */
function highestVectors(eq: Equivalence): PartialVector[] {
  const groups = [
    EQ1_HIGHEST[eq.eq1] ?? [],
    EQ2_HIGHEST[eq.eq2] ?? [],
    EQ3_EQ6_HIGHEST[`${eq.eq3}${eq.eq6}`] ?? [],
    EQ4_HIGHEST[eq.eq4] ?? [],
  ];
  return groups.reduce<PartialVector[]>(
    (combined, group) => combined.flatMap((left) => group.map((right) => ({ ...left, ...right }))),
    [{}],
  );
}

/**
 * CVSS v4.0 score of a vector (CVSS-B when only base metrics are given; threat and environmental
 * metrics, when present, are applied as the specification says; supplemental ones never count).
 */
export function scoreV4(metrics: MetricValues): number {
  const values = new Map([...Object.keys(LEVELS), 'E'].map((name) => [name, effective(metrics, name)]));
  const value = (name: string): string => values.get(name) ?? 'X';
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((name) => value(name) === 'N')) return 0;
  const eq = equivalenceClasses(value);
  const score = macroScore(eq);

  // Severity distance from the first highest-severity vector the scored vector does not exceed.
  const distanceTo = (highest: PartialVector, name: string): number =>
    level(name, value(name)) - level(name, highest[name] ?? '');
  const candidates = highestVectors(eq);
  const highest =
    candidates.find((candidate) =>
      Object.keys(candidate).every((name) => distanceTo(candidate, name) >= 0),
    ) ??
    candidates[candidates.length - 1] ??
    {};
  const distance = (names: readonly string[]): number =>
    names.reduce((sum, name) => sum + distanceTo(highest, name), 0);

  // Each EQ with a lower MacroVector moves the score toward it in proportion to the distance.
  const parts: { available: number; distance: number; depth: number }[] = [
    {
      available: score - macroScore({ ...eq, eq1: eq.eq1 + 1 }),
      distance: distance(EQ1_METRICS),
      depth: EQ1_DEPTH[eq.eq1] ?? 1,
    },
    {
      available: score - macroScore({ ...eq, eq2: eq.eq2 + 1 }),
      distance: distance(EQ2_METRICS),
      depth: EQ2_DEPTH[eq.eq2] ?? 1,
    },
    {
      available: score - lowerEq3Eq6Score(eq),
      distance: distance(EQ3_EQ6_METRICS),
      depth: EQ3_EQ6_DEPTH[`${eq.eq3}${eq.eq6}`] ?? 1,
    },
    {
      available: score - macroScore({ ...eq, eq4: eq.eq4 + 1 }),
      distance: distance(EQ4_METRICS),
      depth: EQ4_DEPTH[eq.eq4] ?? 1,
    },
    // EQ5 has no depth: it counts as an existing lower MacroVector but moves the score by nothing.
    { available: score - macroScore({ ...eq, eq5: eq.eq5 + 1 }), distance: 0, depth: 1 },
  ];
  let existing = 0;
  let total = 0;
  for (const part of parts) {
    if (Number.isNaN(part.available)) continue;
    existing += 1;
    total += part.available * (part.distance / (part.depth * STEP));
  }
  const mean = existing === 0 ? 0 : total / existing;
  return Math.round(Math.max(0, Math.min(10, score - mean)) * 10) / 10;
}
