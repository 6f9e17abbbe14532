// Text <-> decimal-string conversions for the editor. Values are stored in the Project as
// decimal text and never pass through a binary float: ×100 / ÷100 use decimal.js.
import Decimal from 'decimal.js';

const Exact = Decimal.clone({ precision: 80, toExpNeg: -100, toExpPos: 100 });

export interface NumberSeparators {
  group: string;
  decimal: string;
}

export function separatorsFor(locale: string): NumberSeparators {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  return { group, decimal };
}

const PLAIN_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads what a person typed as a decimal: spaces, the locale's group separator and a currency
 * sign are ignored; the locale's decimal separator is accepted. Returns null when it is not a number.
 */
export function normalizeNumberText(text: string, locale: string): string | null {
  const { group, decimal } = separatorsFor(locale);
  let cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^(US\$|A\$|C\$|\$|€|£|¥)/, '');
  if (group !== ' ' && group !== '\u00a0' && group !== '\u202f') cleaned = cleaned.split(group).join('');
  if (decimal !== '.') cleaned = cleaned.split(decimal).join('.');
  cleaned = cleaned.replace(/^\+/, '');
  if (!PLAIN_DECIMAL.test(cleaned)) return null;
  return new Exact(cleaned).toFixed();
}

export function isDecimalText(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && PLAIN_DECIMAL.test(value.trim());
}

/** A stored value (JSON number or decimal string) as plain decimal text, or null. */
export function storedToDecimal(value: unknown): string | null {
  if (!isDecimalText(value)) return null;
  return new Exact(typeof value === 'number' ? String(value) : (value as string).trim()).toFixed();
}

/** "5 %", "5%" or "5" typed into a percentage field → "0.05". Null when not a number. */
export function percentTextToStored(text: string, locale: string): string | null {
  const withoutSign = text.replace(/%/g, '');
  const normalized = normalizeNumberText(withoutSign, locale);
  if (normalized === null) return null;
  return new Exact(normalized).div(100).toFixed();
}

/** A stored fraction ("0.05") as percentage units ("5"). Null when not a number. */
export function storedToPercent(value: unknown): string | null {
  const decimal = storedToDecimal(value);
  if (decimal === null) return null;
  return new Exact(decimal).times(100).toFixed();
}

export function formatDecimalForInput(decimal: string, locale: string, grouping = true): string {
  const negative = decimal.startsWith('-');
  const unsigned = negative ? decimal.slice(1) : decimal;
  const [whole = '0', fraction] = unsigned.split('.');
  const { group, decimal: point } = separatorsFor(locale);
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? point + fraction : ''}`;
}

export function decimalCompare(a: string, b: string): number {
  return new Exact(a).cmp(new Exact(b));
}

export function decimalEquals(a: unknown, b: unknown): boolean {
  const left = storedToDecimal(a);
  const right = storedToDecimal(b);
  if (left === null || right === null) return a === b;
  return new Exact(left).eq(new Exact(right));
}

export function sumDecimals(values: readonly unknown[]): string | null {
  let total = new Exact(0);
  for (const value of values) {
    const decimal = storedToDecimal(value);
    if (decimal === null) return null;
    total = total.plus(decimal);
  }
  return total.toFixed();
}
