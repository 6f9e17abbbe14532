import { copyFileSync, existsSync, linkSync, mkdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJsonFile, loadProjectFile, openDocument } from '../../electron/files/index.ts';
import { identityLocksFolder, lockPathFor } from '../../electron/files/lock.ts';
import { killAndWait, startChild } from './child-process.ts';
import { processStartTime } from '../../electron/files/process-identity.ts';
import { examplePath, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

async function projectFile(dir: string, example = 'northern-spodumene', name = 'deal.orebridge'): Promise<string> {
  const path = join(dir, name);
  expectOk(await importJsonFile(examplePath(example), path));
  return path;
}

describe('no lost update', () => {
  it('a symbolic link to an open file shares its lock, so a second instance cannot save it too', async () => {
    const dir = tempDir();
    const path = await projectFile(dir);
    mkdirSync(join(dir, 'alias'));
    symlinkSync(path, join(dir, 'alias', 'same.orebridge'));
    symlinkSync(dir, join(dir, 'folder-link'));
    expect(lockPathFor(join(dir, 'alias', 'same.orebridge'))).toBe(lockPathFor(path));
    const first = expectOk(await openDocument(path, { dataDir: join(dir, 'a') }));
    for (const alias of [join(dir, 'alias', 'same.orebridge'), join(dir, 'folder-link', 'deal.orebridge'), join(dir, 'alias', '..', 'deal.orebridge')]) {
      const second = await openDocument(alias, { dataDir: join(dir, 'b') });
      expect(second.ok, alias).toBe(false);
      if (!second.ok) expect(second.error.code).toBe('locked');
    }
    await first.close();
  });

  it('a hard link under another name, in another folder, shares the lock: in this process and in another', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const path = await projectFile(dir);
    mkdirSync(join(dir, 'elsewhere'));
    const link = join(dir, 'elsewhere', 'other name.orebridge');
    linkSync(path, link);
    expect(statSync(link).ino).toBe(statSync(path).ino);
    expect(lockPathFor(link)).not.toBe(lockPathFor(path));

    // Another window of this Orebridge.
    const first = expectOk(await openDocument(path, { dataDir: join(dir, 'a') }));
    const second = await openDocument(link, { dataDir: join(dir, 'b') });
    expect(second.ok ? 'opened twice' : second.error.message).toMatch(/^The file other name\.orebridge is already open under another name \(a hard link to the same file\) by .* in another window of this Orebridge/);
    // The refused open left nothing behind: not even a lock beside the other name.
    expect(existsSync(lockPathFor(link))).toBe(false);
    await first.close();
    const identityLock = join(identityLocksFolder(), `${statSync(path, { bigint: true }).dev}-${statSync(path, { bigint: true }).ino}.lock`);
    expect(existsSync(identityLock)).toBe(false);

    // Another process holds it under the first name; this one cannot open it under the second.
    const holder = await startChild('hold-open.ts', [join(dir, 'c'), path]);
    try {
      const refused = await openDocument(link, { dataDir: join(dir, 'd') });
      expect(refused.ok ? 'opened twice' : refused.error.message).toMatch(/already open under another name .* by Counterparty Analyst in another Orebridge on this computer/);
      const readOnly = expectOk(await openDocument(link, { dataDir: join(dir, 'd'), readOnly: true }));
      await readOnly.close();
    } finally {
      await killAndWait(holder);
    }
    // The holder is gone: its locks are stale and the file opens under either name.
    const reopened = expectOk(await openDocument(link, { dataDir: join(dir, 'e') }));
    await reopened.close();
  });

  it('after a save (a new file under the name) the lock follows the file the document now is', async () => {
    const dir = tempDir();
    const path = await projectFile(dir);
    const link = join(dir, 'link.orebridge');
    linkSync(path, link);
    const document = expectOk(await openDocument(path, { dataDir: join(dir, 'a') }));
    expectOk(document.apply({ ...document.project(), name: 'Saved once' }));
    expectOk(await document.save());
    // The save replaced the file: the link keeps the old content, a file of its own now, which opens.
    expect(statSync(link).ino).not.toBe(statSync(path).ino);
    const old = expectOk(await openDocument(link, { dataDir: join(dir, 'b') }));
    await old.close();
    // A new hard link to the saved file is seen as open.
    const newLink = join(dir, 'new link.orebridge');
    linkSync(path, newLink);
    const refused = await openDocument(newLink, { dataDir: join(dir, 'c') });
    expect(refused.ok ? 'opened twice' : refused.error.code).toBe('locked');
    await document.close();
  });

  it('a lock whose pid now belongs to another process (a reused pid) is stale; the live owner’s is not', async () => {
    const dir = tempDir();
    const path = await projectFile(dir);
    const started = processStartTime(process.pid);
    if (started === null) throw new Error('this test needs /proc (Linux)');
    const lock = (owner: object) => writeFileSync(lockPathFor(path), JSON.stringify({ user: 'someone', host: hostname(), pid: process.pid, since: '2026-01-01T00:00:00Z', ...owner }));
    lock({ started: String(Number(started) + 1) });
    const reopened = expectOk(await openDocument(path, { dataDir: join(dir, 'data') }));
    await reopened.close();
    lock({ started });
    const refused = await openDocument(path, { dataDir: join(dir, 'data') });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('locked');
  });

  it('a file another program changed since it was opened is not overwritten without the user’s choice', async () => {
    const dir = tempDir();
    const path = await projectFile(dir);
    const other = await projectFile(dir, 'ndpr-separation', 'other.orebridge');
    const document = expectOk(await openDocument(path, { dataDir: join(dir, 'data') }));
    // Saving an unchanged file is fine, and so is a file only touched.
    expectOk(await document.save());
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expectOk(await document.save());
    copyFileSync(other, path);
    const refused = await document.save();
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('changed-on-disk');
      expect(refused.error.message).toMatch(/^deal\.orebridge was changed by another program since you opened it; save your version as a copy, overwrite the file, or reload it\.$/);
    }
    expect(expectOk(await loadProjectFile(path)).project.name).toBe(expectOk(await loadProjectFile(other)).project.name);
    expectOk(await document.save({ overwrite: true }));
    expect(expectOk(await loadProjectFile(path)).project.name).not.toBe(expectOk(await loadProjectFile(other)).project.name);
    expectOk(await document.save());
    await document.close();
  });
});
