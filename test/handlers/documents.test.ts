// The document operations as the renderer uses them, on real .orebridge files in temporary folders.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { differences } from '../support/compare.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { evaluateProject, parseProjectText } from '../../shared/engine/index.ts';
import { roundResultsOf } from '../../shared/contract/roundResults.ts';
import type { Dialogs } from '../../electron/handlers/index.ts';
import { EXAMPLES_DIR, errorOf, makeHarness, ok, useTempDirs } from './helpers.ts';
import { createWorkPool, type WorkPool } from '../../electron/work/pool.ts';

const expectedVenture = (name: string, structure: string, scenario: string): unknown =>
  (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'examples', `${name}.${structure}.${scenario}.expected.json`), 'utf8')) as {
    venture: unknown;
  }).venture;

function renamed(project: Project, name: string): Project {
  return { ...project, name };
}

/** The engine's evaluation of a project the back end handed out (the renderer's engine worker does the same). */
function evaluated(project: Project, structure: string, scenario: string) {
  const outcome = evaluateProject(project, { structure, scenario });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.evaluation;
}

describe('examples', () => {
  const tempDir = useTempDirs();

  it('offers the five bundled ventures, byte for byte the methodology’s examples', async () => {
    const harness = makeHarness(tempDir);
    const examples = ok(await harness.call('listExamples', {}));
    expect(examples.map((example) => example.id)).toEqual(['ndpr-separation', 'ndpr-strategic-reserve', 'nickel-cobalt-hpal', 'nordic-graphite-anode', 'northern-spodumene']);
    expect(examples.find((example) => example.id === 'northern-spodumene')).toMatchObject({ name: 'Northern Spodumene JV', commodity: 'lithium' });
    for (const example of examples) {
      const bundled = readFileSync(join(EXAMPLES_DIR, `${example.id}.project.json`), 'utf8');
      const fixture = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'examples', `${example.id}.project.json`), 'utf8');
      expect(bundled).toBe(fixture);
    }
  });

  it('opens an example as an untitled document whose evaluation is the methodology’s', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    expect(opened.document).toMatchObject({ untitled: true, dirty: false, readOnly: false, name: 'Northern Spodumene JV', folder: null });
    const evaluation = evaluated(opened.project, 'sliding-royalty', 'base');
    expect(differences(expectedVenture('northern-spodumene', 'sliding-royalty', 'base'), evaluation.venture, 1e-9, 1e-12)).toEqual([]);
    expect(typeof evaluation.parties[0]?.pv).toBe('string');
  });

  it('opens a version-2 example with every v2 term, and its evaluation is the methodology’s', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'ndpr-strategic-reserve' }));
    const bundled = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'ndpr-strategic-reserve.project.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(opened.project))).toEqual(bundled);
    const evaluation = evaluated(opened.project, 'dfi-floor-holiday', 'base');
    expect(differences(expectedVenture('ndpr-strategic-reserve', 'dfi-floor-holiday', 'base'), evaluation.venture, 1e-9, 1e-12)).toEqual([]);
  });

  it('refuses an example it does not have, including paths', async () => {
    const harness = makeHarness(tempDir);
    expect(errorOf(await harness.call('openExample', { exampleId: '../../package' })).code).toBe('unknown-example');
  });
});

