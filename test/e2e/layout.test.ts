// Journeys (e) and (f) of issue 8 and the layout checks, in Chromium through browser mode:
// compare 3 structures × 3 scenarios at 1280 × 720 with every value on one line; keyboard only:
// build a partner, move through a grid with Tab, reach every chart's values. Screenshots in
// test-artifacts/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, section, useBrowserMode, waitForResults, type BrowserMode } from './workspace-harness.ts';

const mode = useBrowserMode();
const problems: string[] = [];

async function open(options: Parameters<BrowserMode['newPage']>[0] = {}): Promise<Page> {
  const page = await mode().newPage(options);
  // The charts must draw under the app's Content-Security-Policy: any violation fails the journey.
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return page;
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


/** The focused element's accessible name, as far as the journeys need it. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const labelled = element.getAttribute('aria-labelledby');
    const byId = labelled ? labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
    const label = (element as HTMLInputElement).labels?.[0]?.textContent ?? '';
    return (element.getAttribute('aria-label') || byId || label || element.textContent || '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focused element is called `name`; fails after `limit` presses. */
async function tabTo(page: Page, name: string | RegExp, options: { backwards?: boolean; limit?: number } = {}): Promise<number> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  for (let presses = 1; presses <= (options.limit ?? 80); presses += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    if (matches(await focusedName(page))) return presses;
  }
  throw new Error(`Tab never reached ${String(name)}; focus is on "${await focusedName(page)}"`);
}

