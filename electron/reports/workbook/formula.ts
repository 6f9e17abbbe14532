// The workbook's formulas, written once as a small expression tree: rendered to Excel's A1
// syntax for the file, and evaluated in binary floating point for the value each formula cell
// carries where the engine does not report that line (round blocks, vintage blocks, flags).

/** Timeline columns start here (A label, B unit, C row constant, D an empty spacer). */
export const FIRST_YEAR_COLUMN = 5;
export const KEY_COLUMN = 3;
export const SPACER_COLUMN = 4;

export type SheetName = 'Inputs' | 'Calculation' | 'Results';

/** A cell value as a spreadsheet holds it; null is a blank cell. */
export type CellValue = number | string | boolean | null;

/** Where a reference points: a row's cell in the current timeline column, the previous one, or a fixed column. */
export type Column =
  | { kind: 'same' }
  | { kind: 'previous' }
  | { kind: 'fixed'; column: number };

export interface CellRef { sheet: SheetName; row: number; column: Column }

export type Range =
  /** A row across the whole timeline. */
  | { kind: 'timeline'; sheet: SheetName; row: number }
  /** A row from the spacer column up to the previous timeline column (empty in the first year). */
  | { kind: 'before'; sheet: SheetName; row: number }
  /** Rows `from`…`to` in the current timeline column, or in a fixed column. */
  | { kind: 'rows'; sheet: SheetName; from: number; to: number; column: Column };

export type FunctionName = 'IF' | 'AND' | 'OR' | 'MIN' | 'MAX' | 'SUM' | 'SUMPRODUCT' | 'INDEX' | 'MATCH' | 'COUNT' | 'ISBLANK' | 'IFERROR' | 'IRR';
export type Operator = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '=' | '<>';

export type Expr =
  | { t: 'num'; value: number }
  | { t: 'text'; value: string }
  | { t: 'ref'; ref: CellRef }
  | { t: 'range'; range: Range }
  | { t: 'op'; op: Operator; a: Expr; b: Expr }
  | { t: 'neg'; a: Expr }
  | { t: 'fn'; name: FunctionName; args: Expr[] };

// ------------------------------------------------------------------ constructors

export const num = (value: number): Expr => ({ t: 'num', value });
export const text = (value: string): Expr => ({ t: 'text', value });
export const ZERO = num(0);
export const ONE = num(1);
const op = (o: Operator) => (a: Expr, b: Expr): Expr => ({ t: 'op', op: o, a, b });
export const add = op('+');
export const sub = op('-');
export const mul = op('*');
export const div = op('/');
export const pow = op('^');
export const lt = op('<');
export const le = op('<=');
export const gt = op('>');
export const ge = op('>=');
export const eq = op('=');
export const neg = (a: Expr): Expr => ({ t: 'neg', a });
const fn = (name: FunctionName) => (...args: Expr[]): Expr => ({ t: 'fn', name, args });
export const IF = fn('IF');
export const AND = fn('AND');
export const OR = fn('OR');
export const MIN = fn('MIN');
export const MAX = fn('MAX');
export const SUM = fn('SUM');
export const SUMPRODUCT = fn('SUMPRODUCT');
/**
 * INDEX(range, n), or INDEX(range, row, column). On a row range (a timeline) the lone position is
 * written as INDEX(range,1,n): Excel and LibreOffice read a lone n there as the n-th cell, but not
 * every spreadsheet does (HyperFormula reads it as a row number), and the explicit form reads the
 * same everywhere.
 */
export const INDEX = (range: Expr, position: Expr, column?: Expr): Expr => {
  if (column !== undefined) return fn('INDEX')(range, position, column);
  const alongRow = range.t === 'range' && (range.range.kind === 'timeline' || range.range.kind === 'before');
  return alongRow ? fn('INDEX')(range, ONE, position) : fn('INDEX')(range, position);
};
export const MATCH = fn('MATCH');
export const COUNT = fn('COUNT');
export const ISBLANK = fn('ISBLANK');
export const IFERROR = fn('IFERROR');
export const IRR = fn('IRR');

/** a + b + c … (ZERO for none). */
export const sum = (terms: readonly Expr[]): Expr => (terms.length === 0 ? ZERO : terms.slice(1).reduce((s, x) => add(s, x), terms[0]!));
/** a − b − c … */
export const less = (from: Expr, ...terms: Expr[]): Expr => terms.reduce((s, x) => sub(s, x), from);
/** a × b × c … */
export const product = (...factors: Expr[]): Expr => factors.slice(1).reduce((s, x) => mul(s, x), factors[0]!);
/** 1 when `condition` holds, else 0: flags are numbers so they multiply and sum. */
export const flag = (condition: Expr): Expr => IF(condition, ONE, ZERO);

