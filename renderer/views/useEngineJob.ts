import { useEffect, useState } from 'react';
import type { Project } from '../../shared/engine/interchange.ts';
import { useWorkspaceContext } from '../app/context.tsx';
import type { EvaluationSelection, SelectionResult } from '../engine/protocol.ts';
import { runEngineJob } from '../engine/runJob.ts';

export type EngineJobState =
  | { status: 'idle' | 'running' }
  | { status: 'done'; results: SelectionResult[] }
  | { status: 'failed'; message: string };

const DEBOUNCE_MS = 250;

/**
 * Evaluates `selections` of `project` (base evaluations: no shocks, no breakeven) in the engine
 * worker whenever they change, a moment after typing stops; the view's own job, beside the results
 * the workspace keeps. Without a worker (some component tests) it runs in line.
 */
export function useEngineJob(project: Project | null, selections: EvaluationSelection[] | null): EngineJobState {
  const { engine } = useWorkspaceContext();
  const [state, setState] = useState<EngineJobState>({ status: 'idle' });
  const key = selections === null ? '' : JSON.stringify(selections);
  useEffect(() => {
    if (project === null || selections === null || selections.length === 0) {
      setState({ status: 'idle' });
      return undefined;
    }
    let stopped = false;
    setState({ status: 'running' });
    const timer = setTimeout(async () => {
      const job = { project, selections, options: { shocks: false, breakeven: false } };
      const response = engine ? await engine.run(job) : runEngineJob(job);
      if (stopped) return;
      if (response.valid === null) setState({ status: 'failed', message: response.failure });
      else if (!response.valid) setState({ status: 'failed', message: `the project has problems: ${response.problems[0]?.message ?? ''}` });
      else setState({ status: 'done', results: response.results });
    }, DEBOUNCE_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // The selections are compared by their text: a new array with the same cases is the same job.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [project, key, engine]);
  return state;
}
