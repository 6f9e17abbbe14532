// How far each input, moved to its low and high case, moves one result, widest swing first.
// The low and high bars differ in colour and are labelled with their values; an end that does not
// move the result (a rank correlation's other end at 0) has no bar and no label on the chart, only
// its row in the table, so that its "0.00" never sits on the other bar.
import * as Plot from '@observablehq/plot';
import { Chart } from './Chart.tsx';
import { axisFor, formatValue, type Measure } from './measure.ts';

export interface TornadoBar {
  /** The input moved, e.g. "Lithium price ±20 %". */
  label: string;
  low: number;
  high: number;
  /** What the low and high cases are, e.g. "−20 %", "+20 %". */
  lowCase?: string;
  highCase?: string;
}

export interface TornadoProps {
  title: string;
  description: string;
  base: number;
  bars: readonly TornadoBar[];
  measure: Measure;
  /** What the two ends are called in the legend and the table (default "Low case", "High case"). */
  endNames?: { low: string; high: string };
  /** The values the axis must reach whatever the bars (a correlation's −1 and 1). */
  extent?: readonly [number, number];
}

export function Tornado({ title, description, base, bars, measure, endNames = { low: 'Low case', high: 'High case' }, extent }: TornadoProps) {
  const ordered = [...bars].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
  const ends = ordered.flatMap((bar) => [
    { label: bar.label, which: 'low', value: bar.low, text: `${bar.lowCase ? `${bar.lowCase}: ` : ''}${formatValue(measure, bar.low)}` },
    { label: bar.label, which: 'high', value: bar.high, text: `${bar.highCase ? `${bar.highCase}: ` : ''}${formatValue(measure, bar.high)}` },
  ]);
  const moved = ends.filter((end) => end.value !== base);
  const labelled = moved.map((end) => ({ ...end, right: end.value > base }));
  const all = [base, ...(extent ?? []), ...ends.map((end) => end.value)];
  // Room on both sides for the value labels at the ends of the bars.
  const span = Math.max(...all) - Math.min(...all) || Math.abs(base) || 1;
  // Room for the value labels: beyond the bars, or, with a fixed extent, in the margins.
  const room = extent ? 0 : 0.3;
  const axis = axisFor(measure, [Math.min(...all) - span * room, Math.max(...all) + span * room], 5, false);
  const longest = Math.max(0, ...ordered.map((bar) => bar.label.length));
  return (
    <Chart
      title={title}
      description={description}
      legend={[{ id: 'low', name: endNames.low, color: 'var(--party-1)' }, { id: 'high', name: endNames.high, color: 'var(--party-0)' }]}
      table={{
        columns: ['Input', endNames.low, endNames.high, 'Swing'],
        rows: ordered.map((bar) => ({ label: bar.label, cells: [formatValue(measure, bar.low), formatValue(measure, bar.high), formatValue(measure, Math.abs(bar.high - bar.low))] })),
      }}
      plot={() => ({
        height: 40 + ordered.length * 34,
        marginLeft: Math.min(230, 16 + longest * 6.6) + (extent ? 28 : 0),
        marginRight: extent ? 44 : 16,
        x: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: axis.label || null, grid: true },
        y: { domain: ordered.map((bar) => bar.label), label: null, padding: 0.25 },
        marks: [
          Plot.barX(moved, { y: 'label', x1: base, x2: 'value', fill: (d: { which: string }) => (d.which === 'low' ? 'var(--party-1)' : 'var(--party-0)') }),
          Plot.text(labelled.filter((end) => end.right), { y: 'label', x: 'value', text: 'text', textAnchor: 'start', dx: 4, fill: 'var(--text)' }),
          Plot.text(labelled.filter((end) => !end.right), { y: 'label', x: 'value', text: 'text', textAnchor: 'end', dx: -4, fill: 'var(--text)' }),
          Plot.ruleX([base], { stroke: 'var(--text)' }),
        ],
      })}
    />
  );
}
