import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalArithmetic as dec } from '../../shared/engine/arithmetic.ts';
import type { Overrides, Project } from '../../shared/engine/interchange.ts';
import { toDealTerms, toOverrides, toVentureInputs, type TransformOverrides } from '../../shared/engine/model.ts';
import { runCase } from '../../shared/engine/run.ts';
import { applyOverrides } from '../../shared/engine/transforms.ts';
import { effectiveRisk } from '../../shared/risk/block.ts';
import { evaluateIteration, evaluateIterationGeneric, iterationOverrides, newOutcome, prepareCase, type PreparedCase } from '../../shared/risk/iteration.ts';
import { createSampler } from '../../shared/risk/sampler.ts';
import { arbitraryProject } from '../support/arbitrary-project.ts';
import { exampleProjectPaths, loadExample } from '../support/examples.ts';

type Json = Record<string, any>;

/** The overrides as the samples file writes them (JSON numbers), for the decimal re-run. */
function asDocument(o: TransformOverrides<number>): Overrides {
  const doc: Overrides = {};
  if (o.prices) doc.prices = o.prices;
  for (const key of ['priceFactor', 'capexFactor', 'opexFactor', 'gradeFactor'] as const) if (o[key] !== null) doc[key] = o[key];
  if (o.delayYears) doc.delayYears = o.delayYears;
  if (o.disruption) doc.disruption = o.disruption;
  return doc;
}

/**
 * Kernel against the generic float schedule (to 1e-12 of the scale) and against the decimal
 * methodology (1e-9, §R2), party by party; returns the worst relative gap to decimal.
 */
function compare(project: Project, prepared: PreparedCase, o: TransformOverrides<number>, structure: number, scenario: number): number {
  const kernel = newOutcome(prepared);
  const generic = newOutcome(prepared);
  evaluateIteration(prepared, o, kernel, prepared.kernel.newResult());
  evaluateIterationGeneric(prepared, o, generic);
  const inputs = applyOverrides(dec, toVentureInputs(dec, project.assumptions), toOverrides(dec, project.scenarios[scenario]!.overrides));
  const exact = runCase(dec, applyOverrides(dec, inputs, toOverrides(dec, asDocument(o))), toDealTerms(dec, project.structures[structure]!.terms));
  const exactPv = new Map(exact.parties.map((p) => [p.id, p.pv.toNumber()]));
  const scale = Math.max(1, Math.abs(exact.preTaxNpv.toNumber()), ...[...exactPv.values()].map(Math.abs));
  let worst = Math.abs(kernel.preTaxNpv - exact.preTaxNpv.toNumber()) / scale;
  expect(Math.abs(kernel.npv - generic.npv) / scale).toBeLessThan(1e-12);
  expect(Math.abs(kernel.preTaxNpv - generic.preTaxNpv) / scale).toBeLessThan(1e-12);
  prepared.slots.forEach((slot, s) => {
    const k = kernel.pv[s]!;
    const g = generic.pv[s]!;
    expect(Number.isNaN(k), `${slot.id} present in one schedule only`).toBe(Number.isNaN(g));
    expect(Number.isNaN(k), `${slot.id} present in float but not in decimal`).toBe(!exactPv.has(slot.id));
    if (Number.isNaN(k)) return;
    expect(Math.abs(k - g) / scale, slot.id).toBeLessThan(1e-12);
    worst = Math.max(worst, Math.abs(k - exactPv.get(slot.id)!) / scale);
  });
  for (let i = 0; i < kernel.npvAtHurdle.length; i++) expect(Math.abs(kernel.npvAtHurdle[i]! - generic.npvAtHurdle[i]!) / scale).toBeLessThan(1e-12);
  expect(kernel.irrRootCount).toBe(generic.irrRootCount);
  for (const key of ['governmentTake', 'aetr'] as const) {
    if (Number.isNaN(generic[key])) expect(kernel[key]).toBeNaN();
    else expect(Math.abs(kernel[key] - generic[key])).toBeLessThan(1e-9);
  }
  return worst;
}

