import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalArithmetic, floatArithmetic, type Arithmetic } from '../../shared/engine/arithmetic.ts';
import { toDealTerms, toOverrides, toVentureInputs } from '../../shared/engine/model.ts';
import { runCase } from '../../shared/engine/run.ts';
import { applyOverrides } from '../../shared/engine/transforms.ts';
import { validateProject, type Project } from '../../shared/engine/index.ts';
import { arbitraryProject } from '../support/arbitrary-project.ts';
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

describe('the float path over random projects (fast-check)', () => {
  /** Every party's PV and the pre-tax NPV of one case, run in the given arithmetic. */
  function pvs<T>(ar: Arithmetic<T>, project: Project, scenario: number): { preTaxNpv: number; parties: Map<string, number> } {
    const inputs = applyOverrides(ar, toVentureInputs(ar, project.assumptions), toOverrides(ar, project.scenarios[scenario]!.overrides));
    const run = runCase(ar, inputs, toDealTerms(ar, project.structures[0]!.terms));
    return { preTaxNpv: ar.toNumber(run.preTaxNpv), parties: new Map(run.parties.map((p) => [p.id, ar.toNumber(p.pv)])) };
  }

  it('float and decimal party PVs agree to 1e-9 × max(1, |preTaxNpv|, every |pv|), in every scenario', () => {
    fc.assert(fc.property(arbitraryProject(), (project) => {
      const checked = validateProject(project);
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      project.scenarios.forEach((_, c) => {
        const exact = pvs(decimalArithmetic, checked.project, c);
        const fast = pvs(floatArithmetic, checked.project, c);
        const scale = Math.max(1, Math.abs(exact.preTaxNpv), ...[...exact.parties.values()].map(Math.abs));
        expect(Math.abs(fast.preTaxNpv - exact.preTaxNpv) / scale).toBeLessThan(1e-9);
        // A party absent from one run (all its flows zero there) has PV 0 in it.
        for (const id of new Set([...exact.parties.keys(), ...fast.parties.keys()])) {
          expect(Math.abs((fast.parties.get(id) ?? 0) - (exact.parties.get(id) ?? 0)) / scale, id).toBeLessThan(1e-9);
        }
      });
    }), { numRuns: 150 });
  });
});
