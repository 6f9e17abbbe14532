// Untrusted work the renderer follows and cancels (issue 9): opening or importing a file that takes
// long shows what is being done and for how long, and Cancel stops the worker thread itself and
// leaves everything as it was (no document, no lock, no working copy).
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkPool } from '../../electron/work/pool.ts';
import { lockPathFor } from '../../electron/files/lock.ts';
import { EXAMPLES_DIR, errorOf, makeHarness, ok, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();
const pool = createWorkPool({ size: 1, workerUrl: new URL('../support/slow-untrusted-worker.ts', import.meta.url) });
afterAll(() => pool.close());

async function statusWhenRunning(harness: ReturnType<typeof makeHarness>, work: string) {
  for (;;) {
    const status = ok(await harness.call('workStatus', { work }));
    if (status) return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('work the renderer follows and cancels', () => {
  it('says what it is opening and for how long; Cancel stops the worker and leaves nothing behind', { timeout: 60_000 }, async () => {
    const harness = makeHarness(tempDir, { work: pool });
    const saved = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    ok(await harness.call('saveDocumentAs', { documentId: saved.document.documentId, target: { name: 'slow deal.orebridge' } }));
    ok(await harness.call('closeDocument', { documentId: saved.document.documentId }));
    const file = ok(await harness.call('listFiles', {})).find((entry) => entry.name === 'slow deal.orebridge')!.file;

    const opening = harness.call('openDocument', { file, work: 'w-1' });
    const status = await statusWhenRunning(harness, 'w-1');
    expect(status.label).toBe('Opening slow deal.orebridge');
    // Another window cannot see or stop this window's work.
    expect(ok(await harness.call('workStatus', { work: 'w-1' }, { window: 'window-2' }))).toBeNull();
    ok(await harness.call('cancelWork', { work: 'w-1' }, { window: 'window-2' }));
    expect(ok(await harness.call('workStatus', { work: 'w-1' }))).not.toBeNull();

    const started = performance.now();
    ok(await harness.call('cancelWork', { work: 'w-1' }));
    const cancelled = errorOf(await opening);
    // The busy worker (a minute of work left) was stopped, not waited for.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(cancelled.code).toBe('cancelled');
    expect(ok(await harness.call('workStatus', { work: 'w-1' }))).toBeNull();
    expect(existsSync(lockPathFor(join(harness.documentsFolder, 'slow deal.orebridge')))).toBe(false);
    expect(readdirSync(join(harness.dataDir, 'working')).filter((name) => name.endsWith('.sqlite'))).toEqual([]);
    expect(harness.backend.documentsOf('window-1')).toEqual([]);

    // The pool has a fresh worker: the next file opens.
    copyFileSync(join(harness.documentsFolder, 'slow deal.orebridge'), join(harness.documentsFolder, 'deal.orebridge'));
    const next = ok(await harness.call('listFiles', {})).find((entry) => entry.name === 'deal.orebridge')!.file;
    expect(ok(await harness.call('openDocument', { file: next, work: 'w-2' }))?.document.name).toBe('deal.orebridge');
  });

  it('cancels an import the same way', { timeout: 60_000 }, async () => {
    const harness = makeHarness(tempDir, { work: pool });
    copyFileSync(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), join(harness.documentsFolder, 'slow import.json'));
    const file = ok(await harness.call('listFiles', {})).find((entry) => entry.name === 'slow import.json')!.file;
    const importing = harness.call('importJson', { file, work: 'w-3' });
    expect((await statusWhenRunning(harness, 'w-3')).label).toBe('Reading slow import.json');
    ok(await harness.call('cancelWork', { work: 'w-3' }));
    expect(errorOf(await importing).code).toBe('cancelled');
    expect(harness.backend.documentsOf('window-1')).toEqual([]);
  });

  it('a reload checks the file before it closes the document: refused or cancelled, the document stays open as it was', { timeout: 60_000 }, async () => {
    const harness = makeHarness(tempDir, { work: pool });
    const example = ok(await harness.call('openExample', { exampleId: 'northern-spodumene' }));
    const { documentId } = example.document;
    ok(await harness.call('saveDocumentAs', { documentId, target: { name: 'slow reload.orebridge' } }));
    ok(await harness.call('updateDocument', { documentId, project: { ...example.project, name: 'Unsaved edit' } }));

    const reloading = harness.call('reloadDocument', { documentId, work: 'w-4' });
    expect((await statusWhenRunning(harness, 'w-4')).label).toBe('Reading slow reload.orebridge again');
    ok(await harness.call('cancelWork', { work: 'w-4' }));
    expect(errorOf(await reloading).code).toBe('cancelled');
    expect(harness.backend.documentsOf('window-1').map((d) => d.documentId)).toEqual([documentId]);

    // Another program replaced the file with something that is not a project: refused, document kept.
    ok(await harness.call('saveDocumentAs', { documentId, target: { name: 'reload.orebridge' } }));
    writeFileSync(join(harness.documentsFolder, 'reload.orebridge'), 'root:x:0:0:root:/root:/bin/bash\n');
    expect(errorOf(await harness.call('reloadDocument', { documentId })).code).toBe('not-sqlite');
    expect(harness.backend.documentsOf('window-1').map((d) => d.documentId)).toEqual([documentId]);
    const exported = ok(await harness.call('exportJson', { documentId, target: { name: 'kept.json' } }));
    expect(exported?.name).toBe('kept.json');
  });
});