/** Contrast of the focused element's outline against what is behind it (WCAG 2 ratio). */
async function focusContrast(page: Page): Promise<{ ratio: number; outline: string; background: string }> {
  return page.evaluate(() => {
    const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (value: number) => { const c = value / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const element = document.activeElement as HTMLElement;
    const outline = getComputedStyle(element).outlineColor;
    let node: HTMLElement | null = element.parentElement;
    let background = 'rgb(255, 255, 255)';
    while (node) {
      const color = getComputedStyle(node).backgroundColor;
      const parts = parse(color);
      if (parts.length >= 3 && (parts.length < 4 || parts[3]! > 0)) { background = color; break; }
      node = node.parentElement;
    }
    if (getComputedStyle(element).outlineStyle === 'none' || getComputedStyle(element).outlineWidth === '0px') return { ratio: 0, outline, background };
    const [a, b] = [luminance(parse(outline)), luminance(parse(background))];
    return { ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), outline, background };
  });
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
    // The breakeven price comes with the matrix's second pass (the first is lean): read in every case.
    for (const row of await rows.all()) expect(await row.locator('td').nth(4).textContent()).toMatch(/^[\d,]+(\.\d+)?( \(|$)/);
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


  it('(f) keyboard only: builds a partner, moves through a grid with Tab, reaches every chart\'s values', async () => {
    const page = await open();
    await tabTo(page, 'New venture');
    await page.keyboard.press('Enter');
    await waitForResults(page);

    // Build a partner: after "Add partner" the focus is on the new partner's first field.
    await tabTo(page, 'Partners');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Add partner');
    expect((await focusContrast(page)).ratio).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Name of partner 2');
    await page.keyboard.type('Kanto Cell KK');
    await tabTo(page, 'Equity of partner 2');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30 %');
    await tabTo(page, 'Equity of partner 1', { backwards: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('70 %');
    await page.keyboard.press('Tab');
    await waitForResults(page);
    expect(await page.getByText('Equity total 100.00 %').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('list', { name: 'Benefit split by party' }).getByText('Kanto Cell KK').count()).toBe(1);
    await screenshot(page, 'f-partner-built');

    // Removing the new partner puts the focus on the partner before it, not on the page.
    await tabTo(page, 'Remove Kanto Cell KK', { limit: 200 });
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Name of partner 1');
    await page.keyboard.press('Control+Z');
    await waitForResults(page);

    // Tab moves through the grid along the years and on to the next row; Shift+Tab goes back.
    await tabTo(page, 'Mine plan and prices', { backwards: true });
    await page.keyboard.press('Enter');
    const years = await page.getByRole('textbox', { name: /^Ore mined \d{4}$/ }).count();
    await tabTo(page, /^Ore mined \d{4}$/);
    const first = await focusedName(page);
    const startYear = Number(first.slice(-4));
    expect(first).toBe(`Ore mined ${startYear}`);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe(`Ore mined ${startYear + 1}`);
    const contrast = await focusContrast(page);
    expect(contrast.ratio, `focus outline ${contrast.outline} on ${contrast.background}`).toBeGreaterThanOrEqual(3);
    for (let press = 0; press < years - 1; press += 1) await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe(`Waste mined ${startYear}`);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe(`Ore mined ${startYear + years - 1}`);
    await screenshot(page, 'f-grid-tab');
    // Escape leaves the grid for the control after it (the chart's table button).
    await page.keyboard.press('Escape');
    expect(await focusedName(page)).toMatch(/^Show values as a table: /);

    // Every chart's values: its table button is reached with Tab and shows the numbers.
    const reachEveryChart = async (where: string) => {
      const charts = await page.getByRole('button', { name: /^Show values as a table: / }).count();
      expect(charts, `charts on ${where}`).toBeGreaterThan(0);
      for (let index = 0; index < charts; index += 1) {
        if (!/^Show values as a table: /.test(await focusedName(page))) await tabTo(page, /^Show values as a table: /);
        const title = (await focusedName(page)).replace(/^Show values as a table: /, '');
        await page.keyboard.press('Enter');
        const table = page.getByRole('table', { name: title, exact: true });
        await table.waitFor();
        expect(await table.getByRole('row').count(), title).toBeGreaterThan(1);
        expect(await page.getByRole('button', { name: `Show chart: ${title}` }).evaluate((button) => button === document.activeElement)).toBe(true);
      }
      await screenshot(page, `f-chart-tables-${where}`);
    };
    await reachEveryChart('mine-plan');
    await tabTo(page, 'Results', { backwards: true });
    await page.keyboard.press('Enter');
    await waitForResults(page);
    await reachEveryChart('results');
    await tabTo(page, 'Compare', { backwards: true, limit: 200 });
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: /Metrics by structure and scenario/ }).getByText('computing…').waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
    await reachEveryChart('compare');
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
    await page.context().close();
  });

  it('shows focus at 3:1 or more in the dark theme too', async () => {
    const page = await open({ colorScheme: 'dark' });
    await tabTo(page, 'New venture');
    const onButton = await focusContrast(page);
    expect(onButton.ratio, `${onButton.outline} on ${onButton.background}`).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Enter');
    await waitForResults(page);
    await tabTo(page, 'Project name');
    const onField = await focusContrast(page);
    expect(onField.ratio, `${onField.outline} on ${onField.background}`).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'f-dark-focus');
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
      // The theme picker reads as one line (its label beside the choice), wherever the section list is.
      const themeLine = await page.locator('.theme-picker').evaluate((picker) => {
        const label = picker.querySelector('label')!.getBoundingClientRect();
        const select = picker.querySelector('select')!.getBoundingClientRect();
        return { sideBySide: label.right <= select.left && label.bottom > select.top && label.top < select.bottom, extra: picker.getBoundingClientRect().height - select.height };
      });
      if (viewport.width <= 1100) expect(themeLine).toEqual({ sideBySide: true, extra: 0 });
      // Every figure in the results panel and the grid's tool buttons read on one line.
      const wrapped = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.summary .metric dd, .grid-toolbar > button'))
        .filter((element) => element.getClientRects().length > 0)
        .filter((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
          return lines.size > 1;
        })
        .map((element) => element.textContent));
      expect(wrapped).toEqual([]);
      await screenshot(page, `layout-${name}-mine-plan`);
      await section(page, 'Results');
      await page.waitForTimeout(300);
      await screenshot(page, `layout-${name}-results`);
      await page.context().close();
    });
  }
});
