// A result's spread over time: the P10–P90 band, the P25–P75 band inside it and the median line.
import * as Plot from '@observablehq/plot';
import { Chart } from './Chart.tsx';
import { thinnedLabels } from './BarsByYear.tsx';
import { axisFor, formatValue, type Measure } from './measure.ts';

export interface FanPoint {
  x: string | number;
  p10: number;
  p25?: number;
  p50: number;
  p75?: number;
  p90: number;
}

export interface FanChartProps {
  title: string;
  description: string;
  points: readonly FanPoint[];
  measure: Measure;
  /** Header of the first table column, e.g. "Year". */
  xLabel: string;
  height?: number;
}

export function FanChart({ title, description, points, measure, xLabel, height = 260 }: FanChartProps) {
  const labels = points.map((point) => String(point.x));
  const data = points.map((point) => ({ ...point, x: String(point.x) }));
  const inner = data.filter((point) => point.p25 !== undefined && point.p75 !== undefined);
  const axis = axisFor(measure, data.flatMap((point) => [point.p10, point.p90]));
  return (
    <Chart
      title={title}
      description={description}
      legend={[
        { id: 'outer', name: 'P10 to P90', color: 'color-mix(in srgb, var(--accent) 22%, transparent)' },
        ...(inner.length > 0 ? [{ id: 'inner', name: 'P25 to P75', color: 'color-mix(in srgb, var(--accent) 45%, transparent)' }] : []),
        { id: 'median', name: 'Median (P50)', color: 'var(--accent)' },
      ]}
      table={{
        columns: [xLabel, 'P10', ...(inner.length > 0 ? ['P25'] : []), 'P50', ...(inner.length > 0 ? ['P75'] : []), 'P90'],
        rows: data.map((point) => ({
          label: point.x,
          cells: [point.p10, ...(inner.length > 0 ? [point.p25 ?? Number.NaN] : []), point.p50, ...(inner.length > 0 ? [point.p75 ?? Number.NaN] : []), point.p90].map((value) => formatValue(measure, value)),
        })),
      }}
      plot={(width) => ({
        height,
        marginLeft: 56,
        x: { type: 'point', domain: labels, label: null, ticks: thinnedLabels(labels, width - 56) },
        y: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: axis.label || null, grid: true },
        marks: [
          Plot.areaY(data, { x: 'x', y1: 'p10', y2: 'p90', fill: 'var(--accent)', fillOpacity: 0.22 }),
          Plot.areaY(inner, { x: 'x', y1: 'p25', y2: 'p75', fill: 'var(--accent)', fillOpacity: 0.3 }),
          Plot.lineY(data, { x: 'x', y: 'p50', stroke: 'var(--accent)', strokeWidth: 2 }),
          Plot.ruleY([0], { stroke: 'var(--muted)' }),
        ],
      })}
    />
  );
}