describe('save, open, edit', () => {
  const tempDir = useTempDirs();

  it('saves an example by name in the documents folder, lists it, and reopens it by handle', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'nickel-cobalt-hpal' }));
    const documentId = opened.document.documentId;

    // Untitled and no dialogs (browser mode): Save asks for a name.
    expect(errorOf(await harness.call('saveDocument', { documentId })).code).toBe('no-path');
    const saved = ok(await harness.call('saveDocumentAs', { documentId, target: { name: 'HPAL deal.orebridge' } }));
    expect(saved).toMatchObject({ name: 'HPAL deal.orebridge', folder: harness.documentsFolder, untitled: false, dirty: false });
    expect(existsSync(join(harness.documentsFolder, 'HPAL deal.orebridge'))).toBe(true);
    expect(harness.changes.at(-1)?.document).toMatchObject({ name: 'HPAL deal.orebridge', dirty: false });

    ok(await harness.call('closeDocument', { documentId }));
    expect(errorOf(await harness.call('saveDocument', { documentId })).code).toBe('unknown-document');

    const files = ok(await harness.call('listFiles', {}));
    expect(files.map((file) => [file.name, file.kind])).toEqual([['HPAL deal.orebridge', 'project']]);
    const reopened = ok(await harness.call('openDocument', { file: files[0]!.file }));
    expect(reopened?.document).toMatchObject({ name: 'HPAL deal.orebridge', untitled: false, dirty: false });
    expect(reopened?.project).toEqual(opened.project);

    const recent = ok(await harness.call('listRecent', {}));
    expect(recent.map((file) => file.name)).toContain('HPAL deal.orebridge');
    expect(recent[0]?.file).toEqual(files[0]!.file);
  });

  it('decides "unsaved" by content: an edit undone is clean again, and the window hears only of changes', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'ndpr-separation' }));
    const documentId = opened.document.documentId;
    ok(await harness.call('saveDocumentAs', { documentId, target: { name: 'undo.orebridge' } }));
    const told = harness.changes.length;
    const edited = ok(await harness.call('updateDocument', { documentId, project: renamed(opened.project, 'Changed') }));
    expect(edited.dirty).toBe(true);
    expect(harness.changes.length).toBe(told + 1);
    ok(await harness.call('updateDocument', { documentId, project: renamed(opened.project, 'Changed again') }));
    expect(harness.changes.length).toBe(told + 1); // still unsaved: title and menu unchanged, nothing to tell
    const undone = ok(await harness.call('updateDocument', { documentId, project: opened.project }));
    expect(undone.dirty).toBe(false);
    expect(harness.changes.at(-1)?.document.dirty).toBe(false);
    const fresh = ok(await harness.call('newDocument', { project: opened.project }));
    expect(fresh.dirty).toBe(false);
    const touched = ok(await harness.call('updateDocument', { documentId: fresh.documentId, project: renamed(opened.project, 'New') }));
    expect(touched.dirty).toBe(true);
    expect(ok(await harness.call('updateDocument', { documentId: fresh.documentId, project: opened.project })).dirty).toBe(false);
  });

  it('marks the document unsaved when the renderer sends an edit, and saved again after Save', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'ndpr-separation' }));
    const documentId = opened.document.documentId;
    ok(await harness.call('saveDocumentAs', { documentId, target: { name: 'rare earths.orebridge' } }));

    const edited = ok(await harness.call('updateDocument', { documentId, project: renamed(opened.project, 'Rare earths, second offer') }));
    expect(edited.dirty).toBe(true);
    expect(harness.changes.at(-1)?.document.dirty).toBe(true);

    const saved = ok(await harness.call('saveDocument', { documentId }));
    expect(saved?.dirty).toBe(false);
    ok(await harness.call('closeDocument', { documentId }));
    const [file] = ok(await harness.call('listFiles', {}));
    const reopened = ok(await harness.call('openDocument', { file: file!.file }));
    expect(reopened?.project.name).toBe('Rare earths, second offer');
  });

  it('keeps the file untouched when the renderer’s project is invalid, and says every problem', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'ndpr-separation' }));
    const documentId = opened.document.documentId;
    ok(await harness.call('saveDocumentAs', { documentId, target: { name: 'deal.orebridge' } }));
    const before = readFileSync(join(harness.documentsFolder, 'deal.orebridge'));

    const broken = { ...opened.project, assumptions: { ...opened.project.assumptions, discountRate: 'eight percent', years: -1 } };
    const error = errorOf(await harness.call('updateDocument', { documentId, project: broken }));
    expect(error.code).toBe('invalid-project');
    expect(error.problems?.length).toBeGreaterThanOrEqual(2);
    expect(harness.backend.documentsOf('window-1')[0]?.dirty).toBe(true);

    expect(errorOf(await harness.call('saveDocument', { documentId })).code).toBe('invalid-project');
    expect(readFileSync(join(harness.documentsFolder, 'deal.orebridge'))).toEqual(before);
  });

  it('never writes outside the documents folder or with the wrong extension', async () => {
    const harness = makeHarness(tempDir);
    const { document } = ok(await harness.call('openExample', { exampleId: 'ndpr-separation' }));
    for (const name of ['../escape.orebridge', 'sub/dir.orebridge', '..\\escape.orebridge', 'notes.txt', '.hidden.orebridge', 'CON.orebridge', '.orebridge', ' spaced.orebridge']) {
      const error = errorOf(await harness.call('saveDocumentAs', { documentId: document.documentId, target: { name } }));
      expect(error.code, name).toBe('bad-file-name');
    }
    expect(errorOf(await harness.call('exportJson', { documentId: document.documentId, target: { name: 'deal.orebridge' } })).code).toBe('bad-file-name');
    expect(ok(await harness.call('listFiles', {}))).toEqual([]);
  });

  it('refuses handles it never gave out and documents of another window', async () => {
    const harness = makeHarness(tempDir);
    expect(errorOf(await harness.call('openDocument', { file: { handle: 'made-up' } })).code).toBe('unknown-file');
    const { document } = ok(await harness.call('openExample', { exampleId: 'ndpr-separation' }));
    const other = errorOf(await harness.call('saveDocumentAs', { documentId: document.documentId, target: { name: 'x.orebridge' } }, { window: 'window-2' }));
    expect(other.code).toBe('unknown-document');
  });

  it('opens a file another instance holds only read-only, on request', async () => {
    const first = makeHarness(tempDir);
    const { document } = ok(await first.call('openExample', { exampleId: 'ndpr-separation' }));
    ok(await first.call('saveDocumentAs', { documentId: document.documentId, target: { name: 'shared.orebridge' } }));
    const second = makeHarness(tempDir, {}, { documentsFolder: first.documentsFolder });
    const [file] = ok(await second.call('listFiles', {}));
    const locked = errorOf(await second.call('openDocument', { file: file!.file }));
    expect(locked.code).toBe('locked');
    const readOnly = ok(await second.call('openDocument', { file: file!.file, readOnly: true }));
    expect(readOnly?.document.readOnly).toBe(true);
    expect(errorOf(await second.call('saveDocument', { documentId: readOnly!.document.documentId })).code).toBe('read-only');
  });
});

