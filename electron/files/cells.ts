// Encoding of interchange values into cells: a value plus a `_form` letter (see migration 001).
import { NumberLiteral } from './literal-json.ts';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isPresent(source: JsonObject, key: string): boolean {
  return Object.hasOwn(source, key) && source[key] !== undefined;
}

/** A decimal (number, decimal string or NumberLiteral) into `<column>` and `<column>_form`. */
export function putDecimal(row: Row, column: string, value: unknown): void {
  if (value instanceof NumberLiteral) {
    row[column] = value.text;
    row[`${column}_form`] = 'n';
  } else if (typeof value === 'number') {
    row[column] = String(value);
    row[`${column}_form`] = 'n';
  } else {
    row[column] = String(value);
    row[`${column}_form`] = 's';
  }
}

/** Writes an absent or null value (form 'a' or 'z'); returns false when there is a value to write. */
function putMissing(row: Row, column: string, source: JsonObject, key: string): boolean {
  const form = presenceOf(source, key);
  if (form === 'v') return false;
  row[column] = null;
  row[`${column}_form`] = form;
  return true;
}

/** A decimal that may be null or absent. */
export function putOptionalDecimal(row: Row, column: string, source: JsonObject, key: string): void {
  if (!putMissing(row, column, source, key)) putDecimal(row, column, source[key]);
}

/** A string or boolean that may be null or absent. */
export function putOptional(row: Row, column: string, source: JsonObject, key: string, encode: (value: unknown) => Cell): void {
  if (putMissing(row, column, source, key)) return;
  row[column] = encode(source[key]);
  row[`${column}_form`] = 'v';
}

/** 'v', 'z' or 'a' for an optional object such as `carried` or `resourceRentTax`. */
export function presenceOf(source: JsonObject, key: string): 'v' | 'z' | 'a' {
  if (!isPresent(source, key)) return 'a';
  return source[key] === null ? 'z' : 'v';
}

export function text(value: unknown): string {
  return String(value);
}

export function flag(value: unknown): number {
  return value === true ? 1 : 0;
}

// ------------------------------------------------------------------ reading

/** Sets `target[key]` from a decimal cell: absent leaves the key out. */
export function getDecimal(row: Row, column: string): unknown {
  const form = row[`${column}_form`];
  const value = row[column];
  if (form === 'z') return null;
  if (form === 'a') return undefined;
  if (form === 'n' && typeof value === 'string' && JSON_NUMBER.test(value)) return new NumberLiteral(value);
  // A number cell that is not a number literal (only in a damaged or hostile file) becomes a
  // string, which the engine's validation then refuses with its path.
  return String(value);
}

export function getOptional(row: Row, column: string, decode: (cell: Cell) => unknown): unknown {
  const form = row[`${column}_form`];
  if (form === 'z') return null;
  if (form === 'a') return undefined;
  return decode(row[column] ?? null);
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;



export function textCell(cell: Cell): string {
  return String(cell);
}

export function booleanCell(cell: Cell): boolean {
  return cell === 1;
}
