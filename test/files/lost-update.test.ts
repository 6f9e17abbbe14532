import { copyFileSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJsonFile, loadProjectFile, openDocument } from '../../electron/files/index.ts';
import { lockPathFor } from '../../electron/files/lock.ts';
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
