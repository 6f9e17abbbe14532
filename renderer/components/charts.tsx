// Hand-written SVG charts. Each has a <title> and <desc> and is exposed as an image with a name,
// and every chart sits next to a table holding the same numbers.
import { useId } from 'react';

export const PARTY_COLORS = ['var(--party-0)', 'var(--party-1)', 'var(--party-2)', 'var(--party-3)', 'var(--party-4)', 'var(--party-5)', 'var(--party-6)', 'var(--party-7)'];

export interface ChartSeries {
  name: string;
  values: readonly number[];
  color?: string;
}

interface ChartFrameProps {
  title: string;
  description: string;
  width: number;
  height: number;
  children: React.ReactNode;
}

function ChartFrame({ title, description, width, height, children }: ChartFrameProps) {
  const id = useId().replace(/[^A-Za-z0-9]/g, '');
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`t${id}`} aria-describedby={`d${id}`} preserveAspectRatio="xMidYMid meet">
      <title id={`t${id}`}>{title}</title>
      <desc id={`d${id}`}>{description}</desc>
      {children}
    </svg>
  );
}

function niceTicks(min: number, max: number, count = 4): number[] {
  if (min === max) return [min];
  const span = max - min;
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => span / s <= count) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(Math.abs(tick) < step * 1e-9 ? 0 : tick);
  return ticks;
}

interface AxisProps {
  ticks: number[];
  scale: (value: number) => number;
  left: number;
  right: number;
  format: (value: number) => string;
}

function ValueAxis({ ticks, scale, left, right, format }: AxisProps) {
  return (
    <g className="axis" aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={scale(tick)} y2={scale(tick)} className={tick === 0 ? 'axis-zero' : 'axis-grid'} />
          <text x={left - 6} y={scale(tick)} dy="0.32em" textAnchor="end">
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

export interface StackedBarChartProps {
  title: string;
  description: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  format: (value: number) => string;
  height?: number;
  /** Width of the drawing in its own units; smaller widths draw larger text where the chart is narrow. */
  width?: number;
}

/** Vertical bars per category; positive values stack up from zero, negative values down. */
export function StackedBarChart({ title, description, categories, series, format, height = 260, width = 720 }: StackedBarChartProps) {
  const margin = { top: 12, right: 12, bottom: 28, left: width < 500 ? 64 : 92 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const totals = categories.map((_, index) => {
    let up = 0;
    let down = 0;
    for (const s of series) {
      const value = s.values[index] ?? 0;
      if (value >= 0) up += value;
      else down += value;
    }
    return { up, down };
  });
  const max = Math.max(0, ...totals.map((t) => t.up));
  const min = Math.min(0, ...totals.map((t) => t.down));
  const ticks = niceTicks(min, max === min ? min + 1 : max);
  const top = Math.max(max, ...ticks);
  const bottom = Math.min(min, ...ticks);
  const scale = (value: number) => margin.top + ((top - value) / (top - bottom || 1)) * plotHeight;
  const band = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.max(2, band * 0.7);
  const labelEvery = Math.ceil(categories.length / Math.max(4, Math.floor(width / 52)));
  return (
    <ChartFrame title={title} description={description} width={width} height={height}>
      <ValueAxis ticks={ticks} scale={scale} left={margin.left} right={width - margin.right} format={format} />
      {categories.map((category, index) => {
        let up = 0;
        let down = 0;
        const x = margin.left + index * band + (band - barWidth) / 2;
        return (
          <g key={category}>
            {series.map((s, seriesIndex) => {
              const value = s.values[index] ?? 0;
              if (value === 0) return null;
              const from = value >= 0 ? up : down;
              const to = from + value;
              if (value >= 0) up = to;
              else down = to;
              const y = Math.min(scale(from), scale(to));
              return (
                <rect key={s.name} x={x} y={y} width={barWidth} height={Math.max(0.5, Math.abs(scale(from) - scale(to)))} fill={s.color ?? PARTY_COLORS[seriesIndex % PARTY_COLORS.length]}>
                  <title>{`${s.name}, ${category}: ${format(value)}`}</title>
                </rect>
              );
            })}
            {index % labelEvery === 0 && (
              <text className="axis-label" x={x + barWidth / 2} y={height - 8} textAnchor="middle" aria-hidden="true">
                {category}
              </text>
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}

export interface BarChartProps {
  title: string;
  description: string;
  categories: readonly string[];
  values: readonly number[];
  format: (value: number) => string;
  height?: number;
  width?: number;
  color?: string;
}

export function BarChart({ title, description, categories, values, format, height = 220, width = 720, color = 'var(--accent)' }: BarChartProps) {
  return <StackedBarChart title={title} description={description} categories={categories} series={[{ name: title, values, color }]} format={format} height={height} width={width} />;
}

export interface ShareBarsProps {
  title: string;
  description: string;
  /** One bar per row (a structure, a shock); each segment a party's share. */
  rows: readonly { label: string; segments: readonly { name: string; value: number; color: string }[] }[];
  format: (value: number) => string;
}

/** Horizontal bars split into segments by share; negative shares are drawn left of zero. */
export function ShareBars({ title, description, rows, format }: ShareBarsProps) {
  const width = 720;
  const rowHeight = 34;
  const margin = { top: 8, right: 16, bottom: 24, left: 230 };
  const height = margin.top + margin.bottom + rows.length * rowHeight;
  const plotWidth = width - margin.left - margin.right;
  let min = 0;
  let max = 0;
  for (const row of rows) {
    const positive = row.segments.reduce((sum, s) => sum + Math.max(0, s.value), 0);
    const negative = row.segments.reduce((sum, s) => sum + Math.min(0, s.value), 0);
    max = Math.max(max, positive);
    min = Math.min(min, negative);
  }
  if (max === min) max = 1;
  const scale = (value: number) => margin.left + ((value - min) / (max - min)) * plotWidth;
  const ticks = niceTicks(min, max, 5);
  return (
    <ChartFrame title={title} description={description} width={width} height={height}>
      <g className="axis" aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={scale(tick)} x2={scale(tick)} y1={margin.top} y2={height - margin.bottom} className={tick === 0 ? 'axis-zero' : 'axis-grid'} />
            <text x={scale(tick)} y={height - 8} textAnchor="middle">
              {format(tick)}
            </text>
          </g>
        ))}
      </g>
      {rows.map((row, rowIndex) => {
        const y = margin.top + rowIndex * rowHeight + 6;
        let up = 0;
        let down = 0;
        return (
          <g key={row.label}>
            <text className="bar-label" x={margin.left - 8} y={y + (rowHeight - 12) / 2} dy="0.32em" textAnchor="end">
              {row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label}
            </text>
            {row.segments.map((segment) => {
              if (segment.value === 0) return null;
              const from = segment.value > 0 ? up : down;
              const to = from + segment.value;
              if (segment.value > 0) up = to;
              else down = to;
              const x = Math.min(scale(from), scale(to));
              return (
                <rect key={segment.name} x={x} y={y} width={Math.max(0.5, Math.abs(scale(to) - scale(from)))} height={rowHeight - 12} fill={segment.color}>
                  <title>{`${row.label}, ${segment.name}: ${format(segment.value)}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}

export function Legend({ items }: { items: readonly { name: string; color: string }[] }) {
  return (
    <ul className="legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.name}>
          <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
