import { useEffect, useRef, useState } from 'react';
import type { Project } from '../../shared/engine/interchange.ts';
import { startRiskRun, type RiskRun } from '../engine/riskRunner.ts';
import type { RiskSummary } from '../engine/riskProtocol.ts';

export interface RiskRunState {
  status: 'idle' | 'preview' | 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  summary: RiskSummary | null;
  /** The summary is from the quick preview (1,000 iterations) while the full run goes on. */
  preview: boolean;
  message: string | null;
}

const PREVIEW_ITERATIONS = 1_000;
const DEBOUNCE_MS = 500;

/**
 * Runs the simulation of `project` (one structure under one scenario) in Web Workers whenever it
 * changes and is valid: a quick 1,000-iteration preview first, then the full run. Typing never
 * waits for it; a change cancels the run in flight. `cancel` stops the current run.
 */
export function useRiskRun(project: Project | null, structure: string | null, scenario: string | null, valid: boolean, iterationsOverride?: number) {
  const [state, setState] = useState<RiskRunState>({ status: 'idle', done: 0, total: 0, summary: null, preview: false, message: null });
  const current = useRef<RiskRun | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!project || structure === null || scenario === null || !valid) return undefined;
    let stopped = false;
    const timer = setTimeout(async () => {
      const request = { project, structure, scenario, ...(iterationsOverride === undefined ? {} : { iterations: iterationsOverride }) };
      const full = iterationsOverride ?? project.risk?.iterations ?? 10_000;
      if (full > PREVIEW_ITERATIONS) {
        setState((s) => ({ ...s, status: 'preview', done: 0, total: PREVIEW_ITERATIONS, message: null }));
        const preview = startRiskRun({ ...request, iterations: PREVIEW_ITERATIONS }, (done, total) => !stopped && setState((s) => ({ ...s, done, total })));
        current.current = preview;
        const outcome = await preview.outcome;
        if (stopped || outcome.kind === 'cancelled') return;
        if (outcome.kind === 'failed') {
          setState((s) => ({ ...s, status: 'failed', message: outcome.message }));
          return;
        }
        setState((s) => ({ ...s, summary: outcome.summary, preview: true }));
      }
      setState((s) => ({ ...s, status: 'running', done: 0, total: full }));
      const run = startRiskRun(request, (done, total) => !stopped && setState((s) => ({ ...s, done, total })));
      current.current = run;
      const outcome = await run.outcome;
      if (stopped) return;
      if (outcome.kind === 'done') setState({ status: 'done', done: full, total: full, summary: outcome.summary, preview: false, message: null });
      else if (outcome.kind === 'cancelled') setState((s) => ({ ...s, status: 'cancelled' }));
      else setState((s) => ({ ...s, status: 'failed', message: outcome.message }));
    }, DEBOUNCE_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      current.current?.cancel();
    };
  }, [project, structure, scenario, valid, iterationsOverride, generation]);

  return {
    state,
    cancel: () => {
      current.current?.cancel();
      setState((s) => ({ ...s, status: 'cancelled' }));
    },
    rerun: () => setGeneration((g) => g + 1),
  };
}
