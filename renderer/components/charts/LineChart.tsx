// One or more curves over a numeric input (government take against price: progressivity),
// every curve named at its end.
import * as Plot from '@observablehq/plot';
import { Chart } from './Chart.tsx';
import type { SeriesKey } from './colors.ts';
import { axisFor, formatValue, type Measure } from './measure.ts';

export interface LineChartProps {
  title: string;
  description: string;
  series: readonly (SeriesKey & { points: readonly { x: number; y: number }[] })[];
  xMeasure: Measure;
  yMeasure: Measure;
  xLabel: string;
  height?: number;
}

export function LineChart({ title, description, series, xMeasure, yMeasure, xLabel, height = 260 }: LineChartProps) {
  const data = series.flatMap((s) => s.points.map((point) => ({ series: s.name, color: s.color, ...point })));
  const xAxis = axisFor(xMeasure, data.map((d) => d.x), 6, false);
  const yAxis = axisFor(yMeasure, data.map((d) => d.y));
  const lastPoints = series.flatMap((s) => (s.points.length > 0 ? [{ series: s.name, ...s.points[s.points.length - 1]! }] : []));
  // Curves that end close together would write their names over each other: the legend names them then.
  const span = Math.abs(yAxis.domain[1] - yAxis.domain[0]) || 1;
  const crowded = lastPoints.some((a, i) => lastPoints.some((b, j) => j > i && Math.abs(a.x - b.x) < 1e-12 * (1 + Math.abs(a.x)) && Math.abs(a.y - b.y) < span * 0.08));
  const ends = series.length > 1 && crowded ? [] : lastPoints;
  const xs = [...new Set(data.map((d) => d.x))].sort((a, b) => a - b);
  const longest = Math.max(0, ...ends.map((end) => end.series.length));
  return (
    <Chart
      title={title}
      description={description}
      legend={series.length > 1 ? series : undefined}
      table={{
        columns: [xLabel, ...series.map((s) => s.name)],
        rows: xs.map((x) => ({ label: formatValue(xMeasure, x), cells: series.map((s) => { const point = s.points.find((p) => p.x === x); return point ? formatValue(yMeasure, point.y) : '—'; }) })),
      }}
      plot={() => ({
        height,
        marginLeft: 48,
        marginRight: Math.min(180, 16 + longest * 6.6),
        x: { domain: xAxis.domain, ticks: xAxis.ticks, tickFormat: xAxis.tickFormat, label: [xLabel, xAxis.label && `(${xAxis.label})`].filter(Boolean).join(' '), grid: true },
        y: { domain: yAxis.domain, ticks: yAxis.ticks, tickFormat: yAxis.tickFormat, label: yAxis.label || null, grid: true },
        marks: [
          Plot.line(data, { x: 'x', y: 'y', z: 'series', stroke: 'color', strokeWidth: 2, marker: 'circle-stroke' }),
          Plot.text(ends, { x: 'x', y: 'y', text: 'series', dx: 8, textAnchor: 'start', fill: 'var(--text)' }),
          Plot.ruleY([0], { stroke: 'var(--muted)' }),
        ],
      })}
    />
  );
}
