// Issue 12, journey (d) and the data behind the negotiation views, end to end in Chromium against
// the real browser-mode server: record two rounds and read who gained what; record a party's
// reservation values; read the progressivity of the structures. Screenshots in test-artifacts/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readProjectFromFile } from '../../electron/files/index.ts';
import type { Project } from '../../shared/engine/index.ts';
import { writeTerm } from '../../shared/fields/index.ts';
import { concessions } from '../../shared/negotiation/index.ts';
import { formatPointsChange, formatPvChange } from '../../renderer/views/ConcessionsTable.tsx';
import { screenshot, section, saveAs, useBrowserMode, typeInto, waitForResults } from './workspace-harness.ts';

const mode = useBrowserMode();

async function openExample(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await waitForResults(page);
}

async function recordRound(page: Page, party: string, note: string): Promise<void> {
  await section(page, 'Negotiation rounds');
  await page.getByRole('textbox', { name: 'Party' }).fill(party);
  await page.getByRole('textbox', { name: 'Note' }).fill(note);
  await page.getByRole('button', { name: 'Save revision' }).click();
  await page.getByRole('status').filter({ hasText: new RegExp(`Recorded revision @\\d+ .* for ${party}`) }).waitFor();
}

const spodumene = JSON.parse(readFileSync(new URL('../fixtures/examples/northern-spodumene.project.json', import.meta.url), 'utf8')) as Project;

