import { describe, expect, it } from 'vitest';
import { STOPPED_BY_USER, type EngineRunner } from '../../renderer/engine/engineClient.ts';
import { runEngineJob } from '../../renderer/engine/runJob.ts';
import type { EngineJob, EngineResponse } from '../../renderer/engine/protocol.ts';
import { selectionKey } from '../../renderer/engine/protocol.ts';
import { startResultsController } from '../../renderer/engine/resultsController.ts';
import { createResultsStore, replaces, type StoredResult } from '../../renderer/engine/resultsStore.ts';
import { loadExample } from './helpers.tsx';
import { createEditor } from '../../renderer/store/editor.ts';
import { createWorkspaceStore } from '../../renderer/store/workspaceStore.ts';

/** A runner that answers only when the test says so, to control the order of replies. */
function manualRunner() {
  const pending: { job: EngineJob; resolve: (response: EngineResponse) => void }[] = [];
  const runner: EngineRunner = {
    run: (job) => new Promise((resolve) => pending.push({ job, resolve })),
    dispose() {},
  };
  return {
    runner,
    pending,
    async answerNext() {
      const next = pending.shift();
      if (!next) throw new Error('no job is waiting');
      next.resolve(runEngineJob(next.job));
      await new Promise((resolve) => setTimeout(resolve, 0));
      return next.job;
    },
  };
}

function setup() {
  const store = createWorkspaceStore({ locale: 'en-US' });
  const editor = createEditor(store);
  const results = createResultsStore();
  const fast = manualRunner();
  const slow = manualRunner();
  editor.newVenture(2027);
  const controller = startResultsController(store, results, fast.runner, slow.runner);
  const key = selectionKey({ structure: 'base-deal', scenario: 'base' });
  return { store, editor, results, fast, slow, controller, key };
}

