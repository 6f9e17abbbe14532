import { describe, expect, it } from 'vitest';
import { decimalArithmetic, floatArithmetic, type Arithmetic } from '../../shared/engine/arithmetic.ts';
import { toDealTerms, toOverrides, toVentureInputs } from '../../shared/engine/model.ts';
import { runCase } from '../../shared/engine/run.ts';
import { applyOverrides } from '../../shared/engine/transforms.ts';
import { exampleProjectPaths, loadExample } from '../support/examples.ts';

function partyPvs<T>(ar: Arithmetic<T>, path: string, structure: number, scenario: number): Map<string, number> {
  const project = loadExample(path);
  const inputs = applyOverrides(ar, toVentureInputs(ar, project.assumptions), toOverrides(ar, project.scenarios[scenario]!.overrides));
  const run = runCase(ar, inputs, toDealTerms(ar, project.structures[structure]!.terms));
  return new Map([...run.parties.map((p) => [p.id, ar.toNumber(p.pv)] as const), ['preTaxNpv', ar.toNumber(run.preTaxNpv)]]);
}

describe('the schedule runs unchanged in floating point (the Monte Carlo path)', () => {
  for (const path of exampleProjectPaths()) {
    it(`${path.split('/').pop()}: float and decimal party PVs agree to 1e-9 of the pre-tax NPV`, () => {
      const project = loadExample(path);
      project.structures.forEach((_, s) => project.scenarios.forEach((__, c) => {
        const exact = partyPvs(decimalArithmetic, path, s, c);
        const fast = partyPvs(floatArithmetic, path, s, c);
        expect([...fast.keys()]).toEqual([...exact.keys()]);
        const scale = Math.max(...[...exact.values()].map(Math.abs));
        for (const [id, value] of exact) expect(Math.abs(fast.get(id)! - value) / scale, id).toBeLessThan(1e-9);
      }));
    });
  }
});
