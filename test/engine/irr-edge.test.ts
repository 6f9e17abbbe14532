import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../shared/engine/arithmetic.ts';
import { evaluateProject, validateProject } from '../../shared/engine/index.ts';
import { irrRoots, irrRootsOfFloats } from '../../shared/engine/irr.ts';
import { tinyProject } from '../support/tiny-project.ts';

interface EdgeVector { kind: 'tangent' | 'close-pair' | 'boundary'; flows: string[]; roots: string[] }
const vectors = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'irr-edge-vectors.json'), 'utf8')) as { vectors: EdgeVector[] }).vectors;
const named = vectors.map((v, i) => ({ ...v, name: `${v.kind} #${i}: roots ${v.roots.join(', ') || 'none'}` }));

const expectRoots = (actual: readonly (string | number | Dec)[], expected: readonly string[]) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((root, i) => expect(new Dec(root).minus(expected[i]!).abs().toNumber()).toBeLessThan(1e-10));
};

/**
 * A project whose venture free cash flow (and its one partner's flow) is exactly `flows`: no
 * inflation, taxes or costs, revenue = ore mined at a price of 1, outflows as initial capex.
 * Each flow is written as a whole part and a fraction below 1 (revenue minus capex), so that no
 * input has more than 30 significant digits.
 */
function projectWithFlows(flows: readonly string[]) {
  const n = flows.length;
  const parts = flows.map((text) => {
    const c = new Dec(text);
    const ore = c.gte(0) ? c.ceil() : c.minus(c.floor());
    return { ore: ore.toString(), initial: ore.minus(c).toString() };
  });
  return tinyProject((p) => {
    p.assumptions.years = n;
    const zeros = () => Array.from({ length: n }, () => '0');
    const ones = () => Array.from({ length: n }, () => '1');
    p.assumptions.production = { ...p.assumptions.production, oreMined: parts.map((x) => x.ore), wasteMined: zeros(), grade: ones(), recovery: ones() };
    p.assumptions.prices = ones();
    p.assumptions.costs.fixed = zeros();
    p.assumptions.capex = { initial: parts.map((x) => x.initial), sustaining: zeros(), closure: zeros() };
  });
}

describe('IRR edge vectors of the methodology (§7): tangent roots, close pairs, a root at ρ = 10', () => {
  for (const vector of named) {
    it(vector.name, () => {
      expectRoots(irrRoots(vector.flows.map((c) => new Dec(c))), vector.roots);
    });
  }

  it('every vector gives its irr and irrRoots in an evaluation built around it, for the venture and its partner', () => {
    for (const vector of named) {
      // Money has 20 decimal places (§1): flows with more are scaled by a power of ten, which
      // moves no root.
      const places = Math.max(...vector.flows.map((c) => new Dec(c).decimalPlaces()));
      const flows = vector.flows.map((c) => new Dec(c).times(new Dec(10).pow(Math.max(0, places - 20))).toString());
      const checked = validateProject(projectWithFlows(flows));
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      const outcome = evaluateProject(checked.project, {}, { shocks: false, breakeven: false });
      if (!outcome.ok) throw new Error(outcome.error.message);
      const { venture, years, parties } = outcome.evaluation;
      expect(years.map((y) => new Dec(y.freeCashFlow).toString()), vector.name).toEqual(flows);
      const partner = parties.find((p) => p.id === 'miner')!;
      for (const result of [venture, partner]) {
        expectRoots(result.irrRoots!, vector.roots);
        if (vector.roots.length === 1) expect(new Dec(result.irr!).minus(vector.roots[0]!).abs().toNumber(), vector.name).toBeLessThan(1e-10);
        else expect(result.irr, vector.name).toBeNull();
      }
    }
  });

  it('a root at exactly ρ = 10 counts: 1e6 × (−1, 13, −22) has the roots 1 and 10', () => {
    const flows = [-1e6, 13e6, -22e6];
    expect(irrRoots(flows.map((c) => new Dec(c))).map(String)).toEqual(['1', '10']);
    expect(irrRootsOfFloats(flows)).toEqual([expect.closeTo(1, 12), 10]);
  });

  it('a tangent root never counts: (−100, 230, −132.25) touches zero at 0.15 and has no IRR', () => {
    expect(irrRoots([-100, 230, -132.25].map((c) => new Dec(c)))).toEqual([]);
    expect(irrRootsOfFloats([-100, 230, -132.25])).toEqual([]);
  });

  it('a root at exactly ρ = −0.99 lies outside the interval, a root just above it inside', () => {
    // (1 + ρ) − 0.01 = 0 at ρ = −0.99: flows c1 + c2 / (1 + ρ) with c1 = 1, c2 = −0.01.
    expect(irrRoots([new Dec(1), new Dec('-0.01')])).toEqual([]);
    expectRoots(irrRoots([new Dec(1), new Dec('-0.0100001')]), ['-0.9899999']);
  });

  it('sign changes closer than 1e-9 are one point: an odd number one root, an even number none', () => {
    // Roots at ρ = 0.2 and 0.2 + 1e-11 (a pair: none), and three within 1e-10 of 0.3 (one root).
    const fromRoots = (rates: string[]) => {
      // Σ c_k y^(n−k) = Π (y − (1 + r)), y = 1 + ρ, coefficients highest power first = c_1 … c_n.
      let poly = [new Dec(1)];
      for (const r of rates) {
        const root = new Dec(r).plus(1);
        poly = [...poly, new Dec(0)].map((c, i) => c.minus(i > 0 ? poly[i - 1]!.times(root) : 0));
      }
      return poly;
    };
    expect(irrRoots(fromRoots(['0.2', '0.20000000001']))).toEqual([]);
    expectRoots(irrRoots(fromRoots(['0.3', '0.30000000001', '0.30000000002'])), ['0.30000000001']);
    expectRoots(irrRoots(fromRoots(['0.2', '0.200000002'])), ['0.2', '0.200000002']);
  });
});

