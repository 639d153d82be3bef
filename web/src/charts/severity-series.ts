import type uPlot from 'uplot';

/** The severities a trend chart draws, worst first, with a line colour each (AA on white). */
export const CHART_SEVERITIES = [
  ['critical', 'Critical', '#a40e26'],
  ['high', 'High', '#c2410c'],
  ['medium', 'Medium', '#7a4d00'],
  ['low', 'Low', '#0a58ca'],
] as const;

export type ChartSeverity = (typeof CHART_SEVERITIES)[number][0];

/** One point of a chart: its time (seconds since the epoch) and its counts. */
export interface CountsAt {
  at: number;
  counts: Record<ChartSeverity, number>;
  kev: number;
}

/** The columns uPlot reads: times, then one column per severity, then KEV. */
export function chartData(points: readonly CountsAt[]): uPlot.AlignedData {
  return [
    points.map((p) => p.at),
    ...CHART_SEVERITIES.map(([key]) => points.map((p) => p.counts[key])),
    points.map((p) => p.kev),
  ];
}

export function chartSeries(): uPlot.Series[] {
  return [
    {},
    ...CHART_SEVERITIES.map(([, label, stroke]) => ({ label, stroke, width: 2 })),
    { label: 'KEV', stroke: '#1b1f24', width: 2, dash: [6, 4] },
  ];
}
