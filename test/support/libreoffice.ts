// LibreOffice Calc, headless, as the workbook's independent calculator: it opens each .xlsx,
// recalculates every formula (the profile below says "always recalculate on load") and saves
// the values it found. Tests that need it fail with one line naming what to install.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { LIBREOFFICE, requireTool } from './system-tool.ts';

const RECALCULATE_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Recalculates every file in one LibreOffice run; returns the recalculated copies' paths, in order. */
export function recalculate(files: readonly string[]): string[] {
  const soffice = requireTool(LIBREOFFICE);
  const work = mkdtempSync(join(tmpdir(), 'orebridge-lo-'));
  mkdirSync(join(work, 'profile', 'user'), { recursive: true });
  writeFileSync(join(work, 'profile', 'user', 'registrymodifications.xcu'), RECALCULATE_ALWAYS);
  const out = join(work, 'out');
  execFileSync(soffice, [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore',
    '--convert-to', 'xlsx', '--outdir', out, ...files], { stdio: 'pipe', timeout: 600_000 });
  return files.map((f) => join(out, basename(f)));
}

export type CalcValue = number | string | boolean | null;

/** A recalculated workbook's values by defined name, and its cells by sheet and address. */
export async function readWorkbook(path: string): Promise<{ named: (name: string) => CalcValue; book: ExcelJS.Workbook }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const valueOf = (cell: ExcelJS.Cell): CalcValue => {
    const v = cell.value;
    if (v !== null && typeof v === 'object' && 'formula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      // exceljs leaves a cached 0 as undefined.
      if (result === undefined || result === null) return 0;
      if (typeof result === 'object') return 'error' in result ? String(result.error) : String(result);
      return result;
    }
    if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    return String(v);
  };
  const named = (name: string): CalcValue => {
    const ranges = book.definedNames.getRanges(name)?.ranges ?? [];
    if (ranges.length !== 1) throw new Error(`the workbook has no single cell named ${name}`);
    const [sheet, address] = ranges[0]!.replace(/\$/g, '').split('!') as [string, string];
    return valueOf(book.getWorksheet(sheet.replace(/^'|'$/g, ''))!.getCell(address));
  };
  return { named, book };
}
