import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, decimalArithmetic as ar, floatArithmetic as fl, type Arithmetic } from '../../shared/engine/arithmetic.ts';
import { evaluateProject, validateProject, type Evaluation, type Project } from '../../shared/engine/index.ts';
import { toDealTerms, toOverrides, toVentureInputs } from '../../shared/engine/model.ts';
import { runCase } from '../../shared/engine/run.ts';
import { applyOverrides } from '../../shared/engine/transforms.ts';
import { arbitraryProject } from '../support/arbitrary-project.ts';
import { arbitraryFiscalChange, arbitraryVersion2Project } from '../support/arbitrary-v2.ts';

const sum = (values: readonly string[]) => values.reduce((s, v) => s.plus(v), new Dec(0));

function evaluate(project: Project, scenario: string): Evaluation {
  const outcome = evaluateProject(project, { scenario }, { shocks: false, breakeven: false });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.evaluation;
}

function partyPvs<T>(a: Arithmetic<T>, project: Project, scenario: number): Map<string, number> {
  const inputs = applyOverrides(a, toVentureInputs(a, project.assumptions), toOverrides(a, project.scenarios[scenario]!.overrides));
  const run = runCase(a, inputs, toDealTerms(a, project.structures[0]!.terms));
  return new Map([...run.parties.map((p) => [p.id, a.toNumber(p.pv)] as const), ['preTaxNpv', a.toNumber(run.preTaxNpv)]]);
}

describe('properties of methodology v2 over random version-2 projects', () => {
  it('random v2 projects are valid; Σ parties = NCF exactly every year, in every scenario and every shocked run', () => {
    fc.assert(fc.property(arbitraryVersion2Project(), (project) => {
      const checked = validateProject(project);
      expect(checked.ok ? [] : checked.problems).toEqual([]);
      for (const scenario of ['base', 'varied', 'fiscal-change']) {
        for (const row of evaluate(project, scenario).years) {
          expect(sum(Object.values(row.flows)).eq(row.preTaxNetCashFlow), `identity in ${row.year}, ${scenario}`).toBe(true);
        }
      }
      const deal = toDealTerms(ar, project.structures[0]!.terms);
      const base = applyOverrides(ar, toVentureInputs(ar, project.assumptions), toOverrides(ar, project.scenarios[2]!.overrides));
      for (const overrides of [{ capexFactor: '1.25' }, { priceFactor: '0.7' }, { delayYears: 2 }, { fiscalChange: { fromYear: project.assumptions.startYear, incomeTaxRate: '0.4' } }]) {
        const run = runCase(ar, applyOverrides(ar, base, toOverrides(ar, overrides)), deal);
        run.venture.preTaxNetCashFlow.forEach((ncf, k) => {
          expect(run.parties.reduce((s, p) => s.plus(p.flows[k]!), new Dec(0)).eq(ncf), `shocked identity in year ${k + 1}`).toBe(true);
        });
      }
    }), { numRuns: 60 });
  });

  it('every tranche is fully repaid by year N, and its principal repays exactly what was drawn', () => {
    fc.assert(fc.property(arbitraryVersion2Project(), (project) => {
      for (const scenario of ['base', 'varied']) {
        for (const tranche of evaluate(project, scenario).debt!) {
          expect(new Dec(tranche.years.at(-1)!.balance).isZero(), tranche.id).toBe(true);
          expect(sum(tranche.years.map((y) => y.principal)).eq(sum(tranche.years.map((y) => y.drawdown)))).toBe(true);
          for (const y of tranche.years) expect(new Dec(y.balance).gte(0), `${tranche.id} balance in ${y.year}`).toBe(true);
        }
      }
    }), { numRuns: 60 });
  });

  it('DSCR is defined exactly when debt service is positive, and is CFADS / debt service', () => {
    fc.assert(fc.property(arbitraryVersion2Project(), (project) => {
      const evaluation = evaluate(project, 'base');
      for (const row of evaluation.years) {
        const service = new Dec(row.debtService!);
        if (service.gt(0)) expect(new Dec(row.dscr!).minus(new Dec(row.cfads!).div(service)).abs().lte(1e-40)).toBe(true);
        else expect(row.dscr).toBeNull();
      }
      const tested = evaluation.years.some((row) => row.dscr !== null);
      if (!tested) expect(evaluation.venture.minDscr).toBeNull();
    }), { numRuns: 60 });
  });

  it('a structure stabilised without an end year is unaffected by any fiscal change', () => {
    fc.assert(fc.property(arbitraryVersion2Project().chain((project) =>
      arbitraryFiscalChange(project.assumptions.startYear, project.assumptions.years).map((change) => ({ project, change }))),
    ({ project, change }) => {
      const fiscal = project.structures[0]!.terms.fiscal;
      fiscal.stabilized = true;
      fiscal.stabilizedUntilYear = null;
      project.scenarios[2]!.overrides = { fiscalChange: change };
      const { scenario: _a, ...base } = evaluate(project, 'base');
      const { scenario: _b, ...changed } = evaluate(project, 'fiscal-change');
      expect(changed).toEqual(base);
    }), { numRuns: 40 });
  });

  it('a version-1 project gives the same numbers under version 2 without instruments, and no v2 field as version 1', () => {
    fc.assert(fc.property(arbitraryProject(), (project) => {
      const v1 = evaluateProject(project, { scenario: 'varied' });
      const v2 = evaluateProject({ ...project, version: 2 }, { scenario: 'varied' });
      if (!v1.ok || !v2.ok) throw new Error('evaluation failed');
      expect(v1.evaluation).not.toHaveProperty('debt');
      expect(v1.evaluation.years[0]).not.toHaveProperty('dscr');
      const { debt, supply, ...rest } = v2.evaluation;
      expect(debt).toEqual([]);
      expect(supply).toBeDefined();
      const v1Fields = (row: Record<string, unknown>) => Object.fromEntries(Object.keys(v1.evaluation.years[0]!).map((key) => [key, row[key]]));
      expect({ ...rest, venture: { ...v1.evaluation.venture, ...Object.fromEntries(Object.keys(v1.evaluation.venture).map((k) => [k, rest.venture[k as keyof typeof rest.venture]])) }, years: rest.years.map((row) => v1Fields(row as unknown as Record<string, unknown>)) })
        .toEqual(v1.evaluation);
      for (const row of v2.evaluation.years) {
        for (const key of ['priceSupport', 'grant', 'investmentAllowance', 'drawdown', 'interest', 'principal', 'debtBalance', 'interestWithholding'] as const) {
          expect(row[key], key).toBe('0');
        }
        expect(row.dscr).toBeNull();
      }
    }), { numRuns: 15 });
  });

  it('the float path agrees with the decimal one: party PVs to 1e-9 of the scale', () => {
    fc.assert(fc.property(arbitraryVersion2Project(), (project) => {
      project.scenarios.forEach((_, c) => {
        const exact = partyPvs(ar, project, c);
        const fast = partyPvs(fl, project, c);
        expect([...fast.keys()].sort()).toEqual([...exact.keys()].sort());
        const scale = Math.max(1, ...[...exact.values()].map(Math.abs));
        for (const [id, value] of exact) expect(Math.abs(fast.get(id)! - value) / scale, id).toBeLessThan(1e-9);
      });
    }), { numRuns: 40 });
  });
});
