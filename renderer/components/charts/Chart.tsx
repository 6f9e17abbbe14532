// The frame every chart shares: Observable Plot draws the chart at the width it is given (so its
// text stays at the app's size however wide the window), a described image for screen readers,
// and a button that swaps the drawing for a table of the same values.
import * as Plot from '@observablehq/plot';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { SeriesKey } from './colors.ts';
import { DataTable } from '../DataTable.tsx';
import { DrawingBoundary } from '../DrawingBoundary.tsx';

export interface ChartTable {
  /** Header of the first column, then one per value column. */
  columns: readonly string[];
  rows: readonly { label: string; cells: readonly string[] }[];
}

export interface ChartProps {
  /** The chart's accessible name, e.g. "Present value by party". */
  title: string;
  /** One or two sentences saying what the chart shows, read after the name. */
  description: string;
  /** The values the chart shows, as text, for the table view. */
  table: ChartTable;
  /** Plot's options for a drawing `width` pixels wide (marks, scales, margins, height). */
  plot: (width: number) => Plot.PlotOptions;
  legend?: readonly SeriesKey[];
  className?: string;
}

const FALLBACK_WIDTH = 640;
const MIN_WIDTH = 280;

/** The container's content width, followed as the window or the panels change size. */
function useWidth(element: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const node = element.current;
    if (!node) return;
    const measure = () => {
      const measured = Math.floor(node.getBoundingClientRect().width);
      if (measured > 0) setWidth(Math.max(MIN_WIDTH, measured));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/** A chart that cannot be drawn says so in its own place; the section around it stays usable. */
export function Chart(props: ChartProps) {
  return (
    <DrawingBoundary part={`The chart “${props.title}”`}>
      <ChartDrawing {...props} />
    </DrawingBoundary>
  );
}

function ChartDrawing({ title, description, table, plot, legend, className }: ChartProps) {
  const [showTable, setShowTable] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const drawing = useRef<HTMLDivElement>(null);
  const width = useWidth(frame);
  const id = useId();
  useEffect(() => {
    const node = drawing.current;
    if (!node || showTable) return;
    const options = plot(width);
    const chart = Plot.plot({ ...options, width, className: 'plot', style: { fontSize: '12px', fontFamily: 'inherit', overflow: 'visible', ...(typeof options.style === 'object' ? options.style : {}) } });
    chart.setAttribute('aria-hidden', 'true');
    node.replaceChildren(chart);
    return () => chart.remove();
  }, [plot, width, showTable]);
  return (
    <figure className={`chart-kit ${className ?? ''}`.trim()} ref={frame}>
      <div className="chart-toolbar">
        <button type="button" className="chart-toggle" aria-label={`${showTable ? 'Show chart' : 'Show values as a table'}: ${title}`} onClick={() => setShowTable((shown) => !shown)}>
          {showTable ? 'Show chart' : 'Show values as a table'}
        </button>
      </div>
      {showTable ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title}: values`}>
          <DataTable className="data-table chart-table" caption={title} columns={table.columns} rows={table.rows.map((row, index) => ({ key: index, heading: row.label, cells: row.cells }))} />
        </div>
      ) : (
        <>
          <div className="chart-drawing" ref={drawing} role="img" aria-label={title} aria-describedby={`${id}-description`} />
          <p id={`${id}-description`} className="visually-hidden">
            {description}
          </p>
          {legend && legend.length > 0 && <Legend items={legend} />}
        </>
      )}
    </figure>
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
