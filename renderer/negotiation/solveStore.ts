// "Solve for a target…": the dialog's state and commands. The goal seek runs in the negotiation
// worker (strings across the boundary); the answer is applied as one undoable edit (an equity
// and its balancing partner's equity move together, in one step).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Project } from '../../shared/engine/interchange.ts';
import { dealTerm, writeTerm, type DealTerm } from '../../shared/fields/index.ts';
import type { GoalSeekAnswer, GoalSeekRequest, MetricName } from '../../shared/negotiation/index.ts';
import type { SolvedOutcome } from './protocol.ts';
import type { NegotiationRun, NegotiationRunner } from './runner.ts';
import { absoluteTermPath, isPerParty, partiesFor, readTarget, readTermText, relativeTermPath, sentence } from './text.ts';

/** What applying needs of the editor: one write is one undo step. */
export interface TermWriter {
  setValue(path: string, value: unknown): void;
}

export interface SolveState {
  open: boolean;
  structureId: string;
  /** The term's path relative to the structure (`terms.fiscal.royalty.bands[0].rate`) or `assumptions.…`. */
  path: string;
  term: DealTerm | null;
  metric: MetricName;
  /** The party of a per-party metric ('' for a venture metric). */
  party: string;
  targetText: string;
  minText: string;
  maxText: string;
  /** The partner balancing an equity term ('' for any other term). */
  balanceWith: string;
  status: 'editing' | 'running' | 'done' | 'failed';
  /** What is wrong with the question (a target that is not a number), or why the engine failed. */
  problem: string | null;
  answer: GoalSeekAnswer | null;
  outcomes: SolvedOutcome[];
  /** The project the answer was computed for: applying to another one is refused. */
  solvedFor: Project | null;
}

export interface SolveActions {
  /** Opens the dialog for the field at `absolutePath` (`structures[0].terms…`); `structureId` for an assumption. */
  openFor(project: Project, absolutePath: string, structureId: string): boolean;
  set(partial: Partial<Pick<SolveState, 'metric' | 'party' | 'targetText' | 'minText' | 'maxText' | 'balanceWith'>>): void;
  solve(project: Project, scenarioId: string | null, locale: string): Promise<void>;
  cancel(): void;
  close(): void;
  /** Writes solution `index` into the project (one undo step); false when the project changed since. */
  apply(index: number, project: Project, editor: TermWriter): boolean;
}

export type SolveStore = StoreApi<SolveState & SolveActions>;

const CLOSED: SolveState = {
  open: false, structureId: '', path: '', term: null, metric: 'venture.governmentTake', party: '', targetText: '', minText: '', maxText: '',
  balanceWith: '', status: 'editing', problem: null, answer: null, outcomes: [], solvedFor: null,
};

/** The metric a term is most often solved for: a partner's equity for its own PV, anything else for government take. */
function defaultQuestion(project: Project, structureId: string, path: string): { metric: MetricName; party: string } {
  const equity = /^terms\.partners\[(\d+)\]\.equity$/.exec(path);
  const partner = equity ? project.structures.find((s) => s.id === structureId)?.terms.partners[Number(equity[1])] : undefined;
  return partner ? { metric: 'pv', party: partner.id } : { metric: 'venture.governmentTake', party: '' };
}

export function createSolveStore(runner: NegotiationRunner): SolveStore {
  let running: NegotiationRun | null = null;
  return createStore<SolveState & SolveActions>()((setState, get) => ({
    ...CLOSED,
    openFor(project, absolutePath, structureId) {
      const place = relativeTermPath(project, absolutePath);
      if (!place) return false;
      const owner = place.structureId ?? structureId;
      const described = dealTerm(project, owner, place.path);
      if (!described.ok || described.value.value === null) return false;
      setState({ ...CLOSED, open: true, structureId: owner, path: place.path, term: described.value, balanceWith: described.value.balancedBy ?? '', ...defaultQuestion(project, owner, place.path) });
      return true;
    },
    set(partial) {
      const leavesParty = partial.metric !== undefined && !isPerParty(partial.metric);
      setState({ ...partial, ...(leavesParty ? { party: '' } : {}), status: 'editing', problem: null, answer: null, outcomes: [], solvedFor: null });
    },
    async solve(project, scenarioId, locale) {
      const state = get();
      if (!state.term) return;
      const structure = project.structures.find((s) => s.id === state.structureId);
      if (isPerParty(state.metric) && !partiesFor(structure, state.metric).some((p) => p.value === state.party)) {
        setState({ status: 'editing', problem: 'Choose the party whose outcome is the target.' });
        return;
      }
      const currency = project.assumptions.currency ?? '';
      const target = readTarget(state.targetText, state.metric, locale, currency);
      if (!target.ok) {
        setState({ status: 'editing', problem: `Target: ${target.message}` });
        return;
      }
      const absolute = absoluteTermPath(project, state.structureId, state.path);
      const bounds: { min?: string; max?: string } = {};
      for (const [key, text, name] of [['min', state.minText, 'From'], ['max', state.maxText, 'To']] as const) {
        if (text.trim() === '') continue;
        const read = readTermText(text, absolute, project, locale);
        if (!read.ok) {
          setState({ status: 'editing', problem: `${name}: ${read.message}` });
          return;
        }
        bounds[key] = read.value;
      }
      const request: GoalSeekRequest = {
        structure: state.structureId,
        ...(scenarioId ? { scenario: scenarioId } : {}),
        term: state.path,
        ...(state.balanceWith ? { balanceWith: state.balanceWith } : {}),
        metric: state.metric,
        party: isPerParty(state.metric) ? state.party : null,
        target: target.value,
        ...bounds,
      };
      running?.cancel();
      const run = runner({ kind: 'solve', project, request }, () => {});
      running = run;
      setState({ status: 'running', problem: null, answer: null, outcomes: [], solvedFor: null });
      const outcome = await run.outcome;
      if (running !== run || outcome.kind === 'cancelled') return;
      running = null;
      if (outcome.kind === 'failed') return setState({ status: 'failed', problem: outcome.message });
      if (outcome.result.kind !== 'solve') return setState({ status: 'failed', problem: 'The calculation engine answered another question.' });
      const { result, outcomes } = outcome.result;
      if (!result.ok) return setState({ status: 'editing', problem: sentence(result.error.message) });
      setState({ status: 'done', answer: result.value, outcomes, solvedFor: project });
    },
    cancel() {
      running?.cancel();
      running = null;
      if (get().status === 'running') setState({ status: 'editing' });
    },
    close() {
      running?.cancel();
      running = null;
      setState(CLOSED);
    },
    apply(index, project, editor) {
      const state = get();
      const solution = state.answer?.solutions[index];
      if (!solution) return false;
      if (state.solvedFor !== project) {
        setState({ problem: 'The project changed since this answer was found: solve again before applying it.' });
        return false;
      }
      const options = state.balanceWith ? { balanceWith: state.balanceWith } : {};
      const written = writeTerm(project, state.structureId, state.path, solution.value, options);
      if (!written.ok) {
        setState({ problem: sentence(written.error.message) });
        return false;
      }
      const absolute = absoluteTermPath(project, state.structureId, state.path);
      if (state.term?.balancedBy) {
        // The equity and its balancing partner's equity in one write: one undo step.
        const index_ = project.structures.findIndex((s) => s.id === state.structureId);
        editor.setValue(`structures[${index_}].terms.partners`, written.value.structures[index_]!.terms.partners);
      } else {
        editor.setValue(absolute, solution.value);
      }
      running = null;
      setState(CLOSED);
      return true;
    },
  }));
}
