import { describe, expect, it } from 'vitest';
import { createEditor } from '../../renderer/store/editor.ts';
import { createWorkspaceStore } from '../../renderer/store/workspaceStore.ts';
import { selectCanRedo, selectCanUndo, selectIsDirty, selectStructure } from '../../renderer/store/selectors.ts';
import { runEngineJob } from '../../renderer/engine/runJob.ts';
import { loadExample } from './helpers.tsx';

function fresh() {
  const store = createWorkspaceStore({ locale: 'en-US' });
  const editor = createEditor(store);
  editor.newVenture(2027);
  return { store, editor, project: () => store.getState().project! };
}

describe('a new venture', () => {
  it('starts valid, with 12 years and one partner holding all the equity, so results show at once', () => {
    const { project } = fresh();
    const response = runEngineJob({ project: project(), selections: [{ structure: 'base-deal', scenario: 'base' }], options: { shocks: false, breakeven: false } });
    expect(response.valid).toBe(true);
    expect(project().assumptions.years).toBe(12);
    expect(project().structures[0]!.terms.partners.map((p) => p.equity)).toEqual(['1']);
  });

  it('gives each test its own store', () => {
    const a = fresh();
    const b = fresh();
    a.editor.setAssumption('discountRate', '0.1');
    expect(b.project().assumptions.discountRate).toBe('0.08');
  });
});

