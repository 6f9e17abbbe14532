import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Evaluation } from '../../shared/engine/interchange.ts';
import type { Problem } from './protocol.ts';

export interface StoredResult {
  /** The document version the result was computed for. */
  version: number;
  evaluation: Evaluation | null;
  error: string | null;
  /** Computed with shocks and the breakeven price. */
  full: boolean;
}

export interface ResultsState {
  /** Bumped on every project change; results with an older version are out of date. */
  version: number;
  /** The version the latest validation ran on, and its problems (empty when valid). */
  validatedVersion: number;
  problems: Problem[];
  /** The engine failed on the latest version (a crash, not a problem of the inputs); null otherwise. */
  engineFailure: string | null;
  /** Latest result per `structure\0scenario`, fast or full. */
  latest: Record<string, StoredResult>;
  /** Latest full result per key, kept while a newer fast one is shown. */
  latestFull: Record<string, StoredResult>;
}

export type ResultsStore = StoreApi<ResultsState>;

export function createResultsStore(): ResultsStore {
  return createStore<ResultsState>()(() => ({ version: 0, validatedVersion: -1, problems: [], engineFailure: null, latest: {}, latestFull: {} }));
}
