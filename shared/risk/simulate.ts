import { Dec } from '../engine/arithmetic.ts';
import type { PartyKind, Project, RiskBlock } from '../engine/interchange.ts';
import { effectiveRisk } from './block.ts';
import { emptyOverrides, evaluateIteration, iterationOverrides, newOutcome, prepareCase, type PreparedCase } from './iteration.ts';
import { createSampler, type Sampler } from './sampler.ts';
import { covariance, percentile, quantityStatistics, ranks, shareBelowZero, spearmanOfRanks, withPercentiles, type QuantityStatistics } from './statistics.ts';

/** What a simulation is asked to do: one structure under one scenario of a valid project. */
export interface SimulationRequest {
  project: Project;
  structure?: string;
  scenario?: string;
  /** Overrides the block's (or the default) iteration count and seed. */
  iterations?: number;
  seed?: number;
}

export interface SimulationSetup {
  prepared: PreparedCase;
  sampler: Sampler;
  risk: RiskBlock;
  iterations: number;
  seed: number;
}

export type SetupOutcome = { ok: true; setup: SimulationSetup } | { ok: false; error: { code: 'unknown-structure' | 'unknown-scenario'; message: string } };

export function setUpSimulation(request: SimulationRequest): SetupOutcome {
  const prepared = prepareCase(request.project, { ...(request.structure === undefined ? {} : { structure: request.structure }), ...(request.scenario === undefined ? {} : { scenario: request.scenario }) });
  if (!prepared.ok) return prepared;
  const block = effectiveRisk(request.project.risk);
  const seed = request.seed ?? block.seed ?? 1;
  const risk = { ...block, seed };
  return {
    ok: true,
    setup: {
      prepared: prepared.prepared, risk, seed,
      sampler: createSampler(risk, prepared.prepared.inputs.years),
      iterations: request.iterations ?? block.iterations ?? 10_000,
    },
  };
}

/** The per-iteration results of a range of iterations, one typed array per quantity. */
export interface SimulationColumns {
  from: number;
  count: number;
  years: number;
  /** [variable][iteration] */
  values: Float64Array[];
  npv: Float64Array;
  preTaxNpv: Float64Array;
  irr: Float64Array;
  irrRootCount: Uint8Array;
  governmentTake: Float64Array;
  aetr: Float64Array;
  /** [slot][iteration]; NaN where the party is absent. */
  pv: Float64Array[];
  /** [partner][iteration] */
  npvAtHurdle: Float64Array[];
  /** [iteration × years + k], nominal. */
  freeCashFlow: Float64Array;
}

function emptyColumns(setup: SimulationSetup, from: number, count: number): SimulationColumns {
  const p = setup.prepared;
  const column = () => new Float64Array(count);
  return {
    from, count, years: p.inputs.years,
    values: setup.sampler.variables.map(column),
    npv: column(), preTaxNpv: column(), irr: column(), irrRootCount: new Uint8Array(count), governmentTake: column(), aetr: column(),
    pv: p.slots.map(column), npvAtHurdle: p.deal.partners.map(column), freeCashFlow: new Float64Array(count * p.inputs.years),
  };
}

/** Iterations from … to − 1; `onProgress(done)` after every `every` iterations. */
export function runIterations(setup: SimulationSetup, from: number, to: number, onProgress?: (done: number) => void, every = 500): SimulationColumns {
  const count = to - from;
  const out = emptyColumns(setup, from, count);
  const draws = setup.sampler.newDraws();
  const outcome = newOutcome(setup.prepared);
  const scratch = setup.prepared.kernel.newResult();
  const overrides = emptyOverrides();
  for (let r = 0; r < count; r++) {
    setup.sampler.draw(from + r, draws);
    evaluateIteration(setup.prepared, iterationOverrides(setup.prepared, setup.sampler, draws, overrides), outcome, scratch);
    for (let v = 0; v < out.values.length; v++) out.values[v]![r] = draws.values[v]!;
    out.npv[r] = outcome.npv;
    out.preTaxNpv[r] = outcome.preTaxNpv;
    out.irr[r] = outcome.irr;
    out.irrRootCount[r] = Math.min(outcome.irrRootCount, 255);
    out.governmentTake[r] = outcome.governmentTake;
    out.aetr[r] = outcome.aetr;
    for (let s = 0; s < out.pv.length; s++) out.pv[s]![r] = outcome.pv[s]!;
    for (let i = 0; i < out.npvAtHurdle.length; i++) out.npvAtHurdle[i]![r] = outcome.npvAtHurdle[i]!;
    out.freeCashFlow.set(outcome.freeCashFlow, r * out.years);
    if (onProgress && (r + 1) % every === 0) onProgress(r + 1);
  }
  return out;
}

