import { useMemo } from 'preact/hooks';
import type { TrendPoint } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { TrendChart } from '../../charts/trend-chart.js';
import { imagePoints } from '../../charts/trend-points.js';
import { Status } from '../../components/status.js';

/** The image's vulnerability counts as stored with each scan and evaluation of it. */
export function ImageTrend({ digest }: { digest: string }) {
  const trends = useApi<{ trends: TrendPoint[] }>(`/images/${digest}/trends`);
  const points = useMemo(() => imagePoints(trends.data?.trends ?? []), [trends.data]);
  return (
    <section aria-label="This image's vulnerabilities over time">
      <Status loading={trends.loading && !trends.data} error={trends.error} />
      {trends.data && <TrendChart label="This image over time" points={points} />}
    </section>
  );
}
