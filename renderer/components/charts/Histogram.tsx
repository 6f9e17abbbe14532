// How often each range of outcomes occurs (Monte Carlo NPVs, IRRs). The bins are computed
// here once, so the drawing and the table show the same counts.
import * as Plot from '@observablehq/plot';
import { Chart } from './Chart.tsx';
import { axisFor, formatValue, niceTicks, type Measure } from './measure.ts';

export interface Marker {
  value: number;
  label: string;
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export function binValues(values: readonly number[], binCount: number): HistogramBin[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const value of finite) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const edges = niceTicks(min, max === min ? min + Math.abs(min || 1) * 1e-6 : max, binCount);
  const bins = edges.slice(0, -1).map((from, index) => ({ from, to: edges[index + 1]!, count: 0 }));
  const step = bins[0]!.to - bins[0]!.from;
  for (const value of finite) {
    const index = Math.min(bins.length - 1, Math.max(0, Math.floor((value - edges[0]!) / step)));
    bins[index]!.count += 1;
  }
  return bins;
}

export interface HistogramProps {
  title: string;
  description: string;
  values: readonly number[];
  measure: Measure;
  bins?: number;
  markers?: readonly Marker[];
  height?: number;
}

export function Histogram({ title, description, values, measure, bins = 20, markers = [], height = 240 }: HistogramProps) {
  const binned = binValues(values, bins);
  const axis = axisFor(measure, binned.flatMap((bin) => [bin.from, bin.to]), 6, false);
  const total = binned.reduce((sum, bin) => sum + bin.count, 0) || 1;
  return (
    <Chart
      title={title}
      description={description}
      table={{
        columns: ['Range', 'Count', 'Share'],
        rows: binned.map((bin) => ({ label: `${formatValue(measure, bin.from)} to ${formatValue(measure, bin.to)}`, cells: [String(bin.count), formatValue({ kind: 'percent', locale: measure.locale }, bin.count / total)] })),
      }}
      plot={() => ({
        height,
        marginLeft: 48,
        x: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: axis.label || null },
        y: { label: 'count', grid: true },
        marks: [
          Plot.rectY(binned, { x1: 'from', x2: 'to', y: 'count', fill: 'var(--accent)', inset: 0.5, title: (bin: HistogramBin) => `${formatValue(measure, bin.from)} to ${formatValue(measure, bin.to)}: ${bin.count}` }),
          Plot.ruleY([0], { stroke: 'var(--muted)' }),
          ...markerMarks(markers),
        ],
      })}
    />
  );
}

/** Vertical rules with their labels (a base case, a breakeven), named on the chart. */
export function markerMarks(markers: readonly Marker[]): Plot.Markish[] {
  if (markers.length === 0) return [];
  return [
    Plot.ruleX(markers, { x: 'value', stroke: 'var(--text)', strokeDasharray: '4 3' }),
    Plot.text(markers, { x: 'value', text: 'label', frameAnchor: 'top', dy: -2, dx: 4, textAnchor: 'start', fill: 'var(--text)' }),
  ];
}
