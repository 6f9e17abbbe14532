// Journeys of issue 8 (no silently wrong number; main owns "unsaved"), end to end: the built
// renderer in Chromium against the real browser-mode server. Screenshots in test-artifacts/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, section, saveAs, useBrowserMode, waitForResults } from './workspace-harness.ts';

const mode = useBrowserMode();

async function pasteInto(page: Page, cellName: string, text: string): Promise<void> {
  const cell = page.getByRole('textbox', { name: cellName, exact: true });
  await cell.focus();
  await cell.evaluate((element, clip) => {
    const data = new DataTransfer();
    data.setData('text/plain', clip);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const priceCells = (page: Page) => page.getByRole('textbox', { name: /^Price \d{4}$/ });
const cellValues = (page: Page) => priceCells(page).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

describe('issue 8 journeys in browser mode', { timeout: 90_000 }, () => {
  it('(a) pastes an en-US price deck in es-CL and is asked, shown both readings, not silently misread', async () => {
    const page = await mode().newPage({ locale: 'es-CL' });
    await page.getByRole('button', { name: 'New venture' }).click();
    await waitForResults(page);
    await section(page, 'Mine plan and prices');
    const before = await cellValues(page);
    const year = (await priceCells(page).first().getAttribute('aria-label'))!.replace('Price ', '');
    await pasteInto(page, `Price ${year}`, '1,050\t1,100\t1,150\t1,200\r\n');
    const question = page.getByRole('alertdialog');
    await question.waitFor();
    expect(await question.textContent()).toContain('point or a comma marks decimals');
    const pointReading = question.getByRole('button', { name: /point marks decimals/ });
    const commaReading = question.getByRole('button', { name: /comma marks decimals/ });
    expect(await pointReading.textContent()).toContain('1,050 → 1050');
    expect(await commaReading.textContent()).toContain('1,050 → 1,05');
    expect(await cellValues(page)).toEqual(before); // nothing written while the question is open
    await screenshot(page, 'issue8-a-paste-asks-which-separator');
    await pointReading.click();
    await waitForResults(page);
    expect((await cellValues(page)).slice(0, 4)).toEqual(['1.050', '1.100', '1.150', '1.200']);
    expect(await page.locator('.notice-bar').textContent()).toContain('Read the numbers with a decimal point, as you chose');
    await screenshot(page, 'issue8-a-paste-read-as-chosen');
    await page.context().close();
  });

  it('(b) pastes a row with its label cell and is told, and offered to skip it', async () => {
    const page = await mode().newPage();
    await page.getByRole('button', { name: 'New venture' }).click();
    await waitForResults(page);
    await section(page, 'Mine plan and prices');
    const year = (await priceCells(page).first().getAttribute('aria-label'))!.replace('Price ', '');
    await pasteInto(page, `Price ${year}`, 'Spodumene price (US$/t)\t1500\t1600\t1700\r\n');
    const question = page.getByRole('alertdialog');
    await question.waitFor();
    expect(await question.textContent()).toContain('starts with “Spodumene price (US$/t)”, which is a label');
    await screenshot(page, 'issue8-b-label-cell-question');
    await question.getByRole('button', { name: 'Skip the label' }).click();
    await waitForResults(page);
    expect((await cellValues(page)).slice(0, 3)).toEqual(['1,500', '1,600', '1,700']);
    const notice = page.locator('.notice-bar');
    expect(await notice.textContent()).toContain('Skipped the label “Spodumene price (US$/t)” in front of the numbers.');
    await screenshot(page, 'issue8-b-label-skipped');
    // More columns than years: the values past the last year are named, not dropped silently.
    await notice.getByRole('button', { name: 'Dismiss message' }).click();
    const last = await priceCells(page).last().getAttribute('aria-label');
    await pasteInto(page, last!, '1800\t1900\t2000\r\n');
    await waitForResults(page);
    expect(await notice.textContent()).toContain(`Dropped 2 values of Price past ${last!.replace('Price ', '')}, the last year: 1900, 2000.`);
    await screenshot(page, 'issue8-b-values-past-the-last-year');
    await page.context().close();
  });

  it('(c) extends a venture from 12 to 15 years and sees what was filled', async () => {
    const page = await mode().newPage();
    await page.getByRole('button', { name: 'New venture' }).click();
    await waitForResults(page);
    const years = page.getByRole('spinbutton', { name: 'Years' });
    expect(await years.inputValue()).toBe('12');
    await years.fill('15');
    await years.press('Tab');
    await waitForResults(page);
    const notice = page.locator('.notice-bar');
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/Extended the venture to 15 years: \d{4}–\d{4} repeat each series' \d{4} value \(/);
    expect(text).toContain('Price US$ 1,200 /t');
    expect(text).toMatch(/Closure capex of US\$ 50,000,000 moved from \d{4} to \d{4}, the new last year\./);
    await screenshot(page, 'issue8-c-extended-to-15-years');
    await section(page, 'Mine plan and prices');
    expect(await priceCells(page).count()).toBe(15);
    expect((await cellValues(page)).slice(11)).toEqual(['1,200', '1,200', '1,200', '1,200']);
    const closure = await page.getByRole('textbox', { name: /^Closure capex \d{4}$/ }).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(closure.slice(11)).toEqual(['0', '0', '0', '50,000,000']);
    // The template's invented numbers are marked until replaced, and the results say so.
    expect(await page.locator('td.cell-placeholder').count()).toBeGreaterThan(50);
    expect(await page.getByText(/Dashed, italic values are the template’s placeholders/).count()).toBe(1);
    await screenshot(page, 'issue8-c-grid-with-15-years');
    await section(page, 'Results');
    await waitForResults(page);
    const note = page.getByRole('main').getByRole('note');
    expect(await note.textContent()).toMatch(/Illustrative: these results still use the new-venture template’s placeholders in\s+\d+ inputs \(Ore mined \d{4}–\d{4}, /);
    await screenshot(page, 'issue8-c-results-say-placeholders');
    await page.context().close();
  });

  it('(d) undoes back to the saved state and sees the title clean', async () => {
    const page = await mode().newPage();
    await page.getByRole('button', { name: /Nickel-Cobalt/ }).click();
    await waitForResults(page);
    await saveAs(page, 'Undo journey');
    expect(await page.title()).not.toContain('●');
    const rate = page.getByRole('textbox', { name: 'Discount rate (real)', exact: true });
    await rate.fill('11');
    await rate.press('Tab');
    await expect.poll(() => page.title(), { timeout: 5000 }).toMatch(/^● /);
    expect(await page.locator('.topbar .unsaved').count()).toBe(1);
    await screenshot(page, 'issue8-d-edited-unsaved');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.title(), { timeout: 5000 }).not.toMatch(/●/);
    expect(await page.locator('.topbar .unsaved').count()).toBe(0);
    expect(await rate.inputValue()).toBe('8');
    await screenshot(page, 'issue8-d-undone-title-clean');
    await page.context().close();
  });

  it('shows numbers in a browser that reports a POSIX language tag, as headless Chromium does under LANG=C.UTF-8', async () => {
    const page = await mode().newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // "en-US@posix" is what the bundled Chromium reports on a machine whose locale is C.UTF-8; no Intl formatter takes it.
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'language', { get: () => 'en-US@posix' });
      Object.defineProperty(Navigator.prototype, 'languages', { get: () => ['en-US@posix'] });
    });
    await page.reload();
    expect(await page.evaluate(() => navigator.language)).toBe('en-US@posix');
    await page.getByRole('button', { name: /Northern Spodumene/ }).click();
    await waitForResults(page);
    expect(await page.getByTestId('venture-npv').textContent()).toMatch(/^−?US\$ \d{1,3}(,\d{3})*(\.\d+)? (m|bn)$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
