// What a negotiation round gave: the headline results of the structure as it was recorded, under
// one scenario, kept with the revision so the rounds view never re-evaluates an old round
// against today's assumptions. Decimal strings, as the engine writes them.
import { z } from 'zod';
import type { Evaluation, PartyKind } from '../engine/interchange.ts';

const decimalText = z.string().max(200).regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i);
const PARTY_KINDS = ['partner', 'government', 'community', 'external-licensor', 'external-offtaker', 'external-lender'] as const satisfies readonly PartyKind[];

export const roundResultsSchema = z.strictObject({
  /** The scenario the round was evaluated under (the one on screen when it was recorded). */
  scenarioId: z.string().min(1).max(200),
  scenarioName: z.string().max(1000).nullable(),
  ventureNpv: decimalText,
  ventureIrr: decimalText.nullable(),
  governmentTake: decimalText.nullable(),
  parties: z.array(z.strictObject({ id: z.string().min(1).max(200), kind: z.enum(PARTY_KINDS), pv: decimalText })).max(10_000),
});
export type RoundResults = z.infer<typeof roundResultsSchema>;

/** The headline of an evaluation (without shocks or breakeven: the base figures of the case). */
export function roundResultsOf(evaluation: Evaluation, scenarioName: string | null): RoundResults {
  return {
    scenarioId: evaluation.scenario,
    scenarioName,
    ventureNpv: evaluation.venture.npv,
    ventureIrr: evaluation.venture.irr,
    governmentTake: evaluation.venture.governmentTake,
    parties: evaluation.parties.map((party) => ({ id: party.id, kind: party.kind, pv: party.pv })),
  };
}
