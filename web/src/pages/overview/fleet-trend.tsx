import { useMemo } from 'preact/hooks';
import type { DailyTrend } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { TrendChart } from '../../charts/trend-chart.js';
import { dailyPoints } from '../../charts/trend-points.js';
import { Status } from '../../components/status.js';

/** Every image of the account summed per day over the last 30, from the stored trend rows. */
export function FleetTrend() {
  const trends = useApi<{ days: DailyTrend[] }>('/trends');
  const points = useMemo(() => dailyPoints(trends.data?.days ?? []), [trends.data]);
  return (
    <section aria-label="Vulnerabilities over time">
      <Status loading={trends.loading && !trends.data} error={trends.error} />
      {trends.data && <TrendChart label="All images, last 30 days" points={points} />}
    </section>
  );
}
