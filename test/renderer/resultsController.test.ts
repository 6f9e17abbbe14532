import { describe, expect, it } from 'vitest';
import type { EngineRunner } from '../../renderer/engine/engineClient.ts';
import { runEngineJob } from '../../renderer/engine/runJob.ts';
import type { EngineJob, EngineResponse } from '../../renderer/engine/protocol.ts';
import { selectionKey } from '../../renderer/engine/protocol.ts';
import { startResultsController } from '../../renderer/engine/resultsController.ts';
import { createResultsStore } from '../../renderer/engine/resultsStore.ts';
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
    expect(results.getState().latest[key]?.full).toBe(false);
    expect(results.getState().latest[key]?.evaluation?.shocks).toEqual([]);
    expect(slow.pending).toHaveLength(1);
    await slow.answerNext();
    expect(results.getState().latest[key]?.full).toBe(true);
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
    expect(slowJobs.at(-1)!.selections.map((s) => s.structure).sort()).toEqual(['base-deal', 'base-deal-copy']);
    editor.selectSection('results');
    while (fast.pending.length > 0) await fast.answerNext();
    expect(slow.pending.at(-1)!.job.selections).toHaveLength(1);
  });
});
