// What a tab-separated paste into the yearly grid will do, before it does it: which cells get
// which values, what falls outside the grid, which cell in front is a label, and whether the
// numbers read differently depending on the separator convention (then the user is asked).
import Decimal from 'decimal.js';
import { readNumber, readings, type Convention, type NumberContext } from './numberText.ts';
import type { SeriesDefinition } from './series.ts';
import { parseTabular, storedFromDecimal } from './valueText.ts';

export interface PasteTarget {
  rows: readonly SeriesDefinition[];
  /** Row and year index of the cell the paste lands in. */
  row: number;
  col: number;
  years: number;
  firstYear: number;
  locale: string;
  currency?: string;
  productUnit?: string;
}

export interface PasteChoices {
  /** Which character marks decimals, when the block leaves it open. */
  convention?: Convention;
  /** Whether a label cell in front of the numbers is skipped (true) or pasted as a value. */
  skipLabel?: boolean;
}

export interface PasteWrite {
  rowKey: string;
  path: string;
  yearIndex: number;
  value: string | number;
}

export interface AmbiguousSample {
  text: string;
  /** Both readings in the units shown to the user (percentage points for a percentage row). */
  point: string;
  comma: string;
  unit?: '%';
}

export type PastePlan =
  | { kind: 'ask-label'; labels: string[] }
  | { kind: 'ask-convention'; samples: AmbiguousSample[] }
  | { kind: 'refused'; message: string }
  | { kind: 'ready'; writes: PasteWrite[]; report: string[] };

export function contextFor(row: SeriesDefinition, target: PasteTarget): NumberContext {
  const unit = row.unit.replace('{currency}', '').replace('{productUnit}', target.productUnit || 'unit').trim();
  return { locale: target.locale, kind: row.format, ...(target.currency ? { currency: target.currency } : {}), ...(unit ? { unit } : {}) };
}

/** Lines of cells: one column of several lines runs along the years, as one row. */
export function pasteMatrix(text: string): string[][] {
  const lines = parseTabular(text).map((line) => line.map((cell) => cell.trim()));
  return lines.length > 1 && lines.every((line) => line.length === 1) ? [lines.map((line) => line[0] ?? '')] : lines;
}

function isNumberText(text: string, context: NumberContext): boolean {
  const both = readings(text, context);
  return !('error' in both) && (both.point !== null || both.comma !== null);
}

/** Lines whose first cell is text in front of numbers, as a spreadsheet's row label is. */
function labelsOf(matrix: string[][], target: PasteTarget): string[] {
  return matrix.flatMap((cells, offset) => {
    const row = target.rows[target.row + offset];
    const [first = '', ...rest] = cells;
    if (!row || first === '' || rest.length === 0) return [];
    const context = contextFor(row, target);
    return !isNumberText(first, context) && rest.some((cell) => cell !== '' && isNumberText(cell, context)) ? [first] : [];
  });
}

/** The convention the block settles on, 'open' when its cells read both ways, or a message. */
function blockConvention(matrix: string[][], target: PasteTarget): { convention: Convention | 'open' | null; samples: AmbiguousSample[] } | { message: string } {
  let point = true;
  let comma = true;
  let firstOnlyPoint = '';
  let firstOnlyComma = '';
  const samples: AmbiguousSample[] = [];
  matrix.forEach((cells, offset) => {
    const row = target.rows[target.row + offset];
    if (!row) return;
    const context = contextFor(row, target);
    for (const cell of cells) {
      if (cell === '') continue;
      const both = readings(cell, context);
      if ('error' in both || (both.point === null && both.comma === null)) continue;
      if (both.point === null) {
        point = false;
        firstOnlyComma ||= cell;
      } else if (both.comma === null) {
        comma = false;
        firstOnlyPoint ||= cell;
      } else if (both.point !== both.comma && samples.length < 3) {
        samples.push(context.kind === 'percent'
          ? { text: cell, point: percentUnits(both.point), comma: percentUnits(both.comma), unit: '%' }
          : { text: cell, point: both.point, comma: both.comma });
      }
    }
  });
  if (!point && !comma) {
    return { message: `The pasted numbers mix two ways of writing decimals (“${firstOnlyPoint}” uses a decimal point, “${firstOnlyComma}” a decimal comma). Copy them again from one source, or paste them in two parts.` };
  }
  if (point && comma) return { convention: samples.length > 0 ? 'open' : null, samples };
  return { convention: point ? 'point' : 'comma', samples: [] };
}

