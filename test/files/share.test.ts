import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJsonFile, loadProjectFile, listFileRevisions, openDocument, shareFile, type ProjectDocument } from '../../electron/files/index.ts';
import { examplePath, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

const SECRETS = {
  removedStructureName: 'Fallback: ZEBRA royalty holiday',
  removedStructureNote: 'ZEBRA note: the minister would accept 8%',
  keptStructurePrivateNote: 'QUOKKA private: our walk-away point',
  projectNote: 'PANGOLIN project note: board approval pending',
  internalScenarioName: 'OKAPI internal downside for the board',
  internalScenarioNote: 'OKAPI note',
  revisionNote: 'NARWHAL revision note',
};

/** A saved file with secrets in everything sharing must remove, and its open document. */
async function preparedDocument(): Promise<{ path: string; document: ProjectDocument }> {
  const path = join(tempDir(), 'ours.orebridge');
  expectOk(await importJsonFile(examplePath('northern-spodumene'), path));
  const document = expectOk(await openDocument(path, { dataDir: tempDir() }));
  const project = document.project();
  project.notes = SECRETS.projectNote;
  project.structures[0]!.notes = SECRETS.keptStructurePrivateNote;
  project.structures[1]!.name = SECRETS.removedStructureName;
  project.structures[1]!.notes = SECRETS.removedStructureNote;
  project.scenarios[1]!.name = SECRETS.internalScenarioName;
  project.scenarios[1]!.notes = SECRETS.internalScenarioNote;
  project.scenarios[0]!.notes = 'Shared scenario note';
  expectOk(document.apply(project));
  expectOk(document.setScenarioInternal('low-price', true));
  expectOk(document.setNotePrivate({ kind: 'structure', id: 'state-carry-offtake' }, true));
  expectOk(document.recordRevision({ structureId: 'sliding-royalty', party: 'Ministry', note: SECRETS.revisionNote }));
  expectOk(document.recordRevision({ structureId: 'state-carry-offtake', party: 'Ministry', note: SECRETS.revisionNote }));
  // Edit and save several times so the file and working copy have free pages with old rows.
  for (let i = 0; i < 3; i++) {
    expectOk(document.apply({ ...document.project(), name: `Round ${i}` }));
    expectOk(await document.save());
  }
  return { path, document };
}

function expectNoSecrets(bytes: Buffer, secrets: string[]): void {
  for (const secret of secrets) {
    expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    // and no recognisable fragment of it
    expect(bytes.includes(Buffer.from(secret.slice(0, 12), 'utf8')), secret.slice(0, 12)).toBe(false);
  }
}

describe('save a copy to share', () => {
  it('keeps only the picked structures and non-internal scenarios, with no trace of the rest in its bytes', async () => {
    const { path, document } = await preparedDocument();
    // The secrets are in our own file, so a scan of the shared bytes can find them.
    const ours = readFileSync(path);
    for (const secret of Object.values(SECRETS)) expect(ours.includes(Buffer.from(secret, 'utf8')), secret).toBe(true);

    const target = join(tempDir(), 'for-the-ministry.orebridge');
    expectOk(await document.saveShareCopy(target, { structures: ['state-carry-offtake'] }));
    const bytes = readFileSync(target);
    expectNoSecrets(bytes, Object.values(SECRETS));
    expect(bytes.includes(Buffer.from('sliding-royalty'))).toBe(false);
    expect(bytes.includes(Buffer.from('low-price'))).toBe(false);
    expect(bytes.includes(Buffer.from('Shared scenario note'))).toBe(false);
    expect(bytes.readUInt32BE(36)).toBe(0); // no free pages

    const shared = expectOk(await loadProjectFile(target));
    expect(shared.project.structures.map((s) => s.id)).toEqual(['state-carry-offtake']);
    expect(shared.project.scenarios.map((s) => s.id)).toEqual(['base', 'delay-1y']);
    expect(shared.project.notes).toBeUndefined();
    expect(shared.metadata).toEqual({ internalScenarios: [], privateNotes: [], placeholders: [] });
    expect(expectOk(await listFileRevisions(target))).toEqual([]);
    // Our own document is unchanged.
    expect(document.project().structures).toHaveLength(2);
    await document.close();
  });

  it('keeps notes that are not private, and revisions of kept structures, when asked', async () => {
    const { document } = await preparedDocument();
    const target = join(tempDir(), 'with-notes.orebridge');
    expectOk(await document.saveShareCopy(target, { structures: ['state-carry-offtake'], scenarios: ['base'], keepNotes: true, keepRevisions: true }));
    const bytes = readFileSync(target);
    expectNoSecrets(bytes, [SECRETS.removedStructureName, SECRETS.removedStructureNote, SECRETS.keptStructurePrivateNote, SECRETS.internalScenarioName]);
    const shared = expectOk(await loadProjectFile(target));
    expect(shared.project.notes).toBe(SECRETS.projectNote);
    expect(shared.project.scenarios).toHaveLength(1);
    expect(shared.project.scenarios[0]!.notes).toBe('Shared scenario note');
    expect(shared.project.structures[0]!.notes).toBeUndefined();
    const revisions = expectOk(await listFileRevisions(target));
    expect(revisions.map((r) => r.structureId)).toEqual(['state-carry-offtake']);
    expect(revisions[0]!.note).toBe(SECRETS.revisionNote);
    await document.close();
  });

  it('an internal scenario is shared only when picked by name', async () => {
    const { path, document } = await preparedDocument();
    await document.close();
    const target = join(tempDir(), 'picked.orebridge');
    expectOk(await shareFile(path, target, { structures: ['sliding-royalty'], scenarios: ['low-price'] }));
    const shared = expectOk(await loadProjectFile(target));
    expect(shared.project.scenarios.map((s) => s.id)).toEqual(['low-price']);
    expect(shared.metadata.internalScenarios).toEqual([]);
    expectNoSecrets(readFileSync(target), [SECRETS.keptStructurePrivateNote, SECRETS.revisionNote, SECRETS.internalScenarioNote]);
  });

  it('refuses unknown structures or scenarios, and an empty pick', async () => {
    const { document } = await preparedDocument();
    const target = join(tempDir(), 'x.orebridge');
    const unknown = await document.saveShareCopy(target, { structures: ['nope'] });
    expect(unknown.ok || unknown.error.code).toBe('unknown-structure');
    const none = await document.saveShareCopy(target, { structures: [] });
    expect(none.ok || none.error.message).toBe('Pick at least one structure to share.');
    const badScenario = await document.saveShareCopy(target, { structures: ['sliding-royalty'], scenarios: ['nope'] });
    expect(badScenario.ok || badScenario.error.code).toBe('unknown-scenario');
    await document.close();
  });
});
