// How far each input, moved to its low and high case, moves one result, widest swing first.
// The low and high bars differ in colour and are labelled with their values.
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
}

export function Tornado({ title, description, base, bars, measure }: TornadoProps) {
  const ordered = [...bars].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
  const ends = ordered.flatMap((bar) => [
    { label: bar.label, which: 'low', value: bar.low, text: `${bar.lowCase ? `${bar.lowCase}: ` : ''}${formatValue(measure, bar.low)}` },
    { label: bar.label, which: 'high', value: bar.high, text: `${bar.highCase ? `${bar.highCase}: ` : ''}${formatValue(measure, bar.high)}` },
  ]);
  const labelled = ends.map((end) => ({ ...end, right: end.value >= base }));
  const all = [base, ...ends.map((end) => end.value)];
  // Room on both sides for the value labels at the ends of the bars.
  const span = Math.max(...all) - Math.min(...all) || Math.abs(base) || 1;
  const axis = axisFor(measure, [Math.min(...all) - span * 0.3, Math.max(...all) + span * 0.3], 5, false);
  const longest = Math.max(0, ...ordered.map((bar) => bar.label.length));
  return (
    <Chart
      title={title}
      description={description}
      legend={[{ id: 'low', name: 'Low case', color: 'var(--party-1)' }, { id: 'high', name: 'High case', color: 'var(--party-0)' }]}
      table={{
        columns: ['Input', 'Low case', 'High case', 'Swing'],
        rows: ordered.map((bar) => ({ label: bar.label, cells: [formatValue(measure, bar.low), formatValue(measure, bar.high), formatValue(measure, Math.abs(bar.high - bar.low))] })),
      }}
      plot={() => ({
        height: 40 + ordered.length * 34,
        marginLeft: Math.min(230, 16 + longest * 6.6),
        marginRight: 16,
        x: { domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, label: axis.label || null, grid: true },
        y: { domain: ordered.map((bar) => bar.label), label: null, padding: 0.25 },
        marks: [
          Plot.barX(ends, { y: 'label', x1: base, x2: 'value', fill: (d: { which: string }) => (d.which === 'low' ? 'var(--party-1)' : 'var(--party-0)') }),
          Plot.text(labelled.filter((end) => end.right), { y: 'label', x: 'value', text: 'text', textAnchor: 'start', dx: 4, fill: 'var(--text)' }),
          Plot.text(labelled.filter((end) => !end.right), { y: 'label', x: 'value', text: 'text', textAnchor: 'end', dx: -4, fill: 'var(--text)' }),
          Plot.ruleX([base], { stroke: 'var(--text)' }),
        ],
      })}
    />
  );
}
