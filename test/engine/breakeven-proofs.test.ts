import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, decimalArithmetic, floatArithmetic, type Arithmetic } from '../../shared/engine/arithmetic.ts';
import { breakevenSearch, npvAt, priceIndependent, type CaseInArithmetic, type PriceIndependent } from '../../shared/engine/breakeven.ts';
import { createIntervalArithmetic, encloseStructure, type Interval } from '../../shared/engine/interval-arithmetic.ts';
import { toDealTerms, toOverrides, toVentureInputs } from '../../shared/engine/model.ts';
import { applyOverrides } from '../../shared/engine/transforms.ts';
import { validateProject, type Project } from '../../shared/engine/index.ts';
import { arbitraryProject, decimal } from '../support/arbitrary-project.ts';
import { arbitraryVersion2Project } from '../support/arbitrary-v2.ts';
import { exampleCases, loadExample } from '../support/examples.ts';

function caseOf(project: Project, structure = 0, scenario = 0): CaseInArithmetic {
  return <T>(ar: Arithmetic<T>) => ({
    inputs: applyOverrides(ar, toVentureInputs(ar, project.assumptions), toOverrides(ar, project.scenarios[scenario]!.overrides)),
    deal: toDealTerms(ar, project.structures[structure]!.terms),
  });
}

function valid(project: Project): Project {
  const checked = validateProject(project);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.project;
}

/** The search with interval proofs gives the full scan's answer. */
function expectSameAsFullScan(caseIn: CaseInArithmetic): void {
  const fast = breakevenSearch(caseIn);
  const full = breakevenSearch(caseIn, { proofs: false });
  expect(fast.factor === null ? null : fast.factor.toString()).toBe(full.factor === null ? null : full.factor.toString());
  expect(fast.pointsScanned).toBeLessThanOrEqual(full.pointsScanned);
}

describe('breakeven: runs of the grid proved by interval arithmetic', () => {
  it('every example case: the same breakeven as the full scan of the 10,001 grid points', () => {
    for (const c of exampleCases()) {
      const project = loadExample(c.projectPath);
      const structure = project.structures.findIndex((s) => s.id === c.structure);
      const scenario = project.scenarios.findIndex((s) => s.id === c.scenario);
      expectSameAsFullScan(caseOf(project, structure, scenario));
    }
  });

  it('dfi-floor-holiday (price support keeps the NPV positive at every m): proved, not scanned point by point', () => {
    const c = exampleCases().find((e) => e.structure === 'dfi-floor-holiday')!;
    const project = loadExample(c.projectPath);
    const search = breakevenSearch(caseOf(project, project.structures.findIndex((s) => s.id === 'dfi-floor-holiday')));
    expect(search.factor).toBeNull();
    expect(search.pointsScanned).toBeLessThan(1_000);
  });

  it('random version-1 projects (fast-check): the same breakeven as the full scan', () => {
    fc.assert(fc.property(arbitraryProject(), (project) => {
      const checked = valid(project);
      checked.scenarios.forEach((_, c) => expectSameAsFullScan(caseOf(checked, 0, c)));
    }), { numRuns: 25 });
  });

  it('random version-2 projects (fast-check): the same breakeven as the full scan', () => {
    fc.assert(fc.property(arbitraryVersion2Project(), (project) => {
      const checked = valid(project);
      checked.scenarios.forEach((_, c) => expectSameAsFullScan(caseOf(checked, 0, c)));
    }), { numRuns: 25 });
  });

  it('random projects and price ranges: the interval NPV holds the decimal and the float NPV at every m tried', () => {
    const range = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 400 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }));
    let bounded = 0;
    fc.assert(fc.property(fc.oneof(arbitraryProject(), arbitraryVersion2Project()), range, (project, [from, width, positions]) => {
      const checked = valid(project);
      const caseIn = caseOf(checked, 0, checked.scenarios.length - 1);
      const d = caseIn(decimalArithmetic);
      const f = caseIn(floatArithmetic);
      const decimalParts = priceIndependent(decimalArithmetic, d.inputs, d.deal);
      const floatParts = priceIndependent(floatArithmetic, f.inputs, f.deal);
      const parts = encloseStructure<PriceIndependent<Interval>>(decimalParts, floatParts);
      if (parts === null) return;
      const ar = createIntervalArithmetic();
      const lo = from / 100;
      const hi = Math.min(10_000, from + width) / 100;
      const bound = npvAt(ar, parts, ar.between(lo, hi));
      if (ar.undecided()) return;
      bounded++;
      for (const position of [0, 1, ...positions]) {
        const m = Number((lo + (hi - lo) * position).toFixed(2));
        const exact = npvAt(decimalArithmetic, decimalParts, new Dec(m));
        const fast = npvAt(floatArithmetic, floatParts, m);
        expect(exact.gte(bound.lo) && exact.lte(bound.hi), `decimal NPV ${exact.toString()} at m = ${m} in [${bound.lo}, ${bound.hi}]`).toBe(true);
        expect(fast >= bound.lo && fast <= bound.hi, `float NPV ${fast} at m = ${m} in [${bound.lo}, ${bound.hi}]`).toBe(true);
      }
    }), { numRuns: 150 });
    // Most draws must give a bound, or the property says little.
    expect(bounded).toBeGreaterThan(50);
  });
});

