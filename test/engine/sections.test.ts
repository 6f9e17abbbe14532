// Small ventures computed by hand, one per rule of the methodology that the reference examples
// do not pin down on their own.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../shared/engine/arithmetic.ts';
import { evaluateProject, validateProject, type Evaluation, type Project } from '../../shared/engine/index.ts';
import { partner, tinyProject } from '../support/tiny-project.ts';

function evaluate(project: Project, scenario?: string): Evaluation {
  const checked = validateProject(project);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const outcome = evaluateProject(checked.project, scenario === undefined ? {} : { scenario });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.evaluation;
}

const column = (e: Evaluation, key: keyof Evaluation['years'][number]) => e.years.map((y) => String(y[key]));
const flows = (e: Evaluation, party: string) => e.years.map((y) => y.flows[party] ?? '0');
const near = (actual: string | null | undefined, expected: string) =>
  expect(new Dec(actual ?? 'NaN').minus(expected).abs().lte('1e-30'), `${actual} ≈ ${expected}`).toBe(true);

describe('§6 funding caps and shortfall', () => {
  it('splits what nobody has room for among all funders regardless of caps, and warns once with the year and amount', () => {
    const e = evaluate(tinyProject((p, t) => {
      p.assumptions.capex.initial = [100, 0, 0];
      t.partners = [partner('a', '0.5', { fundingCap: 30 }), partner('b', '0.5', { fundingCap: 30 })];
    }));
    expect(e.warnings).toHaveLength(1);
    expect(e.warnings[0]).toMatchObject({ code: 'fundingShortfall', year: 2030, amount: '40' });
    expect(e.warnings[0]!.message).toMatch(/2030/);
    expect(flows(e, 'a')).toEqual(['-50', '0', '0']);
    expect(flows(e, 'b')).toEqual(['-50', '0', '0']);
  });

  it('moves the unpaid share of a capped partner to the others in further rounds', () => {
    const e = evaluate(tinyProject((p, t) => {
      p.assumptions.capex.initial = [100, 0, 0];
      t.partners = [partner('a', '0.5', { fundingCap: 20 }), partner('b', '0.25'), partner('c', '0.25')];
    }));
    expect(e.warnings).toEqual([]);
    expect([flows(e, 'a')[0], flows(e, 'b')[0], flows(e, 'c')[0]]).toEqual(['-20', '-40', '-40']);
  });
});

describe('§6 carry', () => {
  it('accrues interest, repays funders by stake from the carried partner\'s distributions, and forfeits the rest', () => {
    // 2030: F = −100, the miner funds all, 20 is attributable to the state. 2031–2032: F = +100.
    const e = evaluate(tinyProject((p, t) => {
      p.assumptions.capex.initial = [100, 0, 0];
      p.assumptions.production.oreMined = [0, 100, 100];
      t.partners = [
        partner('state', '0.2', { kind: 'state', state: true, carried: { interestRate: '0.1', repaymentShare: '0.5' } }),
        partner('miner', '0.8'),
      ];
    }));
    expect(column(e, 'freeCashFlow')).toEqual(['-100', '100', '100']);
    // 2031: balance 20 × 1.1 = 22, repays min(22, 0.5 × 20) = 10. 2032: 12 × 1.1 = 13.2, repays 10; 3.2 forfeited.
    expect(flows(e, 'state')).toEqual(['0', '10', '10']);
    expect(flows(e, 'miner')).toEqual(['-100', '90', '90']);
  });

  it('dilutes funding partners by deemed value plus what they paid, never the carried partner', () => {
    const e = evaluate(tinyProject((p, t) => {
      p.assumptions.capex.initial = [100, 0, 0];
      t.dilution = true;
      t.deemedValue = 100;
      t.partners = [
        partner('state', '0.1', { carried: { interestRate: 0, repaymentShare: 0 } }),
        partner('a', '0.45', { fundingCap: 40 }),
        partner('b', '0.45'),
      ];
    }));
    // D = 50 each; paid a 40, b 60 → a = 0.9 × 90/200 = 0.405, b = 0.495.
    expect(e.years[1]!.interests).toEqual({ state: '0.1', a: '0.405', b: '0.495' });
  });
});

