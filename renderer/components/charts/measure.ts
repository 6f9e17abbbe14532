// How a chart writes its numbers: the full text of one value (tables, tips) and an axis whose
// ticks are chosen here so that no two tick labels read the same (the scale word, "m" or "bn",
// goes into the axis label once instead of onto every tick).
import { currencyLabel, formatMoney, formatNumber, formatPercent } from '../../lib/format.ts';

export type Measure =
  | { kind: 'money'; locale: string; currency: string }
  | { kind: 'percent'; locale: string }
  | { kind: 'number'; locale: string; unit?: string; digits?: number };

export function formatValue(measure: Measure, value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (measure.kind === 'money') return formatMoney(value, { currency: measure.currency, locale: measure.locale, compact: true });
  if (measure.kind === 'percent') return formatPercent(value, measure.locale, 1);
  const digits = measure.digits ?? (Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 2);
  return `${formatNumber(value, measure.locale, digits)}${measure.unit ? ` ${measure.unit}` : ''}`;
}

/** Round steps of 1, 2, 2.5 or 5 × 10^k covering [min, max] in about `count` intervals. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) return min === 0 ? [0, 1] : [Math.min(0, min), Math.max(0, max)];
  const span = max - min;
  const power = 10 ** Math.floor(Math.log10(span / count));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => span / s <= count) ?? 10 * power;
  const at = (index: number) => {
    const tick = Number((index * step).toPrecision(12));
    return Math.abs(tick) < step * 1e-9 ? 0 : tick;
  };
  let index = Math.floor(min / step + 1e-9);
  if (at(index) > min) index -= 1;
  const ticks = [at(index)];
  while (ticks[ticks.length - 1]! < max) ticks.push(at((index += 1)));
  return ticks;
}

export interface Axis {
  ticks: number[];
  /** The domain the ticks cover (first to last tick). */
  domain: [number, number];
  tickFormat: (value: number) => string;
  /** Unit for the axis label, e.g. "US$ m", "%", "t". */
  label: string;
}

function decimalsFor(step: number): number {
  if (!(step > 0)) return 0;
  return Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
}

export function axisFor(measure: Measure, values: readonly number[], count = 5, includeZero = true): Axis {
  const finite = values.filter(Number.isFinite);
  const min = Math.min(includeZero ? 0 : Infinity, ...finite);
  const max = Math.max(includeZero ? 0 : -Infinity, ...finite);
  const ticks = niceTicks(Number.isFinite(min) ? min : 0, Number.isFinite(max) ? max : 1, count);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const domain: [number, number] = [ticks[0]!, ticks[ticks.length - 1]!];
  const number = (value: number, digits: number) => formatNumber(value, measure.locale, digits);
  if (measure.kind === 'percent') {
    const digits = decimalsFor(step * 100);
    return { ticks, domain, label: '%', tickFormat: (value) => number(value * 100, digits) };
  }
  const largest = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
  const [divisor, word] = ([[1e9, 'bn'], [1e6, 'm'], [1e3, 'k'], [1, '']] as const).find(([size]) => largest >= size * 10 || size === 1)!;
  const digits = decimalsFor(step / divisor);
  const unit = measure.kind === 'money' ? currencyLabel(measure.currency, measure.locale) : (measure.unit ?? '');
  const words: Record<string, string> = { k: 'thousands', m: 'millions', bn: 'billions' };
  const label = measure.kind === 'money' ? [unit, word].filter(Boolean).join(' ') : [unit, word && `(${words[word]})`].filter(Boolean).join(' ');
  return { ticks, domain, label, tickFormat: (value) => number(value / divisor, digits) };
}
