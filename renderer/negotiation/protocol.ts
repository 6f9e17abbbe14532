// What crosses between the page and the negotiation worker: the project and the request as the
// interchange writes them (decimals as strings), and back the answer (decimals as strings, the
// map's float picture as numbers). Never a Decimal.
import type { Project } from '../../shared/engine/interchange.ts';
import type { DealSpaceRequest, DealSpaceResult, GoalSeekRequest, GoalSeekResult, LineSweepRequest, LineSweepResult } from '../../shared/negotiation/index.ts';

export type NegotiationJob =
  | { kind: 'solve'; project: Project; request: GoalSeekRequest }
  | { kind: 'map'; project: Project; request: DealSpaceRequest }
  | { kind: 'sweep'; project: Project; request: LineSweepRequest };

/** One party's outcome at a solved value, from the decimal evaluation (decimal text). */
export interface PartyOutcome {
  id: string;
  kind: string;
  pv: string;
  share: string | null;
  irr: string | null;
}

/** What a solved value gives everyone: the venture's headline metrics and every party's outcome. */
export interface SolvedOutcome {
  venture: { npv: string; irr: string | null; governmentTake: string | null; aetr: string | null };
  parties: PartyOutcome[];
}

export type NegotiationResult =
  /** `outcomes[i]` belongs to `result.value.solutions[i]`. */
  | { kind: 'solve'; result: GoalSeekResult; outcomes: SolvedOutcome[] }
  | { kind: 'map'; result: DealSpaceResult }
  | { kind: 'sweep'; result: LineSweepResult };

export type NegotiationReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; result: NegotiationResult }
  | { kind: 'error'; message: string };

export interface NegotiationWorkerRequest {
  job: NegotiationJob;
}
