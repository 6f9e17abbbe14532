// The chart kit. Every chart is drawn by Observable Plot (SVG, no eval: it runs under the app's
// Content-Security-Policy) inside one frame (`Chart.tsx`) that:
//   - draws at the width of its container, so text stays 12 px however wide the window is;
//   - is an image named by `title` and described by `description` for screen readers;
//   - has a "Show values as a table" button (keyboard and screen reader) that swaps the drawing
//     for a table of the same values, formatted as the rest of the app formats them;
//   - never tells parties apart by colour alone: series are named on the chart, in the legend and
//     in the table.
//
// Usage (values are plain numbers; a Measure says how to write them):
//   import { Histogram, partyColor, type Measure } from '../components/charts/index.ts';
//   const money: Measure = { kind: 'money', currency: 'USD', locale: 'en-US' };
//   <Histogram title="Venture NPV over 10,000 draws" description="…" values={npvs} measure={money}
//     markers={[{ value: baseNpv, label: 'base case' }]} />
//
//   BarsByYear      one value per year (a yearly series)
//   SmallMultiples  several series by year, one named row each (party cash flows)
//   ShareBars       horizontal bars split by party; `split` draws each row as 100 % of its positives
//   Histogram       counts of outcomes in ranges, with marker lines (base case, hurdle)
//   CumulativeCurve probability at or below each value, one curve per series; table of P5…P95
//   Tornado         low and high case of each input around a base value, widest swing first
//   FanChart        P10–P90 and P25–P75 bands with the median, by year
//   HeatMap         a result over a grid of two inputs, with named contour lines
//   LineChart       curves over a numeric input (government take against price)
//   Chart           the frame, for a chart of your own: pass `plot(width) => Plot options`
export { Chart, Legend, type ChartProps, type ChartTable } from './Chart.tsx';
export { PARTY_COLORS, partyColor, type SeriesKey } from './colors.ts';
export { axisFor, formatValue, niceTicks, type Axis, type Measure } from './measure.ts';
export { BarsByYear, thinnedLabels, type BarsByYearProps } from './BarsByYear.tsx';
export { SmallMultiples, type SmallMultiplesProps } from './SmallMultiples.tsx';
export { ShareBars, shortened, type ShareBarsProps, type ShareRow } from './ShareBars.tsx';
export { Histogram, binValues, markerMarks, type HistogramBin, type HistogramProps, type Marker } from './Histogram.tsx';
export { CumulativeCurve, percentile, PERCENTILES, type CumulativeCurveProps } from './CumulativeCurve.tsx';
export { Tornado, type TornadoBar, type TornadoProps } from './Tornado.tsx';
export { FanChart, type FanChartProps, type FanPoint } from './FanChart.tsx';
export { HeatMap, type HeatMapProps } from './HeatMap.tsx';
export { LineChart, type LineChartProps } from './LineChart.tsx';
