import type { Severity } from '../model.js';

/**
 * The qualitative rating of a score. v2 (NVD's bands): low below 4.0, medium below 7.0, high
 * otherwise, no critical. v3.x and v4.0 (the specifications' table): 0.0 → negligible (the
 * specifications' "None"), 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10.0 critical.
 * A score outside 0–10 (or not a number) is 'unknown'.
 */
export function severityFromScore(score: number, version: string): Severity {
  if (!Number.isFinite(score) || score < 0 || score > 10) return 'unknown';
  if (version.startsWith('2')) {
    if (score < 4) return 'low';
    return score < 7 ? 'medium' : 'high';
  }
  if (score === 0) return 'negligible';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  return score < 9 ? 'high' : 'critical';
}
