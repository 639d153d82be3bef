import type { DailyTrend, TrendPoint } from '../api/types.js';
import type { CountsAt } from './severity-series.js';

/** The account's days (GET /trends) as chart points, one per day at its UTC midnight. */
export function dailyPoints(days: readonly DailyTrend[]): CountsAt[] {
  return days.map((d) => ({ at: Date.parse(`${d.day}T00:00:00Z`) / 1000, counts: d.counts, kev: d.kev }));
}

/** One image's stored rows (GET /images/{digest}/trends) as chart points, oldest first. */
export function imagePoints(trends: readonly TrendPoint[]): CountsAt[] {
  return trends.map((t) => ({ at: Date.parse(t.at) / 1000, counts: t.counts, kev: t.kev }));
}
