import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartData, chartSeries, CHART_SEVERITIES, type CountsAt } from './severity-series.js';

const HEIGHT = 220;
const DAY = 24 * 60 * 60;

/**
 * Vulnerability counts by severity over time, drawn by uPlot on a canvas (its styles come from
 * the bundled stylesheet and the element's style properties: nothing inline the CSP refuses).
 * The caption says the newest counts in words for those who cannot see the chart.
 */
export function TrendChart({ label, points }: { label: string; points: readonly CountsAt[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || points.length === 0) return;
    const plot = new uPlot(
      {
        width: Math.max(el.clientWidth, 320),
        height: HEIGHT,
        series: chartSeries(),
        scales: {
          // One point (an image scanned once) gets a day either side instead of a span of years.
          x: { time: true, range: (_u, min, max) => (min === max ? [min - DAY, max + DAY] : [min, max]) },
          y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [{}, { size: 48 }],
        legend: { live: false },
      },
      chartData(points),
      el,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(el.clientWidth, 320), height: HEIGHT }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [points]);
  const last = points.at(-1);
  return (
    <figure class="trend" aria-label={label}>
      <figcaption>
        <strong>{label}</strong>
        {last ? (
          <span class="muted">
            {' '}
            now{' '}
            {CHART_SEVERITIES.map(([key, name]) => `${last.counts[key]} ${name.toLowerCase()}`).join(
              ', ',
            )}, {last.kev} KEV
          </span>
        ) : (
          <span class="muted"> no stored history yet</span>
        )}
      </figcaption>
      <div ref={box} class="trend-canvas" role="img" aria-label={`${label}: chart`} />
    </figure>
  );
}
