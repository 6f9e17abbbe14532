// Writes a workbook model as an .xlsx file with exceljs: formulas with their computed values,
// inputs styled as inputs, defined names for the headline outputs, full recalculation on load.
import ExcelJS from 'exceljs';
import { FIRST_YEAR_COLUMN, SPACER_COLUMN, render, type CellValue } from './formula.ts';
import { cellValues, lastYearColumn, type Row, type RowStyle, type WorkbookModel } from './sheet.ts';

const INPUT_FONT = { color: { argb: 'FF0000CC' } };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE5EE' } };

function numberFormat(unit: string): string {
  if (unit === 'fraction' || unit === 'rate') return '0.00%';
  if (unit === 'flag' || unit === 'year' || unit === 'years' || unit === 'k' || unit === 'band') return '0';
  if (unit === 'index' || unit === 'factor') return '0.000000';
  if (/^[^/]*$/.test(unit) && unit !== '' && unit !== 't' && !unit.includes('contained')) return '#,##0;[Red]-#,##0';
  return '#,##0.00';
}

const STYLE_FONT: Partial<Record<RowStyle, Partial<ExcelJS.Font>>> = {
  title: { bold: true, size: 14 },
  section: { bold: true },
  heading: { bold: true, italic: true },
  note: { italic: true, color: { argb: 'FF555555' } },
  check: { italic: true, color: { argb: 'FF007700' } },
  result: { bold: false },
};

/** A cell value exceljs accepts as a formula's cached result. */
const resultOf = (v: CellValue): ExcelJS.CellValue => (v === null ? null : v);

export async function writeWorkbook(model: WorkbookModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Orebridge';
  wb.calcProperties.fullCalcOnLoad = true;
  const values = cellValues(model);
  const last = lastYearColumn(model);

  for (const sheet of model.sheets) {
    const timeline = sheet.name !== 'Results';
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: timeline ? SPACER_COLUMN : 1, ySplit: 0 }] });
    ws.getColumn(1).width = timeline ? 58 : 52;
    ws.getColumn(2).width = 16;
    ws.getColumn(3).width = 16;
    if (timeline) {
      ws.getColumn(SPACER_COLUMN).width = 2;
      for (let c = FIRST_YEAR_COLUMN; c <= last; c++) ws.getColumn(c).width = 14;
    } else for (let c = 4; c <= 12; c++) ws.getColumn(c).width = 16;
    for (const row of sheet.rows) writeRow(ws, sheet.name, row, model, values, last, wb);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

function writeRow(
  ws: ExcelJS.Worksheet, sheetName: WorkbookModel['sheets'][number]['name'], row: Row, model: WorkbookModel,
  values: ReturnType<typeof cellValues>, last: number, wb: ExcelJS.Workbook,
): void {
  const r = ws.getRow(row.row);
  r.getCell(1).value = row.label;
  if (row.unit) r.getCell(2).value = row.unit;
  const font = STYLE_FONT[row.style];
  if (font) r.getCell(1).font = font;
  if (row.style === 'section') for (let c = 1; c <= Math.max(last, 9); c++) r.getCell(c).fill = SECTION_FILL;
  const format = numberFormat(row.unit);
  const put = (column: number, formula: string | null, value: CellValue, input: boolean) => {
    const cell = r.getCell(column);
    cell.value = formula === null ? resultOf(value) : { formula, result: resultOf(value) } as ExcelJS.CellFormulaValue;
    if (typeof value === 'number') cell.numFmt = format;
    if (input) {
      cell.font = INPUT_FONT;
      cell.fill = INPUT_FILL;
    } else if (font && row.style !== 'title' && row.style !== 'note') cell.font = font;
  };
  for (const [columnText, key] of Object.entries(row.cells)) {
    const column = Number(columnText);
    const formula = 'formula' in key ? render(key.formula, { sheet: sheetName, column, lastYearColumn: last }) : null;
    put(column, formula, values(sheetName, row.row, column), row.style === 'input');
    if (row.style === 'heading' && formula === null) r.getCell(column).font = { bold: true };
  }
  if (row.timeline) {
    const t = row.timeline;
    for (let column = FIRST_YEAR_COLUMN; column <= last; column++) {
      const formula = 'formula' in t ? render(t.formula, { sheet: sheetName, column, lastYearColumn: last }) : null;
      put(column, formula, values(sheetName, row.row, column), row.style === 'input');
    }
  }
  if (row.note) {
    const noteColumn = sheetName === 'Results' ? 11 : row.timeline ? last + 2 : SPACER_COLUMN + 1;
    r.getCell(noteColumn).value = row.note;
    r.getCell(noteColumn).font = { italic: true, color: { argb: 'FF555555' } };
  }
  for (const [columnText, name] of Object.entries(row.names)) {
    wb.definedNames.add(`'${sheetName}'!$${columnLetter(Number(columnText))}$${row.row}`, name);
  }
  void model;
}

const columnLetter = (c: number) => String.fromCharCode(64 + c);
