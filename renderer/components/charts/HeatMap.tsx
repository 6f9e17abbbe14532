// A result over a grid of two inputs (price × royalty rate, say), coloured by value, with
// contour lines at chosen levels (e.g. where the miner's IRR crosses its hurdle).
import * as Plot from '@observablehq/plot';
import { Chart } from './Chart.tsx';
import { formatValue, niceTicks, type Measure } from './measure.ts';

export interface HeatMapProps {
  title: string;
  description: string;
  /** Evenly spaced values of the input across (columns) and up (rows). */
  xValues: readonly number[];
  yValues: readonly number[];
  /** values[row][column]: the result at yValues[row] and xValues[column]. */
  values: readonly (readonly number[])[];
  xMeasure: Measure;
  yMeasure: Measure;
  valueMeasure: Measure;
  xLabel: string;
  yLabel: string;
  /** What the colour shows, e.g. "Miner's NPV (US$)". */
  valueLabel: string;
  /** Levels at which contour lines are drawn and named. */
  contours?: readonly { value: number; label: string }[];
  height?: number;
}

function halfStep(values: readonly number[]): number {
  return values.length > 1 ? (values[1]! - values[0]!) / 2 : 0.5;
}

export function HeatMap({ title, description, xValues, yValues, values, xMeasure, yMeasure, valueMeasure, xLabel, yLabel, valueLabel, contours = [], height = 300 }: HeatMapProps) {
  const dx = halfStep(xValues);
  const dy = halfStep(yValues);
  const cells = yValues.flatMap((y, row) => xValues.map((x, column) => ({ x, y, value: values[row]?.[column] ?? Number.NaN })));
  const flat = cells.map((cell) => cell.value);
  // Colour bands at round values (an SVG legend, no canvas): the table holds the exact values.
  const finite = flat.filter(Number.isFinite);
  const bands = niceTicks(Math.min(...finite), Math.max(...finite), 7).slice(1, -1);
  const x1 = xValues[0]! - dx;
  const x2 = xValues[xValues.length - 1]! + dx;
  const y1 = yValues[0]! - dy;
  const y2 = yValues[yValues.length - 1]! + dy;
  return (
    <Chart
      title={title}
      description={description}
      table={{
        columns: [`${yLabel} \\ ${xLabel}`, ...xValues.map((x) => formatValue(xMeasure, x))],
        rows: yValues.map((y, row) => ({ label: formatValue(yMeasure, y), cells: xValues.map((_, column) => formatValue(valueMeasure, values[row]?.[column] ?? Number.NaN)) })),
      }}
      plot={() => ({
        height,
        marginLeft: 64,
        marginBottom: 40,
        x: { domain: [x1, x2], label: xLabel, tickFormat: (value: number) => formatValue(xMeasure, value) },
        y: { domain: [y1, y2], label: yLabel, tickFormat: (value: number) => formatValue(yMeasure, value) },
        color: { type: 'threshold', domain: bands, scheme: 'RdBu', legend: true, label: valueLabel, tickFormat: (value: number) => formatValue(valueMeasure, value) },
        marks: [
          Plot.rect(cells, { x1: (d: { x: number }) => d.x - dx, x2: (d: { x: number }) => d.x + dx, y1: (d: { y: number }) => d.y - dy, y2: (d: { y: number }) => d.y + dy, fill: 'value', title: (d: { x: number; y: number; value: number }) => `${xLabel} ${formatValue(xMeasure, d.x)}, ${yLabel} ${formatValue(yMeasure, d.y)}: ${formatValue(valueMeasure, d.value)}` }),
          ...contours.map((level) =>
            Plot.contour(flat, { x1, x2, y1, y2, width: xValues.length, height: yValues.length, thresholds: [level.value], stroke: 'var(--text)', strokeWidth: 2, fill: null }),
          ),
          ...(contours.length > 0 ? [Plot.text(contours.map((level) => ({ label: level.label })), { text: 'label', frameAnchor: 'top-right', dy: 4, dx: -4, lineAnchor: 'top', fill: 'var(--text)' })] : []),
        ],
      })}
    />
  );
}
