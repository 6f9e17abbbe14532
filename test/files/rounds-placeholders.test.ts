// Format 5 on real files: each round keeps what it gave, and the template's placeholder marks
// survive save and reopen, a shared copy, and interchange export and import.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { roundResultsOf } from '../../shared/contract/roundResults.ts';
import { evaluateProject } from '../../shared/engine/index.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { createDocument, exportJsonText, importJsonFile, listFileRevisions, loadProjectFile, openDocument, shareFile } from '../../electron/files/index.ts';
import { exampleProject, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

function resultsOf(project: Project, structure: string, scenario: string) {
  const outcome = evaluateProject(project, { structure, scenario }, { shocks: false, breakeven: false });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return roundResultsOf(outcome.evaluation, project.scenarios.find((s) => s.id === scenario)?.name ?? null);
}

const MARKS = ['assumptions.discountRate', 'assumptions.prices[0]', 'assumptions.prices[1]', 'assumptions.prices[2]', 'structures[1].terms.fiscal.incomeTax.rate'];

describe('placeholder marks in the file', () => {
  it('survive save and reopen; a mark that names no input is not kept', async () => {
    const project = exampleProject('northern-spodumene');
    const document = expectOk(await createDocument(project, { dataDir: tempDir() }, [...MARKS, 'assumptions.prices[99]', 'nothing.here']));
    expect(document.metadata().placeholders).toEqual([...MARKS].sort());
    expect(document.dirty).toBe(false);
    const path = join(tempDir(), 'marked.orebridge');
    expectOk(await document.saveAs(path));
    document.setPlaceholders(MARKS.slice(1));
    expect(document.dirty).toBe(true);
    expectOk(await document.save());
    await document.close();

    const reopened = expectOk(await openDocument(path, { dataDir: tempDir() }));
    expect(reopened.metadata().placeholders).toEqual(MARKS.slice(1).sort());
    await reopened.close();
    expect(expectOk(await loadProjectFile(path)).metadata.placeholders).toEqual(MARKS.slice(1).sort());
  });

  it('travel through interchange export and import as the notes’ last paragraph, and the notes come back as they were', async () => {
    const project = exampleProject('northern-spodumene');
    const document = expectOk(await createDocument(project, { dataDir: tempDir() }, MARKS));
    const path = join(tempDir(), 'marked.orebridge');
    expectOk(await document.saveAs(path));
    await document.close();

    const text = expectOk(await exportJsonText(path));
    const exported = JSON.parse(text) as { notes: string };
    expect(exported.notes).toBe(
      `${project.notes}\n\n[Orebridge placeholders] These inputs still hold the new-venture template’s invented values, not figures for this venture: assumptions.discountRate; structures[1].terms.fiscal.incomeTax.rate; assumptions.prices[0-2].`,
    );
    const jsonPath = join(tempDir(), 'marked.json');
    writeFileSync(jsonPath, text);
    const imported = join(tempDir(), 'imported.orebridge');
    expectOk(await importJsonFile(jsonPath, imported));
    const loaded = expectOk(await loadProjectFile(imported));
    expect(loaded.metadata.placeholders).toEqual([...MARKS].sort());
    expect(loaded.project.notes).toBe(project.notes);

    // A project without notes gets the paragraph as its notes, and loses it again on import.
    const { notes: _notes, ...bare } = project;
    const unnoted = expectOk(await createDocument(bare as Project, { dataDir: tempDir() }, ['assumptions.inflation']));
    const unnotedJson = join(tempDir(), 'unnoted.json');
    writeFileSync(unnotedJson, unnoted.exportJson());
    await unnoted.close();
    const again = join(tempDir(), 'unnoted.orebridge');
    expectOk(await importJsonFile(unnotedJson, again));
    const reloaded = expectOk(await loadProjectFile(again));
    expect('notes' in reloaded.project).toBe(false);
    expect(reloaded.metadata.placeholders).toEqual(['assumptions.inflation']);
  });

  it('a paragraph naming something that is not an input stays in the notes as text', async () => {
    const project = exampleProject('northern-spodumene');
    const notes = 'Draft.\n\n[Orebridge placeholders] These inputs still hold the new-venture template’s invented values, not figures for this venture: assumptions.nowhere.';
    const jsonPath = join(tempDir(), 'odd.json');
    writeFileSync(jsonPath, JSON.stringify({ ...project, notes }));
    const path = join(tempDir(), 'odd.orebridge');
    expectOk(await importJsonFile(jsonPath, path));
    const loaded = expectOk(await loadProjectFile(path));
    expect(loaded.project.notes).toBe(notes);
    expect(loaded.metadata.placeholders).toEqual([]);
  });

  it('a shared copy keeps the marks of what it keeps, renumbered to the copy’s structures', async () => {
    const project = exampleProject('northern-spodumene');
    const document = expectOk(await createDocument(project, { dataDir: tempDir() }, MARKS));
    const path = join(tempDir(), 'marked.orebridge');
    expectOk(await document.saveAs(path));
    await document.close();
    const copy = join(tempDir(), 'copy.orebridge');
    expectOk(await shareFile(path, copy, { structures: [project.structures[1]!.id] }));
    expect(expectOk(await loadProjectFile(copy)).metadata.placeholders).toEqual(
      ['assumptions.discountRate', 'assumptions.prices[0]', 'assumptions.prices[1]', 'assumptions.prices[2]', 'structures[0].terms.fiscal.incomeTax.rate'],
    );
    const other = join(tempDir(), 'other.orebridge');
    expectOk(await shareFile(path, other, { structures: [project.structures[0]!.id] }));
    expect(expectOk(await loadProjectFile(other)).metadata.placeholders).not.toContain('structures[0].terms.fiscal.incomeTax.rate');
  });

  it('a file whose mark names no input of its project is refused as damaged', async () => {
    const document = expectOk(await createDocument(exampleProject('northern-spodumene'), { dataDir: tempDir() }));
    const path = join(tempDir(), 'stray.orebridge');
    expectOk(await document.saveAs(path));
    await document.close();
    const db = new Database(path);
    db.prepare('INSERT INTO placeholders (path) VALUES (?)').run('assumptions.prices[400]');
    db.close();
    const refused = await loadProjectFile(path);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/placeholder mark "assumptions\.prices\[400\]" names no input/);
  });
});

