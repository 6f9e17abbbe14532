// The negotiation journeys of issue 12 in Chromium against the real browser-mode server:
// (a) from the royalty field, solve for a government take of 55 % and apply it; the applied
// project, evaluated by `orebridge evaluate`, gives 55 % within 1e-9; (b) solve the state's
// equity for a PV of US$ 60 m balanced by the miner; (c) open the deal space for royalty × state
// equity, see the agreement zone and apply the Nash point as a new structure (and cancel a long map).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Evaluation, Project } from '../../shared/engine/interchange.ts';
import { runCli } from '../support/cli.ts';
import { screenshot, section, useBrowserMode, waitForResults } from './workspace-harness.ts';

const mode = useBrowserMode(180_000);
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'orebridge-negotiation-e2e-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function openSpodumene(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Northern Spodumene/ }).click();
  await waitForResults(page);
}

async function projectOnScreen(page: Page): Promise<Project> {
  return page.evaluate(() => (window as unknown as { orebridgeWorkspace: { store: { getState(): { project: Project } } } }).orebridgeWorkspace.store.getState().project);
}

/** `orebridge evaluate --json` of the project as the workspace holds it. */
function evaluateWithCli(project: Project, structure: string, name: string): Evaluation {
  const file = join(scratch, `${name}.project.json`);
  writeFileSync(file, JSON.stringify(project));
  const result = runCli(['evaluate', file, '--structure', structure, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Evaluation;
}

describe('negotiation in browser mode', { timeout: 240_000 }, () => {
  it('(a) solves the royalty for a government take of 55 % from the royalty field and applies it', async () => {
    const page = await mode().newPage();
    await openSpodumene(page);
    await section(page, 'Fiscal terms');
    const royalty = page.getByRole('textbox', { name: 'Band 1 royalty rate', exact: true });
    await royalty.focus();
    await royalty.press('Control+Shift+G');
    const dialog = page.getByRole('dialog', { name: 'Solve for a target' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Metric' }).inputValue()).toBe('venture.governmentTake');
    await dialog.getByRole('textbox', { name: 'Target' }).fill('55 %');
    await dialog.getByRole('button', { name: 'Solve', exact: true }).click();
    const value = dialog.getByTestId('solve-value');
    await value.waitFor({ timeout: 60_000 });
    expect(await value.textContent()).toMatch(/^9\.17\d* %$/);
    expect(await dialog.getByText(/^Venture: NPV/).textContent()).toContain('government take 55.00 %');
    await screenshot(page, 'negotiation-a-solve-royalty');
    await dialog.getByRole('button', { name: /^Apply Band 1 royalty rate/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForResults(page);
    expect(await page.getByTestId('government-take').textContent()).toMatch(/55\.0 %/);
    await screenshot(page, 'negotiation-a-applied');

    const project = await projectOnScreen(page);
    const evaluation = evaluateWithCli(project, 'state-carry-offtake', 'journey-a');
    expect(Math.abs(Number(evaluation.venture.governmentTake) - 0.55)).toBeLessThan(1e-9);
    // One undo step takes the royalty back to 5 %.
    await page.getByRole('button', { name: 'Undo' }).click();
    expect((await projectOnScreen(page)).structures[0]!.terms.fiscal.royalty.bands[0]!.rate).toBe(0.05);
    await page.context().close();
  });

  it("(b) solves the state's equity for a PV of US$ 60 m, balanced by the miner", async () => {
    const page = await mode().newPage();
    await openSpodumene(page);
    await section(page, 'Partners');
    await page.getByRole('button', { name: 'Solve Equity of National Lithium Corporation for a target…' }).or(page.getByRole('button', { name: 'Solve Equity of partner 1 for a target…' })).first().click();
    const dialog = page.getByRole('dialog', { name: 'Solve for a target' });
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Metric' }).inputValue()).toBe('pv');
    expect(await dialog.getByRole('combobox', { name: 'Party' }).inputValue()).toBe('lithco');
    expect(await dialog.getByRole('combobox', { name: 'Balanced by' }).inputValue()).toBe('miner');
    await dialog.getByRole('textbox', { name: 'Target' }).fill('US$ 60 m');
    await dialog.getByRole('button', { name: 'Solve', exact: true }).click();
    const value = dialog.getByTestId('solve-value');
    await value.waitFor({ timeout: 60_000 });
    expect(await value.textContent()).toMatch(/^22\.86\d* %$/);
    await screenshot(page, 'negotiation-b-solve-equity');
    await dialog.getByRole('button', { name: /^Apply Equity of/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForResults(page);
    const project = await projectOnScreen(page);
    const partners = project.structures[0]!.terms.partners;
    expect(partners.map((p) => p.id)).toEqual(['lithco', 'miner', 'cellmaker']);
    expect(Number(partners[0]!.equity) + Number(partners[1]!.equity)).toBeCloseTo(0.7, 12);
    expect(partners[2]!.equity).toBe(0.3);
    const evaluation = evaluateWithCli(project, 'state-carry-offtake', 'journey-b');
    const lithco = Number(evaluation.parties.find((p) => p.id === 'lithco')!.pv);
    expect(Math.abs(lithco - 60e6) / 60e6).toBeLessThan(1e-9);
    await screenshot(page, 'negotiation-b-applied');
    await page.context().close();
  });

  it('(c) maps royalty × state equity, sees the agreement zone and applies the Nash point as a new structure', async () => {
    const page = await mode().newPage();
    await openSpodumene(page);
    await section(page, 'Deal space');
    expect(await page.getByRole('combobox', { name: 'Across (first term)' }).inputValue()).toBe('terms.fiscal.royalty.bands[0].rate');
    expect(await page.getByRole('combobox', { name: 'Up (second term)' }).inputValue()).toBe('terms.partners[0].equity');

    // A long map shows its progress and can be cancelled.
    await page.getByRole('textbox', { name: 'Grid steps per term' }).fill('401');
    await page.getByRole('button', { name: 'Map the deal space' }).click();
    await page.getByText(/^Mapping: \d+ of 401 rows$/).waitFor({ timeout: 60_000 });
    await screenshot(page, 'negotiation-c-long-map');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Mapping cancelled.').waitFor();

    await page.getByRole('textbox', { name: 'Grid steps per term' }).fill('41');
    await page.getByRole('textbox', { name: 'Across to' }).fill('20 %');
    await page.getByRole('button', { name: 'Map the deal space' }).click();
    const zone = page.getByText(/^Agreement zone: [\d,]+ of 1,681 points/);
    await zone.waitFor({ timeout: 120_000 });
    expect(await page.getByRole('img', { name: /over Band 1 royalty rate × Equity of/ }).count()).toBe(1);
    const points = page.getByRole('table', { name: /Bargaining points/ });
    expect(await points.getByRole('columnheader', { name: 'Nash bargaining point' }).count()).toBe(1);
    expect(await points.getByRole('columnheader', { name: 'Kalai–Smorodinsky point' }).count()).toBe(1);
    expect(await points.getByRole('row', { name: /^PV of Government US\$ [\d,]+ US\$ [\d,]+/ }).count()).toBe(1);
    await screenshot(page, 'negotiation-c-deal-space');
    await points.scrollIntoViewIfNeeded();
    await screenshot(page, 'negotiation-c-points');

    const before = (await projectOnScreen(page)).structures.length;
    await points.getByRole('button', { name: 'Apply the Nash point as a new structure' }).click();
    // The map does not go stale when a structure is added: the mapped structure is unchanged.
    await expect.poll(async () => (await projectOnScreen(page)).structures.length).toBe(before + 1);
    const project = await projectOnScreen(page);
    const added = project.structures[project.structures.length - 1]!;
    expect(added.name).toMatch(/\(Nash point\)$/);
    expect(await page.getByRole('combobox', { name: 'Structure' }).inputValue()).toBe(added.id);
    const evaluation = evaluateWithCli(project, added.id, 'journey-c');
    expect(evaluation.parties.every((p) => p.kind !== 'partner' || Number(p.pv) >= 0)).toBe(true);
    expect(await page.getByText(/changed since this map was drawn/).count()).toBe(0);
    await waitForResults(page);
    await screenshot(page, 'negotiation-c-applied');

    // The line along the first term.
    await page.getByRole('button', { name: 'Sweep the first term' }).click();
    const sweep = page.getByRole('img', { name: /Each party's PV along Band 1 royalty rate/ });
    await sweep.waitFor({ timeout: 60_000 });
    await sweep.scrollIntoViewIfNeeded();
    await screenshot(page, 'negotiation-c-sweep');
    await page.context().close();
  });

  it('reads at 1280 × 720 in the dark theme: the deal space and the dialog fit without sideways scrolling', async () => {
    const page = await mode().newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark' });
    await openSpodumene(page);
    await section(page, 'Deal space');
    await page.getByRole('textbox', { name: 'Grid steps per term' }).fill('21');
    await page.getByRole('textbox', { name: 'Across to' }).fill('20 %');
    await page.getByRole('button', { name: 'Map the deal space' }).click();
    await page.getByText(/^Agreement zone: [\d,]+ of 441 points/).waitFor({ timeout: 120_000 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('img', { name: /over Band 1 royalty rate/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'negotiation-d-dark-1280');
    await section(page, 'Fiscal terms');
    await page.getByRole('button', { name: 'Solve Band 1 royalty rate for a target…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Solve for a target' });
    await dialog.getByRole('textbox', { name: 'Target' }).fill('55 %');
    await dialog.getByRole('button', { name: 'Solve', exact: true }).click();
    await dialog.getByTestId('solve-value').waitFor({ timeout: 60_000 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'negotiation-d-dark-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the field the dialog was opened from.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('structures[0].terms.fiscal.royalty.bands[0].rate');
    await page.context().close();
  });
});
