// The Deal space view's state and commands: two terms, grid steps and a metric; the map computed
// in the negotiation worker with progress and cancel; a bargaining point applied as a new
// structure (one undo step); and the sweep along one term.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Project, Structure } from '../../shared/engine/interchange.ts';
import { writeTerm, type DealTerm } from '../../shared/fields/index.ts';
import type { BargainingPoint, DealSpace, DealSpaceRequest, LineSweep, MetricName } from '../../shared/negotiation/index.ts';
import { uniqueId } from '../store/defaultProject.ts';
import type { NegotiationRun, NegotiationRunner } from './runner.ts';
import { absoluteTermPath, isPerParty, readTarget, readTermText, sentence } from './text.ts';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface DealSpaceChoice {
  xTerm: string;
  yTerm: string;
  /** Balancing partners of equity axes ('' for other terms). */
  xBalance: string;
  yBalance: string;
  stepsText: string;
  metric: MetricName;
  party: string;
  /** Optional: a contour line where the metric equals it (typed as users type: 55 %, 60 m). */
  targetText: string;
  /** Optional ends of each axis, typed as the term is typed (empty: the term's valid range). */
  xMinText: string;
  xMaxText: string;
  yMinText: string;
  yMaxText: string;
}

export interface DealSpaceState extends DealSpaceChoice {
  status: RunStatus;
  progress: { done: number; total: number };
  problem: string | null;
  result: DealSpace | null;
  /** The contour level the map was drawn with (decimal text), null when none was typed. */
  target: string | null;
  /** The project and structure the map belongs to: a point is applied only while the structure, assumptions and scenarios are unchanged. */
  mappedFor: { project: Project; structureId: string } | null;
  sweep: { status: RunStatus; progress: { done: number; total: number }; problem: string | null; result: LineSweep | null };
}

export interface DealSpaceActions {
  choose(partial: Partial<DealSpaceChoice>): void;
  map(project: Project, structureId: string, scenarioId: string | null, locale: string): Promise<void>;
  cancel(): void;
  /** Sweeps the first term over the interval typed for it (or its valid range). */
  sweepAlong(project: Project, structureId: string, scenarioId: string | null, locale: string): Promise<void>;
  cancelSweep(): void;
  /** Adds a copy of the mapped structure with the point's two terms (one undo step); returns its id, or null. */
  applyAsStructure(point: BargainingPoint, name: string, project: Project, editor: StructureAdder): string | null;
}

export interface StructureAdder {
  addListItem(path: string, item: unknown, moveFocus?: boolean): void;
  selectStructure(id: string): void;
}

export type DealSpaceStore = StoreApi<DealSpaceState & DealSpaceActions>;

const DEFAULT_STEPS = 41;

/** The first axes offered: the first royalty rate across, a state partner's equity (else the first equity) up. */
export function defaultAxes(terms: readonly DealTerm[], structure: Structure | undefined): { xTerm: string; yTerm: string } {
  const royalty = terms.find((t) => t.pattern === 'terms.fiscal.royalty.bands[].rate');
  const statePartner = structure?.terms.partners.findIndex((p) => p.kind === 'state') ?? -1;
  const equity = terms.find((t) => t.path === `terms.partners[${statePartner}].equity`) ?? terms.find((t) => t.pattern === 'terms.partners[].equity');
  const x = royalty ?? terms[0];
  const y = equity && equity.path !== x?.path ? equity : terms.find((t) => t.path !== x?.path);
  return { xTerm: x?.path ?? '', yTerm: y?.path ?? '' };
}

/** A map stays true while its structure, the venture's assumptions and the scenarios are the ones it was drawn from (other structures may come and go). */
export function mapStillCurrent(mapped: { project: Project; structureId: string }, project: Project): boolean {
  const parts = (p: Project) => [p.structures.find((s) => s.id === mapped.structureId), p.assumptions, p.scenarios, p.negotiation];
  const now = parts(project);
  return parts(mapped.project).every((part, i) => part === now[i]);
}

