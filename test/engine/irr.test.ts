import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../shared/engine/arithmetic.ts';
import { irrRoots } from '../../shared/engine/irr.ts';

interface Vector { name: string; flows: number[]; roots: string[] }
const vectors = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'irr-vectors.json'), 'utf8')) as { vectors: Vector[] }).vectors;

/** f(ρ) = Σ c_k (1 + ρ)^−k, k from 1. */
const npvAt = (flows: readonly (number | string)[], rate: Dec) => {
  const v = Dec.div(1, rate.plus(1));
  return flows.reduce<Dec>((sum, c, i) => sum.plus(new Dec(c).times(v.pow(i + 1))), new Dec(0));
};

describe('IRR on the published vectors of numpy-financial and formulajs', () => {
  for (const vector of vectors) {
    it(vector.name, () => {
      const roots = irrRoots(vector.flows.map((c) => new Dec(c)));
      expect(roots.length).toBe(vector.roots.length);
      roots.forEach((root, i) => {
        expect(root.minus(vector.roots[i]!).abs().toNumber()).toBeLessThan(1e-12);
      });
    });
  }

  it('reports no root for flows that never change sign, rather than guessing', () => {
    expect(irrRoots([-100, -50, -20].map((c) => new Dec(c)))).toEqual([]);
    expect(irrRoots([0, 0, 0].map((c) => new Dec(c)))).toEqual([]);
  });

  it('does not count a tangent (double) root', () => {
    // (1 − x)^2 with x = 1/(1+ρ): touches zero at ρ = 0 without changing sign.
    expect(irrRoots([1, -2, 1].map((c) => new Dec(c)))).toEqual([]);
  });

  it('finds two close roots inside one scan cell', () => {
    // Roots at x = 1/1.1 and x = 1/1.1001: (x − a)(x − b) times x.
    const a = Dec.div(1, '1.1');
    const b = Dec.div(1, '1.1001');
    const flows = [a.times(b), a.plus(b).neg(), new Dec(1)];
    const roots = irrRoots(flows);
    expect(roots.map((r) => r.toNumber())).toEqual([expect.closeTo(0.1, 12), expect.closeTo(0.1001, 12)]);
  });
});

describe('IRR properties', () => {
  it('every root makes the NPV zero and lies in (−0.99, 10]', () => {
    const flow = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(fc.property(fc.array(flow, { minLength: 2, maxLength: 30 }), (flows) => {
      const scale = flows.reduce((m, c) => Math.max(m, Math.abs(c)), 0);
      for (const root of irrRoots(flows.map((c) => new Dec(c)))) {
        expect(root.gt(-0.99) && root.lte(10)).toBe(true);
        // |f(ρ)| relative to the size of the flows, allowing for the root's 25 digits.
        const residual = npvAt(flows, root).abs().div(Math.max(scale, 1));
        const growth = Dec.div(1, root.plus(1)).pow(flows.length).plus(1);
        expect(residual.div(growth).toNumber()).toBeLessThan(1e-12);
      }
    }), { numRuns: 300 });
  });

  it('a conventional project (outflow, then inflows) has exactly one IRR', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 25 }),
      (outflow, inflows) => {
        const flows = [-outflow, ...inflows].map((c) => new Dec(c));
        const total = inflows.reduce((s, c) => s + c, 0);
        const roots = irrRoots(flows);
        // One sign change: at most one root; it exists when the rate at the interval's ends brackets it.
        expect(roots.length).toBeLessThanOrEqual(1);
        if (total > outflow && npvAt([-outflow, ...inflows], new Dec(10)).lt(0)) expect(roots.length).toBe(1);
      },
    ), { numRuns: 300 });
  });
});

describe('IRR of flows beyond the range of a double', () => {
  it('finds the same roots for flows scaled by 1e400 or 1e-400', () => {
    for (const vector of vectors.filter((v) => v.roots.length > 0)) {
      for (const factor of ['1e400', '1e-400']) {
        const roots = irrRoots(vector.flows.map((c) => new Dec(c).times(factor)));
        expect(roots.map((r) => r.toNumber()), vector.name).toEqual(vector.roots.map((r) => expect.closeTo(Number(r), 12)));
      }
    }
  });
});
