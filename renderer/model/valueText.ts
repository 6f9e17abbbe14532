// How a field's text becomes the value stored in the Project, and back.
import { formatDecimalForInput, storedToDecimal, storedToPercent } from '../lib/decimalText.ts';
import { readTypedNumber, type NumberRead } from './numberText.ts';
import type { ValueFormat } from './series.ts';

/** What the parser needs to know about a field besides its format. */
export interface FieldUnits {
  currency?: string;
  /** The field's unit template (`{currency} /{productUnit}`), with `{productUnit}` filled in. */
  unit?: string;
}

/** The typed text read for a field: the value to store, or what to tell the user. */
export function readField(text: string, format: ValueFormat, locale: string, units: FieldUnits = {}): NumberRead {
  const unit = units.unit?.replace('{currency}', '').trim();
  return readTypedNumber(text, { locale, kind: format, ...(units.currency ? { currency: units.currency } : {}), ...(unit ? { unit } : {}) });
}

/**
 * The stored value for typed text. Numbers become decimal strings (percentages ÷ 100); integer
 * formats become JSON integers. Text that is not a number is stored as typed, so the validator
 * reports it at its field and nothing the user typed is lost.
 */
export function textToStored(text: string, format: ValueFormat, locale: string, units: FieldUnits = {}): string | number {
  const trimmed = text.trim();
  const read = readField(trimmed, format, locale, units);
  if (!read.ok) return trimmed;
  return storedFromDecimal(read.value, format);
}

/** A read decimal as stored: integer formats become JSON integers. */
export function storedFromDecimal(normalized: string, format: ValueFormat): string | number {
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
