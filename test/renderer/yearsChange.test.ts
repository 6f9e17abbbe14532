import { describe, expect, it } from 'vitest';
import { createEditor } from '../../renderer/store/editor.ts';
import { createWorkspaceStore } from '../../renderer/store/workspaceStore.ts';
import { changeYears } from '../../renderer/model/yearsChange.ts';
import { loadExample } from './helpers.tsx';

function fresh() {
  const store = createWorkspaceStore({ locale: 'en-US' });
  const editor = createEditor(store);
  editor.newVenture(2027);
  return { store, editor, project: () => store.getState().project! };
}

describe('changing the number of years', () => {
  it('extends every series with its last value, moves closure to the new last year and says so', () => {
    const { store, editor, project } = fresh();
    const before = project().assumptions;
    editor.setYears('15');
    const a = project().assumptions;
    expect(a.years).toBe(15);
    expect(a.prices.slice(12)).toEqual([before.prices[11], before.prices[11], before.prices[11]]);
    expect(a.production.oreMined.slice(11)).toEqual(Array.from({ length: 4 }, () => before.production.oreMined[11]));
    expect(a.costs.fixed.slice(12)).toEqual(Array.from({ length: 3 }, () => before.costs.fixed[11]));
    expect(a.capex.closure).toEqual([...Array.from({ length: 14 }, () => '0'), '50000000']);
    const message = store.getState().notice?.message ?? '';
    expect(message).toContain("Extended the venture to 15 years: 2039–2041 repeat each series' 2038 value (");
    expect(message).toContain('Price US$ 1,200 /t');
    expect(message).toContain('Closure capex of US$ 50,000,000 moved from 2038 to 2041, the new last year.');
    expect(store.getState().notice?.persist).toBe(true);
  });

  it('says what shortening removes, keeping closure in the last year', () => {
    const { store, editor, project } = fresh();
    editor.setYears('10');
    const a = project().assumptions;
    expect(a.prices).toHaveLength(10);
    expect(a.capex.closure[9]).toBe('50000000');
    const message = store.getState().notice?.message ?? '';
    expect(message).toContain('Shortened the venture to 10 years: removed 2037–2038 (');
    expect(message).toContain('Price US$ 1,200 /t, US$ 1,200 /t');
    expect(message).toContain('Closure capex of US$ 50,000,000 moved to 2036, the new last year.');
  });

  it('resizes from the series as they were while the field is typed: 1 on the way to 15 loses nothing', () => {
    const { editor, project, store } = fresh();
    const original = project();
    editor.setYears('');
    editor.setYears('1');
    editor.setYears('15');
    expect(project().assumptions.prices.slice(0, 12)).toEqual(original.assumptions.prices);
    expect(project().assumptions.production.grade.slice(0, 12)).toEqual(original.assumptions.production.grade);
    expect(store.getState().past).toHaveLength(1);
    editor.undo();
    expect(project()).toBe(original);
  });

  it('resizes scenario and shock price decks too', () => {
    const project = loadExample('ndpr-separation');
    const withDeck = project.scenarios.find((scenario) => scenario.overrides.prices);
    expect(withDeck).toBeTruthy();
    const changed = changeYears(project, project.assumptions.years + 2, 'en-US');
    const deck = changed.project.scenarios.find((scenario) => scenario.id === withDeck!.id)!.overrides.prices!;
    expect(deck).toHaveLength(project.assumptions.years + 2);
    expect(deck[deck.length - 1]).toBe(withDeck!.overrides.prices![project.assumptions.years - 1]);
  });
});
