// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, settle, testWorkspace } from './helpers.tsx';

afterEach(cleanup);

async function newVenture() {
  const workspace = testWorkspace();
  workspace.editor.newVenture(2027);
  const view = await renderApp(workspace);
  return { ...view, user: userEvent.setup() };
}

describe('venture settings', () => {
  it('stores "5 %" typed into a percentage field as 0.05 and shows it again as 5', async () => {
    const { workspace, user } = await newVenture();
    const field = screen.getByRole('textbox', { name: 'Discount rate (real)' });
    expect(field).toHaveProperty('value', '8');
    await user.clear(field);
    await user.type(field, '5 %');
    expect(workspace.store.getState().project!.assumptions.discountRate).toBe('0.05');
    expect(field).toHaveProperty('value', '5 %');
    await user.tab();
    expect(field).toHaveProperty('value', '5');
  });

  it('shows units beside values', async () => {
    const { user } = await newVenture();
    await user.click(screen.getByRole('button', { name: 'Mine plan and prices' }));
    const field = screen.getByRole('textbox', { name: 'Selling cost per product unit' });
    const wrapper = field.parentElement!;
    expect(wrapper.textContent).toContain('US$');
    expect(wrapper.textContent).toContain('/t');
  });

  it('recomputes the results as the user types', async () => {
    const { workspace, user } = await newVenture();
    const npv = () => screen.getByTestId('venture-npv').textContent;
    const before = npv();
    const field = screen.getByRole('textbox', { name: 'Discount rate (real)' });
    await user.clear(field);
    await user.type(field, '12');
    await settle(workspace);
    expect(npv()).not.toBe(before);
    expect(npv()).toMatch(/US\$/);
  });

  it('changing the number of years lengthens the grids', async () => {
    const { workspace, user } = await newVenture();
    const years = screen.getByRole('spinbutton', { name: 'Years' });
    fireEvent.change(years, { target: { value: '15' } });
    await settle(workspace);
    await user.click(screen.getByRole('button', { name: 'Mine plan and prices' }));
    expect(screen.getByRole('textbox', { name: 'Price 2041' })).toBeTruthy();
  });
});

