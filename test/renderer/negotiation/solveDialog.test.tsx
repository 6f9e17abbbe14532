// @vitest-environment jsdom
// "Solve for a target…" as a user meets it: the button beside a deal-term field and its shortcut,
// the dialog's question, the answer with each party's outcome, every crossing listed, and Apply
// as one undoable edit.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, settle, testWorkspace, loadExample } from '../helpers.tsx';
import { WorkspaceProvider } from '../../../renderer/app/context.tsx';
import { NegotiationProvider } from '../../../renderer/negotiation/context.tsx';
import { createInlineNegotiationRunner, type NegotiationRunner } from '../../../renderer/negotiation/runner.ts';
import { FiscalSection } from '../../../renderer/views/FiscalSection.tsx';

afterEach(cleanup);

async function spodumene() {
  const workspace = testWorkspace();
  workspace.editor.loadProject(loadExample('northern-spodumene'));
  const view = await renderApp(workspace);
  return { ...view, user: userEvent.setup() };
}

async function waitFor(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
}

describe('solve for a target in the workspace', () => {
  it('solves the royalty for a government take of 55 %, shows every party, and applies it as one undo step', async () => {
    const { workspace, user } = await spodumene();
    await user.click(screen.getByRole('button', { name: 'Fiscal terms' }));
    await user.click(screen.getByRole('button', { name: 'Solve Band 1 royalty rate for a target…' }));
    const dialog = screen.getByRole('dialog', { name: 'Solve for a target' });
    expect(within(dialog).getByRole('combobox', { name: 'Metric' })).toHaveProperty('value', 'venture.governmentTake');
    await user.type(within(dialog).getByRole('textbox', { name: 'Target' }), '55 %');
    await user.click(within(dialog).getByRole('button', { name: 'Solve' }));
    await waitFor(() => screen.queryByTestId('solve-value') !== null);
    expect(screen.getByTestId('solve-value').textContent).toMatch(/^9\.17\d+ %$/);
    const outcomes = within(dialog).getByRole('table');
    for (const name of ['National Lithium Corporation', 'Boreal Minerals plc', 'Kanto Cell KK', 'Government']) expect(within(outcomes).getByRole('rowheader', { name })).toBeTruthy();
    expect(within(dialog).getByText(/^Venture: NPV/).textContent).toContain('government take 55.00 %');
    const before = workspace.store.getState().project;
    await user.click(within(dialog).getByRole('button', { name: /^Apply Band 1 royalty rate 9\.17/ }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(workspace.store.getState().project!.structures[0]!.terms.fiscal.royalty.bands[0]!.rate).toMatch(/^0\.0917/);
    expect(workspace.store.getState().past.at(-1)).toBe(before);
    workspace.editor.undo();
    expect(workspace.store.getState().project).toBe(before);
  });

  it('opens from the keyboard with Ctrl+Shift+G in the field', async () => {
    const { user } = await spodumene();
    await user.click(screen.getByRole('button', { name: 'Partners' }));
    const field = screen.getByRole('textbox', { name: 'Equity of partner 1' });
    fireEvent.keyDown(field, { key: 'G', ctrlKey: true, shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Solve for a target' });
    expect(within(dialog).getByRole('combobox', { name: 'Metric' })).toHaveProperty('value', 'pv');
    expect(within(dialog).getByRole('combobox', { name: 'Party' })).toHaveProperty('value', 'lithco');
    expect(within(dialog).getByRole('combobox', { name: 'Balanced by' })).toHaveProperty('value', 'miner');
    expect(dialog.textContent).toContain('the term’s whole valid range, 0 % to 70 %');
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Balanced by' }), { target: { value: 'cellmaker' } });
    expect(dialog.textContent).toContain('the term’s whole valid range, 0 % to 45 %');
  });

  it('lists every crossing when the metric reaches the target more than once, smallest first, each with its own Apply', async () => {
    const workspace = testWorkspace();
    workspace.editor.loadProject(loadExample('northern-spodumene'));
    // The answer of a metric that rises and falls across the target (what the goal seek reports
    // for such a metric): the dialog shows what it is given, so the runner gives two crossings.
    const twoCrossings: NegotiationRunner = (job, onProgress) => {
      const run = createInlineNegotiationRunner()(job, onProgress);
      return {
        cancel: run.cancel,
        outcome: run.outcome.then((outcome) => {
          if (outcome.kind !== 'done' || outcome.result.kind !== 'solve' || !outcome.result.result.ok) return outcome;
          const answer = outcome.result.result.value;
          const solutions = [answer.solutions[0]!, { value: '0.15', achieved: answer.solutions[0]!.achieved }];
          return { kind: 'done', result: { ...outcome.result, result: { ok: true, value: { ...answer, solutions } }, outcomes: [outcome.result.outcomes[0]!, outcome.result.outcomes[0]!] } };
        }),
      };
    };
    render(
      <WorkspaceProvider workspace={workspace}>
        <NegotiationProvider runner={twoCrossings}>
          <FiscalSection />
        </NegotiationProvider>
      </WorkspaceProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Solve Band 1 royalty rate for a target…' }));
    const dialog = screen.getByRole('dialog', { name: 'Solve for a target' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Target' }), '55 %');
    await user.click(within(dialog).getByRole('button', { name: 'Solve' }));
    await waitFor(() => screen.queryAllByTestId('solve-value').length > 0);
    expect(within(dialog).getByText(/^2 values of Band 1 royalty rate give 55\.00 %/)).toBeTruthy();
    expect(screen.getAllByTestId('solve-value').map((node) => node.textContent)).toEqual([expect.stringMatching(/^9\.17/), '15 %']);
    expect(within(dialog).getAllByRole('button', { name: /^Apply Band 1 royalty rate/ })).toHaveLength(2);
    await user.click(within(dialog).getByRole('button', { name: 'Apply Band 1 royalty rate 15 %' }));
    expect(workspace.store.getState().project!.structures[0]!.terms.fiscal.royalty.bands[0]!.rate).toBe('0.15');
    workspace.dispose();
  });

  it('shows the range when the target is out of reach', async () => {
    const { user } = await spodumene();
    await user.click(screen.getByRole('button', { name: 'Fiscal terms' }));
    await user.click(screen.getByRole('button', { name: 'Solve Band 1 royalty rate for a target…' }));
    const dialog = screen.getByRole('dialog', { name: 'Solve for a target' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Target' }), '99 %');
    await user.type(within(dialog).getByRole('textbox', { name: 'To' }), '20 %');
    await user.click(within(dialog).getByRole('button', { name: 'Solve' }));
    await waitFor(() => within(dialog).queryByText(/out of reach/) !== null);
    expect(within(dialog).getByText(/out of reach/).closest('p')!.textContent).toMatch(/Government take stays between .* and .* for Band 1 royalty rate 0 %–20 %: it never reaches 99 %\.$/);
  });

  it('says what to type when the target is not a number', async () => {
    const { workspace, user } = await spodumene();
    await user.click(screen.getByRole('button', { name: 'Fiscal terms' }));
    await user.click(screen.getByRole('button', { name: 'Solve Band 1 royalty rate for a target…' }));
    const dialog = screen.getByRole('dialog', { name: 'Solve for a target' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Target' }), 'half');
    await user.click(within(dialog).getByRole('button', { name: 'Solve' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Target: Type a percentage such as 5 % or 12.5 %.');
    await settle(workspace);
  });
});
