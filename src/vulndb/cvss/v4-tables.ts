/**
 * CVSS v4.0 scoring data, as published with the FIRST specification (section 8.2 and its reference
 * calculator): the score of every MacroVector, the highest-severity vectors of each EQ level, and
 * each level's depth in severity-distance steps.
 */

/**
 * MacroVector scores. One row per EQ1 EQ2 EQ3 EQ6 (the row key, in that order); nine columns per
 * row: EQ4 = 0, 1, 2, each with EQ5 = 0, 1, 2. EQ3 = 2 only combines with EQ6 = 1.
 */
const MACROVECTOR_ROWS: Readonly<Record<string, readonly number[]>> = {
  '0000': [10, 9.8, 9.5, 10, 9.3, 9.1, 9.3, 8.9, 8.1],
  '0001': [9.9, 9.5, 9.2, 9.6, 8.7, 8.1, 9, 8, 6.8],
  '0010': [9.8, 9.5, 9, 9.3, 8.9, 8.1, 8.8, 7.8, 6.9],
  '0011': [9.5, 9.2, 8.4, 9.2, 8.1, 6.5, 8, 7, 4.8],
  '0021': [9.2, 8.2, 7.2, 7.9, 6.9, 5, 6.9, 5.5, 2.7],
  '0100': [9.9, 9.5, 9.2, 9.5, 9, 8.4, 9.2, 8.2, 7.2],
  '0101': [9.7, 9.2, 8.5, 9.1, 8.3, 7.1, 8.1, 7.1, 5.3],
  '0110': [9.5, 9.2, 8.5, 9.2, 8, 7, 8.4, 7.1, 5],
  '0111': [9.3, 8.5, 7.3, 8.2, 7.2, 5.9, 7, 5.2, 3],
  '0121': [8.6, 7.5, 5.2, 7.1, 5.2, 2.9, 6.3, 2.9, 1.7],
  '1000': [9.8, 9.4, 9.1, 9.4, 8.6, 7.7, 8.7, 7.4, 6.3],
  '1001': [9.5, 8.7, 8.1, 8.9, 7.4, 6.4, 7.5, 6.3, 4.9],
  '1010': [9.4, 8.8, 7.6, 8.6, 7.4, 5.9, 7.2, 5.7, 5.2],
  '1011': [8.9, 7.7, 6.7, 7.6, 5.8, 5, 5.7, 5.2, 2.5],
  '1021': [8.3, 7, 5.4, 6.5, 5.8, 2.6, 5.3, 2.1, 1.3],
  '1100': [9.5, 8.8, 7.6, 9, 7.5, 6.1, 7.7, 6.8, 5.2],
  '1101': [9, 7.6, 7, 7.7, 6.2, 5.3, 6.6, 5.9, 3],
  '1110': [8.9, 7.6, 6.2, 7.4, 5.7, 4.7, 6.1, 5.7, 2.4],
  '1111': [7.8, 6.7, 5.8, 5.9, 5.7, 2.3, 5.2, 2.9, 1.6],
  '1121': [7.1, 5.9, 3, 5.8, 2.6, 1.5, 2.3, 1.3, 0.6],
  '2000': [9.3, 8.6, 7.5, 8.6, 7.4, 5.6, 7, 5.2, 4],
  '2001': [8.7, 7.2, 5.8, 7.4, 6.1, 3.4, 5.4, 4, 2.2],
  '2010': [8.5, 7.4, 6.2, 7.2, 5.5, 4.6, 5.3, 3.4, 1.9],
  '2011': [7.5, 5.5, 5.1, 5.7, 4.1, 1.9, 3.6, 1.9, 0.8],
  '2021': [6.4, 5.1, 2, 4.7, 2.1, 1.1, 2.4, 0.9, 0.4],
  '2100': [8.8, 7.3, 6, 7.3, 5.9, 4.1, 5.4, 4.5, 2],
  '2101': [7.5, 5.3, 5, 5.5, 4, 2, 4.3, 2.2, 1.1],
  '2110': [7.5, 5.8, 4, 6.1, 4.8, 2, 4.6, 1.7, 0.8],
  '2111': [5.5, 4.5, 2.1, 5.1, 1.8, 0.9, 1.8, 0.7, 0.2],
  '2121': [5.3, 2.4, 1.4, 2.4, 1.2, 0.5, 1, 0.3, 0.1],
};

