// Concessions across rounds (issue 12, point 6): each change between two structures (two rounds,
// or two structures side by side) with what it does to every party. The changes are the one term
// diff of the field catalogue (locatedTermChanges); each is applied alone to the earlier
// structure and evaluated in decimal under the chosen scenario, and its effect is the change of
// every party's PV and of the government take from the earlier structure's. The moves of the
// partners' equities are one concession (equities sum to 1, so one cannot move alone); terms of
// one optional group switched on or off together are one concession. The last row is the whole
// move, from the earlier structure to the later one (interacting changes need not add up to it).
import { Dec } from '../engine/arithmetic.ts';
import { evaluateProject } from '../engine/evaluate.ts';
import type { Evaluation, Project, Structure } from '../engine/interchange.ts';
import { validateProject } from '../engine/validate.ts';
import { locatedTermChanges, type LocatedTermChange } from '../fields/termSheet.ts';
import type { ValueContext } from '../fields/format.ts';
import { formatPath, getIn, parsePath, setIn, type PathKey } from '../fields/paths.ts';

export interface Concession {
  /** "Band 1 royalty rate: 5 % → 7 %; …" as users type them. */
  label: string;
  changes: LocatedTermChange[];
  /** The id of the earlier structure with this concession alone, in `ConcessionCases.project`; null when it cannot be applied alone. */
  structureId: string | null;
  /** Why it cannot be applied alone (the engine's first problem), or null. */
  problem: string | null;
}

export interface ConcessionCases {
  /** The project with the earlier, the later and each concession's structure added. */
  project: Project;
  beforeId: string;
  afterId: string;
  concessions: Concession[];
}

export interface ConcessionEffect {
  /** ΔPV per party (decimal text), later minus earlier; a party absent on one side counts 0 there. */
  pv: Record<string, string>;
  /** Δ government take (decimal text, a fraction); null when it is undefined on either side. */
  governmentTake: string | null;
}

export interface ConcessionRow {
  label: string;
  changes: LocatedTermChange[];
  effect: ConcessionEffect | null;
  problem: string | null;
}

export interface ConcessionTable {
  /** Every party of either side, partners first (as the later structure orders them), then the others. */
  parties: string[];
  rows: ConcessionRow[];
  /** The whole move from the earlier structure to the later one. */
  total: ConcessionRow;
}

const EQUITY = /^terms\.partners\[\d+\]\.equity$/;

