// Several series by year, one row each, every row named (party cash flows by year): no reader
// has to match colours to a legend.
import * as Plot from '@observablehq/plot';
import { Chart } from './Chart.tsx';
import { thinnedLabels } from './BarsByYear.tsx';
import type { SeriesKey } from './colors.ts';
import { axisFor, formatValue, type Measure } from './measure.ts';

export interface SmallMultiplesProps {
  title: string;
  description: string;
  years: readonly (string | number)[];
  series: readonly (SeriesKey & { values: readonly number[] })[];
  measure: Measure;
  rowHeight?: number;
}

export function SmallMultiples({ title, description, years, series, measure, rowHeight = 72 }: SmallMultiplesProps) {
  const labels = years.map(String);
  const data = series.flatMap((s) => labels.map((year, index) => ({ series: s.name, color: s.color, year, value: s.values[index] ?? 0 })));
  const axis = axisFor(measure, data.map((d) => d.value), 2);
  const marginLeft = 150;
  return (
    <Chart
      title={title}
      description={description}
      table={{ columns: ['Year', ...series.map((s) => s.name)], rows: labels.map((year, index) => ({ label: year, cells: series.map((s) => formatValue(measure, s.values[index] ?? 0)) })) }}
      plot={(width) => ({
        height: 36 + series.length * rowHeight,
        marginLeft,
        marginRight: 8,
        x: { type: 'band', domain: labels, label: null, ticks: thinnedLabels(labels, width - marginLeft), padding: 0.2 },
        // Each row labels only zero and its two ends, so labels of neighbouring rows never touch.
        y: { domain: axis.domain, ticks: [...new Set([axis.domain[0], 0, axis.domain[1]])], tickFormat: axis.tickFormat, label: axis.label || null, grid: true },
        fy: { domain: series.map((s) => s.name), label: null, padding: 0.35 },
        marks: [
          // A row's name wraps onto a second line rather than running off the chart's left edge
          // (it must fit in the margin left of the value ticks: 150 − 48 px).
          Plot.axisFy({ anchor: 'left', dx: -48, textAnchor: 'end', lineWidth: 8.5, fontWeight: 600, fill: 'var(--text)' }),
          Plot.barY(data, { x: 'year', y: 'value', fy: 'series', fill: 'color', title: (d: { series: string; year: string; value: number }) => `${d.series}, ${d.year}: ${formatValue(measure, d.value)}` }),
          Plot.ruleY([0], { stroke: 'var(--muted)' }),
        ],
      })}
    />
  );
}
