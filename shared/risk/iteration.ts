import { floatArithmetic as ar } from '../engine/arithmetic.ts';
import { selectCase } from '../engine/case-selection.ts';
import { discountFactors, presentValue } from '../engine/discounting.ts';
import type { Project } from '../engine/interchange.ts';
import { irrRootsOfFloats } from '../engine/irr.ts';
import { toDealTerms, toOverrides, toVentureInputs, type DealTerms, type TransformOverrides, type VentureInputs } from '../engine/model.ts';
import { runCase } from '../engine/run.ts';
import { NON_PARTNER_PARTIES } from '../engine/parties.ts';
import { applyOverrides } from '../engine/transforms.ts';
import type { PartyKind } from '../engine/interchange.ts';
import { createSimulationIrr } from './irr-fast.ts';
import { createKernel, type Kernel, type KernelResult } from './kernel.ts';
import type { Draws, Sampler } from './sampler.ts';

export interface PartySlot {
  id: string;
  kind: PartyKind;
  /** Partner index, or −1. */
  partnerIndex: number;
}

/** One structure under one scenario, ready for iterations: everything the draws do not change. */
export interface PreparedCase {
  structure: string;
  scenario: string;
  inputs: VentureInputs<number>;
  deal: DealTerms<number>;
  /** §7 party order: partners, government, community, external licensor, external offtaker, external lender. */
  slots: PartySlot[];
  /** Discount factors at each partner's hurdle rate. */
  hurdleFactors: number[][];
  kernel: Kernel;
  /** The IRR of an iteration's real free cash flow (working arrays of this case's own). */
  irr: (realFlows: ArrayLike<number>) => number[];
}

export type PrepareOutcome = { ok: true; prepared: PreparedCase } | { ok: false; error: { code: 'unknown-structure' | 'unknown-scenario'; message: string } };

export function prepareCase(project: Project, selection: { structure?: string; scenario?: string } = {}): PrepareOutcome {
  const selected = selectCase(project, selection);
  if (!selected.ok) return selected;
  const { structure, scenario } = selected;
  const inputs = applyOverrides(ar, toVentureInputs(ar, project.assumptions), toOverrides(ar, scenario.overrides));
  const partners = structure.terms.partners;
  const slots: PartySlot[] = [
    ...partners.map((p, i) => ({ id: p.id, kind: 'partner' as const, partnerIndex: i })),
    ...NON_PARTNER_PARTIES.map((kind) => ({ id: kind, kind, partnerIndex: -1 })),
  ];
  const deal = toDealTerms(ar, structure.terms);
  return {
    ok: true,
    prepared: {
      structure: structure.id,
      scenario: scenario.id,
      inputs,
      deal,
      slots,
      hurdleFactors: partners.map((p) => discountFactors(ar, Number(p.hurdleRate), inputs.discounting, inputs.years)),
      kernel: createKernel(inputs, deal),
      irr: createSimulationIrr(),
    },
  };
}

/** Overrides with nothing set, to be filled by `iterationOverrides`. */
export const emptyOverrides = (): TransformOverrides<number> => ({
  priceFactor: null, capexFactor: null, opexFactor: null, gradeFactor: null,
  delayYears: 0, disruption: null, prices: null, discountRate: null, fiscalChange: null,
});

/**
 * §R2 the overrides of one iteration: applied like a shock, on the scenario's inputs. `into`
 * (with its price deck) is reused when given, so that a worker's iterations allocate nothing.
 */
export function iterationOverrides(prepared: PreparedCase, sampler: Sampler, draws: Draws, into: TransformOverrides<number> = emptyOverrides()): TransformOverrides<number> {
  let level = 1;
  const overrides = into;
  overrides.priceFactor = null;
  overrides.capexFactor = null;
  overrides.opexFactor = null;
  overrides.gradeFactor = null;
  overrides.delayYears = 0;
  const variables = sampler.variables;
  for (let i = 0; i < variables.length; i++) {
    const target = variables[i]!.target;
    const x = draws.values[i]!;
    if (target === 'priceLevel') level = x;
    else if (target === 'delayYears') overrides.delayYears = x;
    else overrides[target] = x;
  }
  const deck = prepared.inputs.series.prices;
  const prices = overrides.prices ?? new Array<number>(deck.length);
  for (let k = 0; k < deck.length; k++) prices[k] = deck[k]! * level * draws.priceMultipliers[k]!;
  overrides.prices = prices;
  overrides.disruption = null;
  if (draws.disruptionStart >= 0) {
    const start = prepared.inputs.startYear;
    const last = prepared.inputs.years - 1;
    overrides.disruption = { fromYear: start + draws.disruptionStart, toYear: start + Math.min(draws.disruptionStart + sampler.disruptionYears - 1, last) };
  }
  return overrides;
}

