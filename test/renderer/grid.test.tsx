// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, settle, testWorkspace } from './helpers.tsx';

afterEach(cleanup);

async function minePlan() {
  const workspace = testWorkspace();
  workspace.editor.newVenture(2027);
  workspace.editor.selectSection('mine-plan');
  const view = await renderApp(workspace);
  return { ...view, user: userEvent.setup(), project: () => workspace.store.getState().project! };
}

function paste(target: HTMLElement, text: string) {
  fireEvent.paste(target, { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
}

describe('the mine-plan grid', () => {
  it('has a labelled cell for every series and year', async () => {
    await minePlan();
    for (const label of ['Ore mined', 'Waste mined', 'Grade', 'Recovery', 'Price', 'Fixed cost', 'Initial capex', 'Sustaining capex', 'Closure capex']) {
      for (const year of [2027, 2038]) expect(screen.getByRole('textbox', { name: `${label} ${year}` })).toBeTruthy();
    }
  });

  it('pastes a row of tab-separated prices from the cell it lands in, asking how 1,300 reads', async () => {
    const { workspace, project, user } = await minePlan();
    paste(screen.getByRole('textbox', { name: 'Price 2029' }), '1,300\t1,350\t1,400\n');
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain('point or a comma marks decimals');
    expect(project().assumptions.prices[2]).toBe('1150');
    await user.click(screen.getByRole('button', { name: /point marks decimals.*1,300 → 1300/ }));
    await settle(workspace);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(project().assumptions.prices.slice(2, 5)).toEqual(['1300', '1350', '1400']);
    expect(document.querySelector('.notice-bar')?.textContent).toContain('Pasted 3 values into Price 2029–2031.');
    expect(screen.getByRole('textbox', { name: 'Price 2030' })).toHaveProperty('value', '1,350');
  });

  it('pastes a spreadsheet column along the years', async () => {
    const { workspace, project } = await minePlan();
    const deck = Array.from({ length: 12 }, (_, index) => String(2000 - index * 50));
    paste(screen.getByRole('textbox', { name: 'Price 2027' }), deck.join('\r\n'));
    await settle(workspace);
    expect(project().assumptions.prices).toEqual(deck);
  });

  it('pastes several rows down the grid, reading percentages in percent', async () => {
    const { project } = await minePlan();
    paste(screen.getByRole('textbox', { name: 'Grade 2029' }), '1.3%\t1.25%\n68\t71');
    expect(project().assumptions.production.grade.slice(2, 4)).toEqual(['0.013', '0.0125']);
    expect(project().assumptions.production.recovery.slice(2, 4)).toEqual(['0.68', '0.71']);
  });

  it('offers to skip a label cell in front of the numbers and says it did', async () => {
    const { workspace, project, user } = await minePlan();
    paste(screen.getByRole('textbox', { name: 'Price 2027' }), 'Price\t1500\t1600');
    expect(screen.getByRole('alertdialog').textContent).toContain('starts with “Price”, which is a label');
    await user.click(screen.getByRole('button', { name: 'Skip the label' }));
    await settle(workspace);
    expect(project().assumptions.prices.slice(0, 3)).toEqual(['1500', '1600', '1150']);
    expect(document.querySelector('.notice-bar')?.textContent).toContain('Skipped the label “Price” in front of the numbers.');
  });

  it('leaves a plain single value to the browser', async () => {
    const { project } = await minePlan();
    const before = project();
    paste(screen.getByRole('textbox', { name: 'Price 2029' }), '1500');
    expect(project()).toBe(before);
  });

  it('fills right from the selected cell with the button and with Ctrl+R', async () => {
    const { user, project } = await minePlan();
    const cell = screen.getByRole('textbox', { name: 'Fixed cost 2031' });
    await user.click(cell);
    await user.keyboard('{Control>}a{/Control}25000000');
    await user.click(screen.getByRole('button', { name: 'Fill right' }));
    expect(project().assumptions.costs.fixed.slice(4)).toEqual(Array.from({ length: 8 }, () => '25000000'));
    expect(project().assumptions.costs.fixed[3]).toBe('28000000');
    await user.click(screen.getByRole('textbox', { name: 'Sustaining capex 2036' }));
    await user.keyboard('{Control>}a{/Control}0');
    await user.keyboard('{Control>}r{/Control}');
    expect(project().assumptions.capex.sustaining.slice(9)).toEqual(['0', '0', '0']);
  });

  it('moves between cells with the arrow keys and Enter', async () => {
    const { user } = await minePlan();
    await user.click(screen.getByRole('textbox', { name: 'Grade 2029' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Recovery 2029' }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Recovery 2030' }));
    await user.keyboard('{ArrowUp}{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Grade 2029' }));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Recovery 2029' }));
  });

  it('marks a cell the validator rejects and keeps what was typed', async () => {
    const { workspace, user, project } = await minePlan();
    const cell = screen.getByRole('textbox', { name: 'Recovery 2031' });
    await user.click(cell);
    await user.keyboard('{Control>}a{/Control}140');
    await settle(workspace);
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(cell.getAttribute('title')).toBeTruthy();
    expect(project().assumptions.production.recovery[4]).toBe('1.4');
    await user.keyboard('{Control>}a{/Control}abc');
    await settle(workspace);
    expect(project().assumptions.production.recovery[4]).toBe('abc');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
  });

  it('charts the row being edited, with its values a click away as a table', async () => {
    const { user, project } = await minePlan();
    await user.click(screen.getByRole('textbox', { name: 'Ore mined 2030' }));
    const chart = screen.getByRole('img', { name: 'Ore mined by year' });
    const years = project().assumptions.years;
    expect(chart.querySelectorAll('svg rect').length).toBe(years);
    await user.click(screen.getByRole('button', { name: /Show values as a table: Ore mined by year/ }));
    const table = screen.getByRole('table', { name: 'Ore mined by year' });
    expect(within(table).getAllByRole('row')).toHaveLength(years + 1);
    const ore2030 = Number(project().assumptions.production.oreMined[2030 - project().assumptions.startYear]);
    expect(within(table).getByRole('row', { name: /^2030 / }).textContent).toContain(new Intl.NumberFormat('en-US').format(ore2030));
    await user.click(screen.getByRole('button', { name: /Show chart: Ore mined by year/ }));
    expect(screen.getByRole('img', { name: 'Ore mined by year' })).toBeTruthy();
  });
});
