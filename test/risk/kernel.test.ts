import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalArithmetic as dec } from '../../shared/engine/arithmetic.ts';
import type { Overrides, Project } from '../../shared/engine/interchange.ts';
import { validateProject } from '../../shared/engine/index.ts';
import { toDealTerms, toOverrides, toVentureInputs, type TransformOverrides } from '../../shared/engine/model.ts';
import { runCase } from '../../shared/engine/run.ts';
import { applyOverrides } from '../../shared/engine/transforms.ts';
import { effectiveRisk } from '../../shared/risk/block.ts';
import { evaluateIteration, evaluateIterationGeneric, iterationOverrides, newOutcome, prepareCase, type PreparedCase } from '../../shared/risk/iteration.ts';
import { createSampler } from '../../shared/risk/sampler.ts';
import { arbitraryProject } from '../support/arbitrary-project.ts';
import { arbitraryVersion2Project } from '../support/arbitrary-v2.ts';
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
    // A party absent from a run counts as all zeros (§3): float rounding may leave a flow of
    // 1e-11 where decimal has exactly 0, so presence itself is compared through the PV.
    const exactOrZero = exactPv.get(slot.id) ?? 0;
    if (Number.isNaN(k)) {
      worst = Math.max(worst, Math.abs(exactOrZero) / scale);
      return;
    }
    expect(Math.abs(k - g) / scale, slot.id).toBeLessThan(1e-12);
    worst = Math.max(worst, Math.abs(k - exactOrZero) / scale);
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
  const checked = validateProject(project);
  if (!checked.ok) throw new Error(`the edited ${path} is invalid: ${JSON.stringify(checked.problems)}`);
  return checked.project;
};
const example = (name: string) => exampleProjectPaths().find((path) => path.endsWith(`/${name}.project.json`))!;
const [ndpr, nickel, spodumene] = [example('ndpr-separation'), example('nickel-cobalt-hpal'), example('northern-spodumene')];
const [reserve, graphite] = [example('ndpr-strategic-reserve'), example('nordic-graphite-anode')];
const eachStructure = (p: Json, edit: (terms: Json) => void) => { for (const s of p.structures) edit(s.terms); };

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

  // Version 2 (§10–§15): each instrument where it binds or reaches an end of its rule.
  const v2Edges: [string, Project][] = [
    ['v2, no production at all (no holiday, every vintage in year N, loans repaid in year N)', edited(reserve, (p) => {
      p.assumptions.production.oreMined = p.assumptions.production.oreMined.map(() => 0);
    })],
    ['v2, thin capitalisation that binds, a drawdown in the last year, grace past the horizon', edited(graphite, (p) => eachStructure(p, (t) => {
      t.fiscal.incomeTax.thinCapRatio = 0.2;
      t.debt = [
        { id: 'late', name: 'Late', lender: 'external', foreign: true, drawdowns: [{ year: p.assumptions.startYear + p.assumptions.years - 1, amount: 5e7 }, { year: 2027, amount: 1e8 }], maxAmount: 1.2e8, interestRate: 0.08, graceYears: 30, tenorYears: 3, repayment: 'annuity' },
        { id: 'zero-rate', name: 'Zero rate', lender: t.partners[0].id, foreign: null, gearing: 0.9, drawFromYear: null, drawToYear: null, maxAmount: null, interestRate: 0, graceYears: 0, tenorYears: 2, repayment: 'annuity' },
      ];
      t.fiscal.withholding.interest = 0.2;
    }))],
    ['v2, price support paid and clawed back in the same window, a grant whose cap binds, declining balance at rate 1', edited(reserve, (p) => eachStructure(p, (t) => {
      t.priceSupport = [
        { id: 'floor', strike: 150000, share: 0.5, fromYear: 2029, toYear: null, capPrice: 160000, upsideShare: 1 },
        { id: 'collar', strike: 60000, share: 0.5, fromYear: null, toYear: 2036, capPrice: 70000, upsideShare: 0.5 },
      ];
      t.fiscal.capitalGrant = { share: 0.5, cap: 1e7 };
      t.fiscal.incomeTax.depreciation = { method: 'declining-balance', rate: 1 };
    }))],
    ['v2, a long holiday and a large investment allowance (losses that expire), a fiscal change that clamps the royalty rate', edited(graphite, (p) => {
      eachStructure(p, (t) => {
        t.fiscal.incomeTax.holidayYears = 20;
        t.fiscal.incomeTax.investmentAllowance = 2;
        t.fiscal.incomeTax.lossCarryForwardYears = 2;
        t.fiscal.stabilized = false;
        t.fiscal.stabilizedUntilYear = null;
      });
      p.scenarios.push({ id: 'royalty-clamped', name: 'Clamp', overrides: { fiscalChange: { fromYear: 2030, royaltyRateAdd: -0.5, incomeTaxRate: 0.9 } } });
      p.scenarios.push({ id: 'royalty-all', name: 'All', overrides: { fiscalChange: { fromYear: 2032, royaltyRateAdd: 1, incomeTaxRate: null } } });
    })],
    ['v2, resource rent tax on the v2 base with support and grants, carry and dilution', edited(reserve, (p) => eachStructure(p, (t) => {
      t.fiscal.resourceRentTax = { rate: 0.3, thresholdRate: 0.1 };
      t.dilution = true;
      t.deemedValue = 3e7;
    }))],
    ['v2, a venture worth a few dollars with a US$ 33.6 m loan drawn and repaid in its one year (found by fast-check)', (() => {
      const checked = validateProject(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'risk', 'tiny-venture-large-loan.project.json'), 'utf8')));
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      return checked.project;
    })()],
  ];
  for (const [name, project] of v2Edges) {
    it(`edge: ${name}`, () => expect(agreeOn(project, 12)).toBeLessThan(1e-9));
  }

  // KERNEL_SEED and KERNEL_PATH replay a failure fast-check reported (its seed and path).
  it('random projects (fast-check), drawn iterations of each', () => {
    fc.assert(fc.property(arbitraryProject(), (project) => {
      expect(agreeOn(project, 4)).toBeLessThan(1e-9);
    }), { numRuns: 40, ...(process.env.KERNEL_SEED ? { seed: Number(process.env.KERNEL_SEED), path: process.env.KERNEL_PATH } : {}) });
  }, 240_000);

  it('random version-2 projects (fast-check): loans, price support, grants, incentives, stabilisation, fiscal change', () => {
    fc.assert(fc.property(arbitraryVersion2Project(), (project) => {
      expect(agreeOn(project, 4)).toBeLessThan(1e-9);
    }), { numRuns: 60 });
  }, 240_000);
});
