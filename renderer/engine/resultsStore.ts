import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Evaluation } from '../../shared/engine/interchange.ts';
import type { EngineJob, Problem } from './protocol.ts';

/**
 * What a stored result was computed with, said outright so that no view guesses it from missing
 * fields (a breakeven factor of null means "no breakeven" in a full result, "not asked" in a lean one):
 * - `base`: the fast lane's case on screen: audit lines, no shocks, no breakeven;
 * - `lean`: a compare cell: no shocks, no breakeven, no audit lines;
 * - `lean-breakeven`: a compare cell with its breakeven price, still without shocks and audit lines;
 * - `full`: shocks, breakeven and audit lines.
 */
export type ResultKind = 'base' | 'lean' | 'lean-breakeven' | 'full';

/** The engine options each kind is computed with. */
export const OPTIONS_OF_KIND: Record<ResultKind, EngineJob['options']> = {
  base: { shocks: false, breakeven: false },
  lean: { shocks: false, breakeven: false, auditLines: false },
  'lean-breakeven': { shocks: false, breakeven: true, auditLines: false },
  full: { shocks: true, breakeven: true },
};

export const hasAuditLines = (kind: ResultKind): boolean => OPTIONS_OF_KIND[kind].auditLines !== false;
export const hasBreakeven = (kind: ResultKind): boolean => OPTIONS_OF_KIND[kind].breakeven;

/**
 * For one version of the project, which result `latest` keeps. For the case on screen, the one
 * its Results views can show: full, then base (audit lines), before any compare cell's, so that a
 * lean result never replaces it. For any other case, what the compare matrix reads: full, then
 * with the breakeven price, then base, then lean (a case that was on screen keeps its base until
 * the breakeven pass brings its breakeven price). A newer version always wins.
 */
const RANK_ON_SCREEN: Record<ResultKind, number> = { lean: 0, 'lean-breakeven': 1, base: 2, full: 3 };
const RANK_IN_MATRIX: Record<ResultKind, number> = { lean: 0, base: 1, 'lean-breakeven': 2, full: 3 };
export function replaces(incoming: StoredResult, existing: StoredResult | undefined, onScreen: boolean): boolean {
  if (!existing || existing.version < incoming.version) return true;
  const rank = onScreen ? RANK_ON_SCREEN : RANK_IN_MATRIX;
  return existing.version === incoming.version && rank[incoming.kind] >= rank[existing.kind];
}

export interface StoredResult {
  /** The document version the result was computed for. */
  version: number;
  evaluation: Evaluation | null;
  error: string | null;
  kind: ResultKind;
}

export interface ResultsState {
  /** Bumped on every project change; results with an older version are out of date. */
  version: number;
  /** The version the latest validation ran on, and its problems (empty when valid). */
  validatedVersion: number;
  problems: Problem[];
  /** The engine failed on the latest version (a crash, not a problem of the inputs); null otherwise. */
  engineFailure: string | null;
  /** Latest result per `structure\0scenario`, of any kind (see `replaces`). */
  latest: Record<string, StoredResult>;
  /** Latest full result per key, kept while a newer base or lean one is shown. */
  latestFull: Record<string, StoredResult>;
}

export type ResultsStore = StoreApi<ResultsState>;

export function createResultsStore(): ResultsStore {
  return createStore<ResultsState>()(() => ({ version: 0, validatedVersion: -1, problems: [], engineFailure: null, latest: {}, latestFull: {} }));
}
