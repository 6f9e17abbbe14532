// Messages between the renderer and its engine worker: plain JSON, decimals as strings.
import type { Evaluation } from '../../shared/engine/interchange.ts';

export interface Problem {
  path: string;
  message: string;
}

export interface EvaluationSelection {
  structure: string;
  scenario: string;
}

export interface EngineJob {
  project: unknown;
  selections: EvaluationSelection[];
  options: { shocks: boolean; breakeven: boolean };
}

export type SelectionResult =
  | { ok: true; evaluation: Evaluation }
  | { ok: false; error: { code: string; message: string } };

export type EngineResponse =
  | { valid: false; problems: Problem[] }
  | { valid: true; results: SelectionResult[] }
  /** The engine itself failed (the worker crashed): not a problem of the inputs. */
  | { valid: null; failure: string };

export interface WorkerRequest {
  id: number;
  job: EngineJob;
}

export interface WorkerReply {
  id: number;
  response: EngineResponse;
}

export function selectionKey(selection: EvaluationSelection): string {
  return `${selection.structure}\u0000${selection.scenario}`;
}
