// A valid version-1 project that uses every field of the interchange document at least once.
import { join } from 'node:path';
import type { Project } from '../../shared/engine/interchange.ts';
import { EXAMPLES_DIR, loadExample } from './examples.ts';

/** The largest example with every optional field filled in. */
export function projectUsingEverything(): Project {
  const project = structuredClone(loadExample(join(EXAMPLES_DIR, 'nickel-cobalt-hpal.project.json')));
  project.notes = 'All fields';
  project.assumptions.commodity = 'nickel';
  const structure = project.structures[0]!;
  structure.notes = 'Opening offer';
  const terms = structure.terms;
  terms.partners[0]!.country = 'ZZ';
  terms.fiscal.incomeTax.lossCarryForwardYears = 7;
  terms.fiscal.resourceRentTax = terms.fiscal.resourceRentTax ?? { rate: '0.2', thresholdRate: '0.12' };
  terms.technology = [
    { id: 'hpal', name: 'HPAL licence', licensor: 'external', foreign: true, recoveryUplift: '0.02', fees: [{ year: 2026, amount: '1000000' }], royaltyRate: '0.01', royaltyFromYear: 2029, royaltyToYear: 2040, royaltyCapPerYear: '2000000' },
  ];
  terms.offtake = [{ id: 'ot', offtaker: 'external', share: '0.3', discount: '0.02', floor: '15000', ceiling: '30000', fromYear: 2029, toYear: 2040 }];
  const overrides = { priceFactor: '0.9', capexFactor: '1.1', opexFactor: '1.05', gradeFactor: '0.95', delayYears: 1, disruption: { fromYear: 2031, toYear: 2032 }, prices: project.assumptions.prices.map(String), discountRate: '0.1' };
  project.scenarios = [{ id: 'everything', name: 'Everything at once', notes: 'all overrides', overrides }];
  project.shocks = [{ id: 'custom', name: 'Custom shock', overrides }];
  project.risk = {
    iterations: 5000,
    seed: 7,
    variables: [
      { id: 'price', target: 'priceLevel', distribution: { type: 'lognormal', p10: '0.75', p90: '1.3' } },
      { id: 'capex', target: 'capexFactor', distribution: { type: 'pert', min: '0.95', mode: '1.05', max: '1.6' } },
      { id: 'opex', target: 'opexFactor', distribution: { type: 'triangular', min: '0.9', mode: '1', max: '1.3' } },
      { id: 'grade', target: 'gradeFactor', distribution: { type: 'normal', mean: '1', sd: '0.07', min: '0', max: '1.3' } },
      { id: 'delay', target: 'delayYears', distribution: { type: 'discrete', values: [0, 1, 2], probabilities: ['0.6', '0.3', '0.1'] } },
    ],
    correlations: [{ a: 'price', b: 'capex', rho: '0.4' }],
    pricePath: { volatility: '0.2', persistence: '0.7' },
    disruption: { annualProbability: '0.05', years: 1 },
  };
  project.negotiation = {
    reservations: [
      { party: terms.partners[0]!.id, minPv: '50000000', minIrr: '0.1', minNpvAtHurdle: '0', weight: '2' },
      { party: 'government', minPv: '0', minGovernmentTake: '0.4', weight: '1' },
    ],
  };
  return project;
}

/** The same project at version 2 with every field of methodology v2 filled in as well (§11–§15). */
export function projectUsingEverythingV2(): Project {
  const project = projectUsingEverything();
  project.version = 2;
  const terms = project.structures[0]!.terms;
  const lender = terms.partners[0]!.id;
  terms.debt = [
    { id: 'dfi', name: 'DFI loan', lender: 'external', foreign: true, gearing: '0.3', drawFromYear: 2026, drawToYear: 2028, maxAmount: '500000000', interestRate: '0.03', graceYears: 2, tenorYears: 10, repayment: 'annuity' },
    { id: 'shareholder', name: 'Shareholder loan', lender, drawdowns: [{ year: 2027, amount: '50000000' }], interestRate: '0.06', graceYears: 0, tenorYears: 5, repayment: 'equal-principal' },
  ];
  terms.priceSupport = [{ id: 'floor', name: 'Reserve floor', strike: '15000', share: '0.4', fromYear: 2030, toYear: 2040, capPrice: '30000', upsideShare: '0.3' }];
  const fiscal = terms.fiscal;
  fiscal.incomeTax = { ...fiscal.incomeTax, holidayYears: 3, investmentAllowance: '0.1', depreciation: { method: 'declining-balance', rate: '0.25' }, thinCapRatio: '3' };
  fiscal.withholding = { ...fiscal.withholding, interest: '0.1' };
  fiscal.capitalGrant = { share: '0.1', cap: '60000000' };
  fiscal.stabilized = true;
  fiscal.stabilizedUntilYear = 2038;
  const fiscalChange = { fromYear: 2033, royaltyRateAdd: '0.03', incomeTaxRate: '0.35' };
  for (const owner of [...project.scenarios, ...(project.shocks ?? [])]) owner.overrides = { ...owner.overrides, fiscalChange };
  return project;
}

/** Every leaf (a value that is not an object or a list) with its path. */
export function leafPaths(value: unknown, path = '', into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item, index) => leafPaths(item, `${path}[${index}]`, into));
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) leafPaths(child, path ? `${path}.${key}` : key, into);
  else into.push(path);
  return into;
}
