// @vitest-environment jsdom
// Result panels fed with the expected evaluations of the spec's examples (sample results).
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Evaluation } from '../../shared/engine/interchange.ts';
import { WorkspaceProvider, type Workspace } from '../../renderer/app/context.tsx';
import { createDocumentCommands } from '../../renderer/app/documentCommands.ts';
import { selectionKey } from '../../renderer/engine/protocol.ts';
import { createResultsStore } from '../../renderer/engine/resultsStore.ts';
import { jobFor } from '../../renderer/engine/resultsController.ts';
import { runEngineJob } from '../../renderer/engine/runJob.ts';
import { createEditor } from '../../renderer/store/editor.ts';
import { createWorkspaceStore } from '../../renderer/store/workspaceStore.ts';
import { ResultsSection } from '../../renderer/views/ResultsSection.tsx';
import { SummaryPanel } from '../../renderer/views/SummaryPanel.tsx';
import { CompareSection } from '../../renderer/views/CompareSection.tsx';
import { loadExample, loadExpected } from './helpers.tsx';

afterEach(cleanup);

function panelWorkspace(example: string, evaluations: Evaluation[]): Workspace {
  const store = createWorkspaceStore({ locale: 'en-US' });
  const editor = createEditor(store);
  editor.loadProject(loadExample(example));
  const results = createResultsStore();
  const latest = Object.fromEntries(evaluations.map((evaluation) => [selectionKey({ structure: evaluation.structure, scenario: evaluation.scenario }), { version: 0, evaluation, error: null, kind: 'full' as const }]));
  results.setState({ version: 0, validatedVersion: 0, problems: [], latest, latestFull: latest });
  return { store, editor, results, api: null, commands: createDocumentCommands(store, editor, null) };
}

function renderPanels(workspace: Workspace, panels: React.ReactNode) {
  return render(<WorkspaceProvider workspace={workspace}>{panels}</WorkspaceProvider>);
}

const spodumene = loadExpected('northern-spodumene.state-carry-offtake.base') as Evaluation;

describe('headline results', () => {
  it('shows venture NPV, IRR, pre-tax NPV, government take, AETR, breakeven and payback', () => {
    renderPanels(panelWorkspace('northern-spodumene', [spodumene]), <SummaryPanel />);
    const v = spodumene.venture;
    expect(screen.getByTestId('venture-npv').textContent).toBe(`US$ ${(Number(v.npv) / 1e6).toFixed(1)} m`);
    expect(screen.getByTestId('venture-irr').textContent).toBe(`${(Number(v.irr) * 100).toFixed(1)} %`);
    expect(screen.getByTestId('pre-tax-npv').textContent).toBe(`US$ ${(Number(v.preTaxNpv) / 1e6).toFixed(1)} m`);
    expect(screen.getByTestId('government-take').textContent).toBe(`${(Number(v.governmentTake) * 100).toFixed(1)} %`);
    expect(screen.getByTestId('aetr').textContent).toBe(`${(Number(v.aetr) * 100).toFixed(1)} %`);
    expect(screen.getByTestId('breakeven').textContent).toMatch(/× deck$/);
    expect(screen.getByTestId('payback').textContent).toBe(String(v.paybackYear));
    expect(screen.getByRole('status').textContent).toBe('Up to date');
  });

  it('says "several IRRs" with every root, or "none", and never guesses', () => {
    const several: Evaluation = { ...spodumene, venture: { ...spodumene.venture, irr: null, irrRoots: ['0.05', '0.31'] } };
    const { unmount } = renderPanels(panelWorkspace('northern-spodumene', [several]), <SummaryPanel />);
    expect(screen.getByTestId('venture-irr').textContent).toBe('several IRRs: 5.0 %, 31.0 %');
    unmount();
    const none: Evaluation = { ...spodumene, venture: { ...spodumene.venture, irr: null, irrRoots: [], paybackYear: null } };
    renderPanels(panelWorkspace('northern-spodumene', [none]), <SummaryPanel />);
    expect(screen.getByTestId('venture-irr').textContent).toBe('none');
    expect(screen.getByTestId('payback').textContent).toBe('never');
  });

  it('marks results computed from older inputs as updating', () => {
    const workspace = panelWorkspace('northern-spodumene', [spodumene]);
    workspace.results.setState({ version: 1 });
    renderPanels(workspace, <SummaryPanel />);
    expect(screen.getByRole('status').textContent).toBe('Updating…');
  });
});