describe('partners', () => {
  it('adds a partner, splits the equity and reads both partners in the results', async () => {
    const { workspace, user } = await newVenture();
    await user.click(screen.getByRole('button', { name: 'Partners' }));
    await user.click(screen.getByRole('button', { name: 'Add partner' }));
    const first = screen.getByRole('textbox', { name: 'Equity of partner 1' });
    await user.clear(first);
    await user.type(first, '60');
    const second = screen.getByRole('textbox', { name: 'Equity of partner 2' });
    await user.clear(second);
    await user.type(second, '40');
    await settle(workspace);
    expect(screen.queryByText(/problems? to fix/)).toBeNull();
    const split = screen.getByRole('list', { name: 'Benefit split by party' });
    expect(within(split).getByText('Operator')).toBeTruthy();
    expect(within(split).getByText('Partner 2')).toBeTruthy();
  });

  it('shows an invalid equity split at the list and in the problem list, which takes you there', async () => {
    const { workspace, user } = await newVenture();
    await user.click(screen.getByRole('button', { name: 'Partners' }));
    const equity = screen.getByRole('textbox', { name: 'Equity of partner 1' });
    await user.clear(equity);
    await user.type(equity, '90');
    await settle(workspace);
    const problems = screen.getByRole('region', { name: /problems? to fix/ });
    const link = within(problems).getAllByRole('button')[0]!;
    expect(link.textContent).toMatch(/equit/i);
    expect(screen.getByText('Equity total 90.00 %')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.queryByRole('textbox', { name: 'Equity of partner 1' })).toBeNull();
    await user.click(link);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(workspace.store.getState().section).toBe('partners');
    const focused = document.activeElement as HTMLElement;
    expect(focused.dataset.path).toMatch(/^structures\[0\]\.terms\.partners/);
  });

  it('marks a field with a problem and names the problem beside it', async () => {
    const { workspace, user } = await newVenture();
    const inflation = screen.getByRole('textbox', { name: 'Inflation' });
    await user.clear(inflation);
    await user.type(inflation, 'lots');
    await settle(workspace);
    expect(inflation.getAttribute('aria-invalid')).toBe('true');
    expect(inflation.getAttribute('aria-describedby')).toBeTruthy();
    const message = document.getElementById(inflation.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(message?.textContent).toBeTruthy();
    expect(workspace.store.getState().project!.assumptions.inflation).toBe('lots');
  });

  it('carried terms appear when a partner is carried', async () => {
    const { workspace, user } = await newVenture();
    await user.click(screen.getByRole('button', { name: 'Partners' }));
    await user.click(screen.getByRole('button', { name: 'Add partner' }));
    await user.click(screen.getByRole('checkbox', { name: 'Partner 2 is carried' }));
    expect(screen.getByRole('textbox', { name: 'Carry interest rate of partner 2' })).toBeTruthy();
    expect(workspace.store.getState().project!.structures[0]!.terms.partners[1]!.carried).toEqual({ interestRate: '0', repaymentShare: '1' });
  });

  it('reorders and removes partners from their cards', async () => {
    const { workspace, user } = await newVenture();
    await user.click(screen.getByRole('button', { name: 'Partners' }));
    await user.click(screen.getByRole('button', { name: 'Add partner' }));
    await user.click(screen.getByRole('button', { name: 'Move Partner 2 up' }));
    expect(workspace.store.getState().project!.structures[0]!.terms.partners.map((p) => p.id)).toEqual(['partner', 'operator']);
    await user.click(screen.getByRole('button', { name: 'Remove Partner 2' }));
    expect(workspace.store.getState().project!.structures[0]!.terms.partners.map((p) => p.id)).toEqual(['operator']);
  });
});

describe('fiscal terms', () => {
  it('edits royalty bands and switches step to linear', async () => {
    const { workspace, user } = await newVenture();
    await user.click(screen.getByRole('button', { name: 'Fiscal terms' }));
    await user.click(screen.getByRole('button', { name: 'Add band' }));
    const rate = screen.getByRole('textbox', { name: 'Band 2 royalty rate' });
    await user.clear(rate);
    await user.type(rate, '7.5');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Royalty rate between bands' }), 'linear');
    const royalty = workspace.store.getState().project!.structures[0]!.terms.fiscal.royalty;
    expect(royalty.bands).toEqual([{ fromPrice: '0', rate: '0.05' }, { fromPrice: '1000', rate: '0.075' }]);
    expect(royalty.interpolate).toBe(true);
  });

  it('an empty loss carry-forward means without limit', async () => {
    const { workspace, user } = await newVenture();
    await user.click(screen.getByRole('button', { name: 'Fiscal terms' }));
    const field = screen.getByRole('textbox', { name: 'Loss carry-forward years' });
    await user.type(field, '7');
    expect(workspace.store.getState().project!.structures[0]!.terms.fiscal.incomeTax.lossCarryForwardYears).toBe(7);
    await user.clear(field);
    expect(workspace.store.getState().project!.structures[0]!.terms.fiscal.incomeTax.lossCarryForwardYears).toBeNull();
  });
});

describe('undo from the keyboard', () => {
  it('Ctrl+Z undoes the last edit and Ctrl+Shift+Z redoes it', async () => {
    const { workspace, user } = await newVenture();
    const inflation = screen.getByRole('textbox', { name: 'Inflation' });
    await user.clear(inflation);
    await user.type(inflation, '3');
    await user.tab();
    expect(workspace.store.getState().project!.assumptions.inflation).toBe('0.03');
    await user.keyboard('{Control>}z{/Control}');
    expect(workspace.store.getState().project!.assumptions.inflation).toBe('0.02');
    expect(inflation).toHaveProperty('value', '2');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(workspace.store.getState().project!.assumptions.inflation).toBe('0.03');
  });
});

describe('undo of text', () => {
  it('undoes a name typed in one visit as one step', async () => {
    const { workspace, user } = await newVenture();
    const name = screen.getByRole('textbox', { name: 'Project name' });
    await user.clear(name);
    await user.type(name, 'Salar JV');
    await user.tab();
    expect(workspace.store.getState().project!.name).toBe('Salar JV');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(workspace.store.getState().project!.name).toBe('New venture');
  });
});