/** What one iteration yields (§R2): NaN marks a metric that is not defined in it. */
export interface IterationOutcome {
  npv: number;
  preTaxNpv: number;
  /** The one IRR root, or NaN. */
  irr: number;
  irrRootCount: number;
  governmentTake: number;
  aetr: number;
  /** Per slot; NaN for a party absent from the iteration. */
  pv: Float64Array;
  npvAtHurdle: Float64Array;
  freeCashFlow: Float64Array;
}

export function newOutcome(prepared: PreparedCase): IterationOutcome {
  return {
    npv: 0, preTaxNpv: 0, irr: Number.NaN, irrRootCount: 0, governmentTake: Number.NaN, aetr: Number.NaN,
    pv: new Float64Array(prepared.slots.length), npvAtHurdle: new Float64Array(prepared.deal.partners.length),
    freeCashFlow: new Float64Array(prepared.inputs.years),
  };
}

/** §3–§7 in float for one iteration's overrides, by the kernel. */
export function evaluateIteration(prepared: PreparedCase, overrides: TransformOverrides<number>, out: IterationOutcome, scratch: KernelResult): void {
  prepared.kernel.run(overrides, scratch);
  out.npv = scratch.npv;
  out.preTaxNpv = scratch.preTaxNpv;
  const roots = prepared.irr(scratch.realFreeCashFlow);
  out.irrRootCount = roots.length;
  out.irr = roots.length === 1 ? roots[0]! : Number.NaN;
  out.pv.set(scratch.pv);
  out.npvAtHurdle.set(scratch.npvAtHurdle);
  out.governmentTake = scratch.preTaxReal > 0 ? scratch.governmentReal / scratch.preTaxReal : Number.NaN;
  out.aetr = scratch.preTaxNpv > 0 ? scratch.governmentPv / scratch.preTaxNpv : Number.NaN;
  out.freeCashFlow.set(scratch.freeCashFlow);
}

/** The same outcome by the generic schedule (runCase over floatArithmetic): the kernel's reference. */
export function evaluateIterationGeneric(prepared: PreparedCase, overrides: TransformOverrides<number>, out: IterationOutcome): void {
  const run = runCase(ar, applyOverrides(ar, prepared.inputs, overrides), prepared.deal);
  const escalation = run.venture.escalation;
  const fcf = run.venture.freeCashFlow;
  const realFcf = fcf.map((x, k) => x * (1 / escalation[k]!));
  out.npv = presentValue(ar, fcf, run.nominalWeights);
  out.preTaxNpv = run.preTaxNpv;
  const roots = irrRootsOfFloats(realFcf);
  out.irrRootCount = roots.length;
  out.irr = roots.length === 1 ? roots[0]! : Number.NaN;
  out.pv.fill(Number.NaN);
  out.npvAtHurdle.fill(0);
  let governmentReal = 0;
  let governmentPv = 0;
  for (const party of run.parties) {
    const slot = party.partnerIndex >= 0 ? party.partnerIndex : prepared.deal.partners.length + (NON_PARTNER_PARTIES as readonly string[]).indexOf(party.kind);
    out.pv[slot] = party.pv;
    const real = party.flows.map((x, k) => x * (1 / escalation[k]!));
    if (party.partnerIndex >= 0) out.npvAtHurdle[party.partnerIndex] = presentValue(ar, real, prepared.hurdleFactors[party.partnerIndex]!);
    if (party.kind === 'government') {
      governmentPv = party.pv;
      governmentReal = real.reduce((s, x) => s + x, 0);
    }
  }
  const ncfReal = run.venture.preTaxNetCashFlow.reduce((s, x, k) => s + x * (1 / escalation[k]!), 0);
  out.governmentTake = ncfReal > 0 ? governmentReal / ncfReal : Number.NaN;
  out.aetr = run.preTaxNpv > 0 ? governmentPv / run.preTaxNpv : Number.NaN;
  out.freeCashFlow.set(fcf);
}
