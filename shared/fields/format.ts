// A stored value written the way users type it: 5 % (not 0.05), US$ 300,000,000, 0.9 ×, 2031.
// Exact: the decimal is never turned into a binary float, so what is shown is what is stored.
import { Dec } from '../engine/arithmetic.ts';
import { fillUnit } from './lookup.ts';
import type { FieldDefinition } from './types.ts';

export interface ValueContext {
  /** Number separators; default "en-US". */
  locale?: string;
  /** As shown before money: "US$". Default: the currency code, or nothing. */
  currency?: string | null;
  productUnit?: string | null;
}

const DECIMAL_TEXT = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A stored number as a decimal, or null when it is not one (text the user typed is kept as typed). */
export function decimalOf(value: unknown): InstanceType<typeof Dec> | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Dec(value);
  if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) return new Dec(value.trim());
  return null;
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
}

/** An exact decimal with the locale's separators: 1234567.5 → "1,234,567.5"; grouping off for years. */
export function formatDecimal(value: InstanceType<typeof Dec>, locale = 'en-US', group = true): string {
  const { group: groupSeparator, decimal } = separators(locale);
  const plain = value.abs().toFixed();
  const [whole = '0', fraction] = plain.split('.');
  const grouped = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator) : whole;
  return `${value.isNegative() && !value.isZero() ? '−' : ''}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

/** What a field holds, as a person would type it. Absent or null is "none". */
export function formatValue(field: FieldDefinition, value: unknown, context: ValueContext = {}): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const locale = context.locale ?? 'en-US';
  const number = decimalOf(value);
  if (number === null) return typeof value === 'string' ? value : JSON.stringify(value);
  const unit = fillUnit(field.unit, context.currency ?? '', context.productUnit ?? '');
  switch (field.kind) {
    case 'fraction':
    case 'rate':
      return `${formatDecimal(number.times(100), locale)} %`;
    case 'money':
    case 'money-per-unit': {
      const [currency = '', ...per] = unit.split(' ');
      const prefix = currency && currency !== 'money' ? `${currency} ` : '';
      return `${prefix}${formatDecimal(number, locale)}${per.length > 0 ? ` ${per.join(' ')}` : ''}`;
    }
    case 'calendar-year':
      return formatDecimal(number, locale, false);
    case 'factor':
      return `${formatDecimal(number, locale)} ${unit.startsWith('×') ? unit : '×'}`.trim();
    default:
      return unit ? `${formatDecimal(number, locale)} ${unit}` : formatDecimal(number, locale);
  }
}

/** How money is marked: "US$" for USD, the locale's sign for other codes ("€", "A$"), the code when unknown. */
export function currencySymbol(code: string | null | undefined, locale = 'en-US'): string {
  const currency = (code ?? '').trim();
  if (!currency) return '';
  if (currency === 'USD') return 'US$';
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** The value context of a project: its currency and product unit, in a locale. */
export function projectValueContext(assumptions: { currency?: string | null; productUnit?: string | null } | null | undefined, locale = 'en-US'): ValueContext {
  return { locale, currency: currencySymbol(assumptions?.currency, locale), productUnit: assumptions?.productUnit ?? '' };
}
