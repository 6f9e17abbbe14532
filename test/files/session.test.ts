import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import {
  addRecentFile,
  cleanLeftovers,
  createDocument,
  discardRecoverable,
  exportJsonText,
  importJsonFile,
  listRecoverable,
  loadProjectFile,
  lockOwner,
  openDocument,
  recentFiles,
  recoverDocument,
  removeRecentFile,
} from '../../electron/files/index.ts';
import { killAndWait, startChild } from './child-process.ts';
import { examplePath, exampleProject, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await killAndWait(child);
});

async function exampleFile(name = 'northern-spodumene'): Promise<string> {
  const path = join(tempDir(), `${name}.orebridge`);
  expectOk(await importJsonFile(examplePath(name), path));
  return path;
}

describe('document sessions', () => {
  it('open, edit, save: the file changes only on save, and it is written whole', async () => {
    const path = await exampleFile();
    const dataDir = tempDir();
    const document = expectOk(await openDocument(path, { dataDir }));
    expect(document.dirty).toBe(false);
    expect(document.project()).toStrictEqual(exampleProject('northern-spodumene'));
    const before = readFileSync(path);

    const edited = document.project();
    edited.structures[0]!.terms.partners[0]!.equity = '0.2';
    edited.structures[0]!.terms.partners[1]!.equity = '0.5';
    expectOk(document.apply(edited));
    expect(document.dirty).toBe(true);
    expect(readFileSync(path).equals(before)).toBe(true);

    expectOk(await document.save());
    expect(document.dirty).toBe(false);
    const reread = expectOk(await loadProjectFile(path));
    expect(reread.project.structures[0]!.terms.partners[0]!.equity).toBe('0.2');
    expect(readdirSync(join(path, '..')).filter((n) => n.includes('saving'))).toEqual([]);
    await document.close();
    expect(existsSync(join(dataDir, 'working')) ? readdirSync(join(dataDir, 'working')) : []).toEqual([]);
  });

  it('opening a file that is not there says so', async () => {
    const missing = join(tempDir(), 'gone', 'lost.orebridge');
    const result = await openDocument(missing, { dataDir: tempDir() });
    expect(result.ok || result.error).toEqual({ code: 'not-found', message: `There is no file at ${missing}.` });
  });

  it('refuses an invalid edit and keeps the project as it was', async () => {
    const document = expectOk(await openDocument(await exampleFile(), { dataDir: tempDir() }));
    const edited = document.project();
    edited.structures[0]!.terms.partners[0]!.equity = '0.5';
    const result = document.apply(edited);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems?.[0]?.path).toMatch(/structures\[0\]\.terms\.partners/);
    expect(document.project()).toStrictEqual(exampleProject('northern-spodumene'));
    expect(document.dirty).toBe(false);
    await document.close();
  });

  it('a new document needs Save As, then saves in place; export gives the same project', async () => {
    const dataDir = tempDir();
    const document = expectOk(await createDocument(exampleProject('ndpr-separation'), { dataDir }));
    expect(document.path).toBeNull();
    expect(document.dirty).toBe(false);
    const refused = await document.save();
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('no-path');
    const target = join(tempDir(), 'new.orebridge');
    expectOk(await document.saveAs(target));
    expect(document.path).toBe(target);
    expect(await lockOwner(target)).toMatchObject({ pid: process.pid });
    expect(JSON.parse(expectOk(await exportJsonText(target)))).toStrictEqual(JSON.parse(document.exportJson()));
    expectOk(document.apply({ ...document.project(), name: 'Second save' }));
    expectOk(await document.save());
    await document.close();
    expect(await lockOwner(target)).toBeNull();
    expect(expectOk(await loadProjectFile(target)).project.name).toBe('Second save');
  });

  it('keeps internal scenarios and private notes across edits and saves', async () => {
    const path = await exampleFile();
    const dataDir = tempDir();
    const document = expectOk(await openDocument(path, { dataDir }));
    const project = document.project();
    project.structures[0]!.notes = 'walk-away point: 12% state equity';
    expectOk(document.apply(project));
    expectOk(document.setScenarioInternal(project.scenarios[1]!.id, true));
    expectOk(document.setNotePrivate({ kind: 'structure', id: project.structures[0]!.id }, true));
    expect(document.setNotePrivate({ kind: 'scenario', id: 'nope' }, true).ok).toBe(false);
    expectOk(document.apply({ ...document.project(), name: 'Renamed' }));
    expectOk(await document.save());
    await document.close();
    const reread = expectOk(await loadProjectFile(path));
    expect(reread.metadata).toEqual({
      internalScenarios: [project.scenarios[1]!.id],
      privateNotes: [{ kind: 'structure', id: project.structures[0]!.id }],
      placeholders: [],
    });
    expect(reread.project.name).toBe('Renamed');
  });
});

