// Browser mode stays in its folder, and no save overwrites another program's or server's work.
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRecentFile, importJsonFile } from '../../electron/files/index.ts';
import { EXAMPLES_DIR, errorOf, makeHarness, ok, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

describe('browser mode stays in its folder', () => {
  it('lists, opens and saves nothing that a symbolic link or a reused data folder leads outside', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'passwd.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    const secret = join(outside, 'secret.orebridge');
    if (!(await importJsonFile(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), secret)).ok) throw new Error('fixture');
    const harness = makeHarness(tempDir);
    const folder = harness.documentsFolder;
    symlinkSync(join(outside, 'passwd.json'), join(folder, 'passwd.json'));
    symlinkSync(secret, join(folder, 'linked.orebridge'));
    symlinkSync(join(outside, 'new.orebridge'), join(folder, 'dangling.orebridge'));
    mkdirSync(join(folder, 'sub'));
    await addRecentFile(harness.dataDir, secret);

    expect(ok(await harness.call('listFiles', {}))).toEqual([]);
    expect(ok(await harness.call('listRecent', {}))).toEqual([]);

    const opened = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    for (const name of ['linked.orebridge', 'dangling.orebridge']) {
      const refused = errorOf(await harness.call('saveDocumentAs', { documentId: opened.document.documentId, target: { name } }));
      expect(refused.code, name).toBe('forbidden');
      expect(refused.message).not.toMatch(/root|\n/);
    }
    expect(readFileSync(secret).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
  });
});

describe('no lost update between servers and programs', () => {
  it('two servers over one folder (and a symbolic link to it) cannot both save the same file', async () => {
    const first = makeHarness(tempDir);
    const alias = join(tempDir(), 'alias');
    symlinkSync(first.documentsFolder, alias);
    const second = makeHarness(tempDir, {}, { documentsFolder: alias });
    const a = ok(await first.call('openExample', { exampleId: 'ndpr-separation' }));
    ok(await first.call('saveDocumentAs', { documentId: a.document.documentId, target: { name: 'deal.orebridge' } }));
    const b = ok(await second.call('openExample', { exampleId: 'northern-spodumene' }));
    expect(errorOf(await second.call('saveDocumentAs', { documentId: b.document.documentId, target: { name: 'deal.orebridge' } })).code).toBe('locked');
    const [file] = ok(await second.call('listFiles', {}));
    expect(errorOf(await second.call('openDocument', { file: file!.file })).code).toBe('locked');
  });

  it('a file changed by another program is saved over only when the user chooses, or reloaded', async () => {
    const harness = makeHarness(tempDir);
    const opened = ok(await harness.call('openExample', { exampleId: 'ndpr-separation' }));
    const { documentId } = opened.document;
    ok(await harness.call('saveDocumentAs', { documentId, target: { name: 'deal.orebridge' } }));
    const path = join(harness.documentsFolder, 'deal.orebridge');
    const theirs = join(tempDir(), 'theirs.orebridge');
    if (!(await importJsonFile(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), theirs)).ok) throw new Error('fixture');
    copyFileSync(theirs, path);
    const edited = { ...opened.project, name: 'Our edit' };

    const refused = errorOf(await harness.call('saveDocument', { documentId, project: edited }));
    expect(refused.code).toBe('changed-on-disk');
    expect(readFileSync(path)).toEqual(readFileSync(theirs));

    const reloaded = ok(await harness.call('reloadDocument', { documentId }));
    expect(reloaded.project.name).not.toBe('Our edit');
    expect(reloaded.document.dirty).toBe(false);
    const again = { ...reloaded.project, name: 'Our edit' };
    ok(await harness.call('saveDocument', { documentId: reloaded.document.documentId, project: again }));

    writeFileSync(path, readFileSync(theirs));
    expect(errorOf(await harness.call('saveDocument', { documentId: reloaded.document.documentId, project: { ...again, name: 'Second edit' } })).code).toBe('changed-on-disk');
    ok(await harness.call('saveDocument', { documentId: reloaded.document.documentId, project: { ...again, name: 'Second edit' }, overwrite: true }));
    expect(readFileSync(path)).not.toEqual(readFileSync(theirs));
  });
});
