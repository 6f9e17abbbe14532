// Browser mode for the workspace journeys: the renderer built once into a temporary folder,
// the real browser-mode server on loopback, and a Chromium (test/support/browser.ts) driven by playwright-core.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchTestBrowser } from '../support/browser.ts';
import { startWebServer, type WebServer } from '../../electron/web/server.ts';
import { buildRenderer } from '../../scripts/lib/build.ts';
import { EXAMPLES_DIR, ROOT } from '../../scripts/lib/paths.ts';

export const ARTIFACTS = join(ROOT, 'test-artifacts');

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  locale?: string;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  permissions?: string[];
}

export interface BrowserMode {
  server: WebServer;
  browser: Browser;
  documentsFolder: string;
  /** The built renderer, for a second server in the same journey. */
  rendererDir: string;
  newPage(options?: PageOptions): Promise<Page>;
  /** A page on another server of the same journey (one with its own folder or work pool), set up as newPage's. */
  openPage(url: string, options?: PageOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Browser mode for one journey file: started before its journeys (the renderer is built, which
 * takes a while) and closed after them. The journeys read it through the function returned.
 */
export function useBrowserMode(startTimeoutMs = 120_000): () => BrowserMode {
  let mode: BrowserMode | undefined;
  beforeAll(async () => {
    mode = await startBrowserMode();
  }, startTimeoutMs);
  afterAll(async () => {
    await mode?.close();
  });
  return () => {
    if (!mode) throw new Error('browser mode did not start');
    return mode;
  };
}

export async function startBrowserMode(): Promise<BrowserMode> {
  const scratch = mkdtempSync(join(tmpdir(), 'orebridge-workspace-e2e-'));
  const rendererDir = await buildRenderer(join(scratch, 'renderer'));
  const documentsFolder = join(scratch, 'documents');
  const dataDir = join(scratch, 'data');
  mkdirSync(documentsFolder);
  mkdirSync(dataDir);
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startWebServer({ port: 0, rendererDir, documentsFolder, dataDir, examplesDir: EXAMPLES_DIR, version: 'e2e' });
  const browser = await launchTestBrowser();
  return {
    server,
    browser,
    documentsFolder,
    rendererDir,
    newPage(options = {}) {
      return openPage(browser, server.url, options);
    },
    openPage(url, options = {}) {
      return openPage(browser, url, options);
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * Every journey page: the same window, scale, locale and colours on every machine (numbers are
 * compared as shown), and an uncaught error in the page printed, so a page that went blank says why.
 */
async function openPage(browser: Browser, url: string, options: PageOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    permissions: options.permissions ?? [],
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `workspace-${name}.png`), fullPage: false });
}

/** Waits until the results panel shows numbers computed from the current inputs. */
export async function waitForResults(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'Up to date' }).waitFor({ timeout: 15_000 });
}

/** Reads a headline metric as shown, e.g. "US$ 204.7 m". */
export async function metric(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? '';
}

/** "US$ 204.7 m" → 204.7e6; "−US$ 1.2 bn" → −1.2e9; "40.5 %" → 0.405. */
export function parseShown(text: string): number {
  const negative = text.trim().startsWith('−') || text.trim().startsWith('-');
  const match = /([\d,]+(?:\.\d+)?)\s*(bn|m|k|%)?/.exec(text.replace(/US\$/g, ''));
  if (!match) return Number.NaN;
  const scale = { bn: 1e9, m: 1e6, k: 1e3, '%': 0.01 }[match[2] ?? ''] ?? 1;
  return (negative ? -1 : 1) * Number(match[1]!.replace(/,/g, '')) * scale;
}

/** Saves the project under a new name through the Save as dialog, as a person does, and waits for the confirmation. */
export async function saveAs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Save as…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as' });
  await dialog.getByRole('textbox', { name: 'File name' }).fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByText(`Saved ${name}.orebridge.`).waitFor();
}

/** Opens a section of the workspace from the navigation. */
export async function section(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
}

/** Types into a labelled text field and leaves it, as a person commits a value. */
export async function typeInto(page: Page, name: string, text: string): Promise<void> {
  const field = page.getByRole('textbox', { name, exact: true });
  await field.fill(text);
  await field.press('Tab');
}
