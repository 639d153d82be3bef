import { v3SubScores } from '../../../vulndb/cvss/v3-subscores.js';
import type { Cvss } from '../../../vulndb/model.js';

/** The three CVSS v3 numbers the `package` trigger compares; -1 stands for "no v3 score". */
export interface CvssV3Scores {
  base: number;
  exploitability: number;
  impact: number;
}

export type CvssV3Kind = keyof CvssV3Scores;

/** Who scored a vector: NVD itself (`nvd`, or `nvd@nist.gov` as NVD's API names it) or a vendor. */
export function isNvdScore(cvss: Pick<Cvss, 'source'>): boolean {
  const source = cvss.source?.trim().toLowerCase();
  return source === 'nvd' || source === 'nvd@nist.gov';
}

/**
 * The highest base, exploitability and impact scores over the v3.x entries (each maximised on its
 * own), from NVD's entries or from everyone else's. -1 for each when there is no v3.x entry, and
 * for the sub-scores of entries whose vector cannot be read.
 */
export function cvssV3Scores(cvss: unknown, scorer: 'nvd' | 'vendor'): CvssV3Scores {
  const scores: CvssV3Scores = { base: -1, exploitability: -1, impact: -1 };
  if (!Array.isArray(cvss)) return scores;
  for (const entry of cvss as Partial<Cvss>[]) {
    if (typeof entry?.version !== 'string' || !entry.version.startsWith('3')) continue;
    if (isNvdScore(entry) !== (scorer === 'nvd')) continue;
    if (typeof entry.baseScore === 'number') scores.base = Math.max(scores.base, entry.baseScore);
    const sub = typeof entry.vector === 'string' ? v3SubScores(entry.vector) : undefined;
    if (sub) {
      scores.exploitability = Math.max(scores.exploitability, sub.exploitability);
      scores.impact = Math.max(scores.impact, sub.impact);
    }
  }
  return scores;
}