describe('§5 income tax', () => {
  const lossThenProfit = (carry: number | null) => evaluate(tinyProject((p, t) => {
    p.assumptions.costs.fixed = [100, 0, 0];
    p.assumptions.production.oreMined = [0, 0, 100];
    t.fiscal.incomeTax = { rate: '0.3', depreciationYears: 1, lossCarryForwardYears: carry };
  }));

  it('carries a loss forward for the given years only, without limit when none is given, not at all for 0', () => {
    expect(column(lossThenProfit(null), 'taxableIncome')).toEqual(['-100', '0', '100']);
    expect(column(lossThenProfit(null), 'incomeTax')).toEqual(['0', '0', '0']);
    expect(column(lossThenProfit(2), 'incomeTax')).toEqual(['0', '0', '0']);
    expect(column(lossThenProfit(1), 'incomeTax')).toEqual(['0', '0', '30']);
    expect(column(lossThenProfit(0), 'incomeTax')).toEqual(['0', '0', '30']);
  });

  it('starts depreciation with production and deducts what would fall after year N in year N', () => {
    const producing = evaluate(tinyProject((p, t) => {
      p.assumptions.capex.initial = [90, 0, 0];
      p.assumptions.production.oreMined = [0, 100, 100];
      t.fiscal.incomeTax = { rate: 0, depreciationYears: 5, lossCarryForwardYears: null };
    }));
    expect(column(producing, 'depreciation')).toEqual(['0', '18', '72']);
    const idle = evaluate(tinyProject((p, t) => {
      p.assumptions.capex.initial = [90, 0, 0];
      t.fiscal.incomeTax = { rate: 0, depreciationYears: 2, lossCarryForwardYears: null };
    }));
    expect(column(idle, 'depreciation')).toEqual(['0', '0', '90']);
  });
});

describe('§5 resource rent tax', () => {
  it('accumulates the cash base at the threshold rate and taxes it when it turns positive', () => {
    const e = evaluate(tinyProject((p, t) => {
      p.assumptions.capex.initial = [100, 0, 0];
      p.assumptions.production.oreMined = [0, 60, 80];
      t.fiscal.resourceRentTax = { rate: '0.5', thresholdRate: '0.1' };
    }));
    // A: −100; −110 + 60 = −50; −55 + 80 = 25 → 12.5.
    expect(column(e, 'resourceRentTax')).toEqual(['0', '0', '12.5']);
    expect(flows(e, 'government')).toEqual(['0', '0', '12.5']);
  });
});

describe('§5 royalty and §3 offtake', () => {
  it('interpolates linear bands at the market price', () => {
    const e = evaluate(tinyProject((p, t) => {
      p.assumptions.production.oreMined = [100, 100, 100];
      p.assumptions.prices = [50, 100, 300];
      t.fiscal.royalty = { base: 'gross', bands: [{ fromPrice: 0, rate: '0.02' }, { fromPrice: 100, rate: '0.06' }, { fromPrice: 200, rate: '0.1' }], interpolate: true };
    }));
    // Rates 0.04, 0.06 and (flat beyond the last point) 0.1 of revenue 5,000, 10,000, 30,000.
    expect(column(e, 'royalty')).toEqual(['200', '600', '3000']);
  });

  it('a binding floor makes the offtaker pay above market: a negative margin, more venture revenue', () => {
    const e = evaluate(tinyProject((p, t) => {
      p.assumptions.production.oreMined = [100, 100, 100];
      t.offtake = [{ id: 'o', offtaker: 'external', share: '0.5', discount: 0, floor: 2, ceiling: null, fromYear: 2031, toYear: 2031 }];
    }));
    expect(column(e, 'marketRevenue')).toEqual(['100', '100', '100']);
    expect(column(e, 'revenue')).toEqual(['100', '150', '100']);
    expect(flows(e, 'external-offtaker')).toEqual(['0', '-50', '0']);
  });

  it('pays technology fees dated inside the horizon only, caps the running royalty, and withholds on a foreign partner licensor', () => {
    const e = evaluate(tinyProject((p, t) => {
      p.assumptions.production.oreMined = [1000, 1000, 1000];
      t.fiscal.withholding = { dividends: 0, technology: '0.1' };
      t.partners = [partner('miner', '0.5'), partner('techco', '0.5', { foreign: true })];
      t.technology = [{
        id: 'x', licensor: 'techco', recoveryUplift: 0, royaltyRate: '0.05', royaltyCapPerYear: 40,
        fees: [{ year: 2029, amount: 7 }, { year: 2031, amount: 10 }], royaltyFromYear: 2031, royaltyToYear: null,
      }];
    }));
    expect(column(e, 'technology')).toEqual(['0', '50', '40']);
    expect(column(e, 'withholdingTax')).toEqual(['0', '5', '4']);
  });
});