describe('the results of each round', () => {
  it('are kept with the revision, survive save and reopen, and are left out of a shared copy without their scenario', async () => {
    const project = exampleProject('northern-spodumene');
    const document = expectOk(await createDocument(project, { dataDir: tempDir() }));
    const structure = project.structures[0]!.id;
    const scenario = project.scenarios[1]!.id;
    const results = resultsOf(project, structure, scenario);
    const recorded = expectOk(document.recordRevision({ structureId: structure, party: 'Ministry', results }));
    expect(recorded.results).toEqual(results);
    expectOk(document.recordRevision({ structureId: structure, party: 'Miner', results: null }));
    const path = join(tempDir(), 'rounds.orebridge');
    expectOk(await document.saveAs(path));
    await document.close();

    const reopened = expectOk(await openDocument(path, { dataDir: tempDir() }));
    expect(reopened.revisions().map((r) => r.results)).toEqual([results, null]);
    await reopened.close();

    const withScenario = join(tempDir(), 'with.orebridge');
    expectOk(await shareFile(path, withScenario, { structures: [structure], scenarios: [scenario], keepRevisions: true }));
    expect(expectOk(await listFileRevisions(withScenario)).map((r) => r.results)).toEqual([results, null]);
    const without = join(tempDir(), 'without.orebridge');
    expectOk(await shareFile(path, without, { structures: [structure], scenarios: [project.scenarios[0]!.id], keepRevisions: true }));
    expect(expectOk(await listFileRevisions(without)).map((r) => r.results)).toEqual([null, null]);
  });

  it('a file whose recorded results are damaged is refused with a sentence', async () => {
    const project = exampleProject('northern-spodumene');
    const document = expectOk(await createDocument(project, { dataDir: tempDir() }));
    expectOk(document.recordRevision({ structureId: project.structures[0]!.id, party: 'Ministry', results: resultsOf(project, project.structures[0]!.id, project.scenarios[0]!.id) }));
    const path = join(tempDir(), 'damaged.orebridge');
    expectOk(await document.saveAs(path));
    await document.close();
    const db = new Database(path);
    db.prepare('UPDATE revisions SET results = ?').run('{"scenarioId":"base","ventureNpv":"lots"}');
    db.close();
    const refused = await loadProjectFile(path);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('Revision 1 in the file is damaged: the results recorded with it are not readable.');
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });
});