describe('the float path of the IRR (Monte Carlo) follows the same rule', () => {
  it('gives the decimal roots of the same doubles for every edge vector', () => {
    for (const vector of named) {
      const doubles = vector.flows.map(Number);
      const exact = irrRoots(doubles.map((c) => new Dec(c)));
      const fast = irrRootsOfFloats(doubles);
      expect(fast.length, vector.name).toBe(exact.length);
      fast.forEach((root, i) => expect(Math.abs(root - exact[i]!.toNumber()), vector.name).toBeLessThan(1e-10));
    }
  });

  it('gives the expected roots of every edge vector whose flows a double holds exactly', () => {
    const exactInFloat = named.filter((v) => v.flows.every((c) => new Dec(Number(c)).eq(c)));
    expect(exactInFloat.length).toBeGreaterThan(20);
    for (const vector of exactInFloat) expectRoots(irrRootsOfFloats(vector.flows.map(Number)), vector.roots);
  });

  it('agrees with the decimal roots on random flows', () => {
    const flow = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(fc.property(fc.array(flow, { minLength: 2, maxLength: 30 }), (flows) => {
      const exact = irrRoots(flows.map((c) => new Dec(c)));
      const fast = irrRootsOfFloats(flows);
      expect(fast.length).toBe(exact.length);
      fast.forEach((root, i) => expect(Math.abs(root - exact[i]!.toNumber())).toBeLessThan(1e-10));
    }), { numRuns: 300 });
  });
});

describe('the float path places the roots of real venture flows as the decimal path does', () => {
  // Regression: on a 20-year flow with one sign change the whole interval is one bracket, and
  // Newton crept from its midpoint without converging; the float root was 3e-8 off.
  it('every example case: the float IRR of the venture flows is within 1e-12 of the decimal one', async () => {
    const { exampleProjectPaths, loadExample } = await import('../support/examples.ts');
    for (const path of exampleProjectPaths()) {
      const project = loadExample(path);
      for (const structure of project.structures) {
        for (const scenario of project.scenarios) {
          const result = evaluateProject(project, { structure: structure.id, scenario: scenario.id }, { shocks: false, breakeven: false });
          if (!result.ok) throw new Error(result.error.message);
          const years = result.evaluation.years as unknown as { freeCashFlow: string; escalationIndex: string }[];
          const flows = years.map((y) => Number(y.freeCashFlow) / Number(y.escalationIndex));
          const float = irrRootsOfFloats(flows);
          const decimal = irrRoots(flows.map((f) => new Dec(f))).map((r) => r.toNumber());
          expect(float.length).toBe(decimal.length);
          float.forEach((root, i) => expect(Math.abs(root - decimal[i]!)).toBeLessThan(1e-12));
        }
      }
    }
  });
});
