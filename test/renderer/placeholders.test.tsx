// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import type { OrebridgeApi } from '../../shared/contract.ts';
import userEvent from '@testing-library/user-event';
import { createEditor } from '../../renderer/store/editor.ts';
import { createWorkspaceStore } from '../../renderer/store/workspaceStore.ts';
import { selectIsPlaceholder, selectPlaceholderSummary } from '../../renderer/store/selectors.ts';
import { openPlaceholders } from '../../renderer/model/placeholders.ts';
import { getIn, parsePath } from '../../renderer/lib/paths.ts';
import { loadExample, renderApp, settle, testWorkspace } from './helpers.tsx';

afterEach(cleanup);

function fresh() {
  const store = createWorkspaceStore({ locale: 'en-US' });
  const editor = createEditor(store);
  editor.newVenture(2027);
  const open = () => openPlaceholders(store.getState().project, store.getState().placeholders, store.getState().confirmedPlaceholders);
  return { store, editor, open };
}

describe('the new-venture template’s placeholders', () => {
  it('marks every invented number, and each stops being one when typed into (even with the same number)', () => {
    const { store, editor, open } = fresh();
    const all = open();
    expect(all).toContain('assumptions.discountRate');
    expect(all).toContain('assumptions.prices[0]');
    expect(all).toContain('structures[0].terms.fiscal.incomeTax.rate');
    expect(all).not.toContain('assumptions.startYear');
    editor.setAssumption('discountRate', '0.08'); // the same number, typed: confirmed
    expect(selectIsPlaceholder(store.getState(), 'assumptions.discountRate')).toBe(false);
    editor.setSeriesValue('prices', 3, '1250');
    expect(selectIsPlaceholder(store.getState(), 'assumptions.prices[3]')).toBe(false);
    expect(selectIsPlaceholder(store.getState(), 'assumptions.prices[4]')).toBe(true);
    editor.pasteSeries('prices', 4, '1\t2');
    expect(open()).not.toContain('assumptions.prices[5]');
    expect(open().length).toBe(all.length - 4);
  });

  it('is not offered for an opened project', () => {
    const { store, editor, open } = fresh();
    editor.loadProject(loadExample('northern-spodumene'));
    expect(open()).toEqual([]);
    expect(selectPlaceholderSummary(store.getState())).toBe('');
  });

  it('shows them at the fields and in the grid, and the results say so until all are replaced', async () => {
    const workspace = testWorkspace();
    workspace.editor.newVenture(2027);
    await renderApp(workspace);
    const user = userEvent.setup();
    const rate = screen.getByRole('textbox', { name: 'Discount rate (real)' });
    expect(rate.closest('.field')!.className).toContain('field-placeholder');
    expect(rate.getAttribute('aria-describedby')).toMatch(/placeholder/);
    const results = screen.getByRole('complementary', { name: 'Results' });
    const note = within(results).getByRole('note');
    expect(note.textContent).toMatch(/^Illustrative: \d+ inputs still hold the new-venture template’s placeholders\./);
    await user.click(rate);
    await user.keyboard('{Control>}a{/Control}9');
    await settle(workspace);
    expect(rate.closest('.field')!.className).not.toContain('field-placeholder');
    workspace.editor.selectSection('mine-plan');
    await settle(workspace);
    expect(screen.getByRole('textbox', { name: 'Price 2030' }).closest('td')!.className).toContain('cell-placeholder');
    expect(screen.getByText(/Dashed, italic values are the template’s placeholders/)).toBeTruthy();
    // Replace every placeholder: the note goes.
    const { store } = workspace;
    for (const path of openPlaceholders(store.getState().project, store.getState().placeholders, store.getState().confirmedPlaceholders)) {
      workspace.editor.setValue(path, getIn(store.getState().project, parsePath(path)));
    }
    await settle(workspace);
    expect(within(results).queryByRole('note')).toBeNull();
  });
});

describe('placeholders kept in the file', () => {
  /** A back end that remembers what it was sent, as main keeps it in the working copy. */
  function keepingApi(sent: { method: string; placeholders: unknown }[]): OrebridgeApi {
    const info = { documentId: 'doc-1', name: 'Untitled', folder: null, untitled: true, dirty: false, readOnly: false, recovered: false };
    return new Proxy({} as OrebridgeApi, {
      get(_, name: string) {
        if (name === 'onCommand') return () => () => {};
        return (request: Record<string, unknown>) => {
          if ('placeholders' in (request ?? {})) sent.push({ method: name, placeholders: request.placeholders });
          if (name === 'newDocument' || name === 'updateDocument' || name === 'saveDocument') return Promise.resolve({ ok: true, value: info });
          return Promise.resolve({ ok: false, error: { code: 'not-supported', message: `${name} is not available here` } });
        };
      },
    });
  }

  it('sends the open placeholders with the project, one fewer once the user types into one', async () => {
    const sent: { method: string; placeholders: unknown }[] = [];
    const workspace = testWorkspace(keepingApi(sent));
    await act(() => workspace.commands.newVenture());
    const first = sent.find((call) => call.method === 'newDocument')?.placeholders as string[];
    expect(first).toContain('assumptions.discountRate');
    expect(first).toContain('assumptions.prices[0]');
    act(() => workspace.editor.setAssumption('discountRate', '0.08'));
    await act(() => workspace.commands.save());
    const saved = sent.filter((call) => call.method === 'saveDocument').at(-1)?.placeholders as string[];
    expect(saved).not.toContain('assumptions.discountRate');
    expect(saved).toHaveLength(first.length - 1);
  });

  it('shows the marks of an opened file as placeholders, until they are typed into', async () => {
    const workspace = testWorkspace();
    const project = loadExample('northern-spodumene');
    workspace.editor.loadProject(project, null, true, { internalScenarios: [], privateNotes: [], placeholders: ['assumptions.discountRate'] });
    await renderApp(workspace);
    const rate = screen.getByRole('textbox', { name: 'Discount rate (real)' });
    expect(rate.closest('.field')!.className).toContain('field-placeholder');
    expect(selectPlaceholderSummary(workspace.store.getState())).not.toBe('');
    act(() => workspace.editor.setAssumption('discountRate', '0.09'));
    expect(selectIsPlaceholder(workspace.store.getState(), 'assumptions.discountRate')).toBe(false);
  });
});
