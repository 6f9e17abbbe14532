// How a field's text becomes the value stored in the Project, and back.
import { formatDecimalForInput, normalizeNumberText, percentTextToStored, storedToDecimal, storedToPercent } from '../lib/decimalText.ts';
import type { ValueFormat } from './series.ts';

/**
 * The stored value for typed text. Numbers become decimal strings (percentages ÷ 100); integer
 * formats become JSON integers. Text that is not a number is stored as typed, so the validator
 * reports it at its field and nothing the user typed is lost.
 */
export function textToStored(text: string, format: ValueFormat, locale: string): string | number {
  const trimmed = text.trim();
  if (format === 'percent') return percentTextToStored(trimmed, locale) ?? trimmed;
  const normalized = normalizeNumberText(trimmed, locale);
  if (normalized === null) return trimmed;
  if ((format === 'integer' || format === 'year') && /^-?\d+$/.test(normalized)) {
    const integer = Number(normalized);
    if (Number.isSafeInteger(integer)) return integer;
  }
  return normalized;
}

/** The text a field shows for a stored value. */
export function storedToText(value: unknown, format: ValueFormat, locale: string): string {
  if (value === null || value === undefined) return '';
  if (format === 'year') return String(value);
  if (format === 'percent') {
    const percent = storedToPercent(value);
    return percent === null ? String(value) : formatDecimalForInput(percent, locale);
  }
  const decimal = storedToDecimal(value);
  if (decimal === null) return String(value);
  return formatDecimalForInput(decimal, locale, format !== 'factor');
}

/** Splits tab-separated text (a spreadsheet copy) into rows of cells. */
export function parseTabular(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}