describe('interval arithmetic holds the decimal and the float result of every operation', () => {
  const ops = ['add', 'sub', 'mul', 'div', 'min', 'max'] as const;
  it('random operands inside random intervals (fast-check)', () => {
    const value = decimal(-1e9, 1e9, 6);
    let bounded = 0;
    fc.assert(fc.property(value, value, value, value, fc.constantFrom(...ops), fc.boolean(), (a1, a2, b1, b2, op, money) => {
      const ar = createIntervalArithmetic();
      const [aLo, aHi] = [new Dec(a1), new Dec(a2)].sort((x, y) => x.cmp(y));
      const [bLo, bHi] = [new Dec(b1), new Dec(b2)].sort((x, y) => x.cmp(y));
      const a = ar.between(aLo!.toNumber(), aHi!.toNumber());
      const b = ar.between(bLo!.toNumber(), bHi!.toNumber());
      const apply = <T>(x: Arithmetic<T>, p: T, q: T) => (money ? x.money(x[op](p, q)) : x[op](p, q));
      const bound = apply(ar, a, b);
      if (ar.undecided()) return;
      bounded++;
      for (const [p, q] of [[aLo!, bLo!], [aLo!, bHi!], [aHi!, bLo!], [aHi!, bHi!], [aLo!.plus(aHi!).div(2), bLo!.plus(bHi!).div(2)]] as const) {
        const exact = apply(decimalArithmetic, p, q);
        const fast = apply(floatArithmetic, p.toNumber(), q.toNumber());
        expect(exact.gte(bound.lo) && exact.lte(bound.hi), `${op} ${p} ${q}: ${exact} in [${bound.lo}, ${bound.hi}]`).toBe(true);
        expect(fast >= bound.lo && fast <= bound.hi, `${op} ${p} ${q}: ${fast} in [${bound.lo}, ${bound.hi}]`).toBe(true);
      }
    }), { numRuns: 500 });
    expect(bounded).toBeGreaterThan(300);
  });

  it('a comparison of overlapping intervals is recorded as undecided', () => {
    const ar = createIntervalArithmetic();
    expect(ar.cmp(ar.between(1, 3), ar.between(2, 4))).toBe(0);
    expect(ar.undecided()).toBe(true);
    ar.reset();
    expect(ar.cmp(ar.between(1, 2), ar.between(3, 4))).toBe(-1);
    expect(ar.sign(ar.zero)).toBe(0);
    expect(ar.undecided()).toBe(false);
  });
});
