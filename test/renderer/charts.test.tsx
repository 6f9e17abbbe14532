// @vitest-environment jsdom
// The chart kit: every kind draws with Observable Plot, is a named image, and shows the same
// values as a table from a button; axis labels never repeat; a split bar never passes 100 %.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import {
  axisFor,
  BarsByYear,
  binValues,
  CumulativeCurve,
  FanChart,
  HeatMap,
  Histogram,
  LineChart,
  percentile,
  ShareBars,
  shortened,
  SmallMultiples,
  Tornado,
  type Measure,
} from '../../renderer/components/charts/index.ts';

afterEach(cleanup);

const money: Measure = { kind: 'money', currency: 'USD', locale: 'en-US' };
const percent: Measure = { kind: 'percent', locale: 'en-US' };

async function tableOf(title: string): Promise<HTMLElement> {
  await userEvent.setup().click(screen.getByRole('button', { name: `Show values as a table: ${title}` }));
  return screen.getByRole('table', { name: title });
}

function cellsOf(table: HTMLElement): string[][] {
  return within(table).getAllByRole('row').map((row) => Array.from(row.children).map((cell) => cell.textContent ?? ''));
}

describe('the chart kit', () => {
  it('draws yearly bars and lists the same values in its table', async () => {
    render(<BarsByYear title="Price by year" description="Price deck" years={[2027, 2028, 2029]} values={[1000, 1100, 1200]} measure={{ kind: 'number', locale: 'en-US', unit: 'US$ /t' }} valueLabel="Price (US$ /t)" />);
    const chart = screen.getByRole('img', { name: 'Price by year' });
    expect(chart.querySelectorAll('svg rect')).toHaveLength(3);
    expect(chart.getAttribute('aria-describedby')).toBeTruthy();
    expect(cellsOf(await tableOf('Price by year'))).toEqual([
      ['Year', 'Price (US$ /t)'],
      ['2027', '1,000 US$ /t'],
      ['2028', '1,100 US$ /t'],
      ['2029', '1,200 US$ /t'],
    ]);
  });

  it('names every party of a small-multiples chart on the chart itself', () => {
    render(<SmallMultiples title="Flows" description="Flows by party" years={[2027, 2028]} measure={money}
      series={[{ id: 'a', name: 'Miner', color: 'var(--party-0)', values: [-5e6, 8e6] }, { id: 'g', name: 'Government', color: 'var(--party-1)', values: [0, 3e6] }]} />);
    const texts = Array.from(screen.getByRole('img', { name: 'Flows' }).querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toContain('Miner');
    expect(texts).toContain('Government');
  });

  it('draws a split as shares of the positive values, never past 100 %, and names a party below zero', async () => {
    render(<ShareBars title="Split" description="Split by structure" measure={percent} split
      series={[{ id: 'a', name: 'Miner', color: 'red' }, { id: 'b', name: 'State', color: 'blue' }, { id: 'g', name: 'Government', color: 'green' }]}
      rows={[{ label: 'Carried', values: { a: 0.7, b: -0.2, g: 0.5 } }, { label: 'Plain', values: { a: 0.6, g: 0.4 } }]} />);
    const svg = screen.getByRole('img', { name: 'Split' }).querySelector('svg')!;
    const texts = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent ?? '');
    expect(texts.some((t) => t.includes('below zero: State −20.0 %'))).toBe(true);
    // The x axis runs from 0 % to 100 % and no further.
    const ticks = texts.filter((t) => /^\d+$/.test(t)).map(Number);
    expect(Math.max(...ticks)).toBe(100);
    expect(Math.min(...ticks)).toBe(0);
    expect(cellsOf(await tableOf('Split'))[1]).toEqual(['Carried', '70.0 %', '−20.0 %', '50.0 %']);
  });

  it('names every row of a bar chart in full, and a long name by its start and end', () => {
    const long = 'State carried 15%, capped strategic partner, collar offtake';
    render(<ShareBars title="By party" description="PV by party" measure={money}
      series={[{ id: 'a', name: 'National Lithium Corporation', color: 'red' }, { id: 'b', name: 'Boreal Minerals plc', color: 'blue' }, { id: 'c', name: long, color: 'green' }]}
      rows={[{ label: 'National Lithium Corporation', values: { a: 4e7 } }, { label: 'Boreal Minerals plc', values: { b: 6e7 } }, { label: long, values: { c: 5e7 } }]} />);
    const texts = Array.from(screen.getByRole('img', { name: 'By party' }).querySelectorAll('text')).map((t) => t.textContent ?? '');
    expect(texts).toContain('National Lithium Corporation');
    expect(texts).toContain('Boreal Minerals plc');
    expect(texts).toContain(shortened(long));
    expect(shortened(long)).toMatch(/^State carried 15%, .+….+ offtake$/);
  });

  it('bins a histogram the same way in the drawing and the table', async () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i % 100) * 1e6);
    render(<Histogram title="NPV draws" description="Distribution" values={values} measure={money} bins={10} markers={[{ value: 50e6, label: 'base case' }]} />);
    const bins = binValues(values, 10);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(1000);
    expect(screen.getByRole('img', { name: 'NPV draws' }).querySelectorAll('svg rect')).toHaveLength(bins.length);
    const rows = cellsOf(await tableOf('NPV draws'));
    expect(rows.slice(1).map((row) => Number(row[1]))).toEqual(bins.map((bin) => bin.count));
  });

  it('gives the percentiles of a cumulative curve in its table', async () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    render(<CumulativeCurve title="IRR distribution" description="Cumulative" measure={{ kind: 'number', locale: 'en-US' }} series={[{ id: 'x', name: 'Base', color: 'blue', values }]} />);
    expect(percentile(values, 0.5)).toBe(50);
    const rows = cellsOf(await tableOf('IRR distribution'));
    expect(rows.find((row) => row[0] === 'P90')).toEqual(['P90', '90']);
  });

  it('orders a tornado by swing and labels both ends', async () => {
    render(<Tornado title="NPV sensitivity" description="Tornado" base={100e6} measure={money}
      bars={[{ label: 'Capex ±20 %', low: 80e6, high: 115e6 }, { label: 'Price ±20 %', low: 40e6, high: 160e6, lowCase: '−20 %', highCase: '+20 %' }]} />);
    const texts = Array.from(screen.getByRole('img', { name: 'NPV sensitivity' }).querySelectorAll('text')).map((t) => t.textContent ?? '');
    expect(texts).toContain('−20 %: US$ 40.0 m');
    expect(texts).toContain('+20 %: US$ 160.0 m');
    expect(cellsOf(await tableOf('NPV sensitivity')).slice(1).map((row) => row[0])).toEqual(['Price ±20 %', 'Capex ±20 %']);
  });

  it('draws no bar and no label for a tornado end at the base (one-sided rank correlations)', async () => {
    const measure: Measure = { kind: 'number', locale: 'en-US', digits: 2 };
    render(<Tornado title="What moves the miner" description="Tornado" base={0} measure={measure} extent={[-1, 1]}
      endNames={{ low: 'Negative', high: 'Positive' }} bars={[{ label: 'price', low: 0, high: 0.83 }, { label: 'capex', low: -0.41, high: 0 }]} />);
    const chart = screen.getByRole('img', { name: 'What moves the miner' });
    const texts = Array.from(chart.querySelectorAll('text')).map((t) => t.textContent ?? '');
    expect(texts).toContain('0.83');
    expect(texts).toContain('−0.41');
    expect(texts.filter((t) => t === '0.00')).toEqual([]);
    expect(chart.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(2);
    expect(texts).toContain('−1.0');
    expect(cellsOf(await tableOf('What moves the miner'))).toEqual([['Input', 'Negative', 'Positive', 'Swing'], ['price', '0.00', '0.83', '0.83'], ['capex', '−0.41', '0.00', '0.41']]);
  });

  it('draws a fan chart with its bands and lists P10 to P90 by year', async () => {
    render(<FanChart title="Miner's cash flow range" description="Fan" xLabel="Year" measure={money}
      points={[{ x: 2027, p10: -10e6, p25: -5e6, p50: 0, p75: 5e6, p90: 10e6 }, { x: 2028, p10: 0, p25: 5e6, p50: 10e6, p75: 15e6, p90: 20e6 }]} />);
    expect(screen.getByRole('img', { name: "Miner's cash flow range" }).querySelectorAll('svg path').length).toBeGreaterThanOrEqual(3);
    expect(cellsOf(await tableOf("Miner's cash flow range"))[2]).toEqual(['2028', 'US$ 0', 'US$ 5.0 m', 'US$ 10.0 m', 'US$ 15.0 m', 'US$ 20.0 m']);
  });

  it('draws a heat map with a contour line at the level asked for', async () => {
    const xValues = [0.8, 0.9, 1, 1.1, 1.2];
    const yValues = [0.02, 0.04, 0.06];
    const values = yValues.map((y) => xValues.map((x) => (x - 1) * 100 - y * 500));
    render(<HeatMap title="Miner NPV by price and royalty" description="Heat map" xValues={xValues} yValues={yValues} values={values}
      xMeasure={{ kind: 'number', locale: 'en-US', digits: 1 }} yMeasure={percent} valueMeasure={{ kind: 'number', locale: 'en-US' }}
      xLabel="Price factor" yLabel="Royalty" valueLabel="NPV" contours={[{ value: 0, label: 'NPV = 0' }]} />);
    const chart = screen.getByRole('img', { name: 'Miner NPV by price and royalty' });
    expect(chart.querySelectorAll('svg rect').length).toBeGreaterThanOrEqual(15);
    expect(Array.from(chart.querySelectorAll('text')).map((t) => t.textContent)).toContain('NPV = 0');
    expect(chart.querySelector('path[d]')).toBeTruthy();
    const rows = cellsOf(await tableOf('Miner NPV by price and royalty'));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveLength(6);
  });

  it('names each line of a line chart at its end', async () => {
    render(<LineChart title="Government take by price" description="Progressivity" xLabel="Price" xMeasure={{ kind: 'number', locale: 'en-US' }} yMeasure={percent}
      series={[{ id: 'a', name: 'Structure A', color: 'red', points: [{ x: 800, y: 0.5 }, { x: 1200, y: 0.45 }] }, { id: 'b', name: 'Structure B', color: 'blue', points: [{ x: 800, y: 0.4 }, { x: 1200, y: 0.5 }] }]} />);
    const texts = Array.from(screen.getByRole('img', { name: 'Government take by price' }).querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toContain('Structure A');
    expect(texts).toContain('Structure B');
    expect(cellsOf(await tableOf('Government take by price'))[2]).toEqual(['1,200', '45.0 %', '50.0 %']);
  });
});

describe('axes', () => {
  it('never repeat a tick label and always cover the values', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e10, max: 1e10, noNaN: true }), fc.double({ min: 1e-3, max: 1e10, noNaN: true }), fc.constantFrom<Measure>(money, percent, { kind: 'number', locale: 'en-US' }), (low, span, measure) => {
        // An axis a thousandth of a millionth as wide as its values is a constant, not a chart.
        fc.pre(span >= Math.abs(low) * 1e-6);
        const axis = axisFor(measure, [low, low + span], 5, false);
        const labels = axis.ticks.map(axis.tickFormat);
        expect(new Set(labels).size).toBe(labels.length);
        expect(axis.domain[0]).toBeLessThanOrEqual(low);
        expect(axis.domain[1]).toBeGreaterThanOrEqual(low + span);
      }),
    );
  });
});