// ------------------------------------------------------------------ rendering

export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface RenderContext {
  sheet: SheetName;
  /** The timeline column the formula sits in (for relative references). */
  column: number;
  lastYearColumn: number;
}

const sheetPrefix = (ctx: RenderContext, sheet: SheetName) => (sheet === ctx.sheet ? '' : `${sheet}!`);

function columnPart(ctx: RenderContext, column: Column): string {
  if (column.kind === 'fixed') return `$${columnLetters(column.column)}`;
  return columnLetters(column.kind === 'same' ? ctx.column : ctx.column - 1);
}

function renderRef(ctx: RenderContext, ref: CellRef): string {
  return `${sheetPrefix(ctx, ref.sheet)}${columnPart(ctx, ref.column)}$${ref.row}`;
}

function renderRange(ctx: RenderContext, range: Range): string {
  const prefix = sheetPrefix(ctx, range.sheet);
  switch (range.kind) {
    case 'timeline':
      return `${prefix}$${columnLetters(FIRST_YEAR_COLUMN)}$${range.row}:$${columnLetters(ctx.lastYearColumn)}$${range.row}`;
    case 'before':
      return `${prefix}$${columnLetters(SPACER_COLUMN)}$${range.row}:${columnLetters(ctx.column - 1)}$${range.row}`;
    case 'rows': {
      const c = columnPart(ctx, range.column);
      return `${prefix}${c}$${range.from}:${c}$${range.to}`;
    }
  }
}

const PRECEDENCE: Record<Operator, number> = { '=': 1, '<>': 1, '<': 1, '<=': 1, '>': 1, '>=': 1, '+': 2, '-': 2, '*': 3, '/': 3, '^': 4 };

function renderNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(value);
}

/** The formula text without the leading "=". */
export function render(expr: Expr, ctx: RenderContext, parentPrecedence = 0, rightOperand = false): string {
  switch (expr.t) {
    case 'num': return renderNumber(expr.value);
    case 'text': return `"${expr.value.replaceAll('"', '""')}"`;
    case 'ref': return renderRef(ctx, expr.ref);
    case 'range': return renderRange(ctx, expr.range);
    case 'neg': return `-${render(expr.a, ctx, 5)}`;
    case 'fn': return `${expr.name}(${expr.args.map((a) => render(a, ctx)).join(',')})`;
    case 'op': {
      const p = PRECEDENCE[expr.op];
      const body = `${render(expr.a, ctx, p)}${expr.op}${render(expr.b, ctx, p, true)}`;
      return p < parentPrecedence || (p === parentPrecedence && rightOperand) ? `(${body})` : body;
    }
  }
}

// ------------------------------------------------------------------ evaluation

/** Reads a cell by sheet, row and absolute column (evaluating it first if it holds a formula). */
export type CellReader = (sheet: SheetName, row: number, column: number) => CellValue;

export class FormulaError extends Error {}

const toNumber = (v: CellValue): number => {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  throw new FormulaError(`#VALUE! (text "${v}" in arithmetic)`);
};
const truthy = (v: CellValue): boolean => toNumber(v) !== 0;

type Evaluated = CellValue | CellValue[];

function absoluteColumn(column: Column, current: number): number {
  return column.kind === 'fixed' ? column.column : column.kind === 'same' ? current : current - 1;
}

function rangeValues(range: Range, current: number, lastYearColumn: number, read: CellReader): CellValue[] {
  const out: CellValue[] = [];
  switch (range.kind) {
    case 'timeline':
      for (let c = FIRST_YEAR_COLUMN; c <= lastYearColumn; c++) out.push(read(range.sheet, range.row, c));
      return out;
    case 'before':
      for (let c = SPACER_COLUMN; c < current; c++) out.push(read(range.sheet, range.row, c));
      return out;
    case 'rows': {
      const c = absoluteColumn(range.column, current);
      for (let r = range.from; r <= range.to; r++) out.push(read(range.sheet, r, c));
      return out;
    }
  }
}

const numbersIn = (values: CellValue[]): number[] => values.filter((v): v is number => typeof v === 'number');

