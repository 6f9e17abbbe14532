// The workbook is the same model as the engine: a spreadsheet program recalculating every formula
// of the exported file on its own finds the engine's headline numbers for every example and for
// thirty random projects, and follows an input typed on the Inputs sheet the way the engine does.
// Written once, run by two calculators: HyperFormula inside `npm test`
// (test/reports/workbook-recalculation.test.ts) and LibreOffice Calc in `npm run test:office`
// (test/office/workbook-libreoffice.test.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateProject, validateProject, type Evaluation, type Project } from '../../shared/engine/index.ts';
import { partyName, workbookFile } from '../../electron/reports/workbook/index.ts';
import { arbitraryProject } from './arbitrary-project.ts';
import { exampleCases, loadExample } from './examples.ts';
import type { CalcValue } from './libreoffice.ts';

export interface WorkbookCase { label: string; project: Project; structure: string; scenario: string; file: string }

/** What a calculator found in one recalculated workbook. */
export interface Recalculated { named: (name: string) => CalcValue }

export interface Calculator<R extends Recalculated> {
  /** Its name as the test titles say it, e.g. "LibreOffice Calc". */
  name: string;
  /** Fails at once when the calculator cannot run (a missing program), before any file is written. */
  check?: () => void;
  /** Recalculates the files, in order. */
  recalculate: (files: readonly string[]) => Promise<R[]>;
}

function headline(ev: Evaluation): Map<string, string | null> {
  const out = new Map<string, string | null>([
    ['NPV', ev.venture.npv], ['PreTaxNPV', ev.venture.preTaxNpv],
    ['GovernmentTake', ev.venture.governmentTake], ['AETR', ev.venture.aetr],
  ]);
  for (const p of ev.parties) out.set(partyName(p.id), p.pv);
  return out;
}

/** Within 1e-9 of the engine's value, relative (absolute below 1). */
function mismatch(calculator: string, name: string, engine: string | null, found: CalcValue): string | null {
  if (engine === null) return found === 'n/a' ? null : `${name}: engine has none, ${calculator} ${String(found)}`;
  const expected = Number(engine);
  if (typeof found !== 'number') return `${name}: expected ${engine}, ${calculator} ${String(found)}`;
  return Math.abs(found - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) ? null : `${name}: expected ${engine}, ${calculator} ${found}`;
}

function headlineProblems(calculator: string, c: Pick<WorkbookCase, 'project' | 'structure' | 'scenario'>, found: Recalculated): string[] {
  const ev = evaluateProject(c.project, { structure: c.structure, scenario: c.scenario });
  if (!ev.ok) throw new Error(ev.error.message);
  return [...headline(ev.evaluation)].map(([name, value]) => mismatch(calculator, name, value, found.named(name))).filter((p) => p !== null);
}

/** The project with every royalty band's rate raised by `add`, as the workbook's user would type it. */
function withRoyaltyRaised(project: Project, structure: string, add: number): Project {
  const copy = structuredClone(project);
  const terms = copy.structures.find((s) => s.id === structure)!.terms;
  terms.fiscal.royalty.bands = terms.fiscal.royalty.bands.map((b) => ({ ...b, rate: String(Number(b.rate) + add) }));
  return copy;
}

const EDITED = { name: 'northern-spodumene', structure: 'sliding-royalty', scenario: 'base' };