/** Joins consecutive ranges, in iteration order. */
export function mergeColumns(chunks: readonly SimulationColumns[]): SimulationColumns {
  const sorted = [...chunks].sort((a, b) => a.from - b.from);
  const first = sorted[0]!;
  if (sorted.length === 1) return first;
  const count = sorted.reduce((s, c) => s + c.count, 0);
  const join = (pick: (c: SimulationColumns) => Float64Array) => {
    const out = new Float64Array(sorted.reduce((s, c) => s + pick(c).length, 0));
    let at = 0;
    for (const c of sorted) {
      out.set(pick(c), at);
      at += pick(c).length;
    }
    return out;
  };
  const rootCounts = new Uint8Array(count);
  let at = 0;
  for (const c of sorted) {
    rootCounts.set(c.irrRootCount, at);
    at += c.count;
  }
  return {
    from: first.from, count, years: first.years,
    values: first.values.map((_, v) => join((c) => c.values[v]!)),
    npv: join((c) => c.npv), preTaxNpv: join((c) => c.preTaxNpv), irr: join((c) => c.irr), irrRootCount: rootCounts,
    governmentTake: join((c) => c.governmentTake), aetr: join((c) => c.aetr),
    pv: first.pv.map((_, s) => join((c) => c.pv[s]!)), npvAtHurdle: first.npvAtHurdle.map((_, i) => join((c) => c.npvAtHurdle[i]!)),
    freeCashFlow: join((c) => c.freeCashFlow),
  };
}

/** The shortest decimal text that reads back as the same double, without exponent (§R5). */
export function decimalString(x: number): string {
  return new Dec(String(x)).toString();
}

type Statistics = Record<keyof QuantityStatistics, string | null>;

const statisticsText = (s: QuantityStatistics | null): Statistics => {
  const keys: (keyof QuantityStatistics)[] = ['mean', 'sd', 'min', 'max', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'cvar5'];
  return Object.fromEntries(keys.map((k) => [k, s === null ? null : decimalString(s[k])])) as Statistics;
};
const optionalText = (x: number | null) => (x === null ? null : decimalString(x));

export interface PartySimulation {
  id: string;
  kind: PartyKind;
  pv: Statistics;
  npvAtHurdle?: Statistics;
  probabilityNegative: string;
  probabilityBelowHurdle?: string;
  riskShare: string | null;
  sensitivity: Record<string, string | null>;
}

/** The §R5 document. */
export interface SimulationDocument {
  structure: string;
  scenario: string;
  iterations: number;
  seed: number;
  venture: {
    npv: Statistics;
    preTaxNpv: Statistics;
    irr: Statistics & { none: number; several: number };
    governmentTake: Statistics & { undefined: number };
    aetr: Statistics & { undefined: number };
    probabilityNpvNegative: string;
  };
  parties: PartySimulation[];
  variables: { id: string; mean: string; sd: string; p5: string; p50: string; p95: string }[];
}

const defined = (values: Float64Array) => values.filter((x) => !Number.isNaN(x));

