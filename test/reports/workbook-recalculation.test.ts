// The workbook is the same model as the engine: LibreOffice Calc, recalculating every formula of
// the exported file on its own, finds the engine's headline numbers for every example and for
// random projects, and follows an edited input the way the engine does.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateProject, validateProject, type Evaluation, type Project } from '../../shared/engine/index.ts';
import { partyName, workbookFile } from '../../electron/reports/workbook/index.ts';
import { arbitraryProject } from '../support/arbitrary-project.ts';
import { exampleCases, loadExample } from '../support/examples.ts';
import { readWorkbook, recalculate, type CalcValue } from '../support/libreoffice.ts';

interface Case { label: string; project: Project; structure: string; scenario: string; file: string; recalculated?: string }

const dir = mkdtempSync(join(tmpdir(), 'orebridge-workbooks-'));
const cases: Case[] = [];

function headline(ev: Evaluation): Map<string, string | null> {
  const out = new Map<string, string | null>([
    ['NPV', ev.venture.npv], ['PreTaxNPV', ev.venture.preTaxNpv],
    ['GovernmentTake', ev.venture.governmentTake], ['AETR', ev.venture.aetr],
  ]);
  for (const p of ev.parties) out.set(partyName(p.id), p.pv);
  return out;
}

/** Within 1e-9 of the engine's value, relative (absolute below 1). */
function mismatch(name: string, engine: string | null, found: CalcValue): string | null {
  if (engine === null) return found === 'n/a' ? null : `${name}: engine has none, the workbook ${String(found)}`;
  const expected = Number(engine);
  if (typeof found !== 'number') return `${name}: expected ${engine}, the workbook ${String(found)}`;
  return Math.abs(found - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) ? null : `${name}: expected ${engine}, LibreOffice ${found}`;
}

async function addCase(label: string, project: Project, structure: string, scenario: string) {
  const out = await workbookFile(project, { structure, scenario });
  if (!out.ok) throw new Error(out.error.message);
  const file = join(dir, `${cases.length}-${label.replace(/[^A-Za-z0-9-]/g, '_')}.xlsx`);
  writeFileSync(file, out.bytes);
  cases.push({ label, project, structure, scenario, file });
}

/** The project with every royalty band's rate raised by `add`, as the workbook's user would type it. */
function withRoyaltyRaised(project: Project, structure: string, add: number): Project {
  const copy = structuredClone(project);
  const terms = copy.structures.find((s) => s.id === structure)!.terms;
  terms.fiscal.royalty.bands = terms.fiscal.royalty.bands.map((b) => ({ ...b, rate: String(Number(b.rate) + add) }));
  return copy;
}

const edited = { file: '', recalculated: '', project: null as Project | null, structure: '', scenario: '' };

beforeAll(async () => {
  for (const c of exampleCases()) await addCase(`${c.name}.${c.structure}.${c.scenario}`, loadExample(c.projectPath), c.structure, c.scenario);
  const random = fc.sample(arbitraryProject(), { numRuns: 40, seed: 1313 })
    .filter((p) => validateProject(p).ok).slice(0, 30);
  for (const [i, p] of random.entries()) await addCase(`random-${i}`, p, p.structures[0]!.id, p.scenarios[0]!.id);

  // The royalty edit: type new band rates into the Inputs sheet of an example's workbook.
  const example = exampleCases().find((c) => c.name === 'northern-spodumene' && c.structure === 'sliding-royalty' && c.scenario === 'base')!;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(cases.find((c) => c.label.startsWith('northern-spodumene.sliding-royalty.base'))!.file);
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
  edited.file = join(dir, 'edited-royalty.xlsx');
  await book.xlsx.writeFile(edited.file);
  edited.project = withRoyaltyRaised(loadExample(example.projectPath), example.structure, 0.03);
  edited.structure = example.structure;
  edited.scenario = example.scenario;

  const recalculated = recalculate([...cases.map((c) => c.file), edited.file]);
  cases.forEach((c, i) => { c.recalculated = recalculated[i]!; });
  edited.recalculated = recalculated[recalculated.length - 1]!;
}, 900_000);

describe('the workbook recalculated by LibreOffice Calc', () => {
  it('finds every example\'s NPV, pre-tax NPV, government take, AETR and every party\'s PV within 1e-9', async () => {
    const problems: string[] = [];
    const examples = cases.filter((c) => !c.label.startsWith('random-'));
    expect(examples.length).toBe(exampleCases().length);
    for (const c of examples) {
      const ev = evaluateProject(c.project, { structure: c.structure, scenario: c.scenario });
      if (!ev.ok) throw new Error(ev.error.message);
      const { named } = await readWorkbook(c.recalculated!);
      for (const [name, value] of headline(ev.evaluation)) {
        const problem = mismatch(name, value, named(name));
        if (problem) problems.push(`${c.label} ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('does the same for thirty random projects', async () => {
    const problems: string[] = [];
    const random = cases.filter((c) => c.label.startsWith('random-'));
    expect(random.length).toBe(30);
    for (const c of random) {
      const ev = evaluateProject(c.project, { structure: c.structure, scenario: c.scenario });
      if (!ev.ok) throw new Error(ev.error.message);
      const { named } = await readWorkbook(c.recalculated!);
      for (const [name, value] of headline(ev.evaluation)) {
        const problem = mismatch(name, value, named(name));
        if (problem) problems.push(`${c.label} ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('follows a royalty rate typed on the Inputs sheet to the NPV and every party\'s PV the engine finds at that rate', async () => {
    const ev = evaluateProject(edited.project!, { structure: edited.structure, scenario: edited.scenario });
    if (!ev.ok) throw new Error(ev.error.message);
    const { named } = await readWorkbook(edited.recalculated);
    const problems = [...headline(ev.evaluation)].map(([name, value]) => mismatch(name, value, named(name))).filter((p) => p !== null);
    expect(problems).toEqual([]);
    const original = cases.find((c) => c.label.startsWith('northern-spodumene.sliding-royalty.base'))!;
    const { named: originalNamed } = await readWorkbook(original.recalculated!);
    expect(named('NPV')).toBeLessThan(originalNamed('NPV') as number);
    expect(named('PV_government')).toBeGreaterThan(originalNamed('PV_government') as number);
  });
});
