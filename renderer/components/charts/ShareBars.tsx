// Horizontal bars split into parties' segments (a benefit split, who bears a shock). Each
// segment wide enough carries the party's name; the legend and the table name every one.
import * as Plot from '@observablehq/plot';
import { Chart } from './Chart.tsx';
import type { SeriesKey } from './colors.ts';
import { axisFor, formatValue, type Measure } from './measure.ts';

export interface ShareRow {
  label: string;
  /** Keyed by series id; a series missing from a row is shown as "—" in the table. */
  values: Readonly<Record<string, number>>;
}

export interface ShareBarsProps {
  title: string;
  description: string;
  rows: readonly ShareRow[];
  series: readonly SeriesKey[];
  measure: Measure;
  /**
   * Draw each row as the division of its positive values into 100 %: a party with a negative
   * value takes nothing from the bar and is named beside it. The table keeps the values as given.
   */
  split?: boolean;
}

interface Segment {
  row: string;
  series: string;
  color: string;
  value: number;
  shown: number;
}

const CHARACTER_WIDTH = 6.6;

/** Long names keep their start and their end ("State carried 15%, …ar offtake (copy)"): copies stay apart. */
export function shortened(text: string, length = 34): string {
  if (text.length <= length) return text;
  const tail = Math.floor((length - 1) / 3);
  return `${text.slice(0, length - 1 - tail).trimEnd()}…${text.slice(text.length - tail).trimStart()}`;
}

export function ShareBars({ title, description, rows, series, measure, split = false }: ShareBarsProps) {
  const segments: Segment[] = rows.flatMap((row) => {
    const positive = series.reduce((sum, s) => sum + Math.max(0, row.values[s.id] ?? 0), 0);
    return series.flatMap((s) => {
      const value = row.values[s.id];
      if (value === undefined || value === 0) return [];
      const shown = split ? (value > 0 && positive > 0 ? value / positive : 0) : value;
      return shown === 0 ? [] : [{ row: row.label, series: s.name, color: s.color, value, shown }];
    });
  });
  const outside = split ? rows.map((row) => ({ row: row.label, text: series.filter((s) => (row.values[s.id] ?? 0) < 0).map((s) => `${s.name} ${formatValue(measure, row.values[s.id]!)}`).join(', ') })).filter((note) => note.text) : [];
  const sums = rows.map((row) => ({
    up: series.reduce((sum, s) => sum + Math.max(0, row.values[s.id] ?? 0), 0),
    down: series.reduce((sum, s) => sum + Math.min(0, row.values[s.id] ?? 0), 0),
  }));
  const axis = split ? axisFor({ kind: 'percent', locale: measure.locale }, [0, 1]) : axisFor(measure, sums.flatMap((s) => [s.up, s.down]));
  const longest = Math.max(0, ...rows.map((row) => row.label.length));
  const marginLeft = Math.min(220, 16 + longest * CHARACTER_WIDTH);
  const marginRight = outside.length > 0 ? 16 : 16;
  return (
    <Chart
      title={title}
      description={description}
      legend={series}
      table={{ columns: ['', ...series.map((s) => s.name)], rows: rows.map((row) => ({ label: row.label, cells: series.map((s) => (row.values[s.id] === undefined ? '—' : formatValue(measure, row.values[s.id]!))) })) }}
      plot={(width) => {
        const pixelsPerUnit = (width - marginLeft - marginRight) / (axis.domain[1] - axis.domain[0] || 1);
        const label = (d: Segment) => {
          const text = d.series === d.row ? formatValue(measure, d.value) : `${d.series} ${formatValue(measure, d.value)}`;
          const room = Math.abs(d.shown) * pixelsPerUnit - 8;
          if (text.length * CHARACTER_WIDTH <= room) return text;
          return d.series.length * CHARACTER_WIDTH <= room ? d.series : '';
        };
        return {
          height: 40 + rows.length * (outside.length > 0 ? 52 : 38),
          marginLeft,
          marginRight,
          x: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: split ? 'share of the positive values (%)' : axis.label || null, grid: true },
          // Plot calls tickFormat(label, index): passing `shortened` itself made the index its length.
          y: { domain: rows.map((row) => row.label), label: null, padding: 0.3, tickFormat: (label: string) => shortened(label) },
          marks: [
            Plot.barX(segments, Plot.stackX({ x: 'shown', y: 'row', fill: 'color', order: null, title: (d: Segment) => `${d.row}, ${d.series}: ${formatValue(measure, d.value)}` })),
            Plot.text(segments, Plot.stackX({ x: 'shown', y: 'row', order: null, text: label, fill: 'white', stroke: 'black', strokeOpacity: 0.35, strokeWidth: 2, paintOrder: 'stroke' })),
            Plot.ruleX([0], { stroke: 'var(--muted)' }),
            ...(outside.length > 0 ? [Plot.text(outside, { y: 'row', x: 0, text: (d: { text: string }) => `below zero: ${d.text}`, dy: 17, textAnchor: 'start', fill: 'var(--muted)' })] : []),
          ],
        };
      }}
    />
  );
}
