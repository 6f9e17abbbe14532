import type { EngineRunner } from './engineClient.ts';
import type { EngineJob, EngineResponse, EvaluationSelection, SelectionResult } from './protocol.ts';

/** Below this many selections per runner a job stays on one runner: a second worker's own validation would cost more than it saves. */
export const FEWEST_SELECTIONS_PER_PART = 8;

/**
 * The job's selections in parts, one per runner, each part holding whole scenarios where it can
 * (every runner computes the ventures of the scenarios it meets): indices into the job's list.
 */
export function partsOf(selections: readonly EvaluationSelection[], runners: number): number[][] {
  const count = Math.min(runners, Math.floor(selections.length / FEWEST_SELECTIONS_PER_PART));
  if (count <= 1) return [selections.map((_, index) => index)];
  const scenarioOrder = new Map<string, number>();
  for (const { scenario } of selections) if (!scenarioOrder.has(scenario)) scenarioOrder.set(scenario, scenarioOrder.size);
  const byScenario = selections.map((_, index) => index).sort((a, b) => scenarioOrder.get(selections[a]!.scenario)! - scenarioOrder.get(selections[b]!.scenario)! || a - b);
  const boundary = (part: number) => Math.floor((part * byScenario.length) / count);
  return Array.from({ length: count }, (_, part) => byScenario.slice(boundary(part), boundary(part + 1)));
}

/**
 * Runs a job's selections on several runners at once (the compare matrix on both cores) and
 * answers as one runner would: the results in the job's order; the project's problems, or the
 * engine's failure, when any part has them. Every part validates the same project, so they agree
 * on its problems.
 */
export function createSplitRunner(runners: readonly EngineRunner[]): EngineRunner {
  if (runners.length === 0) throw new Error('a split runner needs at least one runner');
  return {
    async run(job: EngineJob): Promise<EngineResponse> {
      const parts = partsOf(job.selections, runners.length);
      if (parts.length === 1) return runners[0]!.run(job);
      const responses = await Promise.all(parts.map((part, at) => runners[at]!.run({ ...job, selections: part.map((index) => job.selections[index]!) })));
      const failure = responses.find((response) => response.valid === null);
      if (failure) return failure;
      const invalid = responses.find((response) => response.valid === false);
      if (invalid) return invalid;
      const results: SelectionResult[] = new Array<SelectionResult>(job.selections.length);
      parts.forEach((part, at) => {
        const response = responses[at]!;
        if (response.valid !== true) return;
        part.forEach((index, position) => {
          results[index] = response.results[position]!;
        });
      });
      return { valid: true, results };
    },
    cancel() {
      for (const runner of runners) runner.cancel?.();
    },
    dispose() {
      for (const runner of runners) runner.dispose();
    },
  };
}
