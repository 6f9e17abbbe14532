import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../shared/engine/arithmetic.ts';
import { irrRoots, irrRootsOfFloats } from '../../shared/engine/irr.ts';
import { simulationIrrRoots } from '../../shared/risk/irr-fast.ts';
import { setUpSimulation } from '../../shared/risk/index.ts';
import { iterationOverrides } from '../../shared/risk/iteration.ts';
import { exampleProjectPaths, loadExample } from '../support/examples.ts';

/** Same count as the engine's float IRR; each root within 1e-10 of the decimal IRR of the same doubles. */
function agrees(flows: number[]): void {
  const fast = simulationIrrRoots(Float64Array.from(flows));
  expect(fast.length).toBe(irrRootsOfFloats(flows).length);
  const exact = irrRoots(flows.map((x) => new Dec(x))).map((r) => r.toNumber());
  expect(fast.length).toBe(exact.length);
  fast.forEach((root, i) => expect(Math.abs(root - exact[i]!)).toBeLessThan(1e-10 * Math.max(1, Math.abs(root))));
}

describe('the simulation IRR (the engine rule, with a fast path)', () => {
  it('matches on the simulated flows of every example (no IRR, one, several)', () => {
    const counts = new Set<number>();
    for (const path of exampleProjectPaths()) {
      const outcome = setUpSimulation({ project: loadExample(path), iterations: 150 });
      if (!outcome.ok) throw new Error(outcome.error.message);
      const { sampler, prepared } = outcome.setup;
      const draws = sampler.newDraws();
      const result = prepared.kernel.newResult();
      for (let i = 0; i < 150; i++) {
        sampler.draw(i, draws);
        prepared.kernel.run(iterationOverrides(prepared, sampler, draws), result);
        const flows = Array.from(result.realFreeCashFlow);
        counts.add(simulationIrrRoots(result.realFreeCashFlow).length);
        agrees(flows);
      }
    }
    // No root, one and several (the v2 examples' loans give some iterations three).
    expect([0, 1, 2].every((c) => counts.has(c))).toBe(true);
  });

  it('matches on random flows: investment, returns and a closing cost, and arbitrary signs', () => {
    const project = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 25 }), fc.integer({ min: 0, max: 3 }))
      .chain(([invest, operate, close]) => fc.tuple(
        fc.array(fc.double({ min: -500, max: -1, noNaN: true }), { minLength: invest, maxLength: invest }),
        fc.array(fc.double({ min: -50, max: 200, noNaN: true }), { minLength: operate, maxLength: operate }),
        fc.array(fc.double({ min: -300, max: 0, noNaN: true }), { minLength: close, maxLength: close }),
      ).map(([a, b, c]) => [...a, ...b, ...c].map((x) => x * 1e6)));
    fc.assert(fc.property(project, agrees), { numRuns: 300 });
    // Subnormal doubles are left out: their shortest decimal text is not their exact value, so the
    // decimal reference would solve slightly different flows.
    const flow = fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((x) => (Math.abs(x) < 1e-300 ? 0 : x));
    fc.assert(fc.property(fc.array(flow, { minLength: 0, maxLength: 12 }), agrees), { numRuns: 300 });
    // Known cases: one root at 10 %, two roots (5 % and 20 %, f = −1 + 2.25 x − 1.26 x²), none, a tangent root.
    agrees([-100, 110]);
    agrees([-100, 225, -126]);
    agrees([100, 100]);
    agrees([-1, 2, -1]);
    expect(simulationIrrRoots(Float64Array.from([-100, 225, -126])).map((r) => Number(r.toFixed(12)))).toEqual([0.05, 0.2]);
  });
});
