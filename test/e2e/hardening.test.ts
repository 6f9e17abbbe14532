// Hardening journeys in browser mode (issue 9): a hostile file is refused in one sentence while
// another document keeps being edited; a file changed by another program is saved over only by
// the user's choice; two servers over one folder (one through a symbolic link) cannot both hold
// the same file. Screenshots in test-artifacts/.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importJsonFile, loadProjectFile } from '../../electron/files/index.ts';
import { startWebServer } from '../../electron/web/server.ts';
import { createWorkPool } from '../../electron/work/pool.ts';
import { lockPathFor } from '../../electron/files/lock.ts';
import { EXAMPLES_DIR } from '../../scripts/lib/paths.ts';
import { metric, screenshot, section, saveAs, useBrowserMode, typeInto, waitForResults } from './workspace-harness.ts';

const mode = useBrowserMode(180_000);

async function openFile(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('dialog').getByRole('button', { name }).click();
}

/** A project file whose table rows far exceed what any project holds (5 million series rows). */
async function rowBomb(path: string): Promise<void> {
  const imported = await importJsonFile(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), path);
  if (!imported.ok) throw new Error(imported.error.message);
  const db = new Database(path);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000) INSERT INTO yearly_series SELECT 'prices', 1000 + i, '1', 'n' FROM n`);
  db.close();
}

describe('hardening journeys in browser mode', { timeout: 180_000 }, () => {
  it('(j) a hostile file is refused in one sentence while another document keeps being edited', async () => {
    await rowBomb(join(mode().documentsFolder, 'From the other side.orebridge'));
    const editing = await mode().newPage();
    await editing.getByRole('button', { name: /Northern Spodumene/ }).click();
    await waitForResults(editing);

    const hostile = await mode().newPage();
    await openFile(hostile, 'From the other side.orebridge');
    // Meanwhile the other document takes edits and recomputes.
    await section(editing, 'Fiscal terms');
    await typeInto(editing, 'Income tax rate', '27');
    await waitForResults(editing);
    expect(await editing.getByRole('textbox', { name: 'Income tax rate', exact: true }).inputValue()).toMatch(/^27/);

    const refusal = hostile.getByRole('alert').filter({ hasText: 'too large to open safely' });
    await refusal.waitFor({ timeout: 30_000 });
    const text = (await refusal.textContent()) ?? '';
    expect(text).toMatch(/This file is too large to open safely: its table "yearly_series" has more than 100,000 rows, more than any project holds\./);
    await screenshot(hostile, 'j-hostile-file-refused');
    await screenshot(editing, 'j-other-document-edited');
    await hostile.context().close();
    await editing.context().close();
  });

  it('(k) a file another program changed is saved over only when the user chooses to', async () => {
    const page = await mode().newPage();
    await page.getByRole('button', { name: /Rare Earth Mine and Separation Plant/ }).click();
    await waitForResults(page);
    await saveAs(page, 'Changed elsewhere');
    const path = join(mode().documentsFolder, 'Changed elsewhere.orebridge');
    const theirs = join(mkdtempSync(join(tmpdir(), 'orebridge-e2e-theirs-')), 'theirs.orebridge');
    const imported = await importJsonFile(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), theirs);
    if (!imported.ok) throw new Error(imported.error.message);
    copyFileSync(theirs, path);

    await section(page, 'Fiscal terms');
    await typeInto(page, 'Income tax rate', '31');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const question = page.getByRole('alert').filter({ hasText: 'was changed by another program since you opened it' });
    await question.waitFor();
    for (const choice of ['Save as a copy…', 'Overwrite', 'Reload from disk']) await question.getByRole('button', { name: choice }).waitFor();
    await screenshot(page, 'k-changed-on-disk-choice');
    expect(readFileSync(path)).toEqual(readFileSync(theirs));

    await question.getByRole('button', { name: 'Overwrite' }).click();
    await page.getByText('Saved Changed elsewhere.orebridge.').waitFor();
    const saved = await loadProjectFile(path);
    const other = await loadProjectFile(theirs);
    expect(saved.ok && other.ok && saved.value.project.name !== other.value.project.name).toBe(true);
    expect(saved.ok && saved.value.project.structures.some((s) => JSON.stringify(s).includes('0.31'))).toBe(true);
    rmSync(join(theirs, '..'), { recursive: true, force: true });
    await page.context().close();
  });

  it('(l) two servers over one folder, one through a symbolic link, cannot both hold the same file', async () => {
    const first = await mode().newPage();
    await first.getByRole('button', { name: /Northern Spodumene/ }).click();
    await waitForResults(first);
    await saveAs(first, 'Shared deal');

    const aliasRoot = mkdtempSync(join(tmpdir(), 'orebridge-e2e-alias-'));
    const alias = join(aliasRoot, 'deals');
    symlinkSync(mode().documentsFolder, alias);
    const data = mkdtempSync(join(tmpdir(), 'orebridge-e2e-data-'));
    const second = await startWebServer({ port: 0, rendererDir: mode().rendererDir, documentsFolder: alias, dataDir: data, examplesDir: EXAMPLES_DIR, version: 'e2e-second' });
    try {
      const page = await mode().openPage(second.url);
      await openFile(page, 'Shared deal.orebridge');
      const locked = page.getByRole('alert').filter({ hasText: 'is already open by' });
      await locked.waitFor();
      expect(await locked.textContent()).toMatch(/The file Shared deal\.orebridge is already open by .* you can open it read-only\./);
      await screenshot(page, 'l-second-server-locked');
      await page.context().close();
    } finally {
      await second.close();
      rmSync(aliasRoot, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
    await first.context().close();
  });

  it('(m) opening a slow hostile file shows what is being opened and for how long; Cancel stops it and the previous project is intact', async () => {
    // A server whose worker takes a minute over files named "slow…" (busy, as a file that takes
    // long to check would keep it), so the journey sees the work in progress and cancels it.
    const pool = createWorkPool({ size: 1, workerUrl: new URL('../support/slow-untrusted-worker.ts', import.meta.url) });
    const data = mkdtempSync(join(tmpdir(), 'orebridge-e2e-slow-data-'));
    const server = await startWebServer({ port: 0, rendererDir: mode().rendererDir, documentsFolder: mode().documentsFolder, dataDir: data, examplesDir: EXAMPLES_DIR, version: 'e2e-slow', work: pool });
    const hostilePath = join(mode().documentsFolder, 'slow offer from the other side.orebridge');
    const imported = await importJsonFile(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), hostilePath);
    if (!imported.ok) throw new Error(imported.error.message);
    const bomb = new Database(hostilePath);
    bomb.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) INSERT INTO yearly_series SELECT 'prices', 1000 + i, '1', 'n' FROM n`);
    bomb.close();
    try {
      const page = await mode().openPage(server.url);
      await page.getByRole('button', { name: /Northern Spodumene/ }).click();
      await waitForResults(page);
      await section(page, 'Fiscal terms');
      await typeInto(page, 'Income tax rate', '29');
      await waitForResults(page);
      const npvBefore = await metric(page, 'venture-npv');
      // The title marks the edit unsaved.
      await page.waitForFunction(() => document.title.startsWith('●'));
      const nameBefore = await page.title();

      // The edit is unsaved: the workspace asks before another file may replace it, and the user agrees.
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.accept();
      });
      await openFile(page, 'slow offer from the other side.orebridge');
      const banner = page.getByTestId('file-work');
      await banner.getByRole('status').filter({ hasText: 'Opening slow offer from the other side.orebridge…' }).waitFor({ timeout: 20_000 });
      await banner.getByText(/^[2-9] s$/).waitFor({ timeout: 20_000 });
      await screenshot(page, 'm-slow-file-in-progress');
      await banner.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('status').filter({ hasText: 'Cancelled: nothing was opened, and your work is as it was.' }).waitFor({ timeout: 20_000 });
      await banner.waitFor({ state: 'detached' });
      await screenshot(page, 'm-cancelled-previous-project-intact');

      expect(asked).toEqual([expect.stringMatching(/^Discard the unsaved changes/)]);
      // The previous project, with its unsaved edit, is on screen and still takes edits.
      expect(await page.title()).toBe(nameBefore);
      expect(await metric(page, 'venture-npv')).toBe(npvBefore);
      expect(await page.getByRole('textbox', { name: 'Income tax rate', exact: true }).inputValue()).toMatch(/^29/);
      await typeInto(page, 'Income tax rate', '30');
      await waitForResults(page);
      expect(await metric(page, 'venture-npv')).not.toBe(npvBefore);
      // The cancelled open took no lock.
      expect(existsSync(lockPathFor(hostilePath))).toBe(false);
      await page.context().close();
    } finally {
      await server.close();
      await pool.close();
      rmSync(data, { recursive: true, force: true });
    }
  });
});
