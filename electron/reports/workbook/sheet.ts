import {
  FIRST_YEAR_COLUMN, FormulaError, KEY_COLUMN, evaluate,
  type CellReader, type CellValue, type Column, type Expr, type SheetName,
} from './formula.ts';

export type RowStyle = 'title' | 'section' | 'heading' | 'input' | 'calculation' | 'check' | 'result' | 'note';

/** What a row holds in the timeline: one formula for every year, or one input value per year. */
export type Timeline = { formula: Expr; engine?: readonly number[] } | { values: readonly CellValue[] };

/** The row's constant in column C: an input value, or a formula. */
export type Key = { value: CellValue } | { formula: Expr; engine?: number | string | null; note?: string };

export interface Row {
  row: number;
  label: string;
  unit: string;
  style: RowStyle;
  /** Cells outside the timeline by column (column C is the row's constant). */
  cells: Record<number, Key>;
  timeline?: Timeline;
  /** Defined names by column. */
  names: Record<number, string>;
  /** Free text beside the row (column D onwards on Results, after the timeline elsewhere). */
  note?: string;
}

export interface RowHandle { sheet: SheetName; row: number }

export interface Sheet {
  name: SheetName;
  rows: Row[];
}

export interface RowOptions {
  unit?: string;
  style?: RowStyle;
  /** Column C. */
  key?: Key;
  /** Further fixed cells by column (Results tables). */
  cells?: Record<number, Key>;
  timeline?: Timeline;
  /** A defined name for column C. */
  name?: string;
  names?: Record<number, string>;
  note?: string;
}

/** Appends rows to a sheet in order and hands back where each one is. */
export class SheetBuilder {
  readonly sheet: Sheet;
  private next = 1;

  constructor(name: SheetName) {
    this.sheet = { name, rows: [] };
  }

  row(label: string, options: RowOptions = {}): RowHandle {
    const row: Row = {
      row: this.next++, label, unit: options.unit ?? '', style: options.style ?? 'calculation',
      cells: { ...options.cells },
      names: { ...options.names },
    };
    if (options.key) row.cells[KEY_COLUMN] = options.key;
    if (options.name) row.names[KEY_COLUMN] = options.name;
    if (options.timeline) row.timeline = options.timeline;
    if (options.note) row.note = options.note;
    this.sheet.rows.push(row);
    return { sheet: this.sheet.name, row: row.row };
  }

  /** Gives a row made earlier its formula, once the rows it refers to exist. */
  define(handle: RowHandle, formula: Expr, engine?: readonly number[]): void {
    const row = this.sheet.rows.find((r) => r.row === handle.row);
    if (!row) throw new Error(`no row ${handle.row} on ${this.sheet.name}`);
    row.timeline = { formula, ...(engine ? { engine } : {}) };
  }

  setCell(handle: RowHandle, column: number, cell: Key): void {
    const row = this.sheet.rows.find((r) => r.row === handle.row);
    if (!row) throw new Error(`no row ${handle.row} on ${this.sheet.name}`);
    row.cells[column] = cell;
  }

  blank(): void {
    this.next++;
  }

  /** The row number the next row will take. */
  get nextRow(): number {
    return this.next;
  }
}

export interface WorkbookModel {
  title: string;
  years: number;
  startYear: number;
  sheets: Sheet[];
}

export const lastYearColumn = (model: { years: number }) => FIRST_YEAR_COLUMN + model.years - 1;

/**
 * Every cell's value: inputs as given, formulas evaluated in floating point, except where the
 * engine reports the same line (`engine`), whose decimal result the cell carries instead.
 */
export function cellValues(model: WorkbookModel, preferEngine = true): CellReader {
  const last = lastYearColumn(model);
  const rows = new Map<string, Row>();
  for (const sheet of model.sheets) for (const row of sheet.rows) rows.set(`${sheet.name}:${row.row}`, row);
  const memo = new Map<string, CellValue>();
  const pending = new Set<string>();

  const read: CellReader = (sheet, rowNumber, column) => {
    const id = `${sheet}:${rowNumber}:${column}`;
    if (memo.has(id)) return memo.get(id)!;
    const row = rows.get(`${sheet}:${rowNumber}`);
    if (!row) return null;
    if (pending.has(id)) throw new Error(`circular reference at ${id} (${row.label})`);
    pending.add(id);
    let value: CellValue = null;
    try {
      const key = row.cells[column];
      if (key) {
        if ('value' in key) value = key.value;
        else if (preferEngine && key.engine !== undefined) value = key.engine;
        else value = evaluate(key.formula, column, last, read);
      } else if (column >= FIRST_YEAR_COLUMN && column <= last && row.timeline) {
        const t = row.timeline;
        const k = column - FIRST_YEAR_COLUMN;
        if ('values' in t) value = t.values[k] ?? null;
        else if (preferEngine && t.engine) value = t.engine[k]!;
        else value = evaluate(t.formula, column, last, read);
      }
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      value = error.message.split(' ')[0]!;
    } finally {
      pending.delete(id);
    }
    memo.set(id, value);
    return value;
  };
  return read;
}

// ------------------------------------------------------------------ references to rows

const refTo = (h: RowHandle, column: Column): Expr => ({ t: 'ref', ref: { sheet: h.sheet, row: h.row, column } });
/** The row's cell in the current year. */
export const at = (h: RowHandle): Expr => refTo(h, { kind: 'same' });
/** The row's cell in the previous year (the empty spacer in the first year, which reads as 0). */
export const prev = (h: RowHandle): Expr => refTo(h, { kind: 'previous' });
/** The row's constant in column C. */
export const key = (h: RowHandle): Expr => refTo(h, { kind: 'fixed', column: KEY_COLUMN });
export const cellOf = (h: RowHandle, column: number): Expr => refTo(h, { kind: 'fixed', column });
/** The row across the whole timeline. */
export const whole = (h: RowHandle): Expr => ({ t: 'range', range: { kind: 'timeline', sheet: h.sheet, row: h.row } });
/** The row's years before the current one. */
export const before = (h: RowHandle): Expr => ({ t: 'range', range: { kind: 'before', sheet: h.sheet, row: h.row } });
/** Rows first…last of a sheet in the current year, or in column C with `fixed`. */
export const rowsAt = (sheet: SheetName, first: number, last: number, fixed = false): Expr =>
  ({ t: 'range', range: { kind: 'rows', sheet, from: first, to: last, column: fixed ? { kind: 'fixed', column: KEY_COLUMN } : { kind: 'same' } } });
