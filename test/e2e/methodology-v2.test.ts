// Issue 10's journey, end to end in Chromium through browser mode: open the NdPr strategic-reserve
// example (methodology v2), add a concessional DFI loan to a structure, read the minimum DSCR and
// the lender's PV, add a fiscal-change scenario and read what stabilisation is worth to each
// party, save, reopen and see it all again. The numbers shown are checked against
// `orebridge evaluate --json` on the saved file. Screenshots in test-artifacts/.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Evaluation } from '../../shared/engine/interchange.ts';
import { formatMoney } from '../../renderer/lib/format.ts';
import { formatRatio } from '../../renderer/views/Version2Results.tsx';
import { runCli } from '../support/cli.ts';
import { metric, screenshot, section, saveAs, useBrowserMode, typeInto, waitForResults } from './workspace-harness.ts';

const mode = useBrowserMode();

const STRUCTURE = 'stabilised-commercial';
const SCENARIO_NAME = 'Royalty +2 points and CIT 33 % from 2032';
const compact = { currency: 'USD', locale: 'en-US', compact: true };

function evaluate(path: string, scenario: string): Evaluation {
  const run = runCli(['evaluate', path, '--structure', STRUCTURE, '--scenario', scenario, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Evaluation;
}

/** What stabilisation is worth to each party, as the command line evaluates the structure with and without its clause. */
function worthByCli(path: string, scenario: string): Record<string, string> {
  const exported = runCli(['export', path]);
  expect(exported.code, exported.stderr).toBe(0);
  const project = JSON.parse(exported.stdout) as { structures: { id: string; terms: { fiscal: Record<string, unknown> } }[] };
  const fiscal = project.structures.find((s) => s.id === STRUCTURE)!.terms.fiscal;
  delete fiscal.stabilized;
  delete fiscal.stabilizedUntilYear;
  const without = join(mode().documentsFolder, 'without-clause.json');
  writeFileSync(without, JSON.stringify(project));
  const withClause = evaluate(path, scenario);
  const withoutClause = evaluate(without, scenario);
  return Object.fromEntries(withClause.parties.map((party) => [party.id, formatMoney(Number(party.pv) - Number(withoutClause.parties.find((p) => p.id === party.id)!.pv), { ...compact, signed: true })]));
}

async function shownWorth(page: Page): Promise<Record<string, string>> {
  const cells = page.getByTestId(/^stabilisation-worth-/);
  await cells.first().waitFor();
  const entries: [string, string][] = [];
  for (const cell of await cells.all()) entries.push([(await cell.getAttribute('data-testid'))!.replace('stabilisation-worth-', ''), (await cell.textContent()) ?? '']);
  return Object.fromEntries(entries);
}

describe('methodology v2 in the workspace (issue 10)', { timeout: 180_000 }, () => {
  it('adds a concessional DFI loan, reads DSCR and the lender\'s PV, prices stabilisation under a fiscal change, saves and reopens', async () => {
    const page = await mode().newPage({ viewport: { width: 1440, height: 900 } });
    await page.getByRole('button', { name: /NdPr Mine and Separation with Strategic-Reserve Floor/ }).click();
    await waitForResults(page);
    await page.getByRole('combobox', { name: 'Structure' }).selectOption(STRUCTURE);
    await waitForResults(page);
    const lenderBefore = await page.getByTestId('party-pv-external-lender').textContent();

    await section(page, 'Financing');
    await page.getByRole('button', { name: 'Add loan tranche' }).click();
    await typeInto(page, 'Name of tranche 2', 'DFI concessional loan');
    await typeInto(page, 'Interest rate of tranche 2', '2 %');
    await typeInto(page, 'Grace years of tranche 2', '3');
    await typeInto(page, 'Tenor of tranche 2', '12');
    await page.getByRole('combobox', { name: 'Repayment of tranche 2' }).selectOption('annuity');
    await typeInto(page, 'Maximum amount of tranche 2', '150 m');
    await typeInto(page, 'Gearing of tranche 2', '20');
    await typeInto(page, 'First drawdown year of tranche 2', '2028');
    await typeInto(page, 'Last drawdown year of tranche 2', '2030');
    await waitForResults(page);
    const minDscr = await metric(page, 'min-dscr');
    expect(minDscr).toMatch(/^\d+\.\d\d× in 20\d\d$/);
    const lenderPv = (await page.getByTestId('party-pv-external-lender').textContent()) ?? '';
    expect(lenderPv).not.toBe(lenderBefore);
    await page.getByRole('group', { name: 'Tranche 2: DFI concessional loan' }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'v2-financing-dfi-loan');

    await section(page, 'Results');
    await waitForResults(page);
    expect(await page.getByTestId('results-min-dscr').textContent()).toBe(minDscr);
    await page.getByRole('heading', { name: 'Debt service cover' }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'v2-results-debt-service');
    await page.getByRole('table', { name: /^Debt schedule: Tranche 2: DFI concessional loan/ }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'v2-results-debt-schedule');
    await page.getByRole('heading', { name: /^Supply secured/ }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'v2-results-supply');

    await section(page, 'Scenarios and shocks');
    await page.getByRole('button', { name: 'Add scenario' }).click();
    await typeInto(page, 'Name of scenario 4', SCENARIO_NAME);
    await page.getByRole('checkbox', { name: 'Fiscal change, scenario 4' }).check();
    await typeInto(page, 'Fiscal change from year, scenario 4', '2032');
    await typeInto(page, 'Royalty rate change, scenario 4', '2');
    await typeInto(page, 'Income tax rate after the change, scenario 4', '33 %');
    await waitForResults(page);
    await page.getByRole('checkbox', { name: 'Fiscal change, scenario 4' }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'v2-fiscal-change-scenario');

    // One click from the structure to what its clause is worth.
    await section(page, 'Partners');
    await page.getByRole('button', { name: 'What is stabilisation worth?' }).click();
    await page.getByRole('combobox', { name: 'Under the fiscal change of' }).selectOption({ label: SCENARIO_NAME });
    await expect.poll(() => page.getByRole('heading', { name: 'What stabilisation is worth' }).locator('..').textContent()).toContain(`Under “${SCENARIO_NAME}”`);
    const worth = await shownWorth(page);
    // Only the columns scroll: the window never slides under the top bar (hidden captions stay in their column).
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    expect(Object.keys(worth)).toContain('government');
    expect(worth.government).toMatch(/^−US\$/);
    await page.getByRole('heading', { name: 'What stabilisation is worth' }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'v2-stabilisation-worth');

    await saveAs(page, 'NdPr with DFI loan');
    await page.context().close();

    // The saved file evaluates, on the command line, to exactly what the workspace showed.
    const saved = join(mode().documentsFolder, 'NdPr with DFI loan.orebridge');
    const base = evaluate(saved, 'base');
    expect(`${formatRatio(base.venture.minDscr, 'en-US')} in ${base.venture.minDscrYear}`).toBe(minDscr);
    expect(formatMoney(base.parties.find((p) => p.id === 'external-lender')!.pv, compact)).toBe(lenderPv);
    expect(base.debt!.map((d) => d.lender)).toEqual(['external', 'external']);
    const scenarioId = (JSON.parse(runCli(['export', saved]).stdout) as { scenarios: { id: string; name?: string }[] }).scenarios.find((s) => s.name === SCENARIO_NAME)!.id;
    expect(worthByCli(saved, scenarioId)).toEqual(worth);

    const reopened = await mode().newPage({ viewport: { width: 1440, height: 900 } });
    await reopened.getByRole('button', { name: 'Open…' }).click();
    await reopened.getByRole('dialog').getByRole('button', { name: 'NdPr with DFI loan.orebridge' }).click();
    await waitForResults(reopened);
    await reopened.getByRole('combobox', { name: 'Structure' }).selectOption(STRUCTURE);
    await waitForResults(reopened);
    expect(await metric(reopened, 'min-dscr')).toBe(minDscr);
    expect(await reopened.getByTestId('party-pv-external-lender').textContent()).toBe(lenderPv);
    await section(reopened, 'Financing');
    expect(await reopened.getByRole('textbox', { name: 'Name of tranche 2' }).inputValue()).toBe('DFI concessional loan');
    expect(await reopened.getByRole('textbox', { name: 'Interest rate of tranche 2' }).inputValue()).toBe('2');
    await section(reopened, 'Partners');
    await reopened.getByRole('button', { name: 'What is stabilisation worth?' }).click();
    await reopened.getByRole('combobox', { name: 'Under the fiscal change of' }).selectOption({ label: SCENARIO_NAME });
    await expect.poll(() => reopened.getByRole('heading', { name: 'What stabilisation is worth' }).locator('..').textContent()).toContain(`Under “${SCENARIO_NAME}”`);
    await expect.poll(() => shownWorth(reopened)).toEqual(worth);
    await screenshot(reopened, 'v2-reopened-stabilisation');
    await reopened.context().close();
  });

  it('upgrades a version-1 venture when a loan is added, says so, and undoes both in one step', async () => {
    const page = await mode().newPage({ viewport: { width: 1280, height: 720 } });
    await page.getByRole('button', { name: 'New venture' }).click();
    await waitForResults(page);
    expect(await page.getByTestId('min-dscr').count()).toBe(0);
    await section(page, 'Financing');
    await page.getByRole('button', { name: 'Add loan tranche' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'This project now uses methodology v2' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('so it is saved as a version-2 file');
    await waitForResults(page);
    // A loan that draws nothing yet: no debt service, and the summary says so.
    expect(await metric(page, 'min-dscr')).toBe('no debt service');
    await screenshot(page, 'v2-upgrade-notice');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('No loans in this structure').waitFor();
    await waitForResults(page);
    expect(await page.getByTestId('min-dscr').count()).toBe(0);
    await page.context().close();
  });
});
