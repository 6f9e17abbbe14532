import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createInlineRunner, STOPPED_BY_USER, type EngineRunner } from '../../renderer/engine/engineClient.ts';
import type { EngineJob, EngineResponse, EvaluationSelection } from '../../renderer/engine/protocol.ts';
import { jobFor } from '../../renderer/engine/resultsController.ts';
import { runEngineJob } from '../../renderer/engine/runJob.ts';
import { createSplitRunner, FEWEST_SELECTIONS_PER_PART, partsOf } from '../../renderer/engine/splitRunner.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { loadExample } from './helpers.tsx';

/** An in-line runner that records the selections of each job it was given. */
function recordingRunner(answer: (job: EngineJob) => EngineResponse = runEngineJob) {
  const jobs: EvaluationSelection[][] = [];
  let cancelled = 0;
  const runner: EngineRunner = {
    run: (job) => {
      jobs.push(job.selections);
      return Promise.resolve(answer(job));
    },
    cancel: () => {
      cancelled += 1;
    },
    dispose() {},
  };
  return { runner, jobs, cancelled: () => cancelled };
}

/** The example's structures repeated, so that the matrix has enough cases to be split. */
function largeMatrix(): { project: Project; selections: EvaluationSelection[] } {
  const example = loadExample('northern-spodumene');
  const structures = Array.from({ length: 6 }, (_, i) => ({ ...structuredClone(example.structures[i % example.structures.length]!), id: `structure-${i + 1}`, name: `Structure ${i + 1}` }));
  const project = { ...example, structures };
  const selections = structures.flatMap((structure) => project.scenarios.map((scenario) => ({ structure: structure.id, scenario: scenario.id })));
  return { project, selections };
}

describe('the compare matrix split over two engine workers', () => {
  it('answers exactly what one worker answers, in the order of the job, each worker given whole scenarios', async () => {
    const { project, selections } = largeMatrix();
    const first = recordingRunner();
    const second = recordingRunner();
    const job = jobFor('lean', project, selections);
    const split = await createSplitRunner([first.runner, second.runner]).run(job);
    expect(split).toEqual(await createInlineRunner().run(job));
    expect(first.jobs).toHaveLength(1);
    expect(second.jobs).toHaveLength(1);
    expect(first.jobs[0]!.length + second.jobs[0]!.length).toBe(selections.length);
    const firstScenarios = new Set(first.jobs[0]!.map((s) => s.scenario));
    const secondScenarios = new Set(second.jobs[0]!.map((s) => s.scenario));
    // Three scenarios over two workers: at most one scenario is met by both.
    expect([...firstScenarios].filter((s) => secondScenarios.has(s)).length).toBeLessThanOrEqual(1);
  });

  it('keeps a small job on one worker', async () => {
    const { project, selections } = largeMatrix();
    const first = recordingRunner();
    const second = recordingRunner();
    await createSplitRunner([first.runner, second.runner]).run(jobFor('full', project, selections.slice(0, 1)));
    await createSplitRunner([first.runner, second.runner]).run(jobFor('lean', project, selections.slice(0, 2 * FEWEST_SELECTIONS_PER_PART - 1)));
    expect(first.jobs.map((job) => job.length)).toEqual([1, 2 * FEWEST_SELECTIONS_PER_PART - 1]);
    expect(second.jobs).toEqual([]);
  });

  it("answers with the project's problems when it is not valid, and with the engine's failure when a worker fails", async () => {
    const { project, selections } = largeMatrix();
    const invalid = { ...project, assumptions: { ...project.assumptions, discountRate: '-2' } };
    const problems = await createSplitRunner([recordingRunner().runner, recordingRunner().runner]).run(jobFor('lean', invalid, selections));
    expect(problems).toEqual(runEngineJob(jobFor('lean', invalid, selections)));
    expect(problems.valid).toBe(false);

    const failing = recordingRunner(() => ({ valid: null, failure: STOPPED_BY_USER }));
    const stopped = createSplitRunner([recordingRunner().runner, failing.runner]);
    expect(await stopped.run(jobFor('lean', project, selections))).toEqual({ valid: null, failure: STOPPED_BY_USER });
  });

  it('stops every worker when the user stops the calculation', () => {
    const first = recordingRunner();
    const second = recordingRunner();
    createSplitRunner([first.runner, second.runner]).cancel?.();
    expect([first.cancelled(), second.cancelled()]).toEqual([1, 1]);
  });

  it('puts every selection in exactly one part, whatever the matrix (property)', () => {
    const selection = fc.record({ structure: fc.constantFrom('a', 'b', 'c', 'd'), scenario: fc.constantFrom('x', 'y', 'z') });
    fc.assert(
      fc.property(fc.array(selection, { maxLength: 80 }), fc.integer({ min: 1, max: 4 }), (selections, runners) => {
        const parts = partsOf(selections, runners);
        const indices = parts.flat().sort((a, b) => a - b);
        expect(indices).toEqual(selections.map((_, index) => index));
        expect(parts.length).toBeLessThanOrEqual(Math.max(1, runners));
        if (parts.length > 1) for (const part of parts) expect(part.length).toBeGreaterThanOrEqual(FEWEST_SELECTIONS_PER_PART);
      }),
    );
  });
});
