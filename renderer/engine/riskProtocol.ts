import type { SimulationColumns, SimulationDocument, SimulationRequest } from '../../shared/risk/index.ts';

/** What the Risk view draws from one run. */
export interface RiskSummary {
  document: SimulationDocument;
  fan: { year: number; p10: number; p50: number; p90: number }[];
  /**
   * Each party slot's PV per iteration (0 where absent), for the histogram and the curve; for a
   * partner also its NPV at its hurdle rate (where that curve crosses zero: missing the hurdle).
   */
  partyValues: { id: string; values: Float64Array; atHurdle?: Float64Array }[];
  npv: Float64Array;
}

export type RiskWorkerRequest =
  | { kind: 'setup'; request: SimulationRequest }
  | { kind: 'run'; from: number; to: number }
  | { kind: 'summarise'; chunks: SimulationColumns[] };

export type RiskWorkerReply =
  | { kind: 'ready'; iterations: number }
  | { kind: 'progress'; done: number }
  | { kind: 'chunk'; columns: SimulationColumns }
  | { kind: 'summary'; summary: RiskSummary }
  | { kind: 'error'; message: string };

export const columnBuffers = (c: SimulationColumns): ArrayBuffer[] =>
  [...c.values, c.npv, c.preTaxNpv, c.irr, c.irrRootCount, c.governmentTake, c.aetr, ...c.pv, ...c.npvAtHurdle, c.freeCashFlow]
    .map((array) => array.buffer as ArrayBuffer);