describe('the results controller', () => {
  it('evaluates fast first, then adds shocks and breakeven on the slow lane', async () => {
    const { results, fast, slow, key } = setup();
    expect(fast.pending).toHaveLength(1);
    expect(fast.pending[0]!.job.options).toEqual({ shocks: false, breakeven: false });
    await fast.answerNext();
    expect(results.getState().latest[key]?.kind).toBe('base');
    expect(results.getState().latest[key]?.evaluation?.shocks).toEqual([]);
    expect(slow.pending).toHaveLength(1);
    await slow.answerNext();
    expect(results.getState().latest[key]?.kind).toBe('full');
    expect(results.getState().latestFull[key]?.evaluation?.shocks.length).toBeGreaterThan(0);
  });

  it('runs one job per lane, keeps only the newest waiting one, and drops replies for older inputs', async () => {
    const { editor, results, fast, key } = setup();
    editor.setAssumption('discountRate', '0.09');
    editor.setAssumption('discountRate', '0.10');
    editor.setAssumption('discountRate', '0.11');
    expect(fast.pending).toHaveLength(1);
    const stale = await fast.answerNext();
    expect((stale.project as { assumptions: { discountRate: string } }).assumptions.discountRate).toBe('0.08');
    expect(results.getState().latest[key]).toBeUndefined();
    expect(fast.pending).toHaveLength(1);
    const latest = await fast.answerNext();
    expect((latest.project as { assumptions: { discountRate: string } }).assumptions.discountRate).toBe('0.11');
    expect(results.getState().latest[key]?.version).toBe(results.getState().version);
    expect(fast.pending).toHaveLength(0);
  });

  it('reports every problem and keeps the last valid results', async () => {
    const { editor, results, fast, key } = setup();
    await fast.answerNext();
    const valid = results.getState().latest[key];
    editor.setTerm('partners[0].equity', '0.9');
    await fast.answerNext();
    expect(results.getState().problems.length).toBeGreaterThan(0);
    expect(results.getState().latest[key]).toBe(valid);
    editor.undo();
    await fast.answerNext();
    expect(results.getState().problems).toEqual([]);
    expect(results.getState().latest[key]).not.toBe(valid);
  });

  it('evaluates the compare matrix only while Compare is shown', async () => {
    const { editor, fast, slow } = setup();
    editor.duplicateStructure();
    editor.setCompare({ structures: ['base-deal', 'base-deal-copy'], scenarios: ['base'] });
    while (fast.pending.length > 0) await fast.answerNext();
    expect(slow.pending.at(-1)!.job.selections).toHaveLength(1);
    editor.selectSection('compare');
    while (fast.pending.length > 0) await fast.answerNext();
    const slowJobs: EngineJob[] = [];
    while (slow.pending.length > 0) slowJobs.push(await slow.answerNext());
    expect([...new Set(slowJobs.flatMap((job) => job.selections.map((s) => s.structure)))].sort()).toEqual(['base-deal', 'base-deal-copy']);
    editor.selectSection('results');
    while (fast.pending.length > 0) await fast.answerNext();
    expect(slow.pending.at(-1)!.job.selections).toHaveLength(1);
  });

  describe('in Compare', () => {
    const LEAN = { shocks: false, breakeven: false, auditLines: false };
    const FULL = { shocks: true, breakeven: true };
    const BREAKEVEN = { shocks: false, breakeven: true, auditLines: false };
    const keys = (job: EngineJob) => job.selections.map(selectionKey).sort();

    /** Northern Spodumene in Compare: 2 structures × 3 scenarios, the first case on screen. */
    function compareSetup(metrics?: string[]) {
      const store = createWorkspaceStore({ locale: 'en-US' });
      const editor = createEditor(store);
      const results = createResultsStore();
      const fast = manualRunner();
      const slow = manualRunner();
      editor.loadProject(loadExample('northern-spodumene'));
      editor.setCompare({ structures: ['state-carry-offtake', 'sliding-royalty'], scenarios: ['base', 'low-price', 'delay-1y'], ...(metrics ? { metrics } : {}) });
      editor.selectSection('compare');
      const controller = startResultsController(store, results, fast.runner, slow.runner);
      const active = selectionKey({ structure: 'state-carry-offtake', scenario: 'base' });
      const all = ['state-carry-offtake', 'sliding-royalty'].flatMap((structure) => ['base', 'low-price', 'delay-1y'].map((scenario) => selectionKey({ structure, scenario })));
      const others = all.filter((key) => key !== active).sort();
      return { store, editor, results, fast, slow, controller, active, others };
    }

    async function drain(runner: ReturnType<typeof manualRunner>): Promise<EngineJob[]> {
      const jobs: EngineJob[] = [];
      while (runner.pending.length > 0) jobs.push(await runner.answerNext());
      return jobs;
    }

    it('fills the other cells lean first, then the case on screen in full, then the breakeven price', async () => {
      const { results, fast, slow, active, others } = compareSetup();
      const [base] = await drain(fast);
      expect(base!.options).toEqual({ shocks: false, breakeven: false });
      expect(keys(base!)).toEqual([active]);
      const lean = await slow.answerNext();
      expect(lean.options).toEqual(LEAN);
      expect(keys(lean)).toEqual(others);
      for (const key of others) {
        expect(results.getState().latest[key]?.kind).toBe('lean');
        expect(results.getState().latest[key]?.evaluation?.reconciliation).toBeUndefined();
        expect(results.getState().latestFull[key]).toBeUndefined();
      }
      const full = await slow.answerNext();
      expect(full.options).toEqual(FULL);
      expect(keys(full)).toEqual([active]);
      expect(results.getState().latest[active]?.kind).toBe('full');
      const breakeven = await slow.answerNext();
      expect(breakeven.options).toEqual(BREAKEVEN);
      expect(keys(breakeven)).toEqual(others);
      // The same venture and party numbers as the full evaluation, breakeven price included.
      const fullOfOthers = runEngineJob({ ...breakeven, options: FULL });
      if (fullOfOthers.valid !== true) throw new Error('the example did not evaluate');
      breakeven.selections.forEach((selection, index) => {
        const stored = results.getState().latest[selectionKey(selection)];
        const expected = fullOfOthers.results[index]!;
        if (!expected.ok) throw new Error(expected.error.message);
        expect(stored?.kind).toBe('lean-breakeven');
        expect(stored?.evaluation?.venture.breakevenPriceFactor).not.toBeNull();
        expect(stored?.evaluation?.venture).toEqual(expected.evaluation.venture);
        expect(stored?.evaluation?.parties).toEqual(expected.evaluation.parties);
      });
      expect(slow.pending).toHaveLength(0);
    });

    it('adds the breakeven pass only while the breakeven price is a chosen metric', async () => {
      const { editor, fast, slow, others } = compareSetup(['npv', 'irr', 'payback']);
      await drain(fast);
      const first = await drain(slow);
      expect(first.map((job) => job.options)).toEqual([LEAN, FULL]);
      editor.setCompare({ metrics: ['npv', 'breakeven'] });
      await drain(fast);
      // The lean cells are current: only the case on screen and the breakeven pass run.
      const second = await drain(slow);
      expect(second.map((job) => job.options)).toEqual([FULL, BREAKEVEN]);
      expect(keys(second[1]!)).toEqual(others);
    });

    it('never lets a lean result replace the one the Results view shows', async () => {
      const { editor, results, fast, slow, active } = compareSetup();
      await drain(fast);
      // The lean pass is running when the user picks one of its cells.
      const leanRunning = slow.pending[0]!;
      const picked = selectionKey({ structure: 'sliding-royalty', scenario: 'low-price' });
      expect(leanRunning.job.selections.map(selectionKey)).toContain(picked);
      editor.selectStructure('sliding-royalty');
      editor.selectScenario('low-price');
      await drain(fast);
      expect(results.getState().latest[picked]?.kind).toBe('base');
      await slow.answerNext();
      expect(results.getState().latest[picked]?.kind).toBe('base');
      expect(results.getState().latest[picked]?.evaluation?.reconciliation).toBeDefined();
      const rest = await drain(slow);
      // The new plan: every other cell is current (the one that was on screen has its base), so the
      // new case in full, then the breakeven price where it is missing, the former case's included.
      expect(rest.map((job) => job.options)).toEqual([FULL, BREAKEVEN]);
      expect(keys(rest[0]!)).toEqual([picked]);
      expect(keys(rest[1]!)).toContain(active);
      expect(keys(rest[1]!)).not.toContain(picked);
      expect(results.getState().latest[picked]?.kind).toBe('full');
      expect(results.getState().latestFull[picked]?.kind).toBe('full');
      // The case that left the screen had only its base for this version: it now has its breakeven price.
      expect(results.getState().latest[active]?.kind).toBe('lean-breakeven');
      expect(results.getState().latestFull[active]).toBeUndefined();
    });

    it('keeps, for one version, what the case on screen or the matrix reads, and any newer result before an older one', () => {
      const at = (version: number, kind: StoredResult['kind']): StoredResult => ({ version, evaluation: null, error: null, kind });
      for (const onScreen of [true, false]) {
        expect(replaces(at(1, 'lean'), at(1, 'full'), onScreen)).toBe(false);
        expect(replaces(at(1, 'lean'), at(1, 'base'), onScreen)).toBe(false);
        expect(replaces(at(1, 'lean-breakeven'), at(1, 'full'), onScreen)).toBe(false);
        expect(replaces(at(1, 'lean-breakeven'), at(1, 'lean'), onScreen)).toBe(true);
        expect(replaces(at(2, 'lean'), at(1, 'full'), onScreen)).toBe(true);
        expect(replaces(at(1, 'full'), at(2, 'lean'), onScreen)).toBe(false);
      }
      // The case on screen keeps its audit lines; a case that left the screen takes its breakeven price.
      expect(replaces(at(1, 'lean-breakeven'), at(1, 'base'), true)).toBe(false);
      expect(replaces(at(1, 'lean-breakeven'), at(1, 'base'), false)).toBe(true);
      expect(replaces(at(1, 'base'), at(1, 'lean-breakeven'), true)).toBe(true);
      expect(replaces(at(1, 'base'), at(1, 'lean-breakeven'), false)).toBe(false);
    });

    it('stops the plan when the user stops it', async () => {
      const { fast, slow } = compareSetup();
      await drain(fast);
      const lean = slow.pending.shift()!;
      lean.resolve({ valid: null, failure: STOPPED_BY_USER });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(slow.pending).toHaveLength(0);
    });
  });
});