describe('edits', () => {
  it('sets assumptions and terms by path', () => {
    const { editor, project } = fresh();
    editor.setAssumption('inflation', '0.03');
    editor.setTerm('fiscal.incomeTax.rate', '0.25');
    expect(project().assumptions.inflation).toBe('0.03');
    expect(project().structures[0]!.terms.fiscal.incomeTax.rate).toBe('0.25');
  });

  it('stores a typed percentage as a fraction in decimal text', () => {
    const { editor, project } = fresh();
    editor.setSeriesValue('grade', 4, '1.4 %');
    editor.setSeriesValue('prices', 0, 'US$ 1,250');
    expect(project().assumptions.production.grade[4]).toBe('0.014');
    expect(project().assumptions.prices[0]).toBe('1250');
  });

  it('pastes a tab-separated row along the years, from the cell it lands in', () => {
    const { editor, project } = fresh();
    expect(editor.pasteSeries('prices', 2, '1300\t1,350\t1400')).toMatchObject({ kind: 'ask-convention', samples: [{ text: '1,350', point: '1350', comma: '1.35' }] });
    expect(project().assumptions.prices[3]).toBe('1200');
    const plan = editor.pasteSeries('prices', 2, '1300\t1,350\t1400', undefined, { convention: 'point' });
    expect(plan.kind === 'ready' && plan.writes).toHaveLength(3);
    expect(project().assumptions.prices.slice(0, 6)).toEqual(['1100', '1100', '1300', '1350', '1400', '1200']);
  });

  it('pastes a single column along the years and drops what runs past the last year', () => {
    const { editor, project } = fresh();
    const column = Array.from({ length: 14 }, (_, index) => String(1000 + index * 10)).join('\n');
    const plan = editor.pasteSeries('prices', 0, `${column}\n`);
    expect(plan.kind === 'ready' && plan.writes).toHaveLength(12);
    expect(plan.kind === 'ready' && plan.report).toEqual([`Dropped 2 values of Price past ${project().assumptions.startYear + 11}, the last year: 1120, 1130.`]);
    expect(project().assumptions.prices).toEqual(Array.from({ length: 12 }, (_, index) => String(1000 + index * 10)));
  });

  it('pastes several rows into the series below, converting percentages', () => {
    const { editor, project } = fresh();
    editor.pasteSeries('grade', 0, '1.1%\t1.2%\n70\t75');
    expect(project().assumptions.production.grade.slice(0, 2)).toEqual(['0.011', '0.012']);
    expect(project().assumptions.production.recovery.slice(0, 2)).toEqual(['0.7', '0.75']);
  });

  it('fills right from a year to the end of the series', () => {
    const { editor, project } = fresh();
    editor.setSeriesValue('prices', 3, '1500');
    editor.fillRight('prices', 3);
    expect(project().assumptions.prices.slice(3)).toEqual(Array.from({ length: 9 }, () => '1500'));
    expect(project().assumptions.prices.slice(0, 3)).toEqual(['1100', '1100', '1150']);
  });

  it('resizes every yearly series when the number of years changes', () => {
    const { editor, project } = fresh();
    editor.setYears('14');
    const a = project().assumptions;
    expect(a.years).toBe(14);
    for (const series of [a.production.oreMined, a.production.grade, a.prices, a.costs.fixed, a.capex.initial, a.capex.closure]) expect(series).toHaveLength(14);
    expect(a.prices[13]).toBe(a.prices[11]);
    expect(a.capex.initial[13]).toBe('0');
    editor.setYears('10');
    expect(project().assumptions.prices).toHaveLength(10);
  });

  it('adds, reorders and removes partners', () => {
    const { editor, project } = fresh();
    editor.addPartner();
    editor.addPartner();
    const ids = () => project().structures[0]!.terms.partners.map((p) => p.id);
    expect(ids()).toEqual(['operator', 'partner', 'partner-2']);
    editor.movePartner(2, -2);
    expect(ids()).toEqual(['partner-2', 'operator', 'partner']);
    editor.removePartner(0);
    expect(ids()).toEqual(['operator', 'partner']);
    editor.movePartner(0, -1);
    expect(ids()).toEqual(['operator', 'partner']);
  });

  it('renames a partner everywhere its id is used', () => {
    const store = createWorkspaceStore({ locale: 'en-US' });
    const editor = createEditor(store);
    editor.loadProject(loadExample('northern-spodumene'));
    editor.setPartnerId(2, 'kanto');
    const terms = store.getState().project!.structures[0]!.terms;
    expect(terms.partners[2]!.id).toBe('kanto');
    expect(terms.offtake[0]!.offtaker).toBe('kanto');
  });

  it('duplicates a structure and edits the copy without touching the original', () => {
    const { store, editor, project } = fresh();
    editor.duplicateStructure();
    expect(project().structures.map((s) => s.id)).toEqual(['base-deal', 'base-deal-copy']);
    expect(selectStructure(store.getState())!.id).toBe('base-deal-copy');
    editor.setTerm('fiscal.royalty.bands[0].rate', '0.07');
    expect(project().structures[0]!.terms.fiscal.royalty.bands[0]!.rate).toBe('0.05');
    expect(project().structures[1]!.terms.fiscal.royalty.bands[0]!.rate).toBe('0.07');
  });
});

