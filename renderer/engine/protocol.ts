// Messages between the renderer and its engine worker, typed like the contract
// (shared/contract.ts): each message has a zod schema, its type is the schema's, and the schema
// is checked against the engine's own types, so the two cannot drift. Plain JSON, decimals as
// strings. Replies are checked when they arrive (checkWorkerReply).
import { z } from 'zod';
import type { CaseSelection, EvaluateOptions, EvaluateOutcome, Problem } from '../../shared/engine/index.ts';
import { evaluationSchema, problemSchema, projectSchema } from '../../shared/contract.ts';

export type { Problem };

export const evaluationSelectionSchema = z.strictObject({ structure: z.string(), scenario: z.string() });
export type EvaluationSelection = z.infer<typeof evaluationSelectionSchema>;

export const engineJobSchema = z.strictObject({
  project: projectSchema,
  selections: z.array(evaluationSelectionSchema satisfies z.ZodType<Required<CaseSelection>>),
  // Shocks and breakeven are always said; the audit lines are there unless a job leaves them out.
  options: z.strictObject({ shocks: z.boolean(), breakeven: z.boolean(), auditLines: z.boolean().optional() }) satisfies z.ZodType<Required<Pick<EvaluateOptions, 'shocks' | 'breakeven'>> & Pick<EvaluateOptions, 'auditLines'>>,
});
export type EngineJob = z.infer<typeof engineJobSchema>;

/** One selection's outcome: the engine's, or `internal` when evaluating it threw. */
export const selectionResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), evaluation: evaluationSchema }),
  z.strictObject({ ok: z.literal(false), error: z.strictObject({ code: z.enum(['unknown-structure', 'unknown-scenario', 'internal']), message: z.string() }) }),
]);
export type SelectionResult = z.infer<typeof selectionResultSchema>;
const engineOutcomeFits = (outcome: EvaluateOutcome): SelectionResult => outcome;
void engineOutcomeFits;

export const engineResponseSchema = z.union([
  z.strictObject({ valid: z.literal(false), problems: z.array(problemSchema) }),
  z.strictObject({ valid: z.literal(true), results: z.array(selectionResultSchema) }),
  /** The engine itself failed (the worker crashed): not a problem of the inputs. */
  z.strictObject({ valid: z.null(), failure: z.string() }),
]);
export type EngineResponse = z.infer<typeof engineResponseSchema>;

export const workerRequestSchema = z.strictObject({ id: z.number().int(), job: engineJobSchema });
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

export const workerReplySchema = z.strictObject({ id: z.number().int(), response: engineResponseSchema });
export type WorkerReply = z.infer<typeof workerReplySchema>;

/** A message from the worker, checked: a reply, or why it is not one. */
export function checkWorkerReply(data: unknown): { ok: true; reply: WorkerReply } | { ok: false; message: string } {
  const parsed = workerReplySchema.safeParse(data);
  return parsed.success ? { ok: true, reply: parsed.data } : { ok: false, message: `the engine worker sent a message that is not a reply (${parsed.error.issues[0]?.message ?? 'unknown shape'})` };
}

export function selectionKey(selection: EvaluationSelection): string {
  return `${selection.structure}\u0000${selection.scenario}`;
}