const percentUnits = (fraction: string) => new Decimal(fraction).times(100).toFixed();

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What a paste into the grid does; a question comes back first when the block leaves one open. */
export function planPaste(text: string, target: PasteTarget, choices: PasteChoices = {}): PastePlan {
  let matrix = pasteMatrix(text);
  const report: string[] = [];
  const labels = labelsOf(matrix, target);
  if (labels.length > 0) {
    if (choices.skipLabel === undefined) return { kind: 'ask-label', labels };
    if (choices.skipLabel) {
      matrix = matrix.map((cells) => (labels.includes(cells[0] ?? '') && cells.length > 1 ? cells.slice(1) : cells));
      report.push(`Skipped the label${labels.length === 1 ? '' : 's'} ${labels.map((label) => `“${label}”`).join(', ')} in front of the numbers.`);
    } else {
      report.push(`Pasted the label${labels.length === 1 ? '' : 's'} ${labels.map((label) => `“${label}”`).join(', ')} into ${target.firstYear + target.col} as a value, so every number moved one year later.`);
    }
  }
  const settled = blockConvention(matrix, target);
  if ('message' in settled) return { kind: 'refused', message: settled.message };
  let convention: Convention | undefined;
  if (settled.convention === 'open') {
    if (!choices.convention) return { kind: 'ask-convention', samples: settled.samples };
    convention = choices.convention;
    report.push(`Read the numbers with a decimal ${convention === 'point' ? 'point' : 'comma'}, as you chose (“${settled.samples[0]?.text}” as ${convention === 'point' ? settled.samples[0]?.point : settled.samples[0]?.comma}).`);
  } else if (settled.convention !== null) {
    convention = settled.convention;
  }

  const writes: PasteWrite[] = [];
  const unreadable: string[] = [];
  let empty = 0;
  matrix.forEach((cells, offset) => {
    const row = target.rows[target.row + offset];
    if (!row) return;
    const context = contextFor(row, target);
    const past = cells.slice(Math.max(0, target.years - target.col)).filter((cell) => cell !== '');
    if (past.length > 0) {
      report.push(`Dropped ${plural(past.length, 'value')} of ${row.label} past ${target.firstYear + target.years - 1}, the last year: ${past.join(', ')}.`);
    }
    cells.slice(0, Math.max(0, target.years - target.col)).forEach((cell, cellOffset) => {
      const yearIndex = target.col + cellOffset;
      if (cell === '') {
        empty += 1;
        return;
      }
      const read = readNumber(cell, context, convention);
      const value = read.ok ? storedFromDecimal(read.value, row.format) : cell;
      if (!read.ok) unreadable.push(`“${cell}” (${row.label} ${target.firstYear + yearIndex}): ${read.message}`);
      writes.push({ rowKey: row.key, path: row.path, yearIndex, value });
    });
  });
  const below = matrix.slice(target.rows.length - target.row).filter((cells) => cells.some((cell) => cell !== ''));
  if (below.length > 0) {
    report.push(`Dropped ${plural(below.length, 'line')} below ${target.rows[target.rows.length - 1]?.label ?? 'the last row'}, the grid's last row.`);
  }
  if (empty > 0) report.push(`Left ${plural(empty, 'value')} as ${empty === 1 ? 'it was' : 'they were'} where the pasted cell was empty.`);
  if (unreadable.length > 0) report.push(`Kept as typed, to fix: ${unreadable.join(' ')}`);
  return { kind: 'ready', writes, report };
}

/** "Pasted 12 values into Price 2027–2038." */
export function pasteSummary(writes: readonly PasteWrite[], target: PasteTarget): string {
  if (writes.length === 0) return 'Nothing was pasted: no cell of the grid receives a value.';
  const rows = [...new Set(writes.map((write) => write.rowKey))].map((key) => target.rows.find((row) => row.key === key)?.label ?? key);
  const first = Math.min(...writes.map((write) => write.yearIndex));
  const last = Math.max(...writes.map((write) => write.yearIndex));
  const span = first === last ? `${target.firstYear + first}` : `${target.firstYear + first}–${target.firstYear + last}`;
  return `Pasted ${plural(writes.length, 'value')} into ${rows.join(', ')} ${span}.`;
}