/** MacroVector (`EQ1 EQ2 EQ3 EQ4 EQ5 EQ6`, six digits) → its score. */
export const MACROVECTOR_SCORES: ReadonlyMap<string, number> = (() => {
  const scores = new Map<string, number>();
  for (const [row, values] of Object.entries(MACROVECTOR_ROWS)) {
    const [eq1, eq2, eq3, eq6] = row;
    values.forEach((score, column) => {
      const eq4 = Math.floor(column / 3);
      const eq5 = column % 3;
      scores.set(`${eq1}${eq2}${eq3}${eq4}${eq5}${eq6}`, score);
    });
  }
  return scores;
})();

/** A partial vector: metric name → value. */
export type PartialVector = Readonly<Record<string, string>>;

/** Highest-severity vectors of each EQ1 level (metrics AV, PR, UI). */
export const EQ1_HIGHEST: readonly (readonly PartialVector[])[] = [
  [{ AV: 'N', PR: 'N', UI: 'N' }],
  [
    { AV: 'A', PR: 'N', UI: 'N' },
    { AV: 'N', PR: 'L', UI: 'N' },
    { AV: 'N', PR: 'N', UI: 'P' },
  ],
  [
    { AV: 'P', PR: 'N', UI: 'N' },
    { AV: 'A', PR: 'L', UI: 'P' },
  ],
];

/** Highest-severity vectors of each EQ2 level (metrics AC, AT). */
export const EQ2_HIGHEST: readonly (readonly PartialVector[])[] = [
  [{ AC: 'L', AT: 'N' }],
  [
    { AC: 'H', AT: 'N' },
    { AC: 'L', AT: 'P' },
  ],
];

/** Highest-severity vectors of each joint EQ3 EQ6 level, keyed `${eq3}${eq6}` (VC VI VA CR IR AR). */
export const EQ3_EQ6_HIGHEST: Readonly<Record<string, readonly PartialVector[]>> = {
  '00': [{ VC: 'H', VI: 'H', VA: 'H', CR: 'H', IR: 'H', AR: 'H' }],
  '01': [
    { VC: 'H', VI: 'H', VA: 'L', CR: 'M', IR: 'M', AR: 'H' },
    { VC: 'H', VI: 'H', VA: 'H', CR: 'M', IR: 'M', AR: 'M' },
  ],
  '10': [
    { VC: 'L', VI: 'H', VA: 'H', CR: 'H', IR: 'H', AR: 'H' },
    { VC: 'H', VI: 'L', VA: 'H', CR: 'H', IR: 'H', AR: 'H' },
  ],
  '11': [
    { VC: 'L', VI: 'H', VA: 'L', CR: 'H', IR: 'M', AR: 'H' },
    { VC: 'L', VI: 'H', VA: 'H', CR: 'H', IR: 'M', AR: 'M' },
    { VC: 'H', VI: 'L', VA: 'H', CR: 'M', IR: 'H', AR: 'M' },
    { VC: 'H', VI: 'L', VA: 'L', CR: 'M', IR: 'H', AR: 'H' },
    { VC: 'L', VI: 'L', VA: 'H', CR: 'H', IR: 'H', AR: 'M' },
  ],
  '21': [{ VC: 'L', VI: 'L', VA: 'L', CR: 'H', IR: 'H', AR: 'H' }],
};

/** Highest-severity vectors of each EQ4 level (metrics SC, SI, SA; S = Safety, via MSI/MSA). */
export const EQ4_HIGHEST: readonly (readonly PartialVector[])[] = [
  [{ SC: 'H', SI: 'S', SA: 'S' }],
  [{ SC: 'H', SI: 'H', SA: 'H' }],
  [{ SC: 'L', SI: 'L', SA: 'L' }],
];

/** Depth of each level in severity-distance steps (the largest distance within it, plus one). */
export const EQ1_DEPTH: readonly number[] = [1, 4, 5];
export const EQ2_DEPTH: readonly number[] = [1, 2];
export const EQ3_EQ6_DEPTH: Readonly<Record<string, number>> = {
  '00': 7,
  '01': 6,
  '10': 8,
  '11': 8,
  '21': 10,
};
export const EQ4_DEPTH: readonly number[] = [6, 5, 4];