export function createDealSpaceStore(runner: NegotiationRunner): DealSpaceStore {
  let running: NegotiationRun | null = null;
  let sweeping: NegotiationRun | null = null;
  return createStore<DealSpaceState & DealSpaceActions>()((setState, get) => ({
    xTerm: '', yTerm: '', xBalance: '', yBalance: '', stepsText: String(DEFAULT_STEPS), metric: 'venture.governmentTake', party: '', targetText: '', xMinText: '', xMaxText: '', yMinText: '', yMaxText: '',
    status: 'idle', progress: { done: 0, total: 0 }, problem: null, result: null, target: null, mappedFor: null,
    sweep: { status: 'idle', progress: { done: 0, total: 0 }, problem: null, result: null },
    choose(partial) {
      const leavesParty = partial.metric !== undefined && !isPerParty(partial.metric);
      setState({ ...partial, ...(leavesParty ? { party: '' } : {}), problem: null });
    },
    async map(project, structureId, scenarioId, locale) {
      const state = get();
      const steps = Number(state.stepsText.trim());
      if (!Number.isInteger(steps) || steps < 2 || steps > 401) return setState({ problem: `Grid steps must be a whole number from 2 to 401, not “${state.stepsText}”.` });
      if (!state.xTerm || !state.yTerm) return setState({ problem: 'Choose a term for each axis.' });
      if (state.xTerm === state.yTerm) return setState({ problem: 'Choose two different terms for the two axes.' });
      if (isPerParty(state.metric) && !state.party) return setState({ problem: 'Choose the party whose outcome the map shows.' });
      let target: string | null = null;
      if (state.targetText.trim() !== '') {
        const read = readTarget(state.targetText, state.metric, locale, project.assumptions.currency ?? '');
        if (!read.ok) return setState({ problem: `Contour at: ${read.message}` });
        target = read.value;
      }
      const ends: Record<string, string> = {};
      for (const [key, text, term, name] of [['xMin', state.xMinText, state.xTerm, 'Across from'], ['xMax', state.xMaxText, state.xTerm, 'Across to'], ['yMin', state.yMinText, state.yTerm, 'Up from'], ['yMax', state.yMaxText, state.yTerm, 'Up to']] as const) {
        if (text.trim() === '') continue;
        const read = readTermText(text, absoluteTermPath(project, structureId, term), project, locale);
        if (!read.ok) return setState({ problem: `${name}: ${read.message}` });
        ends[key] = read.value;
      }
      const axis = (term: string, balance: string, min: string | undefined, max: string | undefined) => ({
        term, ...(balance ? { balanceWith: balance } : {}), ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }),
      });
      const request: DealSpaceRequest = {
        structure: structureId,
        ...(scenarioId ? { scenario: scenarioId } : {}),
        x: axis(state.xTerm, state.xBalance, ends.xMin, ends.xMax),
        y: axis(state.yTerm, state.yBalance, ends.yMin, ends.yMax),
        steps,
        metric: state.metric,
        party: isPerParty(state.metric) ? state.party : null,
      };
      running?.cancel();
      const run = runner({ kind: 'map', project, request }, (done, total) => {
        if (running === run) setState({ progress: { done, total } });
      });
      running = run;
      setState({ status: 'running', progress: { done: 0, total: steps }, problem: null });
      const outcome = await run.outcome;
      if (running !== run) return;
      running = null;
      if (outcome.kind === 'cancelled') return setState({ status: 'cancelled' });
      if (outcome.kind === 'failed') return setState({ status: 'failed', problem: outcome.message });
      if (outcome.result.kind !== 'map') return setState({ status: 'failed', problem: 'The calculation engine answered another question.' });
      const { result } = outcome.result;
      if (!result.ok) return setState({ status: 'failed', problem: sentence(result.error.message) });
      setState({ status: 'done', result: result.value, target, mappedFor: { project, structureId } });
    },
    cancel() {
      running?.cancel();
      running = null;
      if (get().status === 'running') setState({ status: 'cancelled' });
    },
    async sweepAlong(project, structureId, scenarioId, locale) {
      const state = get();
      if (!state.xTerm) return setState({ sweep: { ...get().sweep, problem: 'Choose the term to sweep (the map’s first term).' } });
      const ends: { min?: string; max?: string } = {};
      for (const [key, text, name] of [['min', state.xMinText, 'Across from'], ['max', state.xMaxText, 'Across to']] as const) {
        if (text.trim() === '') continue;
        const read = readTermText(text, absoluteTermPath(project, structureId, state.xTerm), project, locale);
        if (!read.ok) return setState({ sweep: { ...get().sweep, problem: `${name}: ${read.message}` } });
        ends[key] = read.value;
      }
      if (isPerParty(state.metric) && !state.party) return setState({ sweep: { ...get().sweep, problem: 'Choose the party whose outcome the sweep shows.' } });
      sweeping?.cancel();
      const run = runner({
        kind: 'sweep', project,
        request: {
          structure: structureId, ...(scenarioId ? { scenario: scenarioId } : {}),
          axis: { term: state.xTerm, ...(state.xBalance ? { balanceWith: state.xBalance } : {}), ...ends },
          metric: state.metric, party: isPerParty(state.metric) ? state.party : null,
        },
      }, (done, total) => {
        if (sweeping === run) setState({ sweep: { ...get().sweep, progress: { done, total } } });
      });
      sweeping = run;
      setState({ sweep: { status: 'running', progress: { done: 0, total: 0 }, problem: null, result: get().sweep.result } });
      const outcome = await run.outcome;
      if (sweeping !== run) return;
      sweeping = null;
      const sweep = get().sweep;
      if (outcome.kind === 'cancelled') return setState({ sweep: { ...sweep, status: 'cancelled' } });
      if (outcome.kind === 'failed') return setState({ sweep: { ...sweep, status: 'failed', problem: outcome.message } });
      if (outcome.result.kind !== 'sweep') return setState({ sweep: { ...sweep, status: 'failed', problem: 'The calculation engine answered another question.' } });
      const { result } = outcome.result;
      if (!result.ok) return setState({ sweep: { ...sweep, status: 'failed', problem: sentence(result.error.message) } });
      setState({ sweep: { status: 'done', progress: sweep.progress, problem: null, result: result.value } });
    },
    cancelSweep() {
      sweeping?.cancel();
      sweeping = null;
      if (get().sweep.status === 'running') setState({ sweep: { ...get().sweep, status: 'cancelled' } });
    },
    applyAsStructure(point, name, project, editor) {
      const state = get();
      const mapped = state.mappedFor;
      const result = state.result;
      if (!mapped || !result) return null;
      if (!mapStillCurrent(mapped, project)) {
        setState({ problem: 'The project changed since the map was drawn: map it again before applying a point.' });
        return null;
      }
      const x = writeTerm(project, mapped.structureId, result.x.path, point.x, result.x.balancedBy ? { balanceWith: result.x.balancedBy } : {});
      const y = x.ok ? writeTerm(x.value, mapped.structureId, result.y.path, point.y, result.y.balancedBy ? { balanceWith: result.y.balancedBy } : {}) : x;
      if (!y.ok) {
        setState({ problem: sentence(y.error.message) });
        return null;
      }
      const source = y.value.structures.find((s) => s.id === mapped.structureId)!;
      const id = uniqueId(`${source.id}-${name.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-+$/, '')}`, project.structures.map((s) => s.id));
      const copy: Structure = { ...structuredClone(source), id, name: `${source.name || source.id} (${name} point)` };
      editor.addListItem('structures', copy, false);
      editor.selectStructure(id);
      return id;
    },
  }));
}