/** The path in `to` of a path in `from`: keyed list items (with an id) by id, others by position. */
function counterpart(from: Structure, to: Structure, path: string): PathKey[] | null {
  const keys = parsePath(path);
  const out: PathKey[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (typeof key === 'number') {
      const item = getIn(from, keys.slice(0, i + 1)) as { id?: unknown } | undefined;
      const list = getIn(to, out);
      if (typeof item?.id === 'string' && Array.isArray(list)) {
        const at = list.findIndex((other: { id?: unknown }) => other?.id === item.id);
        if (at < 0) return null;
        out.push(at);
        continue;
      }
    }
    out.push(key);
  }
  return out;
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null;

/** Where applying a change writes into the earlier structure, and what. */
function application(before: Structure, after: Structure, change: LocatedTermChange): { keys: PathKey[]; value: unknown } | { list: PathKey[]; add?: unknown; remove?: number } | null {
  if (change.change === 'added' && change.afterPath) {
    const keys = parsePath(change.afterPath);
    const list = counterpart(after, before, formatPath(keys.slice(0, -1)));
    return list === null ? null : { list, add: getIn(after, keys) };
  }
  if (change.change === 'removed' && change.beforePath) {
    const keys = parsePath(change.beforePath);
    return { list: keys.slice(0, -1), remove: keys[keys.length - 1] as number };
  }
  if (change.beforePath && change.afterPath) return { keys: parsePath(change.beforePath), value: getIn(after, parsePath(change.afterPath)) };
  // Set on one side only: climb to the group present on both sides and take the later side's value below it.
  const [fromSide, toSide, path] = change.afterPath ? [after, before, change.afterPath] : [before, after, change.beforePath!];
  let keys = parsePath(path);
  while (keys.length > 1) {
    const parent = keys.slice(0, -1);
    const other = counterpart(fromSide, toSide, formatPath(parent));
    if (other !== null && isObject(getIn(toSide, other))) {
      const here = [...other, keys[keys.length - 1]!];
      return fromSide === after ? { keys: here, value: getIn(after, keys) } : { keys, value: getIn(after, here) };
    }
    keys = parent;
  }
  return null;
}

function apply(before: Structure, after: Structure, changes: LocatedTermChange[]): Structure | null {
  let result = before;
  for (const change of changes) {
    const step = application(before, after, change);
    if (step === null) return null;
    if ('keys' in step) result = setIn(result, step.keys, step.value);
    else {
      const list = (getIn(result, step.list) as unknown[] | undefined) ?? [];
      result = setIn(result, step.list, step.add !== undefined ? [...list, step.add] : list.filter((_, i) => i !== step.remove));
    }
  }
  return result;
}

/** The concessions from `before` to `after`: the catalogue's changes, equities and switched groups taken together. */
function concessionGroups(before: Structure, after: Structure, context: ValueContext): LocatedTermChange[][] {
  const groups = new Map<string, LocatedTermChange[]>();
  for (const change of locatedTermChanges(before, after, context)) {
    const step = application(before, after, change);
    const key = EQUITY.test(change.path) ? 'equity' : step !== null && 'keys' in step ? formatPath(step.keys) : `${change.change}:${change.path}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  return [...groups.values()];
}

const describe = (change: LocatedTermChange) =>
  change.change === 'added' ? `${change.label} added (${change.after})` : change.change === 'removed' ? `${change.label} removed` : `${change.label}: ${change.before} → ${change.after}`;

function uniqueId(taken: Set<string>, wanted: string): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

/** The project with the earlier and the later structure and each concession applied alone, ready to evaluate. */
export function concessionCases(project: Project, before: Structure, after: Structure, context: ValueContext = {}): ConcessionCases {
  const taken = new Set(project.structures.map((s) => s.id));
  const beforeId = uniqueId(taken, 'concessions-before');
  const afterId = uniqueId(taken, 'concessions-after');
  const extra: Structure[] = [{ ...before, id: beforeId }, { ...after, id: afterId }];
  const concessions: Concession[] = concessionGroups(before, after, context).map((changes) => {
    const label = changes.map(describe).join('; ');
    const applied = apply(before, after, changes);
    if (applied === null) return { label, changes, structureId: null, problem: 'it cannot be applied to the earlier structure alone' };
    const id = uniqueId(taken, 'concession');
    const check = validateProject({ ...project, negotiation: undefined, structures: [{ ...applied, id }] });
    if (!check.ok) return { label, changes, structureId: null, problem: `alone it makes the structure invalid: ${check.problems[0]!.path.replace(/^structures\[0\]\./, '')} ${check.problems[0]!.message}` };
    extra.push({ ...applied, id });
    return { label, changes, structureId: id, problem: null };
  });
  return { project: { ...project, structures: [...project.structures, ...extra] }, beforeId, afterId, concessions };
}

function effect(from: Evaluation, to: Evaluation, parties: string[]): ConcessionEffect {
  const pvOf = (evaluation: Evaluation, party: string) => new Dec(evaluation.parties.find((p) => p.id === party)?.pv ?? 0);
  const gt = (evaluation: Evaluation) => evaluation.venture.governmentTake;
  return {
    pv: Object.fromEntries(parties.map((party) => [party, pvOf(to, party).minus(pvOf(from, party)).toString()])),
    governmentTake: gt(from) === null || gt(to) === null ? null : new Dec(gt(to)!).minus(gt(from)!).toString(),
  };
}

/** The table from the evaluations of the cases' structures (null where one could not be evaluated). */
export function concessionTable(cases: ConcessionCases, evaluationOf: (structureId: string) => Evaluation | null): ConcessionTable | null {
  const from = evaluationOf(cases.beforeId);
  const to = evaluationOf(cases.afterId);
  if (from === null || to === null) return null;
  const partners = [...to.parties, ...from.parties].filter((p) => p.kind === 'partner').map((p) => p.id);
  const others = [...to.parties, ...from.parties].filter((p) => p.kind !== 'partner').map((p) => p.id);
  const parties = [...new Set([...partners, ...others])];
  const rows = cases.concessions.map((c): ConcessionRow => {
    const evaluation = c.structureId === null ? null : evaluationOf(c.structureId);
    return { label: c.label, changes: c.changes, effect: evaluation === null ? null : effect(from, evaluation, parties), problem: c.problem ?? (evaluation === null ? 'it could not be evaluated' : null) };
  });
  return { parties, rows, total: { label: 'All changes together', changes: cases.concessions.flatMap((c) => c.changes), effect: effect(from, to, parties), problem: null } };
}

/** Every concession's effect, evaluated on the calling thread (the command line, tests). */
export function concessions(project: Project, before: Structure, after: Structure, options: { scenario?: string; context?: ValueContext } = {}): ConcessionTable | null {
  const cases = concessionCases(project, before, after, options.context);
  const scenario = options.scenario ?? project.scenarios[0]!.id;
  return concessionTable(cases, (structure) => {
    const outcome = evaluateProject(cases.project, { structure, scenario }, { shocks: false, breakeven: false });
    return outcome.ok ? outcome.evaluation : null;
  });
}
