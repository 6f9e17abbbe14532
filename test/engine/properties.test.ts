import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, decimalArithmetic as ar } from '../../shared/engine/arithmetic.ts';
import { presentValue, discountFactors } from '../../shared/engine/discounting.ts';
import { evaluateProject, validateProject, type Evaluation } from '../../shared/engine/index.ts';
import { irrRoots } from '../../shared/engine/irr.ts';
import { toDealTerms, toOverrides, toVentureInputs } from '../../shared/engine/model.ts';
import { runCase } from '../../shared/engine/run.ts';
import { split } from '../../shared/engine/split.ts';
import { applyOverrides } from '../../shared/engine/transforms.ts';
import { arbitraryProject } from '../support/arbitrary-project.ts';

const sum = (values: readonly string[]) => values.reduce((s, v) => s.plus(v), new Dec(0));

function expectIdentity(evaluation: Evaluation) {
  for (const row of evaluation.years) {
    expect(sum(Object.values(row.flows)).eq(row.preTaxNetCashFlow), `identity in ${row.year}`).toBe(true);
    expect(sum(Object.values(row.interests)).eq(1), `interests in ${row.year}`).toBe(true);
  }
}

describe('properties of the engine over random valid projects', () => {
  it('random projects are valid, and the identity Σ flows = NCF holds exactly every year in every scenario', () => {
    fc.assert(fc.property(arbitraryProject(), (project) => {
      const checked = validateProject(project);
      expect(checked.ok ? [] : checked.problems).toEqual([]);
      for (const scenario of ['base', 'varied']) {
        const outcome = evaluateProject(project, { scenario }, { shocks: false, breakeven: false });
        if (!outcome.ok) throw new Error(outcome.error.message);
        expectIdentity(outcome.evaluation);
      }
    }), { numRuns: 120 });
  });

  it('the identity holds exactly in every shocked run', () => {
    fc.assert(fc.property(arbitraryProject(), (project) => {
      const deal = toDealTerms(ar, project.structures[0]!.terms);
      const base = toVentureInputs(ar, project.assumptions);
      const shocks = [{ capexFactor: '1.25' }, { priceFactor: '0.7' }, { gradeFactor: '0.85' }, { opexFactor: '1.2' }, { delayYears: 2 }];
      for (const overrides of shocks) {
        const run = runCase(ar, applyOverrides(ar, base, toOverrides(ar, overrides)), deal);
        run.venture.preTaxNetCashFlow.forEach((ncf, k) => {
          const total = run.parties.reduce((s, p) => s.plus(p.flows[k]!), new Dec(0));
          expect(total.eq(ncf)).toBe(true);
        });
      }
    }), { numRuns: 40 });
  });

  it('shock bear shares sum to 1 whenever they are defined', () => {
    fc.assert(fc.property(arbitraryProject(), (project) => {
      const outcome = evaluateProject(project, {}, { breakeven: false });
      if (!outcome.ok) throw new Error(outcome.error.message);
      for (const shock of outcome.evaluation.shocks) {
        const shares = shock.parties.map((p) => p.bearShare);
        if (shares.every((s) => s !== null)) expect(sum(shares as string[]).minus(1).abs().lt('1e-40')).toBe(true);
      }
    }), { numRuns: 25 });
  });

  it('partner IRRs, when reported, make the partner NPV zero', () => {
    fc.assert(fc.property(arbitraryProject(), (project) => {
      const outcome = evaluateProject(project, {}, { shocks: false, breakeven: false });
      if (!outcome.ok) throw new Error(outcome.error.message);
      for (const party of outcome.evaluation.parties) {
        for (const root of party.irrRoots ?? []) {
          const rate = new Dec(root);
          const real = outcome.evaluation.years.map((y, k) => new Dec(y.flows[party.id] ?? 0).div(new Dec(1).plus(project.assumptions.inflation).pow(k)));
          const scale = real.reduce((m, x) => Dec.max(m, x.abs()), new Dec(1));
          const npv = real.reduce((s, x, k) => s.plus(x.div(rate.plus(1).pow(k + 1))), new Dec(0));
          const growth = Dec.div(1, rate.plus(1)).pow(real.length).plus(1);
          expect(npv.abs().div(scale).div(growth).toNumber()).toBeLessThan(1e-12);
        }
        expect(irrRoots([]).length).toBe(0);
      }
    }), { numRuns: 60 });
  });
});

describe('splits (§1)', () => {
  const amount = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).chain((units) => fc.integer({ min: 0, max: 6 }).map((places) => new Dec(units).div(10 ** places)));
  const weights = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 8 })
    .map((ws) => ws.map((w) => new Dec(w).div(997)));

  it('shares sum to the amount exactly, zero weights get exactly zero, shares are rounded to 20 places', () => {
    fc.assert(fc.property(amount, weights, (a, ws) => {
      const shares = split(ar, a, ws);
      const positive = ws.some((w) => !w.isZero());
      expect(sum(shares.map((s) => s.toString())).eq(positive ? a : 0)).toBe(true);
      ws.forEach((w, i) => {
        if (w.isZero()) expect(shares[i]!.isZero()).toBe(true);
        expect(shares[i]!.decimalPlaces()).toBeLessThanOrEqual(Math.max(20, a.decimalPlaces()));
      });
    }), { numRuns: 500 });
  });
});

describe('present value (§1)', () => {
  const flows = fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 40 });
  it('is linear in the flows', () => {
    fc.assert(fc.property(flows, flows, fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 200 }), (xs, ys, a, ratePermille) => {
      const n = Math.min(xs.length, ys.length);
      const x = xs.slice(0, n).map((v) => new Dec(v));
      const y = ys.slice(0, n).map((v) => new Dec(v));
      const factors = discountFactors(ar, new Dec(ratePermille).div(1000), 'mid-year', n);
      const combined = presentValue(ar, x.map((v, k) => v.times(a).plus(y[k]!)), factors);
      const separate = presentValue(ar, x, factors).times(a).plus(presentValue(ar, y, factors));
      expect(combined.minus(separate).abs().lte(new Dec('1e-30').times(Dec.max(combined.abs(), 1)))).toBe(true);
    }), { numRuns: 300 });
  });
});
