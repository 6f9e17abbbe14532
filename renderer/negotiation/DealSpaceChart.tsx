// The deal-space map on the chart kit's frame: the chosen metric as a heat map over the two
// terms, a contour at the typed target (and, for a party's PV, at its reservation), the outline
// of the agreement zone, and the Nash and Kalai–Smorodinsky points, named on the chart. The
// table view gives every grid value with the points inside the zone marked.
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { DealSpace } from '../../shared/negotiation/index.ts';
import { Chart, formatValue, niceTicks, type Measure } from '../components/charts/index.ts';
import { formatPercent } from '../lib/format.ts';

export interface DealSpaceChartProps {
  space: DealSpace;
  xMeasure: Measure;
  yMeasure: Measure;
  valueMeasure: Measure;
  valueLabel: string;
  contours: readonly { value: number; label: string }[];
}

export function DealSpaceChart({ space, xMeasure, yMeasure, valueMeasure, valueLabel, contours }: DealSpaceChartProps) {
  const { xs, ys, points } = space;
  const dx = xs.length > 1 ? (xs[1]! - xs[0]!) / 2 : 0.5;
  const dy = ys.length > 1 ? (ys[1]! - ys[0]!) / 2 : 0.5;
  const x1 = xs[0]! - dx;
  const x2 = xs[xs.length - 1]! + dx;
  const y1 = ys[0]! - dy;
  const y2 = ys[ys.length - 1]! + dy;
  const values = points.map((p) => p.metric ?? Number.NaN);
  const zone = points.map((p) => (p.inZone ? 1 : 0));
  const marked = [
    ...(space.nash ? [{ x: Number(space.nash.x), y: Number(space.nash.y), label: 'Nash' }] : []),
    ...(space.kalaiSmorodinsky ? [{ x: Number(space.kalaiSmorodinsky.x), y: Number(space.kalaiSmorodinsky.y), label: 'Kalai–Smorodinsky' }] : []),
  ];
  const xLabel = space.x.label;
  const yLabel = space.y.label;
  const plot = useCallback(() => {
    const finite = values.filter(Number.isFinite);
    const bands = finite.length > 0 ? niceTicks(Math.min(...finite), Math.max(...finite), 6).slice(1, -1) : [0];
    // Red to blue through white where the values change sign (a PV), one hue ramp otherwise (a government take).
    const signed = finite.some((v) => v < 0) && finite.some((v) => v > 0);
    // The legend is narrow: whole percentages there, the exact values in the tips and the table.
    const legendTick = (v: number) => (valueMeasure.kind === 'percent' ? formatPercent(v, valueMeasure.locale, 0) : formatValue(valueMeasure, v));
    return {
      height: 380,
      marginLeft: 64,
      marginBottom: 40,
      marginRight: 16,
      x: { domain: [x1, x2], label: xLabel, tickFormat: (v: number) => formatValue(xMeasure, v) },
      y: { domain: [y1, y2], label: yLabel, tickFormat: (v: number) => formatValue(yMeasure, v) },
      color: { type: 'threshold' as const, domain: bands, scheme: signed ? ('RdBu' as const) : ('YlGnBu' as const), legend: true, label: valueLabel, tickFormat: legendTick },
      marks: [
        Plot.rect(points, {
          x1: (d: { x: number }) => d.x - dx, x2: (d: { x: number }) => d.x + dx, y1: (d: { y: number }) => d.y - dy, y2: (d: { y: number }) => d.y + dy,
          fill: (d: { metric: number | null }) => d.metric ?? Number.NaN,
        }),
        ...contours.map((level) => Plot.contour(values, { x1, x2, y1, y2, width: xs.length, height: ys.length, thresholds: [level.value], stroke: 'var(--text)', strokeWidth: 1.5, fill: null })),
        ...(space.zoneCount > 0 && space.zoneCount < points.length
          ? [
            // A light halo under the dashed outline keeps it visible on dark and light cells alike.
            Plot.contour(zone, { x1, x2, y1, y2, width: xs.length, height: ys.length, thresholds: [0.5], stroke: 'var(--surface)', strokeWidth: 6, fill: null }),
            Plot.contour(zone, { x1, x2, y1, y2, width: xs.length, height: ys.length, thresholds: [0.5], stroke: 'var(--text)', strokeWidth: 3, strokeDasharray: '6 4', fill: null }),
          ]
          : []),
        Plot.dot(marked, { x: 'x', y: 'y', r: 6, fill: 'var(--surface)', stroke: 'var(--text)', strokeWidth: 2.5 }),
        // The higher point's name above it, the lower one's below, so close points stay readable.
        ...marked.map((point, index) => Plot.text([point], { x: 'x', y: 'y', text: 'label', dx: 10, dy: marked.some((other, j) => j !== index && other.y > point.y) ? 12 : -12, textAnchor: 'start', fill: 'var(--text)', stroke: 'var(--surface)', strokeWidth: 3, paintOrder: 'stroke', fontWeight: 600 })),
        ...(contours.length > 0 || space.zoneCount > 0
          ? [Plot.text([{ label: [space.zoneCount > 0 ? '- - agreement zone' : '', ...contours.map((c) => `— ${c.label}`)].filter(Boolean).join('   ') }], { text: 'label', frameAnchor: 'top-right', dy: 4, dx: -4, lineAnchor: 'top', fill: 'var(--text)', stroke: 'var(--surface)', strokeWidth: 3, paintOrder: 'stroke' })]
          : []),
      ],
    } satisfies Plot.PlotOptions;
  }, [points, values, zone, contours, marked, space, x1, x2, y1, y2, dx, dy, xs.length, ys.length, xLabel, yLabel, xMeasure, yMeasure, valueMeasure, valueLabel]);
  const zoneText = space.zoneCount > 0 ? `The agreement zone (every party's reservation met) covers ${space.zoneCount} of ${points.length} points and is outlined with a dashed line.` : 'No point meets every reservation.';
  return (
    <Chart
      title={`${valueLabel} over ${xLabel} × ${yLabel}`}
      description={`${valueLabel} at each of ${xs.length} × ${ys.length} combinations of the two terms. ${zoneText}${marked.length > 0 ? ' The Nash and Kalai–Smorodinsky points are marked.' : ''}`}
      table={{
        columns: [`${yLabel} \\ ${xLabel}`, ...xs.map((x) => formatValue(xMeasure, x))],
        rows: ys.map((y, row) => ({
          label: formatValue(yMeasure, y),
          cells: xs.map((_, column) => {
            const point = points[row * xs.length + column]!;
            return `${formatValue(valueMeasure, point.metric ?? Number.NaN)}${point.inZone ? ' ✓' : ''}`;
          }),
        })),
      }}
      plot={plot}
    />
  );
}