describe('undo and redo', () => {
  it('undoes and redoes every edit', () => {
    const { store, editor, project } = fresh();
    const original = project();
    editor.setAssumption('discountRate', '0.1');
    editor.addPartner();
    editor.pasteSeries('prices', 0, '1\t2\t3');
    expect(store.getState().past).toHaveLength(3);
    editor.undo();
    editor.undo();
    editor.undo();
    expect(project()).toBe(original);
    expect(selectCanUndo(store.getState())).toBe(false);
    editor.redo();
    expect(project().assumptions.discountRate).toBe('0.1');
    expect(selectCanRedo(store.getState())).toBe(true);
  });

  it('merges keystrokes in one field into one step, and a new visit starts a new step', () => {
    const { store, editor, project } = fresh();
    for (const text of ['0', '0.', '0.1', '0.12']) editor.setAssumption('discountRate', text, { coalesceKey: 'field:visit-1' });
    expect(store.getState().past).toHaveLength(1);
    editor.endEdit();
    editor.setAssumption('discountRate', '0.15', { coalesceKey: 'field:visit-1' });
    expect(store.getState().past).toHaveLength(2);
    editor.undo();
    expect(project().assumptions.discountRate).toBe('0.12');
    editor.undo();
    expect(project().assumptions.discountRate).toBe('0.08');
  });

  it('drops the redo branch after a new edit', () => {
    const { store, editor } = fresh();
    editor.setAssumption('inflation', '0.03');
    editor.undo();
    editor.setAssumption('inflation', '0.04');
    expect(selectCanRedo(store.getState())).toBe(false);
  });

  it('knows when the document matches what was saved', () => {
    const { store, editor } = fresh();
    editor.markSaved({ documentId: 'd1', name: 'Venture.orebridge', untitled: false, readOnly: false });
    expect(selectIsDirty(store.getState())).toBe(false);
    editor.setAssumption('inflation', '0.03');
    expect(selectIsDirty(store.getState())).toBe(true);
    editor.undo();
    expect(selectIsDirty(store.getState())).toBe(false);
  });

  it('keeps the selected structure valid when undo removes it', () => {
    const { store, editor } = fresh();
    editor.duplicateStructure();
    editor.undo();
    expect(store.getState().structureId).toBe('base-deal');
  });
});

describe('problems', () => {
  it('takes you to the section, structure and field a problem names', () => {
    const { store, editor } = fresh();
    editor.duplicateStructure();
    editor.goToProblem('structures[0].terms.partners[0].equity');
    expect(store.getState()).toMatchObject({ section: 'partners', structureId: 'base-deal', focusRequest: { path: 'structures[0].terms.partners[0].equity' } });
    editor.goToProblem('assumptions.production.grade[3]');
    expect(store.getState().section).toBe('mine-plan');
    editor.goToProblem('structures[1].terms.fiscal.royalty.bands');
    expect(store.getState()).toMatchObject({ section: 'fiscal', structureId: 'base-deal-copy' });
    editor.goToProblem('scenarios[0].overrides.priceFactor');
    expect(store.getState().section).toBe('scenarios');
  });
});

describe('undo steps', () => {
  it('makes each change of a choice its own step', () => {
    const { editor, project } = fresh();
    editor.setTerm('partners[0].kind', 'state');
    editor.setTerm('partners[0].kind', 'strategic');
    editor.undo();
    expect(project().structures[0]!.terms.partners[0]!.kind).toBe('state');
  });
});

describe('renaming partners while typing', () => {
  it('does not take over the references of another partner whose id is passed on the way', () => {
    const store = createWorkspaceStore({ locale: 'en-US' });
    const editor = createEditor(store);
    editor.loadProject(loadExample('northern-spodumene'));
    // Partner 2 ("miner") is renamed by typing "cellmakerX": on the way its id equals partner 3's.
    for (const text of ['c', 'cellmaker', 'cellmakerX']) editor.setPartnerId(1, text);
    const terms = store.getState().project!.structures[0]!.terms;
    expect(terms.partners.map((p) => p.id)).toEqual(['lithco', 'cellmakerX', 'cellmaker']);
    expect(terms.offtake[0]!.offtaker).toBe('cellmaker');
  });
});

describe('renaming structures while typing', () => {
  it('keeps editing the same structure when its id passes through another structure’s id', () => {
    const { store, editor, project } = fresh();
    editor.duplicateStructure();
    expect(selectStructure(store.getState())!.id).toBe('base-deal-copy');
    for (const text of ['base-deal', 'base-deal-2']) editor.setStructureId(1, text);
    expect(project().structures.map((s) => s.id)).toEqual(['base-deal', 'base-deal-2']);
    expect(store.getState().structureId).toBe('base-deal-2');
    editor.setTerm('fiscal.incomeTax.rate', '0.25');
    expect(project().structures[1]!.terms.fiscal.incomeTax.rate).toBe('0.25');
    expect(project().structures[0]!.terms.fiscal.incomeTax.rate).toBe('0.3');
  });
});
