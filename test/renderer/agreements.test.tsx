// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, settle, testWorkspace } from './helpers.tsx';

afterEach(cleanup);

async function newVenture() {
  const workspace = testWorkspace();
  workspace.editor.newVenture(2027);
  const view = await renderApp(workspace);
  const user = userEvent.setup();
  const nav = async (name: string) => user.click(screen.getByRole('button', { name }));
  return { ...view, user, nav, terms: () => workspace.store.getState().project!.structures[0]!.terms, project: () => workspace.store.getState().project! };
}

describe('technology agreements', () => {
  it('adds an agreement with fees, and asks whether the licensor is foreign only when it is external', async () => {
    const { user, nav, terms, workspace } = await newVenture();
    await nav('Technology');
    await user.click(screen.getByRole('button', { name: 'Add technology agreement' }));
    expect(screen.getByRole('checkbox', { name: 'External licensor of agreement 1 is foreign' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Recovery uplift of agreement 1' }), '{Control>}a{/Control}3');
    await user.type(screen.getByRole('textbox', { name: 'Running royalty rate of agreement 1' }), '{Control>}a{/Control}1.5 %');
    await user.type(screen.getByRole('textbox', { name: 'Royalty cap per year, agreement 1' }), '5,000,000');
    await user.click(screen.getByRole('button', { name: 'Add fee' }));
    await user.type(screen.getByRole('textbox', { name: 'Fee 2 amount, agreement 1' }), '{Control>}a{/Control}2000000');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Licensor of agreement 1' }), 'operator');
    expect(screen.queryByRole('checkbox', { name: 'External licensor of agreement 1 is foreign' })).toBeNull();
    const agreement = terms().technology[0]!;
    expect(agreement).toMatchObject({ licensor: 'operator', recoveryUplift: '0.03', royaltyRate: '0.015', royaltyCapPerYear: '5000000' });
    expect(agreement.fees).toEqual([{ year: 2027, amount: '0' }, { year: 2028, amount: '2000000' }]);
    await settle(workspace);
    expect(workspace.results.getState().problems).toEqual([]);
  });
});

describe('offtakes', () => {
  it('edits share, discount, floor and ceiling; an emptied floor means none', async () => {
    const { user, nav, terms } = await newVenture();
    await nav('Offtake and price support');
    await user.click(screen.getByRole('button', { name: 'Add offtake' }));
    await user.type(screen.getByRole('textbox', { name: 'Share of offtake 1' }), '{Control>}a{/Control}40');
    await user.type(screen.getByRole('textbox', { name: 'Discount of offtake 1' }), '{Control>}a{/Control}2.5');
    await user.type(screen.getByRole('textbox', { name: 'Floor price of offtake 1' }), '900');
    await user.type(screen.getByRole('textbox', { name: 'Ceiling price of offtake 1' }), '1800');
    await user.type(screen.getByRole('textbox', { name: 'First year of offtake 1' }), '2029');
    expect(terms().offtake[0]).toMatchObject({ offtaker: 'external', share: '0.4', discount: '0.025', floor: '900', ceiling: '1800', fromYear: 2029, toYear: null });
    await user.clear(screen.getByRole('textbox', { name: 'Floor price of offtake 1' }));
    expect(terms().offtake[0]!.floor).toBeNull();
  });
});

describe('scenarios and shocks', () => {
  it('sets and removes overrides, gives a scenario its own price deck, and replaces the default shocks', async () => {
    const { user, nav, project, workspace } = await newVenture();
    await nav('Scenarios and shocks');
    await user.click(screen.getByRole('button', { name: 'Add scenario' }));
    const factor = screen.getByRole('textbox', { name: 'Price factor, scenario 2' });
    await user.type(factor, '0.75');
    await user.type(screen.getByRole('textbox', { name: 'Delay, scenario 2' }), '1');
    expect(project().scenarios[1]!.overrides).toEqual({ priceFactor: '0.75', delayYears: 1 });
    await user.clear(factor);
    expect(project().scenarios[1]!.overrides).toEqual({ delayYears: 1 });
    await user.click(screen.getByRole('checkbox', { name: 'Own price deck, scenario 2' }));
    expect(project().scenarios[1]!.overrides.prices).toHaveLength(12);
    expect(screen.getByRole('textbox', { name: 'Price deck, scenario 2 2030' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Disruption, scenario 2' }));
    expect(project().scenarios[1]!.overrides.disruption).toEqual({ fromYear: 2029, toYear: 2030 });

    expect(project().shocks).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /Use the methodology's default shocks/ }));
    expect(project().shocks?.map((shock) => shock.id)).toEqual(['price-30%', 'capex+25%']);
    await user.click(screen.getByRole('button', { name: 'Add shock' }));
    await user.type(screen.getByRole('textbox', { name: 'Opex factor, shock 3' }), '1.3');
    expect(project().shocks?.[2]?.overrides).toEqual({ opexFactor: '1.3' });
    await settle(workspace);
    expect(workspace.results.getState().problems).toEqual([]);
    const shocks = Object.values(workspace.results.getState().latestFull)[0]?.evaluation?.shocks.map((shock) => shock.id);
    expect(shocks).toEqual(['price-30%', 'capex+25%', 'shock']);
  });

  it('lets the results follow the chosen scenario', async () => {
    const { user, nav, workspace } = await newVenture();
    await nav('Scenarios and shocks');
    await user.click(screen.getByRole('button', { name: 'Add scenario' }));
    await user.type(screen.getByRole('textbox', { name: 'Price factor, scenario 2' }), '0.8');
    await settle(workspace);
    const base = screen.getByTestId('venture-npv').textContent;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'scenario');
    await settle(workspace);
    expect(screen.getByTestId('venture-npv').textContent).not.toBe(base);
  });
});
