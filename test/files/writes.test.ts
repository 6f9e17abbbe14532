import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRecentFile, cleanLeftovers, createDocument, importJsonFile, openDocument, recentFiles, writeTextFile } from '../../electron/files/index.ts';
import { exampleProject, examplePath, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

describe('one atomic writer for everything Orebridge writes', () => {
  it('text files arrive whole and leave no temporary file; a folder that cannot be written is a sentence', async () => {
    const dir = tempDir();
    const target = join(dir, 'settings.json');
    writeFileSync(target, 'old');
    expectOk(await writeTextFile(target, '{"theme":"dark"}\n'));
    expect(readFileSync(target, 'utf8')).toBe('{"theme":"dark"}\n');
    expect(readdirSync(dir)).toEqual(['settings.json']);
    const failed = await writeTextFile(join(dir, 'missing', 'x.json'), '{}');
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.message).not.toContain('\n');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('the recent list and working-copy descriptions go through it (no temporary file stays)', async () => {
    const dataDir = tempDir();
    await addRecentFile(dataDir, join(dataDir, 'a.orebridge'));
    expect(await recentFiles(dataDir)).toEqual([join(dataDir, 'a.orebridge')]);
    const document = expectOk(await createDocument(exampleProject('northern-spodumene'), { dataDir }));
    expect(readdirSync(join(dataDir, 'working')).filter((name) => !/^[0-9a-f-]{36}\.(json|sqlite)$/.test(name))).toEqual([]);
    await document.close();
    expect(readdirSync(dataDir).filter((name) => name !== 'working')).toEqual(['recent.json']);
  });

  it('a stale -wal, -shm or -journal beside a saved file is removed, so other SQLite tools read what was saved', async () => {
    const dir = tempDir();
    const path = join(dir, 'deal.orebridge');
    expectOk(await importJsonFile(examplePath('northern-spodumene'), path));
    for (const suffix of ['-wal', '-shm', '-journal']) writeFileSync(`${path}${suffix}`, 'stale content from another program');
    const document = expectOk(await openDocument(path, { dataDir: join(dir, 'data') }));
    expectOk(await document.save());
    await document.close();
    for (const suffix of ['-wal', '-shm', '-journal']) expect(existsSync(`${path}${suffix}`)).toBe(false);
  });

  it('start-up removes interrupted saves and the journals SQLite left beside them', async () => {
    const dir = tempDir();
    const gone = 2 ** 22 + 12345; // beyond Linux's pid range: no such process
    const leftovers = ['', '-journal', '-wal'].map((suffix) => `.deal.orebridge.${gone}-0123456789ab.orebridge-saving${suffix}`);
    for (const name of leftovers) writeFileSync(join(dir, name), 'x');
    writeFileSync(join(dir, 'keep.orebridge-saving-journal.txt'), 'not ours');
    await cleanLeftovers(join(dir, 'data'), [join(dir, 'deal.orebridge')]);
    expect(readdirSync(dir).sort()).toEqual(['keep.orebridge-saving-journal.txt']);
  });
});
