import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateProject, parseProjectText, validateProject } from '../../shared/engine/index.ts';
import { exportJsonText, importJsonFile, readProjectFromFile } from '../../electron/files/index.ts';
import { EXAMPLE_NAMES, examplePath, exampleText, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

describe('import and export of the interchange project', () => {
  it.each(EXAMPLE_NAMES)('export(import(x)) deep-equals x for the example %s', async (name) => {
    const target = join(tempDir(), `${name}.orebridge`);
    expectOk(await importJsonFile(examplePath(name), target));
    const exported = expectOk(await exportJsonText(target));
    expect(JSON.parse(exported)).toStrictEqual(JSON.parse(exampleText(name)));
  });

  it('keeps decimal strings, number literals, absent versus null, and shocks as written', async () => {
    const document = JSON.parse(exampleText('northern-spodumene')) as Record<string, unknown> & {
      assumptions: Record<string, unknown> & { prices: unknown[] };
      structures: { terms: { partners: Record<string, unknown>[]; offtake: Record<string, unknown>[] }; notes?: string | null }[];
      scenarios: Record<string, unknown>[];
    };
    document.assumptions.discountRate = '0.0800';
    document.assumptions.years = '14'; // whole numbers may be decimal strings too
    document.assumptions.startYear = '2027.0';
    document.assumptions.inflation = '1e-2';
    document.assumptions.prices[3] = '1200.000000000000000000000001';
    delete document.assumptions.commodity;
    document.assumptions.currency = null;
    const partner = document.structures[0]!.terms.partners[1]!;
    delete partner.carried;
    delete partner.fundingCap;
    partner.country = null;
    document.structures[0]!.terms.offtake[0]!.floor = null;
    document.structures[0]!.notes = null;
    document.scenarios.push({ id: 'deck', notes: 'private view', overrides: { prices: Array(14).fill('999.5'), delayYears: '1', discountRate: 0.1 } });
    document.shocks = [{ id: 'crash', name: null, overrides: { priceFactor: '0.5', disruption: { fromYear: 2030, toYear: 2031 } } }];
    expect(validateProject(parseProjectText(JSON.stringify(document))).ok).toBe(true);

    const dir = tempDir();
    const source = join(dir, 'edge.json');
    // A literal a double cannot hold exactly, written as a JSON number.
    writeFileSync(source, JSON.stringify(document, null, 2).replace('"productFactor": 16.67', '"productFactor": 16.670000000000000000001'));
    const target = join(dir, 'edge.orebridge');
    expectOk(await importJsonFile(source, target));
    const exported = expectOk(await exportJsonText(target));
    expect(JSON.parse(exported)).toStrictEqual(JSON.parse(readFileSync(source, 'utf8')));
    expect(exported).toContain('"productFactor": 16.670000000000000000001');
    expect(exported).toContain('"discountRate": "0.0800"');
    expect(exported).toContain('"startYear": "2027.0"');
    const reread = expectOk(await importJsonFile(source, join(dir, 'again.orebridge')));
    expect(reread.path).toBe(join(dir, 'again.orebridge'));
  });

  it('refuses to import a JSON project that is not valid, naming the problem', async () => {
    const dir = tempDir();
    const source = join(dir, 'bad.json');
    const document = JSON.parse(exampleText('ndpr-separation')) as { assumptions: { years: number } };
    document.assumptions.years = 0;
    writeFileSync(source, JSON.stringify(document));
    const result = await importJsonFile(source, join(dir, 'bad.orebridge'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-project');
      expect(result.error.message).toMatch(/assumptions\.years/);
    }
  });
});

describe('evaluate reads .orebridge files', () => {
  it('recognises a project file by its bytes when its name does not end in .orebridge', async () => {
    const dir = tempDir();
    const target = join(dir, 'project.orebridge');
    expectOk(await importJsonFile(examplePath('ndpr-separation'), target));
    const renamed = join(dir, 'attachment.bin');
    writeFileSync(renamed, readFileSync(target));
    const read = await readProjectFromFile(renamed);
    expect(read.ok && read.project.structures.length).toBe(2);
    const notJson = join(dir, 'notes.txt');
    writeFileSync(notJson, 'hello');
    const refused = await readProjectFromFile(notJson);
    expect(refused.ok || refused.error.code).toBe('not-json');
  });

  it.each(EXAMPLE_NAMES)('evaluating the .orebridge file of %s equals evaluating its JSON', async (name) => {
    const target = join(tempDir(), `${name}.orebridge`);
    expectOk(await importJsonFile(examplePath(name), target));
    const fromFile = await readProjectFromFile(target);
    const fromJson = await readProjectFromFile(examplePath(name));
    if (!fromFile.ok || !fromJson.ok) throw new Error('could not read the project');
    expect(fromFile.project).toStrictEqual(fromJson.project);
    for (const structure of fromJson.project.structures) {
      for (const { id: scenario } of fromJson.project.scenarios) {
        const a = evaluateProject(fromFile.project, { structure: structure.id, scenario });
        const b = evaluateProject(fromJson.project, { structure: structure.id, scenario });
        expect(a.ok).toBe(true);
        expect(a).toStrictEqual(b);
      }
    }
  });
});