describe('§2 transforms', () => {
  it('delays the plan, keeping initial capex and moving closure that falls past N into year N', () => {
    const e = evaluate(tinyProject((p) => {
      p.assumptions.production.oreMined = [100, 100, 100];
      p.assumptions.capex = { initial: [30, 0, 0], sustaining: [5, 6, 0], closure: [0, 0, 10] };
      p.scenarios.push({ id: 'late', overrides: { delayYears: 1 } });
    }), 'late');
    expect(column(e, 'volume')).toEqual(['0', '100', '100']);
    expect(column(e, 'capex')).toEqual(['30', '5', '6']);
    expect(column(e, 'closure')).toEqual(['0', '0', '10']);
  });

  it('stops mining in disruption years while fixed costs go on', () => {
    const e = evaluate(tinyProject((p) => {
      p.assumptions.production.oreMined = [100, 100, 100];
      p.assumptions.costs.fixed = [1, 1, 1];
      p.scenarios.push({ id: 'blockade', overrides: { disruption: { fromYear: 2031, toYear: 2031 } } });
    }), 'blockade');
    expect(column(e, 'volume')).toEqual(['100', '0', '100']);
    expect(column(e, 'opex')).toEqual(['1', '1', '1']);
  });
});

describe('§1 and §7 metrics', () => {
  it('discounts mid-year: DF_k = 1.1^−(k − 0.5)', () => {
    const e = evaluate(tinyProject((p) => {
      p.assumptions.discounting = 'mid-year';
      p.assumptions.production.oreMined = [110, 0, 0];
    }));
    near(e.venture.npv, new Dec(110).div(new Dec('1.1').sqrt()).toString());
  });

  it('deflates nominal flows before discounting them', () => {
    const e = evaluate(tinyProject((p) => {
      p.assumptions.inflation = '0.05';
      p.assumptions.production.oreMined = [0, 100, 0];
    }));
    // Nominal revenue 100 × 1.05 = 105 in year 2; real 100; PV 100 / 1.1².
    expect(column(e, 'revenue')).toEqual(['0', '105', '0']);
    near(e.venture.npv, new Dec(100).div('1.21').toString());
  });

  it('has no breakeven price when no price multiplier changes the sign of the NPV, and no payback without recovery', () => {
    const e = evaluate(tinyProject((p) => { p.assumptions.capex.initial = [100, 0, 0]; }));
    expect(e.venture.breakevenPriceFactor).toBeNull();
    expect(e.venture.paybackYear).toBeNull();
    expect(e.venture.irr).toBeNull();
    expect(e.venture.irrRoots).toEqual([]);
  });

  it('finds the breakeven price factor and the payback year', () => {
    const e = evaluate(tinyProject((p) => {
      p.assumptions.capex.initial = [100, 0, 0];
      p.assumptions.production.oreMined = [0, 100, 100];
    }));
    // NPV(m) = −100/1.1 + 100m/1.21 + 100m/1.331 = 0 → m = (1/1.1) / (1/1.21 + 1/1.331).
    const m = new Dec(1).div('1.1').div(new Dec(1).div('1.21').plus(new Dec(1).div('1.331')));
    expect(new Dec(e.venture.breakevenPriceFactor!).minus(m).abs().div(m).toNumber()).toBeLessThan(1e-9);
    // Cumulative real F: −100, 0, 100; payback is the first year back at ≥ 0.
    expect(e.venture.paybackYear).toBe(2031);
  });

  it('reports null shares and ratios when the pre-tax NPV is not positive', () => {
    const e = evaluate(tinyProject((p) => { p.assumptions.capex.initial = [100, 0, 0]; }));
    expect(e.venture.aetr).toBeNull();
    expect(e.venture.governmentTake).toBeNull();
    expect(e.parties.find((party) => party.id === 'miner')!.share).toBeNull();
  });
});
