// Keeps results in step with the document: validates and evaluates whenever the project or the
// selection changes. Two lanes, so a slow job (shocks, breakeven, compare) never delays the
// numbers a keystroke changes: the fast lane evaluates the shown structure and scenario without
// shocks and breakeven; the slow lane then adds them and fills the compare matrix. Each lane
// runs one job at a time and keeps only the newest waiting job; replies for older versions of the
// project are dropped.
import type { Project } from '../../shared/engine/interchange.ts';
import { selectActiveSelection } from '../store/selectors.ts';
import type { WorkspaceState } from '../store/types.ts';
import type { WorkspaceStore } from '../store/workspaceStore.ts';
import { STOPPED_BY_USER, type EngineRunner } from './engineClient.ts';
import { selectionKey, type EngineJob, type EngineResponse, type EvaluationSelection } from './protocol.ts';
import type { ResultsStore, StoredResult } from './resultsStore.ts';

interface LaneJob {
  version: number;
  job: EngineJob;
  full: boolean;
}

interface Lane {
  submit(job: LaneJob): void;
  idle(): boolean;
}

export interface ResultsController {
  /** Stops the calculation running now (its worker is stopped and replaced); the next edit computes again. */
  stop(): void;
  dispose(): void;
  /** Resolves once both lanes have nothing running or waiting (used by tests and the benchmark). */
  settled(): Promise<void>;
}

export function compareSelections(state: WorkspaceState): EvaluationSelection[] {
  const project = state.project;
  if (!project || state.section !== 'compare') return [];
  const structures = state.compare.structures.filter((id) => project.structures.some((s) => s.id === id));
  const scenarios = state.compare.scenarios.filter((id) => project.scenarios.some((s) => s.id === id));
  return structures.flatMap((structure) => scenarios.map((scenario) => ({ structure, scenario })));
}

export function startResultsController(workspace: WorkspaceStore, results: ResultsStore, fastRunner: EngineRunner, slowRunner: EngineRunner): ResultsController {
  const listeners = new Set<() => void>();
  let disposed = false;

  function notifyIfSettled(): void {
    if (fastLane.idle() && slowLane.idle()) for (const listener of [...listeners]) listener();
  }

  function apply(laneJob: LaneJob, response: EngineResponse): void {
    const current = results.getState();
    if (disposed || laneJob.version !== current.version) return;
    if (response.valid === null) {
      results.setState({ engineFailure: response.failure });
      return;
    }
    if (!response.valid) {
      results.setState({ validatedVersion: laneJob.version, problems: response.problems, engineFailure: null });
      return;
    }
    const latest = { ...current.latest };
    const latestFull = { ...current.latestFull };
    laneJob.job.selections.forEach((selection, index) => {
      const result = response.results[index];
      if (!result) return;
      const key = selectionKey(selection);
      const stored: StoredResult = result.ok
        ? { version: laneJob.version, evaluation: result.evaluation, error: null, full: laneJob.full }
        : { version: laneJob.version, evaluation: null, error: result.error.message, full: laneJob.full };
      const existing = latest[key];
      if (!existing || existing.version < stored.version || (existing.version === stored.version && stored.full)) latest[key] = stored;
      if (laneJob.full) latestFull[key] = stored;
    });
    results.setState({ validatedVersion: laneJob.version, problems: [], engineFailure: null, latest, latestFull });
  }

  function createLane(runner: EngineRunner, onDone: (job: LaneJob, response: EngineResponse) => void): Lane {
    let running: LaneJob | null = null;
    let waiting: LaneJob | null = null;
    function start(job: LaneJob): void {
      running = job;
      void runner.run(job.job).then((response) => {
        running = null;
        apply(job, response);
        onDone(job, response);
        const next = waiting;
        waiting = null;
        if (next && !disposed) start(next);
        else notifyIfSettled();
      });
    }
    return {
      submit(job) {
        if (running) waiting = job;
        else start(job);
      },
      idle: () => running === null && waiting === null,
    };
  }

  const slowLane = createLane(slowRunner, () => {});
  const fastLane = createLane(fastRunner, (job, response) => {
    // Stopped by the user: nothing more is computed until the next edit.
    const stopped = response.valid === null && response.failure === STOPPED_BY_USER;
    if (job.version === results.getState().version && !stopped) scheduleSlow();
  });

  function scheduleSlow(): void {
    const state = workspace.getState();
    if (!state.project) return;
    const active = selectActiveSelection(state);
    const extra = compareSelections(state).filter((selection) => !active || selectionKey(selection) !== selectionKey(active));
    const selections = [...(active ? [active] : []), ...extra];
    if (selections.length === 0) return;
    slowLane.submit({ version: results.getState().version, full: true, job: { project: state.project, selections, options: { shocks: true, breakeven: true } } });
  }

  function scheduleFast(): void {
    const state = workspace.getState();
    if (!state.project) return;
    const active = selectActiveSelection(state);
    fastLane.submit({ version: results.getState().version, full: false, job: { project: state.project, selections: active ? [active] : [], options: { shocks: false, breakeven: false } } });
  }

  let lastProject: Project | null = null;
  let lastSelection = '';
  let lastCompare = '';
  function onWorkspaceChange(state: WorkspaceState): void {
    const active = selectActiveSelection(state);
    const selection = active ? selectionKey(active) : '';
    const compare = compareSelections(state).map(selectionKey).join('|');
    if (state.project === lastProject && selection === lastSelection && compare === lastCompare) return;
    const projectChanged = state.project !== lastProject;
    lastProject = state.project;
    lastSelection = selection;
    lastCompare = compare;
    if (!state.project) {
      results.setState({ version: results.getState().version + 1, problems: [], latest: {}, latestFull: {} });
      return;
    }
    if (projectChanged) results.setState({ version: results.getState().version + 1 });
    scheduleFast();
  }

  const unsubscribe = workspace.subscribe(onWorkspaceChange);
  onWorkspaceChange(workspace.getState());

  return {
    stop() {
      fastRunner.cancel?.();
      if (slowRunner !== fastRunner) slowRunner.cancel?.();
    },
    dispose() {
      disposed = true;
      unsubscribe();
      listeners.clear();
    },
    settled() {
      if (fastLane.idle() && slowLane.idle()) return Promise.resolve();
      return new Promise((resolve) => {
        const listener = () => {
          listeners.delete(listener);
          resolve();
        };
        listeners.add(listener);
      });
    },
  };
}