describe('results by party', () => {
  it('lists every party with PV, share and undiscounted total, named as in the project', () => {
    renderPanels(panelWorkspace('northern-spodumene', [spodumene]), <ResultsSection />);
    const table = screen.getByRole('table', { name: 'Benefit split by party' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(spodumene.parties.length);
    expect(rows[0]!.textContent).toContain('National Lithium Corporation');
    const government = spodumene.parties.find((p) => p.id === 'government')!;
    const governmentRow = within(table).getByRole('row', { name: /Government/ });
    expect(governmentRow.textContent).toContain(`US$ ${Math.round(Number(government.pv)).toLocaleString('en-US')}`);
    expect(governmentRow.textContent).toContain(`${(Number(government.share) * 100).toFixed(1)} %`);
    expect(screen.getByRole('img', { name: 'Present value by party' })).toBeTruthy();
  });

  it('shows each partner’s NPV at hurdle, IRR, payback and peak exposure', () => {
    renderPanels(panelWorkspace('northern-spodumene', [spodumene]), <ResultsSection />);
    const table = screen.getByRole('table', { name: 'Partner metrics' });
    const miner = spodumene.parties.find((p) => p.id === 'miner')!;
    const row = within(table).getByRole('row', { name: /Boreal Minerals plc/ });
    expect(row.textContent).toContain(`${(Number(miner.irr) * 100).toFixed(1)} %`);
    expect(row.textContent).toContain(String(miner.paybackYear));
    expect(row.textContent).toContain(`US$ ${Math.round(Number(miner.peakExposure)).toLocaleString('en-US')}`);
  });

  it('shows every line of the yearly cash flow, in groups that open and close', async () => {
    const user = userEvent.setup();
    renderPanels(panelWorkspace('northern-spodumene', [spodumene]), <ResultsSection />);
    const table = screen.getByRole('table', { name: /Yearly cash flow/ });
    expect(within(table).getByRole('row', { name: /Free cash flow/ })).toBeTruthy();
    expect(within(table).queryByRole('rowheader', { name: 'Royalty' })).toBeNull();
    for (const group of ['Production and revenue', 'Costs and capital', 'Royalty and taxes', 'Party flows', 'Participating interests']) {
      await user.click(within(table).getByRole('button', { name: new RegExp(group) }));
    }
    const lines = ['Sales volume', 'Market revenue', 'Venture revenue', 'Royalty', 'Operating cost', 'Selling cost', 'Community share', 'Technology payments', 'Closure', 'Capital expenditure', 'Change in working capital', 'Depreciation', 'Taxable income', 'Income tax', 'Resource rent tax', 'Withholding tax', 'Free cash flow', 'Pre-tax net cash flow'];
    for (const line of lines) expect(within(table).getAllByRole('rowheader', { name: new RegExp(`^${line}`) }).length).toBeGreaterThan(0);
    const royalty = within(table).getByRole('rowheader', { name: 'Royalty' }).closest('tr')!;
    expect(within(royalty).getAllByRole('cell')).toHaveLength(spodumene.years.length);
    expect(royalty.textContent).toContain(Math.round(Number(spodumene.years[5]!.royalty)).toLocaleString('en-US'));
    await user.click(within(table).getByRole('button', { name: /Royalty and taxes/ }));
    expect(within(table).queryByRole('rowheader', { name: 'Royalty' })).toBeNull();
  });

  it('draws party flows by year and the risk-sharing table of shocks', () => {
    renderPanels(panelWorkspace('northern-spodumene', [spodumene]), <ResultsSection />);
    const chart = screen.getByRole('img', { name: 'Cash flow of each party by year' });
    expect(chart.querySelectorAll('rect').length).toBeGreaterThan(spodumene.years.length);
    const risk = screen.getByRole('table', { name: /Risk sharing/ });
    const rows = within(risk).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(spodumene.shocks.length);
    const priceShock = spodumene.shocks.find((shock) => shock.id === 'price-30%')!;
    const government = priceShock.parties.find((p) => p.id === 'government')!;
    expect(within(risk).getByRole('row', { name: /price-30%/ }).textContent).toContain(`${(Number(government.bearShare) * 100).toFixed(1)} %`);
    expect(screen.getByRole('img', { name: 'Share of each shock borne by each party' })).toBeTruthy();
  });
});

describe('compare', () => {
  it('shows one row per case, one unit per metric column, and differences on the shown values', () => {
    const sliding = loadExpected('northern-spodumene.sliding-royalty.base') as Evaluation;
    const workspace = panelWorkspace('northern-spodumene', [spodumene, sliding]);
    workspace.editor.selectSection('compare');
    renderPanels(workspace, <CompareSection />);
    const matrix = screen.getByRole('table', { name: /Metrics by structure and scenario/ });
    const headers = within(matrix).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['Structure', 'Scenario', 'Venture NPV (US$ m)', 'Venture IRR (%)', 'Government take (%)', 'Government take incl. state (%)', 'Breakeven price (US$ /t SC6)', 'Payback year']);
    const rows = within(matrix).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const shown = (value: string) => Math.round(Number(value) / 1e5) / 10;
    const [base, other] = rows.map((row) => within(row).getAllByRole('cell'));
    expect(base![0]!.textContent).toBe(shown(spodumene.venture.npv).toFixed(1));
    expect(base![0]!.className).not.toContain('differs');
    const delta = Math.round((shown(sliding.venture.npv) - shown(spodumene.venture.npv)) * 10) / 10;
    expect(other![0]!.textContent).toBe(`${shown(sliding.venture.npv).toFixed(1)} (${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)})`);
    expect(other![0]!.className).toContain('differs');
  });

  it('turns the matrix round, adds partner IRRs, and offers a duplicated structure at once', async () => {
    const sliding = loadExpected('northern-spodumene.sliding-royalty.base') as Evaluation;
    const workspace = panelWorkspace('northern-spodumene', [spodumene, sliding]);
    workspace.editor.selectSection('compare');
    const user = userEvent.setup();
    renderPanels(workspace, <CompareSection />);
    await user.click(screen.getByRole('checkbox', { name: 'Partner IRRs' }));
    await user.click(screen.getByRole('button', { name: 'Show metrics as rows' }));
    const matrix = screen.getByRole('table', { name: /Metrics by structure and scenario/ });
    const irrCells = within(within(matrix).getByRole('row', { name: /IRR of National Lithium Corporation/ })).getAllByRole('cell');
    expect(irrCells[0]!.textContent).toBe('none');
    expect(irrCells[1]!.className).toContain('differs');
    const before = workspace.store.getState().compare.structures.length;
    act(() => workspace.editor.duplicateStructure());
    const copy = workspace.store.getState().structureId!;
    expect(workspace.store.getState().compare.structures).toContain(copy);
    expect(workspace.store.getState().compare.structures).toHaveLength(before + 1);
    expect((screen.getByRole('checkbox', { name: /\(copy\)/ }) as HTMLInputElement).checked).toBe(true);
    const sheet = screen.getByRole('table', { name: 'Term sheet' });
    expect(within(sheet).getByRole('row', { name: /Equity of National Lithium Corporation/ }).textContent).toContain('15 %');
    expect(within(sheet).queryByRole('row', { name: /Technology withholding/ })).toBeNull();
  });
});

describe('lean compare results', () => {
  /** The spodumene base cases, computed by the compare matrix's lean or breakeven pass. */
  function leanWorkspace(kind: 'lean' | 'lean-breakeven'): Workspace {
    const workspace = panelWorkspace('northern-spodumene', []);
    const project = workspace.store.getState().project!;
    const selections = project.structures.map((structure) => ({ structure: structure.id, scenario: 'base' }));
    const response = runEngineJob(jobFor(kind, project, selections));
    if (response.valid !== true) throw new Error('the example did not evaluate');
    const latest = Object.fromEntries(selections.map((selection, index) => {
      const result = response.results[index]!;
      if (!result.ok) throw new Error(result.error.message);
      expect(result.evaluation.reconciliation).toBeUndefined();
      return [selectionKey(selection), { version: 0, evaluation: result.evaluation, error: null, kind }];
    }));
    workspace.results.setState({ latest, latestFull: {} });
    return workspace;
  }

  it('are not shown as the case on screen: its views wait for a result with the audit lines', () => {
    renderPanels(leanWorkspace('lean-breakeven'), <><SummaryPanel /><ResultsSection /></>);
    expect(screen.queryByTestId('venture-npv')).toBeNull();
    expect(screen.getByText('Computing the results…')).toBeTruthy();
    cleanup();
    // An older full result of the case stands in until its own arrives.
    const workspace = leanWorkspace('lean-breakeven');
    const key = selectionKey({ structure: spodumene.structure, scenario: spodumene.scenario });
    workspace.results.setState({ version: 1, latest: { ...workspace.results.getState().latest, [key]: { ...workspace.results.getState().latest[key]!, version: 1 } }, latestFull: { [key]: { version: 0, evaluation: spodumene, error: null, kind: 'full' } } });
    renderPanels(workspace, <SummaryPanel />);
    expect(screen.getByTestId('venture-npv').textContent).toBe(`US$ ${(Number(spodumene.venture.npv) / 1e6).toFixed(1)} m`);
    expect(screen.getByRole('status').textContent).toBe('Updating…');
  });

  it('fill the compare matrix, the breakeven column "computing…" until the breakeven pass', () => {
    const lean = leanWorkspace('lean');
    lean.editor.selectSection('compare');
    const { unmount } = renderPanels(lean, <CompareSection />);
    const cellsOf = () => within(screen.getByRole('table', { name: /Metrics by structure and scenario/ })).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    for (const cells of cellsOf()) {
      expect(cells[0]).toMatch(/^\d/);
      expect(cells[4]).toBe('computing…');
    }
    unmount();
    const withBreakeven = leanWorkspace('lean-breakeven');
    withBreakeven.editor.selectSection('compare');
    renderPanels(withBreakeven, <CompareSection />);
    for (const cells of cellsOf()) expect(cells[4]).toMatch(/^\d/);
  });
});