/** Every example's workbook, thirty random projects' and one with royalty rates typed on Inputs. */
async function writeCases(): Promise<{ cases: WorkbookCase[]; edited: WorkbookCase }> {
  const dir = mkdtempSync(join(tmpdir(), 'orebridge-workbooks-'));
  const cases: WorkbookCase[] = [];
  const add = async (label: string, project: Project, structure: string, scenario: string) => {
    const out = await workbookFile(project, { structure, scenario });
    if (!out.ok) throw new Error(out.error.message);
    const file = join(dir, `${cases.length}-${label.replace(/[^A-Za-z0-9-]/g, '_')}.xlsx`);
    writeFileSync(file, out.bytes);
    cases.push({ label, project, structure, scenario, file });
  };
  for (const c of exampleCases()) await add(`${c.name}.${c.structure}.${c.scenario}`, loadExample(c.projectPath), c.structure, c.scenario);
  const random = fc.sample(arbitraryProject(), { numRuns: 40, seed: 1313 }).filter((p) => validateProject(p).ok).slice(0, 30);
  for (const [i, p] of random.entries()) await add(`random-${i}`, p, p.structures[0]!.id, p.scenarios[0]!.id);

  // The royalty edit: type new band rates into the Inputs sheet of an example's workbook.
  const example = exampleCases().find((c) => c.name === EDITED.name && c.structure === EDITED.structure && c.scenario === EDITED.scenario)!;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(cases.find((c) => c.label === `${EDITED.name}.${EDITED.structure}.${EDITED.scenario}`)!.file);
  const inputs = book.getWorksheet('Inputs')!;
  let bandsEdited = 0;
  inputs.eachRow((row) => {
    const label = String(row.getCell(1).value ?? '');
    if (/^Band \d+ royalty rate$/.test(label)) {
      row.getCell(3).value = Number(row.getCell(3).value) + 0.03;
      bandsEdited++;
    }
  });
  if (bandsEdited !== 3) throw new Error(`expected the three royalty bands on Inputs, found ${bandsEdited}`);
  const file = join(dir, 'edited-royalty.xlsx');
  await book.xlsx.writeFile(file);
  const edited = { label: 'edited-royalty', project: withRoyaltyRaised(loadExample(example.projectPath), EDITED.structure, 0.03), structure: EDITED.structure, scenario: EDITED.scenario, file };
  return { cases, edited };
}

/**
 * Defines the recalculation tests for one calculator. `more` adds tests of its own over every
 * case and what the calculator found in it.
 */
export function describeWorkbookRecalculation<R extends Recalculated>(
  calculator: Calculator<R>,
  more?: (all: () => { cases: WorkbookCase[]; found: R[] }) => void,
): void {
  const state = { cases: [] as WorkbookCase[], found: [] as R[], edited: null as WorkbookCase | null, editedFound: null as R | null };
  const label = `${EDITED.name}.${EDITED.structure}.${EDITED.scenario}`;
  // A missing program fails every test with its one line (a failing beforeAll would leave them
  // marked skipped).
  let missing: unknown = null;

  beforeAll(async () => {
    try {
      calculator.check?.();
    } catch (error) {
      missing = error;
      return;
    }
    const { cases, edited } = await writeCases();
    const found = await calculator.recalculate([...cases.map((c) => c.file), edited.file]);
    state.cases = cases;
    state.found = found.slice(0, cases.length);
    state.edited = edited;
    state.editedFound = found[cases.length]!;
  }, 900_000);

  describe(`the workbook recalculated by ${calculator.name}`, () => {
    beforeEach(() => {
      if (missing) throw missing;
    });
    const problemsIn = (filter: (c: WorkbookCase) => boolean) => state.cases.flatMap((c, i) => (filter(c)
      ? headlineProblems(calculator.name, c, state.found[i]!).map((p) => `${c.label} ${p}`) : []));

    it('finds every example\'s NPV, pre-tax NPV, government take, AETR and every party\'s PV within 1e-9', () => {
      expect(state.cases.filter((c) => !c.label.startsWith('random-')).length).toBe(exampleCases().length);
      expect(problemsIn((c) => !c.label.startsWith('random-'))).toEqual([]);
    });

    it('does the same for thirty random projects', () => {
      expect(state.cases.filter((c) => c.label.startsWith('random-')).length).toBe(30);
      expect(problemsIn((c) => c.label.startsWith('random-'))).toEqual([]);
    });

    it('follows a royalty rate typed on the Inputs sheet to the NPV and every party\'s PV the engine finds at that rate', () => {
      expect(headlineProblems(calculator.name, state.edited!, state.editedFound!)).toEqual([]);
      const original = state.found[state.cases.findIndex((c) => c.label === label)]!;
      const edited = state.editedFound!;
      expect(edited.named('NPV')).toBeLessThan(original.named('NPV') as number);
      expect(edited.named('PV_government')).toBeGreaterThan(original.named('PV_government') as number);
    });

    more?.(() => ({ cases: state.cases, found: state.found }));
  });
}
