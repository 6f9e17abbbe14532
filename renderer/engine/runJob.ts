import { createEvaluator, validateProject } from '../../shared/engine/index.ts';
import type { EngineJob, EngineResponse, SelectionResult } from './protocol.ts';

/** Validates the project and evaluates each selection: what the worker does with one message. */
export function runEngineJob(job: EngineJob): EngineResponse {
  const validated = validateProject(job.project);
  if (!validated.ok) return { valid: false, problems: validated.problems };
  // One evaluator for the job's selections (a compare matrix): what they share is computed once.
  const evaluate = createEvaluator(validated.project);
  const results: SelectionResult[] = job.selections.map((selection) => {
    try {
      return evaluate(selection, job.options);
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  });
  return { valid: true, results };
}
