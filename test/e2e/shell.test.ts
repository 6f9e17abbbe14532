// The shell end to end: `npm run web` started by the test, a Chromium (test/support/browser.ts) driven by
// playwright-core. Open an example, see the venture NPV, save it (through the in-app picker
// that stands in for native dialogs), reopen it. Screenshots go to test-artifacts/.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchTestBrowser } from '../support/browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer } from '../../scripts/lib/build.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');

let scratch: string;
let documentsFolder: string;
let server: ChildProcess;
let address: string;
let browser: Browser;

async function startWeb(rendererDir: string, dataDir: string): Promise<string> {
  server = spawn(process.execPath, [join(ROOT, 'scripts', 'web.ts'), '--renderer', rendererDir, '--folder', documentsFolder, '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npm run web printed no address: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.on('exit', (code) => reject(new Error(`npm run web exited (${code}): ${output}`)));
  });
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'orebridge-shell-e2e-'));
  documentsFolder = join(scratch, 'documents');
  mkdirSync(documentsFolder);
  mkdirSync(join(scratch, 'data'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const rendererDir = await buildRenderer(join(scratch, 'renderer'));
  address = await startWeb(rendererDir, join(scratch, 'data'));
  browser = await launchTestBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface Session {
  page: Page;
  problems: string[];
}

async function openApp(): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${new URL(response.url()).pathname}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(address);
  return { page, problems };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `shell-${name}.png`) });
}

async function waitForResults(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'Up to date' }).waitFor({ timeout: 20_000 });
}

/** "US$ 204.7 m" → 204.7e6. */
function shownMoney(text: string): number {
  const match = /(−|-)?\s*US\$\s*([\d,]+(?:\.\d+)?)\s*(bn|m|k)?/.exec(text);
  if (!match) return Number.NaN;
  const scale = { bn: 1e9, m: 1e6, k: 1e3 }[match[3] ?? ''] ?? 1;
  return (match[1] ? -1 : 1) * Number(match[2]!.replace(/,/g, '')) * scale;
}

const expectedNpv = Number(
  (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'examples', 'northern-spodumene.state-carry-offtake.base.expected.json'), 'utf8')) as { venture: { npv: string } }).venture.npv,
);

describe('browser mode, end to end', () => {
  it('opens an example, shows the venture NPV, saves it, and reopens it', async () => {
    const { page, problems } = await openApp();
    // The token moved from the address bar into this tab's session storage.
    expect(page.url()).not.toContain('token');

    await page.getByRole('button', { name: /Northern Spodumene JV/ }).click();
    await waitForResults(page);
    const npvText = (await page.getByTestId('venture-npv').textContent()) ?? '';
    // Shown rounded to 0.1 m: within 0.05 m of the methodology's figure.
    expect(Math.abs(shownMoney(npvText) - expectedNpv)).toBeLessThanOrEqual(0.05e6);
    await shot(page, '1-example-npv');

    await page.getByRole('navigation', { name: 'File and edit' }).getByRole('button', { name: 'Save', exact: true }).click();
    const saveDialog = page.getByRole('dialog', { name: 'Save as' });
    await saveDialog.waitFor();
    await saveDialog.getByRole('textbox', { name: 'File name' }).fill('Spodumene deal');
    await shot(page, '2-save-dialog');
    await saveDialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved Spodumene deal.orebridge.').waitFor();
    expect(existsSync(join(documentsFolder, 'Spodumene deal.orebridge'))).toBe(true);
    await shot(page, '3-saved');
    await page.context().close();

    const second = await openApp();
    await second.page.getByRole('button', { name: 'Open…' }).first().click();
    const openDialog = second.page.getByRole('dialog', { name: 'Open a project' });
    await openDialog.waitFor();
    await shot(second.page, '4-open-dialog');
    await openDialog.getByRole('button', { name: 'Spodumene deal.orebridge' }).click();
    await waitForResults(second.page);
    expect(await second.page.getByTestId('venture-npv').textContent()).toBe(npvText);
    await shot(second.page, '5-reopened');
    await second.page.context().close();

    // No CSP violation, no failed request, no uncaught error on either page.
    expect([...problems, ...second.problems]).toEqual([]);
  });

  it('refuses the contract to a page that lacks the token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(address.replace(/#.*$/, ''));
    const status = await page.evaluate(async () => (await fetch('/api/listExamples', { method: 'POST', body: '{}' })).status);
    expect(status).toBe(401);
    await context.close();
  });
});