describe('saving keeps what the user set up', () => {
  it('saves through a symbolic link and keeps the file mode', async () => {
    const real = await exampleFile();
    chmodSync(real, 0o640);
    const link = join(tempDir(), 'link.orebridge');
    symlinkSync(real, link);
    const document = expectOk(await openDocument(link, { dataDir: tempDir() }));
    expectOk(document.apply({ ...document.project(), name: 'Through the link' }));
    expectOk(await document.save());
    await document.close();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(expectOk(await loadProjectFile(real)).project.name).toBe('Through the link');
  });

  it('Save As into a folder that does not exist says so and changes nothing', async () => {
    const document = expectOk(await openDocument(await exampleFile(), { dataDir: tempDir() }));
    const result = await document.saveAs(join(tempDir(), 'no-such-folder', 'x.orebridge'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^The folder .*no-such-folder does not exist\.$/);
    expect(document.path).not.toContain('no-such-folder');
    await document.close();
  });
});

describe('two instances and the lock', () => {
  it('the second instance is told who has the file open, and may open it read-only', async () => {
    const path = await exampleFile();
    const other = await startChild('hold-open.ts', [tempDir(), path]);
    children.push(other);
    const owner = await lockOwner(path);
    expect(owner).toMatchObject({ user: 'Counterparty Analyst', pid: other.pid });

    const refused = await openDocument(path, { dataDir: tempDir() });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('locked');
      expect(refused.error.lockedBy?.pid).toBe(other.pid);
      expect(refused.error.message).toMatch(/already open by Counterparty Analyst.*read-only\.$/);
    }
    const readOnly = expectOk(await openDocument(path, { dataDir: tempDir(), readOnly: true }));
    expect(readOnly.readOnly).toBe(true);
    expectOk(readOnly.apply({ ...readOnly.project(), name: 'My view' }));
    const save = await readOnly.save();
    expect(save.ok).toBe(false);
    if (!save.ok) expect(save.error.code).toBe('read-only');
    const copy = join(tempDir(), 'my-copy.orebridge');
    expectOk(await readOnly.saveAs(copy));
    expect(readOnly.readOnly).toBe(false);
    expect(expectOk(await loadProjectFile(copy)).project.name).toBe('My view');
    await readOnly.close();
  });

  it('a lock left by a process that died is taken over', async () => {
    const path = await exampleFile();
    const other = await startChild('hold-open.ts', [tempDir(), path]);
    await killAndWait(other);
    expect(await lockOwner(path)).toBeNull();
    const document = expectOk(await openDocument(path, { dataDir: tempDir() }));
    await document.close();
    expect(readdirSync(join(path, '..')).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });
});

describe('crash recovery', () => {
  it('after a crash the next start offers the unsaved working copy back', async () => {
    const path = await exampleFile();
    const dataDir = tempDir();
    const crashed = await startChild('hold-open.ts', [dataDir, path, 'Edited before the crash']);
    // While the other instance runs, its working copy is not offered.
    expect(await listRecoverable(dataDir)).toEqual([]);
    await killAndWait(crashed);

    await cleanLeftovers(dataDir, [path]);
    const copies = await listRecoverable(dataDir);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ path, projectName: 'Edited before the crash', unsaved: true });
    expect(expectOk(await loadProjectFile(path)).project.name).not.toBe('Edited before the crash');

    const recovered = expectOk(await recoverDocument(copies[0]!.workingCopyId, { dataDir }));
    expect(recovered.dirty).toBe(true);
    expect(recovered.path).toBe(path);
    expect(recovered.readOnly).toBe(false);
    expect(recovered.project().name).toBe('Edited before the crash');
    expectOk(await recovered.save());
    await recovered.close();
    expect(expectOk(await loadProjectFile(path)).project.name).toBe('Edited before the crash');
    expect(await listRecoverable(dataDir)).toEqual([]);
  });

  it('a new document edited before a crash is offered back, to be saved where the user chooses', async () => {
    const dataDir = tempDir();
    await killAndWait(await startChild('hold-open.ts', [dataDir, `new:${examplePath('ndpr-separation')}`, 'Never saved']));
    const [copy] = await listRecoverable(dataDir);
    expect(copy).toMatchObject({ path: null, projectName: 'Never saved', unsaved: true });
    const recovered = expectOk(await recoverDocument(copy!.workingCopyId, { dataDir }));
    expect(recovered.path).toBeNull();
    expect(recovered.dirty).toBe(true);
    const target = join(tempDir(), 'rescued.orebridge');
    expectOk(await recovered.saveAs(target));
    await recovered.close();
    expect(expectOk(await loadProjectFile(target)).project.name).toBe('Never saved');
  });

  it('an untouched new document is not offered after a crash', async () => {
    const dataDir = tempDir();
    await killAndWait(await startChild('hold-open.ts', [dataDir, `new:${examplePath('ndpr-separation')}`]));
    expect(await listRecoverable(dataDir)).toEqual([]);
  });

  it('a damaged working copy is refused, not opened', async () => {
    const path = await exampleFile();
    const dataDir = tempDir();
    await killAndWait(await startChild('hold-open.ts', [dataDir, path, 'Edited']));
    const [copy] = await listRecoverable(dataDir);
    const db = new Database(join(dataDir, 'working', `${copy!.workingCopyId}.sqlite`));
    db.exec("UPDATE assumptions SET discounting = 'never'");
    db.close();
    const recovered = await recoverDocument(copy!.workingCopyId, { dataDir });
    expect(recovered.ok || recovered.error.code).toBe('corrupt');
    expect(await lockOwner(path)).toBeNull();
  });

  it('a working copy the user does not want is discarded', async () => {
    const path = await exampleFile();
    const dataDir = tempDir();
    await killAndWait(await startChild('hold-open.ts', [dataDir, path, 'Unwanted']));
    const [copy] = await listRecoverable(dataDir);
    expect(copy).toBeDefined();
    await discardRecoverable(dataDir, copy!.workingCopyId);
    expect(await listRecoverable(dataDir)).toEqual([]);
    expect(readdirSync(join(dataDir, 'working'))).toEqual([]);
  });

  it('start-up removes temporary files of interrupted saves and finished working copies', async () => {
    const path = await exampleFile();
    const dataDir = tempDir();
    const leftover = join(path, '..', '.northern-spodumene.orebridge.999999-0123456789ab.orebridge-saving');
    writeFileSync(leftover, 'half a file');
    const unrelated = join(path, '..', 'notes.txt');
    writeFileSync(unrelated, 'keep me');
    await killAndWait(await startChild('hold-open.ts', [dataDir, path])); // crashed without edits
    await cleanLeftovers(dataDir, [path]);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(unrelated)).toBe(true);
    expect(readdirSync(join(dataDir, 'working'))).toEqual([]);
  });
});

describe('recent files', () => {
  it('keeps the newest first, without duplicates', async () => {
    const dataDir = tempDir();
    expect(await recentFiles(dataDir)).toEqual([]);
    await addRecentFile(dataDir, '/a/one.orebridge');
    await addRecentFile(dataDir, '/a/two.orebridge');
    await addRecentFile(dataDir, '/a/one.orebridge');
    expect(await recentFiles(dataDir)).toEqual(['/a/one.orebridge', '/a/two.orebridge']);
    await removeRecentFile(dataDir, '/a/two.orebridge');
    expect(await recentFiles(dataDir)).toEqual(['/a/one.orebridge']);
  });
});
