// @vitest-environment jsdom
// Compare's progressivity chart and concessions table show the numbers of the engine's evaluation
// at the same inputs (the price factor applied as a scenario; each change applied alone).
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dec } from '../../shared/engine/arithmetic.ts';
import { evaluateProject } from '../../shared/engine/index.ts';
import { progressivity, scenarioAtPriceFactor } from '../../shared/negotiation/index.ts';
import { formatPercent } from '../../renderer/lib/format.ts';
import { formatPointsChange, formatPvChange } from '../../renderer/views/ConcessionsTable.tsx';
import { loadExample, renderApp, testWorkspace } from './helpers.tsx';

afterEach(cleanup);

describe('Compare: progressivity and concessions', () => {
  it('the progressivity chart\'s table reads each structure\'s government take at each price factor, as evaluate gives it', async () => {
    const project = loadExample('northern-spodumene');
    const workspace = testWorkspace();
    workspace.editor.loadProject(project);
    await renderApp(workspace);
    act(() => workspace.editor.selectSection('compare'));
    const user = userEvent.setup();
    const toggle = await screen.findByRole('button', { name: /Show values as a table: Government take by price factor, per structure/ }, { timeout: 20_000 });
    await user.click(toggle);
    const table = screen.getAllByRole('table').find((t) => within(t).queryByText('Price factor') !== null)!;
    const rows = within(table).getAllByRole('row').slice(1);
    const expected = progressivity(project, { scenario: 'base' });
    if (!expected.ok) throw new Error(expected.error.message);
    for (const factor of ['0.8', '1', '3']) {
      const row = rows.find((r) => within(r).getAllByRole('rowheader')[0]?.textContent === `${Number(factor).toFixed(2)} × deck`)!;
      const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
      project.structures.forEach((structure, i) => {
        // The same number straight from the engine, with the price factor written as a scenario.
        const scenario = scenarioAtPriceFactor(project.scenarios[0]!, factor, 'at-factor');
        const outcome = evaluateProject({ ...project, scenarios: [...project.scenarios, scenario] }, { structure: structure.id, scenario: 'at-factor' }, { shocks: false, breakeven: false });
        if (!outcome.ok) throw new Error(outcome.error.message);
        expect(cells[i]).toBe(formatPercent(outcome.evaluation.venture.governmentTake, 'en-US', 1));
        expect(expected.value.points.find((p) => p.structure === structure.id && p.priceFactor === factor)!.governmentTake).toBe(outcome.evaluation.venture.governmentTake);
      });
    }
  }, 60_000);

  it('the concessions table under the term sheet reads each change\'s ΔPV per party and Δ government take', async () => {
    const project = loadExample('northern-spodumene');
    const workspace = testWorkspace();
    workspace.editor.loadProject(project);
    await renderApp(workspace);
    act(() => workspace.editor.selectSection('compare'));
    const table = await screen.findByRole('table', { name: 'Concessions' }, { timeout: 20_000 });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(0, 5)).toEqual(['Change', 'Δ PV National Lithium Corporation', 'Δ PV Boreal Minerals plc', 'Δ PV Kanto Cell KK', 'Δ PV Government']);
    const total = within(table).getByRole('row', { name: /All changes together/ });
    const [left, right] = project.structures.map((s) => evaluateProject(project, { structure: s.id, scenario: 'base' }, { shocks: false, breakeven: false }));
    if (!left?.ok || !right?.ok) throw new Error('evaluation failed');
    const pv = (e: typeof left.evaluation, id: string) => new Dec(e.parties.find((p) => p.id === id)!.pv);
    const cells = within(total).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[0]).toBe(formatPvChange(pv(right.evaluation, 'lithco').minus(pv(left.evaluation, 'lithco')).toString(), 'USD', 'en-US'));
    expect(cells[3]).toBe(formatPvChange(pv(right.evaluation, 'government').minus(pv(left.evaluation, 'government')).toString(), 'USD', 'en-US'));
    expect(cells.at(-1)).toBe(formatPointsChange(new Dec(right.evaluation.venture.governmentTake!).minus(left.evaluation.venture.governmentTake!).toString(), 'en-US'));
    expect(within(table).getByRole('rowheader', { name: /Band 1 royalty rate: .* → / })).toBeTruthy();
  }, 60_000);
});
