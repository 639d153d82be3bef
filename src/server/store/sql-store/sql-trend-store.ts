import { placeholderList } from '../sql/placeholders.js';
import type { SqlDriver, SqlValue } from '../sql/sql-driver.js';
import type { DailyTrend, SeverityCounts, TrendPoint, TrendRange, TrendStore } from '../types.js';
import { optional } from './row-values.js';

interface TrendRow {
  digest: string;
  at: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
  negligible: number;
  unknown: number;
  kev: number;
  final_action: string | null;
  policy_id: string | null;
  feed_state: string;
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'negligible', 'unknown'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_DAYS = 30;
/** Longest range `daily` answers (a year of days). */
export const MAX_TREND_DAYS = 366;

export class SqlTrendStore implements TrendStore {
  constructor(private readonly db: SqlDriver) {}

  async add(accountId: string, p: TrendPoint): Promise<void> {
    await this.db.query(
      `INSERT INTO trends (account_id, digest, at, critical, high, medium, low, negligible, unknown, kev,
         final_action, policy_id, feed_state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        accountId,
        p.digest,
        p.at,
        ...SEVERITIES.map((s) => p.counts[s]),
        p.kev,
        p.finalAction ?? null,
        p.policyId ?? null,
        p.feedState,
      ],
    );
  }

  async forImage(accountId: string, digest: string, range: TrendRange): Promise<TrendPoint[]> {
    const params: SqlValue[] = [accountId, digest];
    const where = ['account_id = $1', 'digest = $2', ...bounds(range, params)];
    const { rows } = await this.db.query<TrendRow>(
      `SELECT * FROM trends WHERE ${where.join(' AND ')} ORDER BY at, id`,
      params,
    );
    return rows.map(pointOf);
  }

  async latestPoints(accountId: string, digests: readonly string[]): Promise<TrendPoint[]> {
    if (digests.length === 0) return [];
    const { rows } = await this.db.query<TrendRow>(
      `SELECT * FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY digest ORDER BY at DESC, id DESC) AS newest
                      FROM trends t
                      WHERE account_id = $1 AND digest IN (${placeholderList(2, digests.length)})) ranked
       WHERE newest = 1`,
      [accountId, ...digests],
    );
    return rows.map(pointOf);
  }

  /**
   * Reads the account's rows up to the range's end once, oldest first, and walks the days keeping
   * each image's latest row: the rows were stored as computed, the days only add them up.
   */
  async daily(accountId: string, range: TrendRange, now: Date): Promise<DailyTrend[]> {
    const until = range.until ? new Date(range.until) : now;
    const lastDay = startOfDay(until);
    const since = range.since ? startOfDay(new Date(range.since)) : lastDay - (DEFAULT_DAYS - 1) * DAY_MS;
    const firstDay = Math.max(since, lastDay - (MAX_TREND_DAYS - 1) * DAY_MS);
    const params: SqlValue[] = [accountId, new Date(lastDay + DAY_MS).toISOString()];
    const { rows } = await this.db.query<TrendRow>(
      `SELECT * FROM trends WHERE account_id = $1 AND at < $2
         AND digest IN (SELECT digest FROM images WHERE account_id = $1)
       ORDER BY at, id`,
      params,
    );
    const latest = new Map<string, TrendPoint>();
    const days: DailyTrend[] = [];
    let next = 0;
    for (let day = firstDay; day <= lastDay; day += DAY_MS) {
      const end = new Date(day + DAY_MS).toISOString();
      while (next < rows.length && rows[next]!.at < end) {
        const point = pointOf(rows[next]!);
        latest.set(point.digest, point);
        next++;
      }
      days.push(sumDay(new Date(day).toISOString().slice(0, 10), latest.values()));
    }
    return days;
  }
}

function bounds(range: TrendRange, params: SqlValue[]): string[] {
  const out: string[] = [];
  if (range.since !== undefined) {
    params.push(range.since);
    out.push(`at >= $${params.length}`);
  }
  if (range.until !== undefined) {
    params.push(range.until);
    out.push(`at <= $${params.length}`);
  }
  return out;
}

function startOfDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function sumDay(day: string, points: Iterable<TrendPoint>): DailyTrend {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, negligible: 0, unknown: 0 };
  const out: DailyTrend = { day, images: 0, counts, kev: 0, actions: {} };
  for (const p of points) {
    out.images++;
    for (const s of SEVERITIES) counts[s] += p.counts[s];
    out.kev += p.kev;
    const action = p.finalAction ?? 'none';
    out.actions[action] = (out.actions[action] ?? 0) + 1;
  }
  return out;
}

function pointOf(row: TrendRow): TrendPoint {
  const point: TrendPoint = {
    digest: row.digest,
    at: row.at,
    counts: {
      critical: Number(row.critical),
      high: Number(row.high),
      medium: Number(row.medium),
      low: Number(row.low),
      negligible: Number(row.negligible),
      unknown: Number(row.unknown),
    },
    kev: Number(row.kev),
    feedState: row.feed_state,
  };
  const action = optional(row.final_action);
  if (action) point.finalAction = action;
  const policy = optional(row.policy_id);
  if (policy) point.policyId = policy;
  return point;
}
