import type { Match } from '../../model/match.js';
import type { SeverityCounts, ServiceStore, TrendPoint } from '../store/types.js';

/** The counts a trend row keeps for one scan's matches. */
export function trendCounts(matches: readonly Match[]): { counts: SeverityCounts; kev: number } {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, negligible: 0, unknown: 0 };
  let kev = 0;
  for (const m of matches) {
    counts[m.vulnerability.severity] += 1;
    if (m.vulnerability.kev) kev++;
  }
  return { counts, kev };
}

/**
 * One trend row per holding account, written when a scan or evaluation was stored: the scan's
 * counts with that account's final action (none when it has no active policy).
 */
export async function recordTrends(
  store: ServiceStore,
  digest: string,
  at: string,
  evaluated: ReadonlyMap<string, { finalAction: string; policyId: string; feedState: string }>,
): Promise<number> {
  const stored = await store.analyses.getScanWithoutSbom(digest);
  const { counts, kev } = trendCounts(stored?.scan.matches ?? []);
  const unscanned = stored
    ? `scanned ${stored.at} against data synced ${stored.scan.database.lastSync ?? 'never'}`
    : 'not scanned';
  let written = 0;
  for (const accountId of await store.images.holders(digest)) {
    const evaluation = evaluated.get(accountId);
    const point: TrendPoint = {
      digest,
      at,
      counts: { ...counts },
      kev,
      feedState: evaluation?.feedState ?? unscanned,
    };
    if (evaluation) {
      point.finalAction = evaluation.finalAction;
      point.policyId = evaluation.policyId;
    }
    await store.trends.add(accountId, point);
    written++;
  }
  return written;
}
