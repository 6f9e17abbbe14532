// One value per year as bars (a series being edited, a yearly result).
import * as Plot from '@observablehq/plot';
import { Chart } from './Chart.tsx';
import { axisFor, formatValue, type Measure } from './measure.ts';

export interface BarsByYearProps {
  title: string;
  description: string;
  years: readonly (string | number)[];
  values: readonly number[];
  measure: Measure;
  /** Name of the values in the table's header, e.g. "Ore mined (t)". */
  valueLabel: string;
  color?: string;
  height?: number;
}

/** Every n-th label so that year labels never collide (about 48 px per label). */
export function thinnedLabels(labels: readonly string[], width: number): string[] {
  const every = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor(width / 48))));
  return labels.filter((_, index) => index % every === 0);
}

export function BarsByYear({ title, description, years, values, measure, valueLabel, color = 'var(--accent)', height = 200 }: BarsByYearProps) {
  const labels = years.map(String);
  const data = labels.map((year, index) => ({ year, value: values[index] ?? 0 }));
  const axis = axisFor(measure, data.map((d) => d.value));
  return (
    <Chart
      title={title}
      description={description}
      table={{ columns: ['Year', valueLabel], rows: data.map((d) => ({ label: d.year, cells: [formatValue(measure, d.value)] })) }}
      plot={(width) => ({
        height,
        marginLeft: 56,
        x: { type: 'band', domain: labels, label: null, ticks: thinnedLabels(labels, width - 56), padding: 0.25 },
        y: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: axis.label || null, grid: true },
        marks: [
          Plot.barY(data, { x: 'year', y: 'value', fill: color, title: (d: { year: string; value: number }) => `${d.year}: ${formatValue(measure, d.value)}` }),
          Plot.ruleY([0], { stroke: 'var(--muted)' }),
        ],
      })}
    />
  );
}
