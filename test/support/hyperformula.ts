// HyperFormula (the `hyperformula` dev-dependency) as the workbook's independent calculator inside
// `npm test`: it reads the formula text and the input values of an .xlsx as exceljs finds them in
// the file, recalculates every formula itself, and answers by defined name and by cell. No system
// program is needed; LibreOffice's recalculation of the same files runs in `npm run test:office`.
// HyperFormula is GPL-3.0 (or commercial): it is a test-only dependency, never bundled with the app
// (docs/decisions.md, "Tests on a fresh machine").
import ExcelJS from 'exceljs';
import { HyperFormula, type CellValue as HfValue, DetailedCellError } from 'hyperformula';
import type { CalcValue } from './libreoffice.ts';

export interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  /** The value the file carries for the formula (what the writer computed). */
  cached: CalcValue;
  /** The value HyperFormula computed from the formula. */
  recalculated: CalcValue;
}

export interface Recalculation {
  named: (name: string) => CalcValue;
  formulaCells: FormulaCell[];
}

type Content = number | string | boolean | null;

const cachedValue = (result: ExcelJS.CellFormulaValue['result']): CalcValue => {
  // exceljs leaves a cached 0 as undefined.
  if (result === undefined || result === null) return 0;
  if (typeof result === 'object') return 'error' in result ? String(result.error) : String(result);
  return result;
};

const valueOf = (v: HfValue): CalcValue => {
  if (v instanceof DetailedCellError) return v.value;
  return v;
};

/** Recalculates every formula of the workbook at `path` with HyperFormula. */
export async function recalculateWithHyperFormula(path: string): Promise<Recalculation> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheets: Record<string, Content[][]> = {};
  const formulas: Omit<FormulaCell, 'recalculated'>[] = [];
  book.eachSheet((ws) => {
    const grid: Content[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Content[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        const v = cell.value;
        let content: Content;
        if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
          const formula = cell.formula;
          content = `=${formula}`;
          formulas.push({ sheet: ws.name, address: cell.address, formula, cached: cachedValue((v as ExcelJS.CellFormulaValue).result) });
        } else if (v === null || typeof v === 'number' || typeof v === 'boolean') content = v;
        else if (typeof v === 'string') content = v.startsWith('=') ? `'${v}` : v;
        else throw new Error(`${ws.name}!${cell.address} holds a value this check does not read: ${JSON.stringify(v)}`);
        cells[columnNumber - 1] = content;
      });
      grid[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
    });
    sheets[ws.name] = Array.from(grid, (r) => r ?? []);
  });

  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: 'gpl-v3',
    // Full binary64 results, as Excel and LibreOffice keep them.
    smartRounding: false,
  });
  try {
    const read = (sheet: string, address: string): CalcValue => {
      const sheetId = hf.getSheetId(sheet);
      if (sheetId === undefined) throw new Error(`the workbook has no sheet ${sheet}`);
      const at = hf.simpleCellAddressFromString(address, sheetId);
      if (!at) throw new Error(`${address} is not a cell address`);
      return valueOf(hf.getCellValue(at));
    };
    const formulaCells = formulas.map((f) => ({ ...f, recalculated: read(f.sheet, f.address) }));
    const named = (name: string): CalcValue => {
      const ranges = book.definedNames.getRanges(name)?.ranges ?? [];
      if (ranges.length !== 1) throw new Error(`the workbook has no single cell named ${name}`);
      const [sheet, address] = ranges[0]!.replace(/\$/g, '').split('!') as [string, string];
      return read(sheet.replace(/^'|'$/g, ''), address);
    };
    // Every value is read now: the engine is released before the answer leaves.
    const namedValues = new Map<string, CalcValue>();
    for (const definedName of book.definedNames.model) namedValues.set(definedName.name, named(definedName.name));
    return {
      named: (name) => {
        if (!namedValues.has(name)) throw new Error(`the workbook has no single cell named ${name}`);
        return namedValues.get(name)!;
      },
      formulaCells,
    };
  } finally {
    hf.destroy();
  }
}
