// Keeps results in step with the document: validates and evaluates whenever the project or the
// selection changes. Two lanes, so a slow job (shocks, breakeven, compare) never delays the
// numbers a keystroke changes: the fast lane evaluates the shown structure and scenario without
// shocks and breakeven; the slow lane then adds them and fills the compare matrix. Each lane
// runs one plan at a time and keeps only the newest waiting plan; replies for older versions of
// the project are dropped.
//
// The slow lane's plan, in Compare (docs/decisions.md, Workspace): the matrix's other cells lean
// (no shocks, breakeven or audit lines: what the matrix reads but the breakeven price), then the
// case on screen in full, then, only when the breakeven price is a chosen metric, the other cells
// again with it. Outside Compare: the case on screen in full.
import type { Project } from '../../shared/engine/interchange.ts';
import { selectActiveSelection } from '../store/selectors.ts';
import type { WorkspaceState } from '../store/types.ts';
import type { WorkspaceStore } from '../store/workspaceStore.ts';
import { STOPPED_BY_USER, type EngineRunner } from './engineClient.ts';
import { selectionKey, type EngineJob, type EngineResponse, type EvaluationSelection } from './protocol.ts';
import { hasBreakeven, OPTIONS_OF_KIND, replaces, type ResultKind, type ResultsStore, type StoredResult } from './resultsStore.ts';

interface LaneJob {
  version: number;
  job: EngineJob;
  kind: ResultKind;
}

interface Lane {
  /** Runs the plan's jobs in turn; a plan submitted meanwhile replaces what is left of it. */
  submit(plan: LaneJob[]): void;
  idle(): boolean;
}

/** The job that computes these selections' results of this kind (the benchmark times the lean one). */
export function jobFor(kind: ResultKind, project: Project, selections: EvaluationSelection[]): EngineJob {
  return { project, selections, options: OPTIONS_OF_KIND[kind] };
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

/** The matrix shows a breakeven column, which the lean pass leaves out. */
function compareNeedsBreakeven(state: WorkspaceState): boolean {
  return state.section === 'compare' && state.compare.metrics.includes('breakeven');
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
    const active = selectActiveSelection(workspace.getState());
    const onScreen = active ? selectionKey(active) : null;
    laneJob.job.selections.forEach((selection, index) => {
      const result = response.results[index];
      if (!result) return;
      const key = selectionKey(selection);
      const stored: StoredResult = result.ok
        ? { version: laneJob.version, evaluation: result.evaluation, error: null, kind: laneJob.kind }
        : { version: laneJob.version, evaluation: null, error: result.error.message, kind: laneJob.kind };
      if (replaces(stored, latest[key], key === onScreen)) latest[key] = stored;
      if (laneJob.kind === 'full') latestFull[key] = stored;
    });
    results.setState({ validatedVersion: laneJob.version, problems: [], engineFailure: null, latest, latestFull });
  }

  function stoppedByUser(response: EngineResponse): boolean {
    return response.valid === null && response.failure === STOPPED_BY_USER;
  }

  function createLane(runner: EngineRunner, onDone: (job: LaneJob, response: EngineResponse) => void): Lane {
    let running: LaneJob | null = null;
    let waiting: LaneJob[] | null = null;
    /** Starts the plan's first job still worth running; false when there is none. */
    function startPlan(plan: LaneJob[]): boolean {
      for (let at = 0; at < plan.length; at++) {
        const job = pruned(plan[at]!);
        if (job) {
          start(job, plan.slice(at + 1));
          return true;
        }
      }
      return false;
    }
    function start(job: LaneJob, rest: LaneJob[]): void {
      running = job;
      void runner.run(job.job).then((response) => {
        running = null;
        apply(job, response);
        onDone(job, response);
        // A newer plan replaces the rest; the rest ends when the user stopped it or the inputs changed.
        const valid = response.valid === true && job.version === results.getState().version;
        const next = waiting ?? (valid && !stoppedByUser(response) ? rest : []);
        waiting = null;
        if (disposed || !startPlan(next)) notifyIfSettled();
      });
    }
    return {
      submit(plan) {
        if (running) waiting = plan;
        else startPlan(plan);
      },
      idle: () => running === null && waiting === null,
    };
  }

  /**
   * The job without the selections whose result for this version already has what the job adds
   * (a lean or breakeven pass after a change of the chosen cases or metrics); null when none is left.
   * The jobs for the case on screen always run: they are what its views wait for.
   */
  function pruned(job: LaneJob): LaneJob | null {
    const state = results.getState();
    if (job.version !== state.version) return null;
    if (job.kind !== 'lean' && job.kind !== 'lean-breakeven') return job;
    const selections = job.job.selections.filter((selection) => {
      const stored = state.latest[selectionKey(selection)];
      if (!stored || stored.version !== job.version) return true;
      return job.kind === 'lean-breakeven' && !hasBreakeven(stored.kind);
    });
    if (selections.length === 0) return null;
    return selections.length === job.job.selections.length ? job : { ...job, job: { ...job.job, selections } };
  }

  const slowLane = createLane(slowRunner, () => {});
  const fastLane = createLane(fastRunner, (job, response) => {
    // Stopped by the user: nothing more is computed until the next edit.
    if (job.version === results.getState().version && !stoppedByUser(response)) scheduleSlow();
  });

  function scheduleSlow(): void {
    const state = workspace.getState();
    const project = state.project;
    if (!project) return;
    const version = results.getState().version;
    const active = selectActiveSelection(state);
    const others = compareSelections(state).filter((selection) => !active || selectionKey(selection) !== selectionKey(active));
    const plan: LaneJob[] = [];
    const add = (kind: ResultKind, selections: EvaluationSelection[]) => {
      if (selections.length > 0) plan.push({ version, kind, job: jobFor(kind, project, selections) });
    };
    add('lean', others);
    add('full', active ? [active] : []);
    if (compareNeedsBreakeven(state)) add('lean-breakeven', others);
    if (plan.length > 0) slowLane.submit(plan);
  }

  function scheduleFast(): void {
    const state = workspace.getState();
    if (!state.project) return;
    const active = selectActiveSelection(state);
    fastLane.submit([{ version: results.getState().version, kind: 'base', job: jobFor('base', state.project, active ? [active] : []) }]);
  }

  let lastProject: Project | null = null;
  let lastSelection = '';
  let lastCompare = '';
  function onWorkspaceChange(state: WorkspaceState): void {
    const active = selectActiveSelection(state);
    const selection = active ? selectionKey(active) : '';
    const compare = `${compareSelections(state).map(selectionKey).join('|')}|${compareNeedsBreakeven(state)}`;
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