describe('negotiation journeys in browser mode', { timeout: 120_000 }, () => {
  it('(d) records two rounds and reads who gained what from each change', async () => {
    const page = await mode().newPage();
    await openExample(page, 'Northern Spodumene');
    await recordRound(page, 'Ministry', 'Opening position');
    await section(page, 'Fiscal terms');
    await typeInto(page, 'Band 1 royalty rate', '3');
    await typeInto(page, 'Income tax rate', '27.5');
    await recordRound(page, 'Boreal Minerals', 'Counter-offer: lower royalty and tax');

    const options = await page.getByRole('combobox', { name: 'From' }).locator('option').allTextContents();
    await page.getByRole('combobox', { name: 'From' }).selectOption({ label: options.find((text) => text.includes('Ministry'))! });
    await page.getByRole('combobox', { name: 'To' }).selectOption({ label: options.find((text) => text.includes('Boreal Minerals —'))! });
    await page.getByRole('button', { name: 'Show changes' }).click();
    const table = page.getByRole('table', { name: 'Concessions' });
    await table.waitFor({ timeout: 30_000 });
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'issue12-d-concessions');

    // The same numbers from the engine: the opening structure and the counter-offer, each change alone.
    let after = writeTerm(spodumene, 'state-carry-offtake', 'terms.fiscal.royalty.bands[0].rate', '0.03');
    if (!after.ok) throw new Error(after.error.message);
    after = writeTerm(after.value, 'state-carry-offtake', 'terms.fiscal.incomeTax.rate', '0.275');
    if (!after.ok) throw new Error(after.error.message);
    const expected = concessions(spodumene, spodumene.structures[0]!, after.value.structures[0]!, { scenario: 'base' })!;
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers.slice(0, 5)).toEqual(['Change', 'Δ PV National Lithium Corporation', 'Δ PV Boreal Minerals plc', 'Δ PV Kanto Cell KK', 'Δ PV Government']);
    const rowCells = async (name: RegExp) => table.getByRole('row', { name }).getByRole('cell').allTextContents();
    const royalty = await rowCells(/Band 1 royalty rate: 5 % → 3 %/);
    const tax = await rowCells(/Income tax rate: 30 % → 27.5 %/);
    const total = await rowCells(/All changes together/);
    // A party no change moves has no column (a sentence under the table names it).
    const moved = expected.parties.filter((party) => [...expected.rows, expected.total].some((row) => formatPvChange(row.effect!.pv[party]!, 'USD', 'en-US') !== 'US$ 0'));
    expect(await page.getByText('No change moves the PV of Community, External licensors.').count()).toBe(1);
    const shown = (row: (typeof expected.rows)[number]) => [
      ...moved.map((party) => formatPvChange(row.effect!.pv[party]!, 'USD', 'en-US')),
      formatPointsChange(row.effect!.governmentTake, 'en-US'),
    ];
    expect(royalty).toEqual(shown(expected.rows.find((r) => r.label.startsWith('Band 1 royalty rate'))!));
    expect(tax).toEqual(shown(expected.rows.find((r) => r.label.startsWith('Income tax rate'))!));
    expect(total).toEqual(shown(expected.total));
    // Who gained what: the miner gains from the lower royalty, the government gives it up.
    expect(royalty[1]).toMatch(/^\+US\$ /);
    expect(royalty[3]).toMatch(/^−US\$ /);
    expect(total.at(-1)).toMatch(/^−\d/);
    await page.context().close();
  });

  it('records what the government needs to sign, and keeps it out of a share copy unless chosen', async () => {
    const page = await mode().newPage();
    await openExample(page, 'Northern Spodumene');
    await section(page, 'Partners');
    await page.getByRole('button', { name: 'Record what Government needs' }).click();
    await typeInto(page, "Party 'Government': minimum government take", '35');
    await page.getByRole('button', { name: 'Record what National Lithium Corporation needs' }).click();
    await typeInto(page, "Party 'National Lithium Corporation': minimum PV", '40 m');
    await typeInto(page, "Party 'National Lithium Corporation': minimum IRR", '-150');
    await page.getByText("Party 'National Lithium Corporation': minimum IRR must be above −100 %, not −150 %").first().waitFor();
    await typeInto(page, "Party 'National Lithium Corporation': minimum IRR", '12');
    await page.getByRole('heading', { name: 'Reservation values' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'issue12-reservations');

    await saveAs(page, 'Spodumene reservations');
    const saved = await readProjectFromFile(join(mode().documentsFolder, 'Spodumene reservations.orebridge'));
    expect(saved.ok && saved.project.negotiation).toEqual({ reservations: [
      { party: 'government', minPv: '0', minGovernmentTake: '0.35' },
      { party: 'lithco', minPv: '40000000', minIrr: '0.12' },
    ] });

    await page.getByRole('button', { name: 'Share copy…' }).click();
    const share = page.getByRole('dialog', { name: 'Share a copy' });
    expect(await share.textContent()).toContain("the parties' reservation values");
    await share.getByRole('textbox', { name: 'File name' }).fill('Without reservations');
    await screenshot(page, 'issue12-share-reservations');
    await share.getByRole('button', { name: 'Share…' }).click();
    await page.getByText('Wrote a copy to share: Without reservations.orebridge.').waitFor();
    const copy = readFileSync(join(mode().documentsFolder, 'Without reservations.orebridge'));
    expect(copy.includes(Buffer.from('40000000'))).toBe(false);
    await page.context().close();
  });

  it('shows the progressivity of every compared structure on one chart, with its values as a table', async () => {
    const page = await mode().newPage();
    await openExample(page, 'Northern Spodumene');
    await section(page, 'Compare');
    const chart = page.getByRole('img', { name: /Government take by price factor, per structure/ });
    await chart.waitFor({ timeout: 30_000 });
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, 'issue12-progressivity');
    await page.getByRole('button', { name: /Show values as a table: Government take by price factor/ }).click();
    const table = page.getByRole('table').filter({ hasText: '× deck' });
    // Below 0.7× the deck the pre-tax cash flow sums to less than nothing: government take is undefined there.
    const factors = await table.getByRole('rowheader').allTextContents();
    expect(factors[0]).toBe('0.70 × deck');
    expect(factors.at(-1)).toBe('3.00 × deck');
    await page.context().close();
  });
});
