// Display formatting for results, the same in the workspace and in the exports (the negotiation
// pack shows every figure as the workspace does). Values arrive as decimal strings; they are
// turned into numbers only to be shown, never to be stored or computed with.
import { currencySymbol } from '../fields/format.ts';

/** The currency as shown before amounts ("US$"): one definition, in the field catalogue. */
export const currencyLabel = currencySymbol;

function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

export interface MoneyOptions {
  currency: string;
  locale: string;
  /** "12.3 m" instead of "12,345,678". */
  compact?: boolean;
  signed?: boolean;
}

export function formatMoney(value: string | number | null | undefined, options: MoneyOptions): string {
  const number = toNumber(value);
  if (number === null) return '—';
  const label = currencyLabel(options.currency, options.locale);
  const sign = number < 0 ? '−' : options.signed && number > 0 ? '+' : '';
  const magnitude = Math.abs(number);
  let text: string;
  if (options.compact) {
    const scales: [number, string][] = [[1e9, 'bn'], [1e6, 'm'], [1e3, 'k']];
    const scale = scales.find(([size]) => magnitude >= size);
    text = scale
      ? `${new Intl.NumberFormat(options.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(magnitude / scale[0])} ${scale[1]}`
      : new Intl.NumberFormat(options.locale, { maximumFractionDigits: 0 }).format(magnitude);
  } else {
    text = new Intl.NumberFormat(options.locale, { maximumFractionDigits: 0 }).format(magnitude);
  }
  return `${sign}${label ? `${label} ` : ''}${text}`;
}

export function formatNumber(value: string | number | null | undefined, locale: string, fractionDigits = 0): string {
  const number = toNumber(value);
  if (number === null) return '—';
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(Math.abs(number));
  return `${number < 0 ? '−' : ''}${text}`;
}

export function formatPercent(value: string | number | null | undefined, locale: string, fractionDigits = 1, signed = false): string {
  const number = toNumber(value);
  if (number === null) return '—';
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(Math.abs(number * 100));
  const sign = number < 0 ? '−' : signed && number > 0 ? '+' : '';
  return `${sign}${text} %`;
}

/** An IRR as the methodology defines it: one root, several roots, or none. */
export function formatIrr(irr: string | null | undefined, roots: readonly string[] | undefined, locale: string): string {
  if (irr !== null && irr !== undefined) return formatPercent(irr, locale, 1);
  if (roots && roots.length > 1) return `several IRRs: ${roots.map((root) => formatPercent(root, locale, 1)).join(', ')}`;
  return 'none';
}

export function formatFactor(value: string | null | undefined, locale: string): string {
  const number = toNumber(value);
  if (number === null) return 'none';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 3, minimumFractionDigits: 2 }).format(number)} × deck`;
}
