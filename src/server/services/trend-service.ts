import { NotFoundError, UsageError } from '../../errors/index.js';
import type { DailyTrend, ServiceStore, TrendPoint, TrendRange } from '../store/types.js';

/**
 * Vulnerability counts, KEV count and final action over time, as they were stored when each
 * scan and evaluation was (never recomputed): per image, and per day over an account's images.
 */
export class TrendService {
  constructor(
    private readonly store: ServiceStore,
    private readonly now: () => Date,
  ) {}

  async forImage(accountId: string, digest: string, range: TrendRange): Promise<{ trends: TrendPoint[] }> {
    checkRange(range);
    if (!(await this.store.images.get(accountId, digest))) throw new NotFoundError(`no image ${digest}`);
    return { trends: await this.store.trends.forImage(accountId, digest, range) };
  }

  async daily(accountId: string, range: TrendRange): Promise<{ days: DailyTrend[] }> {
    checkRange(range);
    return { days: await this.store.trends.daily(accountId, range, this.now()) };
  }
}

function checkRange(range: TrendRange): void {
  for (const [name, value] of Object.entries(range))
    if (value !== undefined && Number.isNaN(Date.parse(value)))
      throw new UsageError(`${name} is not a date or time: ${value}`);
  if (range.since && range.until && Date.parse(range.since) > Date.parse(range.until))
    throw new UsageError('since is after until');
}
