// The "Solve for a target…" store: a question typed as users type it, the goal seek run through
// the negotiation runner (in-line here, a Web Worker in the app), every party's outcome from the
// decimal evaluation, and the answer applied as one write (one undo step).
import { describe, expect, it } from 'vitest';
import { evaluateProject } from '../../../shared/engine/index.ts';
import type { Project } from '../../../shared/engine/interchange.ts';
import { getIn, parsePath, setIn } from '../../../shared/fields/index.ts';
import { createInlineNegotiationRunner } from '../../../renderer/negotiation/runner.ts';
import { createSolveStore } from '../../../renderer/negotiation/solveStore.ts';
import { loadExample } from '../helpers.tsx';

const ROYALTY = 'structures[0].terms.fiscal.royalty.bands[0].rate';

function recordingEditor(start: Project) {
  let project = start;
  const writes: string[] = [];
  return {
    writes,
    get project() {
      return project;
    },
    setValue(path: string, value: unknown) {
      writes.push(path);
      project = setIn(project, parsePath(path), value) as Project;
    },
  };
}

function governmentTake(project: Project, structure: string): number {
  const outcome = evaluateProject(project, { structure }, { shocks: false, breakeven: false });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return Number(outcome.evaluation.venture.governmentTake);
}

describe('solve for a target', () => {
  it('solves the royalty rate for a government take of 55 % and applies it as one write', async () => {
    const project = loadExample('northern-spodumene');
    const store = createSolveStore(createInlineNegotiationRunner());
    expect(store.getState().openFor(project, ROYALTY, 'state-carry-offtake')).toBe(true);
    expect(store.getState().metric).toBe('venture.governmentTake');
    store.getState().set({ targetText: '55 %' });
    await store.getState().solve(project, 'base', 'en-US');
    const { answer, outcomes, status } = store.getState();
    expect(status).toBe('done');
    expect(answer!.solutions).toHaveLength(1);
    expect(Math.abs(Number(answer!.solutions[0]!.achieved) - 0.55)).toBeLessThan(1e-9);
    expect(outcomes[0]!.parties.map((p) => p.id)).toEqual(expect.arrayContaining(['lithco', 'miner', 'cellmaker', 'government']));
    expect(outcomes[0]!.venture.governmentTake).toBe(answer!.solutions[0]!.achieved);

    const editor = recordingEditor(project);
    expect(store.getState().apply(0, project, editor)).toBe(true);
    expect(editor.writes).toEqual([ROYALTY]);
    expect(getIn(editor.project, parsePath(ROYALTY))).toBe(answer!.solutions[0]!.value);
    expect(Math.abs(governmentTake(editor.project, 'state-carry-offtake') - 0.55)).toBeLessThan(1e-9);
    expect(store.getState().open).toBe(false);
  });

  it("solves the state's equity for a PV of US$ 60 m balanced by the miner, both equities in one write", async () => {
    const project = loadExample('northern-spodumene');
    const store = createSolveStore(createInlineNegotiationRunner());
    store.getState().openFor(project, 'structures[0].terms.partners[0].equity', 'state-carry-offtake');
    expect(store.getState()).toMatchObject({ metric: 'pv', party: 'lithco', balanceWith: 'miner' });
    store.getState().set({ targetText: 'US$ 60 m' });
    await store.getState().solve(project, null, 'en-US');
    const answer = store.getState().answer!;
    expect(answer.target).toBe('60000000');
    expect(answer.solutions).toHaveLength(1);
    const editor = recordingEditor(project);
    store.getState().apply(0, project, editor);
    expect(editor.writes).toEqual(['structures[0].terms.partners']);
    const partners = editor.project.structures[0]!.terms.partners;
    expect(partners[0]!.equity).toBe(answer.solutions[0]!.value);
    expect(partners.reduce((sum, p) => sum + Number(p.equity), 0)).toBeCloseTo(1, 12);
    expect(partners[2]!.equity).toBe(project.structures[0]!.terms.partners[2]!.equity);
    const outcome = evaluateProject(editor.project, { structure: 'state-carry-offtake' }, { shocks: false, breakeven: false });
    if (!outcome.ok) throw new Error('evaluation failed');
    expect(Math.abs(Number(outcome.evaluation.parties.find((p) => p.id === 'lithco')!.pv) - 60e6) / 60e6).toBeLessThan(1e-9);
  });

  it('says what is wrong with a target that is not a number, and runs nothing', async () => {
    const project = loadExample('northern-spodumene');
    const store = createSolveStore(createInlineNegotiationRunner());
    store.getState().openFor(project, ROYALTY, 'state-carry-offtake');
    store.getState().set({ targetText: 'about half' });
    await store.getState().solve(project, null, 'en-US');
    expect(store.getState().status).toBe('editing');
    expect(store.getState().problem).toBe('Target: Type a percentage such as 5 % or 12.5 %.');
    expect(store.getState().answer).toBeNull();
  });

  it("gives the metric's range when the target is out of reach", async () => {
    const project = loadExample('northern-spodumene');
    const store = createSolveStore(createInlineNegotiationRunner());
    store.getState().openFor(project, ROYALTY, 'state-carry-offtake');
    store.getState().set({ targetText: '99 %', maxText: '20 %' });
    await store.getState().solve(project, null, 'en-US');
    const answer = store.getState().answer!;
    expect(answer.solutions).toEqual([]);
    expect(answer.range.max).toBe('0.2');
    expect(answer.message).toMatch(/^government take stays between .* %.* and .* % for .*: it never reaches 99 %$/);
  });

  it('refuses to apply an answer to a project that changed since it was solved', async () => {
    const project = loadExample('northern-spodumene');
    const store = createSolveStore(createInlineNegotiationRunner());
    store.getState().openFor(project, ROYALTY, 'state-carry-offtake');
    store.getState().set({ targetText: '55 %' });
    await store.getState().solve(project, null, 'en-US');
    const changed = setIn(project, parsePath('assumptions.discountRate'), '0.09') as Project;
    const editor = recordingEditor(changed);
    expect(store.getState().apply(0, changed, editor)).toBe(false);
    expect(editor.writes).toEqual([]);
    expect(store.getState().problem).toMatch(/changed since/);
  });

  it('offers no solving for a field that is not a deal term or holds no number', () => {
    const project = loadExample('northern-spodumene');
    const store = createSolveStore(createInlineNegotiationRunner());
    expect(store.getState().openFor(project, 'assumptions.startYear', 'state-carry-offtake')).toBe(false);
    expect(store.getState().openFor(project, 'assumptions.prices[0]', 'state-carry-offtake')).toBe(false);
    expect(store.getState().open).toBe(false);
  });

  it('cancels a goal seek in flight', async () => {
    const project = loadExample('northern-spodumene');
    const store = createSolveStore(createInlineNegotiationRunner());
    store.getState().openFor(project, ROYALTY, 'state-carry-offtake');
    store.getState().set({ targetText: '55 %' });
    const solving = store.getState().solve(project, null, 'en-US');
    expect(store.getState().status).toBe('running');
    store.getState().cancel();
    await solving;
    expect(store.getState().status).toBe('editing');
    expect(store.getState().answer).toBeNull();
  });
});
