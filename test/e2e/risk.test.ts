// The Risk journey of issue 11 in Chromium against the real browser-mode server: open an example,
// set price and capex distributions with a correlation, run, read the miner's probability of
// loss, see a mistake at its field, cancel a long run, and compare two structures' risk figures.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, section, useBrowserMode, waitForResults } from './workspace-harness.ts';

const mode = useBrowserMode(180_000);

async function fill(page: Page, scope: string | null, name: string, text: string): Promise<void> {
  const root = scope === null ? page : page.getByRole('group', { name: scope });
  const field = root.getByRole('textbox', { name, exact: true });
  await field.fill(text);
  await field.press('Tab');
}

describe('the Risk section in browser mode', { timeout: 240_000 }, () => {
  it('simulates an example with correlated price and capex, shows the miner’s probability of loss, cancels a long run, and compares structures', async () => {
    const page = await mode().newPage();
    await page.getByRole('button', { name: /Northern Spodumene/ }).click();
    await waitForResults(page);
    await section(page, 'Risk');
    await page.getByRole('button', { name: 'Define the risk (start from the defaults)' }).click();
    await fill(page, null, 'Iterations', '3000');
    await fill(page, 'Uncertain input price', 'P10 (1 in 10 below)', '0.7');
    await fill(page, 'Uncertain input price', 'P90 (1 in 10 above)', '1.35');
    await fill(page, 'Uncertain input capex', 'Maximum', '1.7');
    await fill(page, null, 'Correlation of price and capex', '0.5');

    // A mistake shows at its field, and no run starts until it is fixed.
    await fill(page, 'Uncertain input capex', 'Most likely', '1.9');
    await expect.poll(() => page.getByRole('group', { name: 'Uncertain input capex' }).getByRole('alert').first().textContent()).toMatch(/must be at most max \(1\.7\)/);
    await screenshot(page, 'risk-a-problem-at-field');
    await fill(page, 'Uncertain input capex', 'Most likely', '1.1');

    await page.getByText('3,000 iterations.').waitFor({ timeout: 120_000 });
    const miner = page.locator('table[aria-label="Statistics per party"] tr[data-party="miner"] td.risk-loss');
    const loss = (await miner.textContent()) ?? '';
    expect(loss).toMatch(/^\d+(\.\d)? %$/);
    const lossShare = Number(loss.replace(/[^\d.]/g, '')) / 100;
    expect(lossShare).toBeGreaterThan(0);
    expect(lossShare).toBeLessThan(1);
    expect(await page.getByRole('img', { name: /PV over 3,000 iterations/ }).count()).toBeGreaterThan(0);
    await page.locator('table[aria-label="Statistics per party"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'risk-b-results');
    await page.getByRole('heading', { name: /Simulated outcomes/ }).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 900);
    await screenshot(page, 'risk-c-charts');

    // A long run can be cancelled; typing goes on meanwhile.
    await fill(page, null, 'Iterations', '1000000');
    await page.getByRole('progressbar').or(page.locator('progress')).first().waitFor({ timeout: 60_000 });
    await page.getByText(/^Simulating: /).waitFor({ timeout: 120_000 });
    await screenshot(page, 'risk-d-long-run');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('The run was cancelled.').waitFor();
    await screenshot(page, 'risk-e-cancelled');

    // Compare: both structures under the same draws.
    await fill(page, null, 'Iterations', '2000');
    await section(page, 'Compare');
    await page.getByRole('button', { name: 'Simulate the risk of each structure' }).click();
    const table = page.getByRole('table', { name: 'Risk by structure' });
    await expect.poll(() => table.locator('thead th[data-structure]').count(), { timeout: 120_000 }).toBe(2);
    const minerRow = (await table.locator('tbody tr[data-party="miner"]').allTextContents()).join(' ');
    expect(minerRow).toMatch(/Boreal Minerals plc\s*\d+(\.\d)? %\s*\d+(\.\d)? %/);
    expect(await table.locator('thead').textContent()).toMatch(/state-carry-offtake: probability of loss.*sliding-royalty: probability of loss/);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'risk-f-compare');
    await page.context().close();
  });
});