/** §R4–§R5 from all iterations' columns. */
export function simulationDocument(setup: SimulationSetup, c: SimulationColumns): SimulationDocument {
  const p = setup.prepared;
  const sampler = setup.sampler;
  const varying = sampler.variables.flatMap((v, i) => (v.fixed ? [] : [{ id: v.id, ranks: ranks(c.values[i]!) }]));
  const variance = covariance(c.preTaxNpv, c.preTaxNpv);
  const parties = p.slots.flatMap((slot, s) => {
    const raw = c.pv[s]!;
    if (!raw.some((x) => !Number.isNaN(x))) return [];
    const pv = raw.map((x) => (Number.isNaN(x) ? 0 : x));
    const ranked = ranks(pv);
    const party: PartySimulation = {
      id: slot.id,
      kind: slot.kind,
      pv: statisticsText(quantityStatistics(pv)),
      probabilityNegative: decimalString(shareBelowZero(pv)),
      riskShare: variance > 0 ? decimalString(covariance(pv, c.preTaxNpv) / variance) : null,
      sensitivity: Object.fromEntries(varying.map((v) => [v.id, optionalText(spearmanOfRanks(v.ranks, ranked))])),
    };
    if (slot.partnerIndex >= 0) {
      const hurdle = c.npvAtHurdle[slot.partnerIndex]!;
      const ordered: PartySimulation = {
        id: party.id, kind: party.kind, pv: party.pv, npvAtHurdle: statisticsText(quantityStatistics(hurdle)),
        probabilityNegative: party.probabilityNegative, probabilityBelowHurdle: decimalString(shareBelowZero(hurdle)),
        riskShare: party.riskShare, sensitivity: party.sensitivity,
      };
      return [ordered];
    }
    return [party];
  });
  let none = 0;
  let several = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.irrRootCount[i] === 0) none++;
    else if (c.irrRootCount[i]! > 1) several++;
  }
  const governmentTake = defined(c.governmentTake);
  const aetr = defined(c.aetr);
  return {
    structure: p.structure, scenario: p.scenario, iterations: c.count, seed: setup.seed,
    venture: {
      npv: statisticsText(quantityStatistics(c.npv)),
      preTaxNpv: statisticsText(quantityStatistics(c.preTaxNpv)),
      irr: { ...statisticsText(quantityStatistics(defined(c.irr))), none, several },
      governmentTake: { ...statisticsText(quantityStatistics(governmentTake)), undefined: c.count - governmentTake.length },
      aetr: { ...statisticsText(quantityStatistics(aetr)), undefined: c.count - aetr.length },
      probabilityNpvNegative: decimalString(shareBelowZero(c.npv)),
    },
    parties,
    variables: sampler.variables.map((v, i) => {
      const s = quantityStatistics(c.values[i]!)!;
      return { id: v.id, mean: decimalString(s.mean), sd: decimalString(s.sd), p5: decimalString(s.p5), p50: decimalString(s.p50), p95: decimalString(s.p95) };
    }),
  };
}

/** P10, P50 and P90 of the venture's nominal free cash flow, year by year (the fan chart). */
export function freeCashFlowFan(setup: SimulationSetup, c: SimulationColumns): { year: number; p10: number; p50: number; p90: number }[] {
  const years = c.years;
  const column = new Float64Array(c.count);
  return Array.from({ length: years }, (_, k) => {
    for (let i = 0; i < c.count; i++) column[i] = c.freeCashFlow[i * years + k]!;
    const sorted = withPercentiles(column, [0.1, 0.5, 0.9]);
    return { year: setup.prepared.inputs.startYear + k, p10: percentile(sorted, 0.1), p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) };
  });
}

/** §R5 one line of the samples file for iteration `from + r` of `c`. */
export function sampleLine(setup: SimulationSetup, c: SimulationColumns, r: number): string {
  const iteration = c.from + r;
  const draws = setup.sampler.newDraws();
  setup.sampler.draw(iteration, draws);
  const o = iterationOverrides(setup.prepared, setup.sampler, draws);
  const overrides: Record<string, unknown> = { prices: o.prices };
  for (const key of ['capexFactor', 'opexFactor', 'gradeFactor'] as const) if (o[key] !== null) overrides[key] = o[key];
  if (setup.sampler.variables.some((v) => v.target === 'delayYears')) overrides.delayYears = o.delayYears;
  if (o.disruption) overrides.disruption = o.disruption;
  const pv: Record<string, number> = {};
  const npvAtHurdle: Record<string, number> = {};
  setup.prepared.slots.forEach((slot, s) => {
    const x = c.pv[s]![r]!;
    if (Number.isNaN(x)) return;
    pv[slot.id] = x;
    if (slot.partnerIndex >= 0) npvAtHurdle[slot.id] = c.npvAtHurdle[slot.partnerIndex]![r]!;
  });
  return JSON.stringify({
    iteration,
    values: Object.fromEntries(setup.sampler.variables.map((v, i) => [v.id, draws.values[i]!])),
    overrides, npv: c.npv[r], preTaxNpv: c.preTaxNpv[r], pv, npvAtHurdle,
  });
}

/** The whole simulation on this thread: the §R5 document (reports and tests use it). */
export function simulateProject(request: SimulationRequest): { ok: true; document: SimulationDocument } | { ok: false; error: { code: string; message: string } } {
  const outcome = setUpSimulation(request);
  if (!outcome.ok) return outcome;
  const setup = outcome.setup;
  return { ok: true, document: simulationDocument(setup, runIterations(setup, 0, setup.iterations)) };
}
