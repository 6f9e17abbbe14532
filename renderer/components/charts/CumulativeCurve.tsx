// The chance of an outcome at or below each value (an empirical distribution), one curve per
// series, each named at its end; the table gives the percentiles.
import * as Plot from '@observablehq/plot';
import { Chart } from './Chart.tsx';
import type { SeriesKey } from './colors.ts';
import { markerMarks, type Marker } from './Histogram.tsx';
import { axisFor, formatValue, type Measure } from './measure.ts';

export const PERCENTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

/** The value at cumulative probability p of sorted samples (the lowest value reaching p). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export interface CumulativeCurveProps {
  title: string;
  description: string;
  series: readonly (SeriesKey & { values: readonly number[] })[];
  measure: Measure;
  markers?: readonly Marker[];
  height?: number;
}

export function CumulativeCurve({ title, description, series, measure, markers = [], height = 260 }: CumulativeCurveProps) {
  const sorted = series.map((s) => ({ ...s, sorted: s.values.filter(Number.isFinite).slice().sort((a, b) => a - b) }));
  // At most 400 points per curve: the drawing does not need every sample of 100,000.
  const points = sorted.flatMap((s) => {
    const n = s.sorted.length;
    const stride = Math.max(1, Math.floor(n / 400));
    const picked: { series: string; color: string; value: number; p: number }[] = [];
    for (let i = 0; i < n; i += stride) picked.push({ series: s.name, color: s.color, value: s.sorted[i]!, p: (i + 1) / n });
    if (n > 0 && picked[picked.length - 1]!.p < 1) picked.push({ series: s.name, color: s.color, value: s.sorted[n - 1]!, p: 1 });
    return picked;
  });
  const axis = axisFor(measure, points.map((d) => d.value), 6, false);
  // Each series is named on its curve, at a different probability, so that close curves keep
  // their names apart.
  const labelAt = [0.5, 0.25, 0.75, 0.375, 0.625, 0.125, 0.875];
  const ends = sorted.filter((s) => s.sorted.length > 0).map((s, i) => {
    const p = labelAt[i % labelAt.length]!;
    return { series: s.name, color: s.color, value: percentile(s.sorted, p), p };
  });
  return (
    <Chart
      title={title}
      description={description}
      legend={series.length > 1 ? series : undefined}
      table={{ columns: ['Probability at or below', ...series.map((s) => s.name)], rows: PERCENTILES.map((p) => ({ label: `P${Math.round(p * 100)}`, cells: sorted.map((s) => formatValue(measure, percentile(s.sorted, p))) })) }}
      plot={() => ({
        height,
        marginLeft: 48,
        marginRight: series.length > 1 ? 24 : 16,
        x: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: axis.label || null, grid: true },
        y: { domain: [0, 1], tickFormat: (p: number) => `${Math.round(p * 100)}`, label: 'probability at or below (%)', grid: true },
        marks: [
          Plot.line(points, { x: 'value', y: 'p', z: 'series', stroke: 'color', strokeWidth: 2, curve: 'step-after' }),
          ...(series.length > 1 ? [Plot.text(ends, { x: 'value', y: 'p', text: 'series', dx: 6, textAnchor: 'start', fill: 'var(--text)', stroke: 'var(--surface)', strokeWidth: 3, paintOrder: 'stroke' })] : []),
          ...markerMarks(markers),
        ],
      })}
    />
  );
}