/** Evaluates `expr` as a spreadsheet would, in the timeline column `current`. */
export function evaluate(expr: Expr, current: number, lastYearColumn: number, read: CellReader): CellValue {
  const scalar = (e: Expr): CellValue => {
    const v = inner(e);
    if (Array.isArray(v)) throw new FormulaError('a range where a single value is needed');
    return v;
  };
  const number = (e: Expr) => toNumber(scalar(e));
  const list = (e: Expr): CellValue[] => {
    const v = inner(e);
    return Array.isArray(v) ? v : [v];
  };
  function inner(e: Expr): Evaluated {
    switch (e.t) {
      case 'num': return e.value;
      case 'text': return e.value;
      case 'ref': return read(e.ref.sheet, e.ref.row, absoluteColumn(e.ref.column, current));
      case 'range': return rangeValues(e.range, current, lastYearColumn, read);
      case 'neg': return -number(e.a);
      case 'op': return operate(e.op, scalar(e.a), scalar(e.b));
      case 'fn': return call(e.name, e.args);
    }
  }
  function call(name: FunctionName, args: Expr[]): Evaluated {
    switch (name) {
      case 'IF': return truthy(scalar(args[0]!)) ? scalar(args[1]!) : (args[2] === undefined ? false : scalar(args[2]));
      case 'AND': return args.every((a) => truthy(scalar(a)));
      case 'OR': return args.some((a) => truthy(scalar(a)));
      case 'MIN': return Math.min(...args.flatMap((a) => numbersOf(a)));
      case 'MAX': return Math.max(...args.flatMap((a) => numbersOf(a)));
      case 'SUM': return args.flatMap((a) => numbersOf(a)).reduce((s, x) => s + x, 0);
      case 'COUNT': return args.flatMap((a) => numbersIn(list(a))).length;
      case 'SUMPRODUCT': {
        const lists = args.map((a) => list(a).map((v) => (typeof v === 'number' ? v : 0)));
        return lists[0]!.reduce((s, _, i) => s + lists.reduce((p, l) => p * l[i]!, 1), 0);
      }
      case 'INDEX': {
        const values = list(args[0]!);
        const position = args.length > 2 ? number(args[2]!) * number(args[1]!) : number(args[1]!);
        const v = values[position - 1];
        if (v === undefined) throw new FormulaError('#REF! (INDEX outside its range)');
        return v;
      }
      case 'MATCH': {
        const x = number(args[0]!);
        const values = list(args[1]!).map(toNumber);
        if (args[2] !== undefined && number(args[2]) === 0) {
          const at = values.indexOf(x);
          if (at < 0) throw new FormulaError('#N/A (no exact match)');
          return at + 1;
        }
        let found = 0;
        for (let i = 0; i < values.length && values[i]! <= x; i++) found = i + 1;
        if (found === 0) throw new FormulaError('#N/A (MATCH below the first value)');
        return found;
      }
      case 'ISBLANK': return scalar(args[0]!) === null;
      case 'IFERROR':
        try {
          return scalar(args[0]!);
        } catch (error) {
          if (error instanceof FormulaError) return scalar(args[1]!);
          throw error;
        }
      case 'IRR': throw new FormulaError('IRR is left to the spreadsheet; its value comes from the engine');
    }
  }
  function numbersOf(e: Expr): number[] {
    const v = inner(e);
    return Array.isArray(v) ? numbersIn(v) : [toNumber(v)];
  }
  return scalar(expr);
}

function operate(o: Operator, a: CellValue, b: CellValue): CellValue {
  switch (o) {
    case '+': return toNumber(a) + toNumber(b);
    case '-': return toNumber(a) - toNumber(b);
    case '*': return toNumber(a) * toNumber(b);
    case '/': {
      const d = toNumber(b);
      if (d === 0) throw new FormulaError('#DIV/0!');
      return toNumber(a) / d;
    }
    case '^': return toNumber(a) ** toNumber(b);
    case '<': return toNumber(a) < toNumber(b);
    case '<=': return toNumber(a) <= toNumber(b);
    case '>': return toNumber(a) > toNumber(b);
    case '>=': return toNumber(a) >= toNumber(b);
    case '=': return equal(a, b);
    case '<>': return !equal(a, b);
  }
}

/**
 * Excel's "=": a blank cell equals 0, "" and FALSE; otherwise values of different kinds are never
 * equal (FALSE=0 is FALSE in Excel, though LibreOffice says TRUE), so no formula may rely on it.
 */
function equal(a: CellValue, b: CellValue): boolean {
  if (a === null || b === null) {
    const other = a ?? b;
    return other === null || other === 0 || other === '' || other === false;
  }
  return typeof a === typeof b && a === b;
}
