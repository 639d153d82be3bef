/** Severities from least to most severe: the order `severity_comparison` compares in. */
export const SEVERITY_ORDER = ['unknown', 'negligible', 'low', 'medium', 'high', 'critical'] as const;

/** The rank of a severity word (any case); 0, like `unknown`, for a word outside the scale. */
export function severityRank(severity: unknown): number {
  if (typeof severity !== 'string') return 0;
  const rank = (SEVERITY_ORDER as readonly string[]).indexOf(severity.trim().toLowerCase());
  return rank < 0 ? 0 : rank;
}
