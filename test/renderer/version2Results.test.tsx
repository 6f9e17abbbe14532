// @vitest-environment jsdom
// The results of methodology v2 in the workspace are the decimal engine's, exactly as
// `orebridge evaluate --json` gives them: DSCR (minimum, average, by year), the lender's PV, the
// debt schedule, supply per offtaker, and what stabilisation is worth under a fiscal change.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import type { Evaluation, Project } from '../../shared/engine/interchange.ts';
import { formatMoney, formatNumber } from '../../renderer/lib/format.ts';
import { formatRatio } from '../../renderer/views/Version2Results.tsx';
import { runCli } from '../support/cli.ts';
import { EXAMPLES, loadExample, renderApp, settle, testWorkspace } from './helpers.tsx';

afterEach(cleanup);
const scratch = mkdtempSync(join(tmpdir(), 'orebridge-v2-results-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const PROJECT = join(EXAMPLES, 'ndpr-strategic-reserve.project.json');
const money = { currency: 'USD', locale: 'en-US' };
const compact = { ...money, compact: true };
const whole = { currency: '', locale: 'en-US' };

function evaluateWithCli(path: string, structure: string, scenario: string): Evaluation {
  const run = runCli(['evaluate', path, '--structure', structure, '--scenario', scenario, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Evaluation;
}

async function showResults(structure: string, scenario: string) {
  const workspace = testWorkspace();
  workspace.editor.loadProject(loadExample('ndpr-strategic-reserve'), null, true);
  const view = await renderApp(workspace);
  act(() => {
    workspace.editor.selectStructure(structure);
    workspace.editor.selectScenario(scenario);
    workspace.editor.selectSection('results');
  });
  await settle(workspace);
  return { ...view, workspace };
}

describe('methodology v2 results in the workspace', () => {
  it('shows DSCR, the external lender, the debt schedule and supply exactly as orebridge evaluate --json', async () => {
    const cli = evaluateWithCli(PROJECT, 'dfi-floor-holiday', 'base');
    const { workspace } = await showResults('dfi-floor-holiday', 'base');
    const v = cli.venture;
    expect(v.minDscr).not.toBeNull();
    const minimum = `${formatRatio(v.minDscr, 'en-US')} in ${v.minDscrYear}`;
    expect(screen.getByTestId('results-min-dscr').textContent).toBe(minimum);
    expect(screen.getByTestId('min-dscr').textContent).toBe(minimum);
    expect(screen.getByTestId('results-average-dscr').textContent).toBe(formatRatio(v.averageDscr, 'en-US'));

    const lender = cli.parties.find((party) => party.id === 'external-lender')!;
    expect(screen.getByTestId('party-pv-external-lender').textContent).toBe(formatMoney(lender.pv, compact));
    const split = within(screen.getByRole('table', { name: 'Benefit split by party' }));
    expect(split.getByRole('row', { name: new RegExp(`^External lenders ${escape(formatMoney(lender.pv, money))}`) })).toBeTruthy();

    // Each tranche's schedule: every year with a flow or a balance, every figure the engine's.
    expect(cli.debt!.length).toBe(2);
    for (const [index, tranche] of cli.debt!.entries()) {
      const table = screen.getByRole('table', { name: new RegExp(`^Debt schedule: Tranche ${index + 1}`) });
      const rows = within(table).getAllByRole('row').slice(1).map((row) => Array.from(row.children).map((cell) => cell.textContent));
      const expected = tranche.years
        .filter((y) => [y.drawdown, y.interest, y.principal, y.balance].some((value) => Number(value) !== 0))
        .map((y) => [String(y.year), ...[y.drawdown, y.interest, y.withholding, y.principal, y.balance].map((value) => formatMoney(value, whole))]);
      expect(rows).toEqual(expected);
    }

    // Supply per offtaker, in total, as the engine's §17 totals.
    for (const [id, volume] of Object.entries(cli.supply!.total.offtakers)) expect(screen.getByTestId(`supply-total-${id}`).textContent).toBe(formatNumber(volume, 'en-US', 0));
    expect(screen.getByTestId('supply-total-market').textContent).toBe(formatNumber(cli.supply!.total.market, 'en-US', 0));
    expect(screen.getByTestId('supply-total-volume').textContent).toBe(formatNumber(cli.supply!.total.volume, 'en-US', 0));

    // DSCR by year in the yearly table's "Debt service" group.
    act(() => workspace.editor.toggleCashFlowGroup('debt-service'));
    const yearly = within(screen.getByRole('table', { name: /Yearly cash flow, every line/ }));
    const dscrRow = yearly.getByRole('row', { name: /^Debt service cover ratio/ });
    expect(Array.from(dscrRow.querySelectorAll('td')).map((cell) => cell.textContent)).toEqual(cli.years.map((y) => (y.dscr == null ? '—' : formatRatio(y.dscr, 'en-US'))));
  });

  it('prices the stabilisation clause: each party\'s PV with it less without it, as the command line evaluates both', async () => {
    const project = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(PROJECT, 'utf8'))) as Project;
    const withoutClause = structuredClone(project);
    const fiscal = withoutClause.structures.find((s) => s.id === 'stabilised-commercial')!.terms.fiscal;
    delete fiscal.stabilized;
    delete fiscal.stabilizedUntilYear;
    const withoutPath = join(scratch, 'without-stabilisation.json');
    writeFileSync(withoutPath, JSON.stringify(withoutClause));
    const stabilised = evaluateWithCli(PROJECT, 'stabilised-commercial', 'fiscal-change');
    const unstabilised = evaluateWithCli(withoutPath, 'stabilised-commercial', 'fiscal-change');

    // One click from the structure: the button beside the clause opens the panel.
    const { workspace } = await showResults('stabilised-commercial', 'base');
    act(() => workspace.editor.selectSection('partners'));
    act(() => screen.getByRole('button', { name: 'What is stabilisation worth?' }).click());
    expect(workspace.store.getState().section).toBe('results');
    const panel = screen.getByRole('heading', { name: 'What stabilisation is worth' }).parentElement!;
    expect(panel.textContent).toContain('Under “From 2033 the royalty rises 3 points and CIT to 35%”: the structure\'s clause (stabilised until 2038)');
    await waitFor(() => expect(within(panel).getAllByTestId(/^stabilisation-worth-/).length).toBe(stabilised.parties.length));
    for (const party of stabilised.parties) {
      const other = unstabilised.parties.find((p) => p.id === party.id)!;
      const worth = Number(party.pv) - Number(other.pv);
      const shown = within(panel).getByTestId(`stabilisation-worth-${party.id}`).textContent;
      expect(shown).toBe(formatMoney(worth, { ...compact, signed: true }));
    }
    // The government loses what the partners gain: stabilisation keeps the higher royalty and tax away.
    expect(Number(stabilised.parties.find((p) => p.id === 'government')!.pv)).toBeLessThan(Number(unstabilised.parties.find((p) => p.id === 'government')!.pv));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