describe('import, export, share', () => {
  const tempDir = useTempDirs();

  it('exports interchange JSON that imports back to the same project', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    const exported = ok(await harness.call('exportJson', { documentId: opened.document.documentId, target: { name: 'spodumene.json' } }));
    expect(exported).toEqual({ name: 'spodumene.json' });
    const text = readFileSync(join(harness.documentsFolder, 'spodumene.json'), 'utf8');
    expect(parseProjectText(text)).toEqual(parseProjectText(readFileSync(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), 'utf8')));

    const [file] = ok(await harness.call('listFiles', {}));
    expect(file?.kind).toBe('json');
    const imported = ok(await harness.call('importJson', { file: file!.file }));
    expect(imported?.document.untitled).toBe(true);
    expect(imported?.project).toEqual(opened.project);
  });

  it('says clearly when an imported file is not a project', async () => {
    const harness = makeHarness(tempDir);
    writeFileSync(join(harness.documentsFolder, 'notes.json'), '{"hello": ');
    writeFileSync(join(harness.documentsFolder, 'other.json'), '{"format": "something-else"}');
    const files = ok(await harness.call('listFiles', {}));
    const notJson = errorOf(await harness.call('importJson', { file: files.find((f) => f.name === 'notes.json')!.file }));
    expect(notJson.code).toBe('not-json');
    const notProject = errorOf(await harness.call('importJson', { file: files.find((f) => f.name === 'other.json')!.file }));
    expect(['invalid-project', 'not-json']).toContain(notProject.code);
  });

  it('writes a share copy with only the chosen structure, and leaves the document as it was', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    const documentId = opened.document.documentId;
    ok(await harness.call('saveDocumentAs', { documentId, target: { name: 'ours.orebridge' } }));
    const shared = ok(await harness.call('shareCopy', { documentId, options: { structures: ['sliding-royalty'] }, target: { name: 'for them.orebridge' } }));
    expect(shared).toEqual({ name: 'for them.orebridge' });
    expect(errorOf(await harness.call('shareCopy', { documentId, options: { structures: ['sliding-royalty'] }, target: { name: 'ours.orebridge' } })).code).toBe('bad-file-name');

    const files = ok(await harness.call('listFiles', {}));
    const theirs = ok(await harness.call('openDocument', { file: files.find((f) => f.name === 'for them.orebridge')!.file }));
    expect(theirs?.project.structures.map((s) => s.id)).toEqual(['sliding-royalty']);
    expect(harness.backend.documentsOf('window-1').find((d) => d.documentId === documentId)).toMatchObject({ name: 'ours.orebridge', dirty: false });
  });
});

