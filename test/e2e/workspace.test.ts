// The workspace journeys of issue 5, end to end: the built renderer in Chromium, talking to the
// real browser-mode server. Each journey keeps screenshots in test-artifacts/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readProjectFromFile } from '../../electron/files/index.ts';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatMoney, formatPercent } from '../../renderer/lib/format.ts';
import { runCli } from '../support/cli.ts';
import { metric, parseShown, screenshot, section, saveAs, useBrowserMode, typeInto, waitForResults } from './workspace-harness.ts';

const mode = useBrowserMode();

function expected(name: string): { venture: { npv: string; governmentTake: string }; parties: { id: string; pv: string }[] } {
  return JSON.parse(readFileSync(new URL(`../fixtures/examples/${name}.expected.json`, import.meta.url), 'utf8'));
}

async function openExample(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await waitForResults(page);
}

describe('workspace journeys in browser mode', { timeout: 90_000 }, () => {
  it('(a) builds a two-partner lithium venture from the empty state and reads its NPV', async () => {
    const page = await mode().newPage();
    await page.getByRole('button', { name: 'New venture' }).click();
    await waitForResults(page);
    await typeInto(page, 'Project name', 'Salar Lithium JV');
    await typeInto(page, 'Commodity', 'lithium');
    await typeInto(page, 'Product unit', 't SC6');
    const singlePartnerNpv = await metric(page, 'venture-npv');

    await section(page, 'Partners');
    await page.getByRole('button', { name: 'Add partner' }).click();
    await typeInto(page, 'Name of partner 1', 'Andes Minerals');
    await typeInto(page, 'Equity of partner 1', '70 %');
    await typeInto(page, 'Name of partner 2', 'State Lithium Co');
    await typeInto(page, 'Id of partner 2', 'statelith');
    await typeInto(page, 'Equity of partner 2', '30 %');
    await page.getByRole('checkbox', { name: 'Partner 2 is state-owned' }).check();
    await page.getByRole('combobox', { name: 'Kind of partner 2' }).selectOption('state');
    await waitForResults(page);

    expect(await page.getByText('Equity total 100.00 %').isVisible()).toBe(true);
    const npv = await metric(page, 'venture-npv');
    expect(npv).toMatch(/^−?US\$ [\d.,]+ (m|bn)$/);
    expect(npv).toBe(singlePartnerNpv);
    const split = page.getByRole('list', { name: 'Benefit split by party' });
    await expect.poll(() => split.getByText('Andes Minerals').count()).toBe(1);
    expect(await split.getByText('State Lithium Co').count()).toBe(1);
    const andes = parseShown(await page.getByTestId('party-pv-operator').textContent() ?? '');
    const state = parseShown(await page.getByTestId('party-pv-statelith').textContent() ?? '');
    expect(andes).toBeGreaterThan(state);
    expect(state).toBeGreaterThan(0);
    await screenshot(page, 'a-two-partner-venture');
    await section(page, 'Results');
    await waitForResults(page);
    await screenshot(page, 'a-results');
    await page.context().close();
  });

  it('(b) opens an example, raises the royalty, and sees government take rise and the miner’s PV fall', async () => {
    const page = await mode().newPage();
    await openExample(page, 'Northern Spodumene');
    const base = expected('northern-spodumene.state-carry-offtake.base');
    expect(await metric(page, 'venture-npv')).toBe(formatMoney(base.venture.npv, { currency: 'USD', locale: 'en-US', compact: true }));
    expect(await metric(page, 'government-take')).toBe(formatPercent(base.venture.governmentTake, 'en-US'));
    const takeBefore = parseShown(await metric(page, 'government-take'));
    const minerBefore = parseShown(await page.getByTestId('party-pv-miner').textContent() ?? '');

    await section(page, 'Fiscal terms');
    await typeInto(page, 'Band 1 royalty rate', '8');
    await waitForResults(page);
    const takeAfter = parseShown(await metric(page, 'government-take'));
    const minerAfter = parseShown(await page.getByTestId('party-pv-miner').textContent() ?? '');
    expect(takeAfter).toBeGreaterThan(takeBefore);
    expect(minerAfter).toBeLessThan(minerBefore);
    await screenshot(page, 'b-royalty-raised');
    // Leaving the page now would lose the change, so the browser is asked to confirm.
    const leaveGuarded = () => page.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })));
    await expect.poll(leaveGuarded).toBe(true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(leaveGuarded).toBe(false);
    await page.context().close();
  });

  it('(c) pastes a 12-year price deck from tab-separated text', async () => {
    const page = await mode().newPage();
    await page.getByRole('button', { name: 'New venture' }).click();
    await waitForResults(page);
    const npvBefore = await metric(page, 'venture-npv');
    await section(page, 'Mine plan and prices');
    const deck = ['1,450', '1,400', '1,350', '1,300', '1,300', '1,250', '1,250', '1,200', '1,200', '1,150', '1,150', '1,100'];
    const first = page.getByRole('textbox', { name: /^Price \d{4}$/ }).first();
    await first.focus();
    await first.evaluate((element, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, `${deck.join('\t')}\r\n`);
    // 1,450 reads 1450 or 1.45: the grid asks before it writes (issue 8; test/e2e/input.test.ts).
    await page.getByRole('alertdialog').getByRole('button', { name: /point marks decimals/ }).click();
    await waitForResults(page);
    const cells = page.getByRole('textbox', { name: /^Price \d{4}$/ });
    expect(await cells.count()).toBe(12);
    expect(await cells.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(deck);
    expect(await metric(page, 'venture-npv')).not.toBe(npvBefore);
    expect(await page.getByRole('img', { name: /Price by year/ }).count()).toBe(1);
    await screenshot(page, 'c-price-deck-pasted');
    await page.context().close();
  });

  it('(d) compares two structures and finds the differing terms', async () => {
    const page = await mode().newPage();
    await openExample(page, 'Northern Spodumene');
    await section(page, 'Compare');
    const matrix = page.getByRole('table', { name: /Metrics by structure and scenario/ });
    await expect.poll(() => matrix.getByText('computing…').count(), { timeout: 15_000 }).toBe(0);
    expect(await matrix.locator('td.differs').count()).toBeGreaterThan(0);
    const sliding = expected('northern-spodumene.sliding-royalty.base');
    // Shown in the column's unit (US$ m), rounded to 0.1.
    const slidingRow = matrix.getByRole('row', { name: /Paying state partner/ });
    expect(await slidingRow.textContent()).toContain((Number(sliding.venture.npv) / 1e6).toFixed(1));

    const sheet = page.getByRole('table', { name: 'Term sheet' });
    await page.getByRole('combobox', { name: 'Left structure' }).selectOption('state-carry-offtake');
    await page.getByRole('combobox', { name: 'Right structure' }).selectOption('sliding-royalty');
    const equity = sheet.getByRole('row', { name: /Equity of National Lithium Corporation/ });
    expect(await equity.textContent()).toContain('15 %');
    expect(await equity.textContent()).toContain('10 %');
    expect(await sheet.getByRole('row', { name: /Carry interest rate of National Lithium Corporation/ }).count()).toBe(1);
    expect(await sheet.getByRole('row', { name: /Band 2 royalty rate/ }).count()).toBe(1);
    expect(await sheet.getByRole('row', { name: /Income tax rate/ }).count()).toBe(1);
    // Terms that are the same in both are left out.
    expect(await sheet.getByRole('row', { name: /Equity of Boreal Minerals/ }).count()).toBe(1);
    expect(await sheet.getByRole('row', { name: /Technology withholding/ }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Benefit split by structure' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'd-compare');
    await sheet.scrollIntoViewIfNeeded();
    await screenshot(page, 'd-term-sheet');
    await page.context().close();
  });

  it('(e) types an invalid equity split and is taken to the problem', async () => {
    const page = await mode().newPage();
    await page.getByRole('button', { name: 'New venture' }).click();
    await waitForResults(page);
    await section(page, 'Partners');
    await page.getByRole('button', { name: 'Add partner' }).click();
    await typeInto(page, 'Equity of partner 1', '80');
    await typeInto(page, 'Equity of partner 2', '30');
    const problems = page.getByRole('region', { name: /problems? to fix/ });
    await problems.waitFor();
    expect(await page.getByText('Equity total 110.00 %').isVisible()).toBe(true);
    await section(page, 'Fiscal terms');
    expect(await page.getByRole('textbox', { name: 'Equity of partner 1' }).count()).toBe(0);
    const link = problems.getByRole('button').filter({ hasText: /equit/i }).first();
    await link.click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path ?? '')).toMatch(/^structures\[0\]\.terms\.partners/);
    expect(await page.getByRole('heading', { name: 'Structure and partners' }).isVisible()).toBe(true);
    await screenshot(page, 'e-equity-problem');
    await page.context().close();
  });

  it('(f) undoes three edits and gets the original numbers back', async () => {
    const page = await mode().newPage();
    await openExample(page, 'Nickel-Cobalt');
    const before = { npv: await metric(page, 'venture-npv'), take: await metric(page, 'government-take'), aetr: await metric(page, 'aetr') };
    await typeInto(page, 'Discount rate (real)', '10');
    await section(page, 'Fiscal terms');
    await typeInto(page, 'Income tax rate', '35');
    await section(page, 'Mine plan and prices');
    await typeInto(page, 'Price 2030', '25,000');
    await waitForResults(page);
    expect(await metric(page, 'venture-npv')).not.toBe(before.npv);
    await screenshot(page, 'f-after-three-edits');

    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitForResults(page);
    expect({ npv: await metric(page, 'venture-npv'), take: await metric(page, 'government-take'), aetr: await metric(page, 'aetr') }).toEqual(before);
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await section(page, 'Settings');
    expect(await page.getByRole('textbox', { name: 'Discount rate (real)' }).inputValue()).toBe('8');
    await screenshot(page, 'f-after-undo');
    await page.context().close();
  });

  it('(g) records negotiation rounds, diffs them term by term, and saves the file', async () => {
    const page = await mode().newPage();
    await openExample(page, 'Northern Spodumene');
    await section(page, 'Negotiation rounds');
    await page.getByRole('textbox', { name: 'Party' }).fill('Ministry');
    await page.getByRole('textbox', { name: 'Note' }).fill('Opening position');
    await page.getByRole('button', { name: 'Save revision' }).click();
    await page.getByRole('status').filter({ hasText: /Recorded revision @\d+/ }).waitFor();

    await section(page, 'Fiscal terms');
    await typeInto(page, 'Band 1 royalty rate', '6');
    await typeInto(page, 'Income tax rate', '28');
    await section(page, 'Negotiation rounds');
    await page.getByRole('textbox', { name: 'Party' }).fill('Boreal Minerals');
    await page.getByRole('textbox', { name: 'Note' }).fill('Counter-offer: lower royalty and tax');
    await page.getByRole('button', { name: 'Save revision' }).click();
    await page.getByRole('status').filter({ hasText: /Recorded revision @\d+ .* for Boreal Minerals/ }).waitFor();
    const revisions = page.getByRole('table', { name: 'Revisions' });
    await expect.poll(() => revisions.getByRole('row').count()).toBe(3);
    expect(await revisions.textContent()).toContain('Counter-offer: lower royalty and tax');
    // Each round keeps what it gave: the two rounds' NPVs differ, since the terms did.
    const gave = await revisions.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => row.lastElementChild?.textContent ?? ''));
    expect(gave.every((text) => /venture NPV US\$ [\d.,]+ m, IRR [\d.]+ %, government take [\d.]+ %/.test(text))).toBe(true);
    expect(new Set(gave).size).toBe(2);

    const options = await page.getByRole('combobox', { name: 'From' }).locator('option').allTextContents();
    const ministry = options.find((text) => text.includes('Ministry'))!;
    const boreal = options.find((text) => text.includes('Boreal Minerals —'))!;
    await page.getByRole('combobox', { name: 'From' }).selectOption({ label: ministry });
    await page.getByRole('combobox', { name: 'To' }).selectOption({ label: boreal });
    await page.getByRole('button', { name: 'Show changes' }).click();
    const changes = page.getByRole('table', { name: 'Changes' });
    await changes.waitFor();
    expect(await changes.getByRole('row').count()).toBe(3);
    expect((await changes.textContent())?.toLowerCase()).toContain('income tax');
    await screenshot(page, 'g-negotiation-rounds');

    expect(await page.getByLabel('Unsaved changes').count()).toBe(1);
    await saveAs(page, 'Spodumene rounds');
    expect(await page.getByLabel('Unsaved changes').count()).toBe(0);
    // A round recorded in a project that has a file is written to it at once.
    await section(page, 'Negotiation rounds');
    await page.getByRole('textbox', { name: 'Party' }).fill('Ministry (round 3)');
    await page.getByRole('button', { name: 'Save revision' }).click();
    await page.getByRole('status').filter({ hasText: /Recorded revision @\d+ of .* for Ministry \(round 3\) and saved it in Spodumene rounds\.orebridge\./ }).waitFor();
    const listed = runCli(['revisions', join(mode().documentsFolder, 'Spodumene rounds.orebridge')]);
    expect(listed.stdout).toContain('Ministry (round 3)');
    expect(await page.getByRole('table', { name: 'Revisions' }).textContent()).toContain('State carried 15%, capped strategic partner, collar offtake');
    await section(page, 'Settings');
    await typeInto(page, 'Inflation', '2.5');
    // Main answers "unsaved?" after the edit reaches it.
    await expect.poll(() => page.getByLabel('Unsaved changes').count()).toBe(1);

    await page.getByRole('button', { name: 'Share copy…' }).click();
    const share = page.getByRole('dialog', { name: 'Share a copy' });
    expect(await share.getByRole('checkbox', { name: /State carried 15%/ }).isChecked()).toBe(true);
    expect(await share.getByRole('checkbox', { name: /Paying state partner/ }).isChecked()).toBe(false);
    // It says what the copy will hold and what it leaves out, and the scenarios can be chosen.
    await share.getByRole('checkbox', { name: 'First production one year late' }).uncheck();
    expect(await share.textContent()).toContain('The copy will contain the structure State carried 15%, capped strategic partner, collar offtake and 2 scenarios: Base case and Spodumene at 75% of the deck.');
    expect(await share.textContent()).toContain('It leaves out the structure Paying state partner, sliding royalty, open offtake, the scenario First production one year late, every note and the revision history.');
    // The copy's name is typed in the dialog itself: " (shared)" is only the suggestion.
    const fileName = share.getByRole('textbox', { name: 'File name' });
    expect(await fileName.inputValue()).toBe('Northern Spodumene JV (shared)');
    await fileName.fill('For the miner');
    expect(await share.textContent()).toContain('The copy is written as For the miner.orebridge.');
    await screenshot(page, 'g-share-dialog');
    await share.getByRole('button', { name: 'Share…' }).click();
    // The name typed is the name written, with no second prompt for it.
    await page.getByText('Wrote a copy to share: For the miner.orebridge.').waitFor();
    const miner = await readProjectFromFile(join(mode().documentsFolder, 'For the miner.orebridge'));
    expect(miner.ok && miner.project.scenarios.map((scenario) => scenario.id)).toEqual(['base', 'low-price']);
    await page.context().close();

    const reopened = await mode().newPage();
    await reopened.getByRole('button', { name: 'Open…' }).click();
    await reopened.getByRole('dialog').getByRole('button', { name: 'Spodumene rounds.orebridge' }).click();
    await waitForResults(reopened);
    await section(reopened, 'Negotiation rounds');
    // Three rounds: the two recorded before the first save and the one saved as it was recorded.
    await expect.poll(() => reopened.getByRole('table', { name: 'Revisions' }).getByRole('row').count()).toBe(4);
    await reopened.context().close();
  });

  it('(h) shares a copy without the internal scenario and the private notes', async () => {
    const page = await mode().newPage();
    await openExample(page, 'Northern Spodumene');
    await typeInto(page, 'Project notes', 'Our walk-away price is 0.8 × deck.');
    await page.getByRole('checkbox', { name: 'Project notes are private (never shared)' }).check();
    await section(page, 'Scenarios and shocks');
    await page.getByRole('checkbox', { name: 'Scenario 2 is internal (left out of shared copies)' }).check();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Scenario 2 is internal (left out of shared copies)' }).isChecked()).toBe(true);
    await screenshot(page, 'h-internal-scenario');
    await page.getByRole('button', { name: 'Share copy…' }).click();
    const share = page.getByRole('dialog', { name: 'Share a copy' });
    await share.getByRole('checkbox', { name: /Paying state partner/ }).check();
    await share.getByRole('checkbox', { name: 'Keep notes that are not private' }).check();
    await share.getByRole('textbox', { name: 'File name' }).fill('Offer for the ministry.orebridge');
    await share.getByRole('button', { name: 'Share…' }).click();
    await page.getByText(/Wrote a copy to share: Offer for the ministry\.orebridge/).waitFor();
    await page.context().close();

    const shared = await readProjectFromFile(join(mode().documentsFolder, 'Offer for the ministry.orebridge'));
    expect(shared.ok).toBe(true);
    if (!shared.ok) return;
    expect(shared.project.structures.map((s) => s.id)).toEqual(['state-carry-offtake', 'sliding-royalty']);
    expect(shared.project.scenarios.map((s) => s.id)).toEqual(['base', 'delay-1y']);
    expect(shared.project.notes ?? null).toBeNull();
  });
  it('(i) follows the system\'s light or dark theme unless the user picks one', async () => {
    const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const dark = await mode().newPage({ colorScheme: 'dark' });
    await dark.getByRole('button', { name: 'New venture' }).click();
    await waitForResults(dark);
    expect(await background(dark)).toBe('rgb(18, 22, 28)');
    await screenshot(dark, 'i-dark-theme');
    const theme = dark.getByRole('combobox', { name: 'Theme' });
    await theme.selectOption({ label: 'Light' });
    await expect.poll(() => background(dark)).toBe('rgb(246, 247, 249)');
    await theme.selectOption({ label: 'Follow the system' });
    await expect.poll(() => background(dark)).toBe('rgb(18, 22, 28)');
    await dark.context().close();

    const light = await mode().newPage({ colorScheme: 'light' });
    await light.getByRole('button', { name: 'New venture' }).click();
    await waitForResults(light);
    expect(await background(light)).toBe('rgb(246, 247, 249)');
    await light.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
    await expect.poll(() => background(light)).toBe('rgb(18, 22, 28)');
    await light.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Follow the system' });
    await light.context().close();
  });

  it('(j) keeps working and saves when the charts cannot be drawn, and draws them on "Try again"', async () => {
    const page = await mode().newPage();
    await openExample(page, 'Northern Spodumene');
    const npv = await metric(page, 'venture-npv');
    // A window that cannot follow its size (ResizeObserver fails): every chart reads it while drawing.
    await page.evaluate(() => {
      const host = window as unknown as Record<string, unknown>;
      host.workingResizeObserver = host.ResizeObserver;
      host.ResizeObserver = class {
        constructor() {
          throw new Error('this window cannot follow its size');
        }
      };
    });
    await section(page, 'Results');
    const failures = page.locator('.drawing-failure');
    await failures.first().waitFor();
    const charts = await failures.count();
    expect(charts).toBeGreaterThanOrEqual(2);
    const cashFlows = failures.filter({ hasText: 'The chart “Cash flow of each party by year” could not be drawn' });
    expect(await cashFlows.getByRole('paragraph').textContent()).toBe(
      'The chart “Cash flow of each party by year” could not be drawn: this window cannot follow its size. Your project is unchanged; you can keep working, save, or try again.',
    );
    expect(await cashFlows.getAttribute('role')).toBe('alert');
    expect(await page.locator('.notice-bar.error').textContent()).toContain('could not be drawn (this window cannot follow its size). Nothing you had is lost');
    // The rest of the section, the results panel and the title bar are still there and usable.
    expect(await page.getByRole('heading', { name: 'Results by party' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Benefit split' }).first().isVisible()).toBe(true);
    expect(await metric(page, 'venture-npv')).toBe(npv);
    await screenshot(page, 'j-charts-not-drawn');
    await section(page, 'Settings');
    await typeInto(page, 'Project name', 'Spodumene after a drawing error');
    await saveAs(page, 'After a drawing error');
    const saved = await readProjectFromFile(join(mode().documentsFolder, 'After a drawing error.orebridge'));
    expect(saved.ok && saved.project.name).toBe('Spodumene after a drawing error');
    expect(saved.ok && saved.project.structures.length).toBe(2);

    // The cause gone, "Try again" (from the keyboard) draws each chart.
    await section(page, 'Results');
    await failures.first().waitFor();
    await page.evaluate(() => {
      const host = window as unknown as Record<string, unknown>;
      host.ResizeObserver = host.workingResizeObserver;
    });
    const tryAgain = cashFlows.getByRole('button', { name: 'Try again' });
    await tryAgain.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: 'Cash flow of each party by year' }).waitFor();
    while ((await failures.count()) > 0) await failures.first().getByRole('button', { name: 'Try again' }).click();
    expect(await page.locator('.chart-drawing svg, .chart-drawing figure').count()).toBeGreaterThanOrEqual(charts);
    await page.context().close();
  });
});
