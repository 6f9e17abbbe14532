// The workbook's layout rules: one formula along every Calculation row, inputs only on Inputs,
// defined names for the headline outputs, and formulas that (evaluated in floating point) give
// the engine's numbers line by line.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluateProject } from '../../shared/engine/index.ts';
import { buildWorkbookModel, partyName, workbookFile } from '../../electron/reports/workbook/index.ts';
import { FIRST_YEAR_COLUMN, columnLetters } from '../../electron/reports/workbook/formula.ts';
import { cellValues } from '../../electron/reports/workbook/sheet.ts';
import { exampleCases, loadExample } from '../support/examples.ts';

/** A formula with its relative column references written as offsets from its own column (R1C1-like). */
function relative(formula: string, ownColumn: number): string {
  return formula.replace(/(?<![A-Za-z_$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (_, colAbs: string, letters: string, rowAbs: string, row: string) => {
    if (colAbs) return `${colAbs}${letters}${rowAbs}${row}`;
    let n = 0;
    for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
    return `C[${n - ownColumn}]${rowAbs}${row}`;
  });
}

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('the workbook layout', () => {
  it('holds one formula along each row of the Calculation sheet, for every example', async () => {
    const problems: string[] = [];
    let rowsChecked = 0;
    for (const c of exampleCases()) {
      const out = await workbookFile(loadExample(c.projectPath), { structure: c.structure, scenario: c.scenario });
      if (!out.ok) throw new Error(out.error.message);
      const sheet = (await readBack(out.bytes)).getWorksheet('Calculation')!;
      const years = c.expected.years.length;
      sheet.eachRow((row, rowNumber) => {
        const forms: string[] = [];
        for (let k = 0; k < years; k++) {
          const v = row.getCell(FIRST_YEAR_COLUMN + k).value;
          if (v !== null && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') forms.push(relative(v.formula, FIRST_YEAR_COLUMN + k));
          else if (v !== null) problems.push(`${c.name} Calculation!${columnLetters(FIRST_YEAR_COLUMN + k)}${rowNumber} holds a value, not a formula`);
        }
        if (forms.length === 0) return;
        rowsChecked++;
        if (forms.length !== years) problems.push(`${c.name} row ${rowNumber} has formulas in only ${forms.length} of ${years} years`);
        if (new Set(forms).size !== 1) problems.push(`${c.name} row ${rowNumber} (${String(row.getCell(1).value)}) changes formula along the row: ${[...new Set(forms)].slice(0, 2).join(' | ')}`);
      });
    }
    expect(rowsChecked).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  }, 300_000);

  it('notices a row whose formula changes along the timeline', () => {
    expect(relative('E$5+D$5*Inputs!$C$3', 5)).toBe(relative('F$5+E$5*Inputs!$C$3', 6));
    expect(relative('E$5+D$5', 5)).not.toBe(relative('F$5+D$5', 6));
  });

  it('types no number into a Calculation formula other than 0 and 1', async () => {
    const c = exampleCases()[0]!;
    const out = await workbookFile(loadExample(c.projectPath), { structure: c.structure, scenario: c.scenario });
    if (!out.ok) throw new Error(out.error.message);
    const constants = new Set<string>();
    (await readBack(out.bytes)).getWorksheet('Calculation')!.eachRow((row) => row.eachCell((cell) => {
      const v = cell.value;
      if (v !== null && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') {
        const stripped = v.formula.replace(/\$?[A-Z]{1,3}\$?\d+/g, '').replace(/"[^"]*"/g, '');
        for (const m of stripped.matchAll(/(?<![A-Za-z])\d+(\.\d+)?/g)) if (m[0] !== '0' && m[0] !== '1') constants.add(`${m[0]} in ${v.formula}`);
      }
    }));
    expect([...constants]).toEqual([]);
  });

  it('names NPV, PreTaxNPV, GovernmentTake, AETR and PV_<party> for every party', async () => {
    const c = exampleCases().find((x) => x.expected.parties.some((p) => p.id.includes('-')))!;
    const out = await workbookFile(loadExample(c.projectPath), { structure: c.structure, scenario: c.scenario });
    if (!out.ok) throw new Error(out.error.message);
    const book = await readBack(out.bytes);
    for (const name of ['NPV', 'PreTaxNPV', 'GovernmentTake', 'AETR', ...c.expected.parties.map((p) => partyName(p.id))]) {
      expect(book.definedNames.getRanges(name)?.ranges, name).toHaveLength(1);
    }
    expect(partyName('external-licensor')).toBe('PV_external_licensor');
    // exceljs does not read calcPr back; the workbook part says it (exceljs brings jszip).
    const { default: JSZip } = await import('jszip');
    const workbookXml = await (await JSZip.loadAsync(out.bytes)).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('gives the engine\'s numbers when its formulas are evaluated in floating point, line by line', () => {
    const problems: string[] = [];
    for (const c of exampleCases()) {
      const built = buildWorkbookModel(loadExample(c.projectPath), { structure: c.structure, scenario: c.scenario });
      if (!built.ok) throw new Error(built.error.message);
      const float = cellValues(built.model, false);
      for (const sheet of built.model.sheets) {
        for (const row of sheet.rows) {
          const t = row.timeline;
          if (t && 'formula' in t && t.engine) {
            t.engine.forEach((expected, k) => {
              const v = float(sheet.name, row.row, FIRST_YEAR_COLUMN + k);
              if (typeof v !== 'number' || Math.abs(v - expected) > 1e-7 * Math.max(1e3, Math.abs(expected))) {
                problems.push(`${c.name}.${c.structure}.${c.scenario} ${row.label} year ${k + 1}: ${String(v)} vs ${expected}`);
              }
            });
          }
          for (const [column, cell] of Object.entries(row.cells)) {
            if (!('formula' in cell) || cell.engine === undefined || cell.formula.t === 'fn' && cell.formula.name === 'IRR') continue;
            const v = float(sheet.name, row.row, Number(column));
            // The identity check sums flows of 1e8 and more: its floating-point residue is far below a cent.
            const tolerance = row.style === 'check' ? 1e-3 : 1e-9 * Math.max(1, Math.abs(Number(cell.engine)));
            const ok = typeof cell.engine === 'number' && typeof v === 'number' ? Math.abs(v - cell.engine) <= tolerance : v === cell.engine;
            if (!ok) problems.push(`${c.name}.${c.structure}.${c.scenario} ${row.label} column ${column}: ${String(v)} vs ${String(cell.engine)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('says which structure or scenario does not exist', async () => {
    const c = exampleCases()[0]!;
    const out = await workbookFile(loadExample(c.projectPath), { structure: 'nope' });
    expect(out.ok).toBe(false);
    expect(evaluateProject(loadExample(c.projectPath), { structure: 'nope' }).ok).toBe(false);
  });
});