describe('native dialogs (desktop)', () => {
  const tempDir = useTempDirs();

  function fakeDialogs(answers: { open?: string | null; save?: string | null }) {
    const asked: string[] = [];
    const dialogs: Dialogs = {
      chooseOpenPath: async (kind) => {
        asked.push(`open:${kind}`);
        return answers.open ?? null;
      },
      chooseSavePath: async (kind, suggestedName) => {
        asked.push(`save:${kind}:${suggestedName}`);
        return answers.save ?? null;
      },
    };
    return { dialogs, asked };
  }

  it('a share copy is written under the name typed in the share dialog: browser mode in its folder, the desktop save dialog suggests it', async () => {
    const browser = makeHarness(tempDir);
    const opened = ok(await browser.call('openExample', { exampleId: 'northern-spodumene' }));
    const written = ok(await browser.call('shareCopy', { documentId: opened.document.documentId, options: { structures: ['sliding-royalty'] }, fileName: 'For the ministry' }));
    expect(written).toEqual({ name: 'For the ministry.orebridge' });
    expect(existsSync(join(browser.documentsFolder, 'For the ministry.orebridge'))).toBe(true);
    expect(errorOf(await browser.call('shareCopy', { documentId: opened.document.documentId, options: { structures: ['sliding-royalty'] }, fileName: '../escape' })).code).toBe('bad-file-name');

    const folder = tempDir();
    const chosen = fakeDialogs({ save: join(folder, 'where.orebridge') });
    const desktop = makeHarness(tempDir, { mode: 'desktop', documentsFolder: null, dialogs: chosen.dialogs });
    const second = ok(await desktop.call('openExample', { exampleId: 'northern-spodumene' }));
    ok(await desktop.call('shareCopy', { documentId: second.document.documentId, options: { structures: ['sliding-royalty'] }, fileName: 'Offer v1.2.orebridge' }));
    expect(chosen.asked).toEqual(['save:share:Offer v1.2.orebridge']);
  });

  it('asks where to save an untitled document, and a cancelled dialog changes nothing', async () => {
    const folder = tempDir();
    const cancelled = fakeDialogs({ save: null });
    const harness = makeHarness(tempDir, { mode: 'desktop', documentsFolder: null, dialogs: cancelled.dialogs });
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    expect(ok(await harness.call('saveDocument', { documentId: opened.document.documentId }))).toBeNull();
    expect(cancelled.asked).toEqual(['save:project:Northern Spodumene JV.orebridge']);

    const chosen = fakeDialogs({ save: join(folder, 'chosen.orebridge'), open: join(folder, 'chosen.orebridge') });
    const desktop = makeHarness(tempDir, { mode: 'desktop', documentsFolder: null, dialogs: chosen.dialogs });
    const second = ok(await desktop.call('openExample', { exampleId: 'northern-spodumene' }));
    const saved = ok(await desktop.call('saveDocument', { documentId: second.document.documentId }));
    expect(saved).toMatchObject({ name: 'chosen.orebridge', folder, untitled: false });
    ok(await desktop.call('closeDocument', { documentId: second.document.documentId }));
    const reopened = ok(await desktop.call('openDocument', {}));
    expect(reopened?.document.name).toBe('chosen.orebridge');
    expect(chosen.asked).toEqual(['save:project:Northern Spodumene JV.orebridge', 'open:project']);
  });

  it('does not take bare names in the desktop app, where there is no documents folder', async () => {
    const { dialogs } = fakeDialogs({});
    const harness = makeHarness(tempDir, { mode: 'desktop', documentsFolder: null, dialogs });
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    expect(errorOf(await harness.call('saveDocumentAs', { documentId: opened.document.documentId, target: { name: 'x.orebridge' } })).code).toBe('not-supported');
    expect(ok(await harness.call('listFiles', {}))).toEqual([]);
  });
});

