// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { evaluateProject } from '../../shared/engine/index.ts';
import { WorkspaceProvider, type Workspace } from '../../renderer/app/context.tsx';
import { createDocumentCommands } from '../../renderer/app/documentCommands.ts';
import { selectionKey } from '../../renderer/engine/protocol.ts';
import { createResultsStore } from '../../renderer/engine/resultsStore.ts';
import { createEditor } from '../../renderer/store/editor.ts';
import { createWorkspaceStore } from '../../renderer/store/workspaceStore.ts';
import { ResultsSection } from '../../renderer/views/ResultsSection.tsx';
import { loadExample } from './helpers.tsx';

afterEach(cleanup);

function evaluated(example: string, structure: string) {
  const project = loadExample(example);
  const outcome = evaluateProject(project, { structure, scenario: project.scenarios[0]!.id }, { shocks: false, breakeven: false });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const store = createWorkspaceStore({ locale: 'en-US' });
  const editor = createEditor(store);
  editor.loadProject(project);
  editor.selectStructure(structure);
  const results = createResultsStore();
  const latest = { [selectionKey({ structure, scenario: project.scenarios[0]!.id })]: { version: 0, evaluation: outcome.evaluation, error: null, kind: 'full' as const } };
  results.setState({ version: 0, validatedVersion: 0, problems: [], latest, latestFull: latest });
  const workspace: Workspace = { store, editor, results, api: null, commands: createDocumentCommands(store, editor, null) };
  render(<WorkspaceProvider workspace={workspace}><ResultsSection /></WorkspaceProvider>);
  return outcome.evaluation;
}

describe('the audit lines of the yearly table', () => {
  it('shows escalation, deflator and discount factor per year, and each partner’s funding lines', async () => {
    const user = userEvent.setup();
    const evaluation = evaluated('nickel-cobalt-hpal', 'state-carry-rrt');
    const table = screen.getByRole('table', { name: /Yearly cash flow/ });
    await user.click(within(table).getByRole('button', { name: /Year factors/ }));
    const discount = within(table).getByRole('rowheader', { name: 'Discount factor' }).closest('tr')!;
    expect(within(discount).getAllByRole('cell')[0]!.textContent).toBe(Number(evaluation.years[0]!.discountFactor).toFixed(6));
    expect(within(table).getByRole('rowheader', { name: 'Escalation index' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'Deflator' })).toBeTruthy();
    const partnerGroups = within(table).getAllByRole('button', { name: /^Funding of / });
    expect(partnerGroups).toHaveLength(Object.keys(evaluation.years[0]!.partners!).length);
    await user.click(partnerGroups[0]!);
    for (const line of ['Participating interest', 'Cash call paid', 'Carry balance (end of year)', 'Carry repaid', 'Carry repayments received', 'Distribution (after withholding)', 'Dividend withholding', 'Flow']) {
      expect(within(table).getByRole('rowheader', { name: line })).toBeTruthy();
    }
    const balance = within(table).getByRole('rowheader', { name: 'Carry balance (end of year)' }).closest('tr')!;
    const firstId = Object.keys(evaluation.years[0]!.partners!)[0]!;
    expect(within(balance).getAllByRole('cell')[2]!.textContent).toBe(Math.round(Number(evaluation.years[2]!.partners![firstId]!.carryBalance)).toLocaleString('en-US'));
  });

  it('reconciles the venture NPV with the parties’ present values', () => {
    const evaluation = evaluated('nickel-cobalt-hpal', 'state-carry-rrt');
    const table = screen.getByRole('table', { name: /reconciled/ });
    const row = (label: RegExp) => within(table).getAllByRole('rowheader', { name: label })[0]!.closest('tr')!.textContent ?? '';
    const money = (value: string) => Math.round(Math.abs(Number(value))).toLocaleString('en-US');
    expect(row(/^Pre-tax NPV/)).toContain(money(evaluation.reconciliation!.preTaxNpv));
    expect(row(/^− government/)).toContain(money(evaluation.reconciliation!.governmentPv));
    expect(row(/^Venture NPV/)).toContain(money(evaluation.venture.npv));
    expect(row(/^= partners together/)).toContain(money(evaluation.reconciliation!.partnersPv));
  });
});
