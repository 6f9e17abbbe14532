import { describe, expect, it } from 'vitest';
import { evaluateProject, validateProject, type Evaluation, type Project } from '../../shared/engine/index.ts';
import { tinyProject } from '../support/tiny-project.ts';

function evaluate(project: Project): Evaluation {
  const checked = validateProject(project);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const outcome = evaluateProject(checked.project, {}, { shocks: false, breakeven: false });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.evaluation;
}

/** A step band at `threshold` (rate 10 % from there, 0 below) in the tiny venture selling one unit a year. */
const steppedRoyalty = (threshold: string) => tinyProject((p, terms) => {
  p.assumptions.production.oreMined = [1, 1, 1];
  terms.fiscal.royalty.bands = [{ fromPrice: 0, rate: 0 }, { fromPrice: threshold, rate: '0.1' }];
});

describe('unit prices and unit costs are never rounded (§1); the amounts computed from them are', () => {
  it('the nominal price keeps every digit: a step band 1e-22 above the 20th decimal place applies', () => {
    // E_3 = 1.00000000001^2 = 1.0000000000200000000001, the nominal price of year 3 exactly;
    // rounded to 20 places it would fall below the band and no royalty would be due. Revenue is
    // rounded money (1.00000000002), so the royalty is 10 % of it.
    const project = steppedRoyalty('1.0000000000200000000001');
    project.assumptions.inflation = '0.00000000001';
    const years = evaluate(project).years;
    expect(years.map((y) => y.royalty)).toEqual(['0', '0', '0.100000000002']);
  });

  it('a price scaled by a factor keeps every digit', () => {
    const project = steppedRoyalty('1.000000000000000000001');
    project.scenarios[0]!.overrides = { priceFactor: '1.000000000000000000001' };
    expect(evaluate(project).years.map((y) => y.royalty)).toEqual(['0.1', '0.1', '0.1']);
  });

  it('an offtake contract price keeps every digit: a discount of 1e-21 gives the offtaker a margin', () => {
    const project = tinyProject((p, terms) => {
      p.assumptions.production.oreMined = [1_000_000, 1_000_000, 1_000_000];
      terms.offtake = [{ id: 'spot', offtaker: 'external', share: 1, discount: '0.000000000000000000001', floor: null, ceiling: null, fromYear: null, toYear: null }];
    });
    const years = evaluate(project).years;
    expect(years.map((y) => y.flows['external-offtaker'])).toEqual(['0.000000000000001', '0.000000000000001', '0.000000000000001']);
    expect(years[0]!.revenue).toBe('999999.999999999999999');
  });

  it('a unit cost scaled by the opex factor keeps every digit', () => {
    const project = tinyProject((p) => {
      p.assumptions.production.oreMined = [1_000_000, 0, 0];
      p.assumptions.costs.miningPerTonne = 1;
    });
    project.scenarios[0]!.overrides = { opexFactor: '1.000000000000000000001' };
    expect(evaluate(project).years[0]!.opex).toBe('1000000.000000000000001');
  });
});
