// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
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
