// The Deal space store: axes offered from the catalogue, the map computed through the
// negotiation runner with progress, cancel, a bargaining point applied as a new structure in one
// undo step, and the sweep along one term.
import { describe, expect, it } from 'vitest';
import { dealTerms } from '../../../shared/fields/index.ts';
import { createDealSpaceStore, defaultAxes } from '../../../renderer/negotiation/dealSpaceStore.ts';
import { createInlineNegotiationRunner } from '../../../renderer/negotiation/runner.ts';
import { createEditor } from '../../../renderer/store/editor.ts';
import { createWorkspaceStore } from '../../../renderer/store/workspaceStore.ts';
import { loadExample } from '../helpers.tsx';

function mapped() {
  const project = loadExample('northern-spodumene');
  const store = createDealSpaceStore(createInlineNegotiationRunner());
  const terms = dealTerms(project, 'state-carry-offtake');
  if (!terms.ok) throw new Error(terms.error.message);
  store.getState().choose({ ...defaultAxes(terms.value, project.structures[0]), stepsText: '9' });
  return { project, store };
}

describe('deal space', () => {
  it("offers the first royalty rate across and the state partner's equity up", () => {
    const { store } = mapped();
    expect(store.getState().xTerm).toBe('terms.fiscal.royalty.bands[0].rate');
    expect(store.getState().yTerm).toBe('terms.partners[0].equity');
  });

  it('maps royalty × state equity with progress, finds the zone and both points', async () => {
    const { project, store } = mapped();
    const seen: number[] = [];
    const unsubscribe = store.subscribe((state) => seen.push(state.progress.done));
    await store.getState().map(project, 'state-carry-offtake', null, 'en-US');
    unsubscribe();
    const { status, result } = store.getState();
    expect(status).toBe('done');
    expect(result!.points).toHaveLength(81);
    expect(result!.zoneCount).toBeGreaterThan(0);
    expect(result!.nash).not.toBeNull();
    expect(result!.kalaiSmorodinsky).not.toBeNull();
    expect(seen).toContain(9);
    expect(Math.max(...seen)).toBe(9);
  });

  it('applies the Nash point as a new structure: one undo step removes it', async () => {
    const { project, store } = mapped();
    const workspace = createWorkspaceStore({ locale: 'en-US' });
    const editor = createEditor(workspace);
    editor.loadProject(project);
    await store.getState().map(project, 'state-carry-offtake', null, 'en-US');
    const nash = store.getState().result!.nash!;
    const id = store.getState().applyAsStructure(nash, 'Nash', workspace.getState().project!, editor);
    const after = workspace.getState().project!;
    expect(after.structures).toHaveLength(project.structures.length + 1);
    const added = after.structures.find((s) => s.id === id)!;
    expect(added.name).toBe('State carried 15%, capped strategic partner, collar offtake (Nash point)');
    expect(added.terms.fiscal.royalty.bands[0]!.rate).toBe(nash.x);
    expect(added.terms.partners[0]!.equity).toBe(nash.y);
    expect(added.terms.partners.reduce((sum, p) => sum + Number(p.equity), 0)).toBeCloseTo(1, 12);
    expect(workspace.getState().structureId).toBe(id);
    // The Kalai–Smorodinsky point may still be added: the mapped structure itself is unchanged.
    expect(store.getState().applyAsStructure(store.getState().result!.kalaiSmorodinsky!, 'Kalai–Smorodinsky', workspace.getState().project!, editor)).not.toBeNull();
    editor.undo();
    editor.undo();
    expect(workspace.getState().project).toBe(project);
  });

  it('refuses to apply a point once the mapped structure has changed', async () => {
    const { project, store } = mapped();
    const workspace = createWorkspaceStore({ locale: 'en-US' });
    const editor = createEditor(workspace);
    editor.loadProject(project);
    await store.getState().map(project, 'state-carry-offtake', null, 'en-US');
    editor.setValue('structures[0].terms.fiscal.incomeTax.rate', '0.25');
    expect(store.getState().applyAsStructure(store.getState().result!.nash!, 'Nash', workspace.getState().project!, editor)).toBeNull();
    expect(store.getState().problem).toMatch(/map it again/);
  });

  it('maps the interval typed for an axis, as the term is typed', async () => {
    const { project, store } = mapped();
    store.getState().choose({ xMaxText: '20 %', yMinText: '10 %' });
    await store.getState().map(project, 'state-carry-offtake', null, 'en-US');
    const result = store.getState().result!;
    expect(result.xs[0]).toBe(0);
    expect(result.xs.at(-1)).toBe(0.2);
    expect(result.ys[0]).toBe(0.1);
    store.getState().choose({ xMaxText: 'twenty' });
    await store.getState().map(project, 'state-carry-offtake', null, 'en-US');
    expect(store.getState().problem).toMatch(/^Across to: /);
  });

  it('cancels a map in flight', async () => {
    const { project, store } = mapped();
    const mapping = store.getState().map(project, 'state-carry-offtake', null, 'en-US');
    expect(store.getState().status).toBe('running');
    store.getState().cancel();
    await mapping;
    expect(store.getState().status).toBe('cancelled');
    expect(store.getState().result).toBeNull();
  });

  it('says what is wrong with the choice before computing', async () => {
    const { project, store } = mapped();
    store.getState().choose({ stepsText: '1' });
    await store.getState().map(project, 'state-carry-offtake', null, 'en-US');
    expect(store.getState().problem).toBe('Grid steps must be a whole number from 2 to 401, not “1”.');
    store.getState().choose({ stepsText: '9', yTerm: 'terms.fiscal.royalty.bands[0].rate' });
    await store.getState().map(project, 'state-carry-offtake', null, 'en-US');
    expect(store.getState().problem).toBe('Choose two different terms for the two axes.');
    store.getState().choose({ yTerm: 'terms.partners[0].equity', targetText: 'half' });
    await store.getState().map(project, 'state-carry-offtake', null, 'en-US');
    expect(store.getState().problem).toMatch(/^Contour at: /);
    expect(store.getState().status).toBe('idle');
  });

  it('sweeps the first term alone: every party’s PV along it', async () => {
    const { project, store } = mapped();
    await store.getState().sweepAlong(project, 'state-carry-offtake', null, 'en-US');
    const sweep = store.getState().sweep;
    expect(sweep.status).toBe('done');
    expect(sweep.result!.xs).toHaveLength(101);
    expect(sweep.result!.parties).toEqual(['lithco', 'miner', 'cellmaker', 'government']);
    const government = sweep.result!.pv.government!;
    expect(government[100]!).toBeGreaterThan(government[0]!);
    expect(sweep.result!.xs.at(-1)).toBe(1);
    store.getState().choose({ xMaxText: '20 %' });
    await store.getState().sweepAlong(project, 'state-carry-offtake', null, 'en-US');
    expect(store.getState().sweep.result!.xs.at(-1)).toBe(0.2);
  });
});