describe('revisions, recovery, settings, validation', () => {
  const tempDir = useTempDirs();

  it('records a round and diffs it against the structure as edited', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    const documentId = opened.document.documentId;
    const revision = ok(await harness.call('recordRevision', { documentId, structureId: 'sliding-royalty', party: 'Ministry', note: 'first offer' }));
    expect(revision).toMatchObject({ structureId: 'sliding-royalty', party: 'Ministry', note: 'first offer' });
    expect(ok(await harness.call('listRevisions', { documentId })).map((r) => r.id)).toEqual([revision.id]);

    const project = structuredClone(opened.project);
    const structure = project.structures.find((s) => s.id === 'sliding-royalty')!;
    structure.terms.fiscal.communityShare = '0.02';
    ok(await harness.call('updateDocument', { documentId, project }));
    const changes = ok(await harness.call('diff', { documentId, from: { kind: 'revision', id: revision.id }, to: { kind: 'structure', id: 'sliding-royalty' } }));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ path: 'terms.fiscal.communityShare', label: 'Community share', change: 'changed', after: '2 %' });
    // The two structures themselves, for what each change does to every party.
    const sides = ok(await harness.call('diffStructures', { documentId, from: { kind: 'revision', id: revision.id }, to: { kind: 'structure', id: 'sliding-royalty' } }));
    expect(sides.after.terms.fiscal.communityShare).toBe('0.02');
    expect(sides.before.terms.fiscal.communityShare).not.toBe('0.02');
    expect(sides.before.id).toBe('sliding-royalty');
    expect((await harness.call('diffStructures', { documentId, from: { kind: 'revision', id: 99 }, to: { kind: 'structure', id: 'sliding-royalty' } })).ok).toBe(false);
  });

  it('keeps each round’s headline results, evaluated under the scenario on screen (default the first)', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    const documentId = opened.document.documentId;
    const scenario = opened.project.scenarios[1]!;
    const onScreen = ok(await harness.call('recordRevision', { documentId, structureId: 'sliding-royalty', scenarioId: scenario.id, party: 'Ministry' }));
    const evaluation = evaluated(opened.project, 'sliding-royalty', scenario.id);
    expect(onScreen.results).toEqual(roundResultsOf(evaluation, scenario.name ?? null));
    expect(onScreen.results?.parties.map((p) => p.id)).toEqual(evaluation.parties.map((p) => p.id));
    const byDefault = ok(await harness.call('recordRevision', { documentId, structureId: 'sliding-royalty', party: 'Miner' }));
    expect(byDefault.results?.ventureNpv).toBe(evaluated(opened.project, 'sliding-royalty', opened.project.scenarios[0]!.id).venture.npv);
    expect(ok(await harness.call('listRevisions', { documentId })).map((r) => r.results)).toEqual([onScreen.results, byDefault.results]);
    expect(errorOf(await harness.call('recordRevision', { documentId, structureId: 'sliding-royalty', scenarioId: 'nowhere', party: 'Miner' })).code).toBe('unknown-scenario');
  });

  it('keeps the placeholder marks the renderer sends with the project, and hands them back on open', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    const documentId = opened.document.documentId;
    ok(await harness.call('updateDocument', { documentId, project: opened.project, placeholders: ['assumptions.inflation', 'assumptions.prices[0]'] }));
    const saved = ok(await harness.call('saveDocumentAs', { documentId, target: { name: 'marked.orebridge' } }));
    expect(saved?.dirty).toBe(false);
    ok(await harness.call('closeDocument', { documentId }));
    const file = ok(await harness.call('listFiles', {})).find((f) => f.name === 'marked.orebridge')!;
    const reopened = ok(await harness.call('openDocument', { file: file.file }));
    expect(reopened?.metadata.placeholders).toEqual(['assumptions.inflation', 'assumptions.prices[0]']);
  });

  it('offers unsaved work of a session that did not close, and restores it', async () => {
    const dataDir = tempDir();
    // Another run edits a document and dies without closing it.
    const crash = `
      import { createBackend } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'electron', 'handlers', 'index.ts'))};
      const backend = createBackend({ mode: 'browser', version: '0', platform: 'linux', dataDir: ${JSON.stringify(dataDir)},
        documentsFolder: null, examplesFolder: ${JSON.stringify(EXAMPLES_DIR)}, dialogs: null });
      const context = { senderId: 'w' };
      const opened = await backend.handlers.openExample({ exampleId: 'ndpr-separation' }, context);
      const project = { ...opened.value.project, name: 'Unsaved thoughts' };
      const updated = await backend.handlers.updateDocument({ documentId: opened.value.document.documentId, project }, context);
      if (!updated.ok || !updated.value.dirty) process.exit(3);
      process.exit(0);`;
    execFileSync(process.execPath, ['--input-type=module', '-e', crash], { stdio: 'pipe' });

    const next = makeHarness(tempDir, {}, { dataDir });
    const offered = ok(await next.call('listRecoverable', {}));
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ unsaved: true, name: null, projectName: 'Unsaved thoughts' });
    const restored = ok(await next.call('recoverDocument', { workingCopyId: offered[0]!.workingCopyId }));
    expect(restored.document).toMatchObject({ recovered: true, dirty: true, untitled: true });
    expect(restored.project.name).toBe('Unsaved thoughts');
    expect(ok(await next.call('listRecoverable', {}))).toEqual([]);
    expect(errorOf(await next.call('discardRecoverable', { workingCopyId: '../../etc' })).code).toBe('unknown-working-copy');
    expect(errorOf(await next.call('recoverDocument', { workingCopyId: offered[0]!.workingCopyId })).code).toBe('unknown-working-copy');
  });

  it('removes the leftovers of a save a crash interrupted, at start-up', async () => {
    const harness = makeHarness(tempDir);
    const leftover = join(harness.documentsFolder, '.deal.orebridge.999999999-0123456789ab.orebridge-saving');
    writeFileSync(leftover, 'half a database');
    writeFileSync(join(harness.documentsFolder, 'deal.orebridge'), 'kept');
    await harness.backend.startUp();
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(join(harness.documentsFolder, 'deal.orebridge'))).toBe(true);
  });

  it('keeps settings in the data folder', async () => {
    const dataDir = tempDir();
    const harness = makeHarness(tempDir, {}, { dataDir });
    expect(ok(await harness.call('getSettings', {}))).toEqual({ theme: 'system' });
    expect(ok(await harness.call('updateSettings', { settings: { theme: 'dark' } }))).toEqual({ theme: 'dark' });
    expect(errorOf(await harness.call('updateSettings', { settings: { decimalPlaces: 2 } as never })).code).toBe('bad-request');
    const later = makeHarness(tempDir, {}, { dataDir });
    expect(ok(await later.call('getSettings', {}))).toEqual({ theme: 'dark' });
  });

  it('checks a new document’s project in a worker and reports its problems as data', async () => {
    const harness = makeHarness(tempDir);
    const { project } = ok(await harness.call('openExample', { exampleId: 'ndpr-separation' }));
    expect(ok(await harness.call('newDocument', { project })).untitled).toBe(true);
    const invalid = errorOf(await harness.call('newDocument', { project: { ...project, scenarios: 'none' } as unknown as Project }));
    expect(invalid.code).toBe('invalid-project');
    expect(invalid.problems?.[0]).toMatchObject({ path: expect.stringContaining('scenarios') });
  });

  it('checks every project the renderer sends in a worker, applies edits in the order they came, and keeps the working copy on a refusal', async () => {
    const pool = createWorkPool({ size: 2 });
    const kinds: string[] = [];
    let refuseNext = false;
    const watched: WorkPool = {
      ...pool,
      run: (task, options) => {
        kinds.push(task.kind);
        if (refuseNext) {
          refuseNext = false;
          return Promise.resolve({ ok: false, error: { code: 'too-large', message: 'This project is too large to check safely: it takes longer than 10 s.' } });
        }
        return pool.run(task, options);
      },
    };
    const harness = makeHarness(tempDir, { work: watched });
    try {
      const { project } = ok(await harness.call('openExample', { exampleId: 'ndpr-separation' }));
      const { documentId } = ok(await harness.call('newDocument', { project }));
      expect(kinds).toEqual(['validate']);
      // Three edits sent at once: each checked in a worker, the last one sent is what stays.
      const edits = await Promise.all(['One', 'Two', 'Three'].map((name) => harness.call('updateDocument', { documentId, project: { ...project, name } })));
      expect(edits.every((edit) => edit.ok)).toBe(true);
      expect(kinds).toEqual(['validate', 'validate', 'validate', 'validate']);
      const exported = ok(await harness.call('exportJson', { documentId, target: { name: 'after.json' } }));
      expect(JSON.parse(readFileSync(join(harness.documentsFolder, exported!.name), 'utf8')).name).toBe('Three');
      // A refusal from the worker (its time limit) is one sentence; the working copy keeps the last good project.
      refuseNext = true;
      const refused = errorOf(await harness.call('updateDocument', { documentId, project: { ...project, name: 'Four' } }));
      expect(refused).toMatchObject({ code: 'too-large', message: expect.stringMatching(/^This project is too large to check safely/) });
      expect(errorOf(await harness.call('exportJson', { documentId, target: { name: 'refused.json' } })).code).toBe('invalid-project');
      expect(existsSync(join(harness.documentsFolder, 'refused.json'))).toBe(false);
      // Thousands of problems: the first 1,000 and the count, from the worker.
      const bomb = { ...project, assumptions: { ...project.assumptions, prices: Array.from({ length: 15_000 }, () => 'x') } } as unknown as Project;
      const invalid = errorOf(await harness.call('updateDocument', { documentId, project: bomb }));
      expect(invalid.code).toBe('invalid-project');
      expect(invalid.problems).toHaveLength(1000);
      expect(invalid.message).toMatch(/more problems\)\.$/);
      // A valid project larger than any project (300 structures): refused in the worker, before the main thread writes it.
      const huge = { ...project, structures: Array.from({ length: 300 }, (_, i) => ({ ...project.structures[0]!, id: `s-${i}`, name: `Structure ${i}` })) };
      const tooLarge = errorOf(await harness.call('updateDocument', { documentId, project: huge }));
      expect(tooLarge).toMatchObject({ code: 'too-large', message: expect.stringMatching(/^The project is too large to work on safely: it holds more than 20,000 values/) });
      expect(errorOf(await harness.call('newDocument', { project: huge })).code).toBe('too-large');
    } finally {
      await pool.close();
    }
  });

  it('offers no evaluate or validate method: the renderer evaluates in its own engine worker', async () => {
    const harness = makeHarness(tempDir);
    for (const method of ['evaluate', 'validate']) {
      expect(errorOf(await harness.call(method as never, {} as never)).code).toBe('unknown-method');
    }
  });
});