/** Runs `count` simulated iterations of every structure and scenario through compare. */
function agreeOn(project: Project, count: number, risk = effectiveRisk({ ...specRisk })): number {
  let worst = 0;
  project.structures.forEach((structure, s) => project.scenarios.forEach((scenario, c) => {
    const outcome = prepareCase(project, { structure: structure.id, scenario: scenario.id });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const sampler = createSampler(risk, project.assumptions.years);
    const draws = sampler.newDraws();
    for (let i = 0; i < count; i++) {
      sampler.draw(i, draws);
      worst = Math.max(worst, compare(project, outcome.prepared, iterationOverrides(outcome.prepared, sampler, draws), s, c));
    }
  }));
  return worst;
}

const specRisk = {
  seed: 11,
  variables: [
    { id: 'price', target: 'priceLevel' as const, distribution: { type: 'lognormal' as const, p10: 0.6, p90: 1.5 } },
    { id: 'capex', target: 'capexFactor' as const, distribution: { type: 'pert' as const, min: 0.9, mode: 1.05, max: 1.8 } },
    { id: 'opex', target: 'opexFactor' as const, distribution: { type: 'triangular' as const, min: 0.8, mode: 1.0, max: 1.4 } },
    { id: 'grade', target: 'gradeFactor' as const, distribution: { type: 'normal' as const, mean: 1, sd: 0.1, min: 0 } },
    { id: 'delay', target: 'delayYears' as const, distribution: { type: 'discrete' as const, values: [0, 1, 3], probabilities: [0.5, 0.3, 0.2] } },
  ],
  pricePath: { volatility: 0.25, persistence: 0.6 },
  disruption: { annualProbability: 0.15, years: 2 },
};

const edited = (path: string, edit: (p: Json) => void): Project => {
  const project = structuredClone(loadExample(path)) as Json;
  edit(project);
  return project as Project;
};
const example = (name: string) => exampleProjectPaths().find((path) => path.endsWith(`/${name}.project.json`))!;
const [ndpr, nickel, spodumene] = [example('ndpr-separation'), example('nickel-cobalt-hpal'), example('northern-spodumene')];

describe('the simulation kernel agrees with the generic schedule in float and with the decimal methodology (§R2)', { timeout: 120_000 }, () => {
  for (const path of exampleProjectPaths()) {
    it(`${path.split('/').pop()}: every structure and scenario, 40 drawn iterations each`, () => {
      expect(agreeOn(loadExample(path), 40)).toBeLessThan(1e-9);
    });
  }

  const edges: [string, Project][] = [
    ['no production at all', edited(spodumene, (p) => { p.assumptions.production.oreMined = p.assumptions.production.oreMined.map(() => 0); })],
    ['tight funding caps (shortfalls)', edited(spodumene, (p) => { for (const s of p.structures) for (const q of s.terms.partners) if (!q.carried) q.fundingCap = 40_000_000; })],
    ['carry and dilution with a deemed value', edited(nickel, (p) => { for (const s of p.structures) { s.terms.dilution = true; s.terms.deemedValue = 50_000_000; } })],
    ['losses that expire after one year, and none carried', edited(ndpr, (p) => {
      p.structures[0].terms.fiscal.incomeTax.lossCarryForwardYears = 1;
      if (p.structures[1]) p.structures[1].terms.fiscal.incomeTax.lossCarryForwardYears = 0;
    })],
    ['offtake floors and ceilings that bind, interpolated royalty bands on a net base', edited(spodumene, (p) => {
      for (const s of p.structures) {
        for (const o of s.terms.offtake) { o.floor = 1400; o.ceiling = 1500; }
        s.terms.fiscal.royalty = { base: 'net', interpolate: true, bands: [{ fromPrice: 0, rate: 0.02 }, { fromPrice: 1000, rate: 0.06 }, { fromPrice: 2500, rate: 0.1 }] };
      }
    })],
    ['resource rent tax with a high threshold', edited(nickel, (p) => { for (const s of p.structures) s.terms.fiscal.resourceRentTax = { rate: 0.4, thresholdRate: 0.15 }; })],
  ];
  for (const [name, project] of edges) {
    it(`edge: ${name}`, () => expect(agreeOn(project, 15)).toBeLessThan(1e-9));
  }

  it('random projects (fast-check), drawn iterations of each', () => {
    fc.assert(fc.property(arbitraryProject(), (project) => {
      expect(agreeOn(project, 4)).toBeLessThan(1e-9);
    }), { numRuns: 40 });
  }, 240_000);
});
