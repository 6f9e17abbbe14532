import type { Partner, Project, Terms } from '../../shared/engine/interchange.ts';

/**
 * A three-year venture (2030–2032) small enough to compute by hand: no inflation, 10 % real
 * discount, end-year; volume = ore (grade, recovery, product factor and payability all 1) at a
 * price of 1; every cost, rate and tax zero unless a test sets it; one private partner.
 */
export function tinyProject(edit: (p: Project, terms: Terms) => void = () => {}): Project {
  const zeros = () => [0, 0, 0];
  const project: Project = {
    format: 'orebridge-project',
    version: 1,
    assumptions: {
      startYear: 2030, years: 3, discountRate: '0.1', discounting: 'end-year', inflation: 0,
      production: { oreMined: zeros(), wasteMined: zeros(), grade: [1, 1, 1], recovery: [1, 1, 1], productFactor: 1, payability: 1 },
      prices: [1, 1, 1],
      costs: { miningPerTonne: 0, processingPerTonneOre: 0, fixed: zeros(), sellingPerUnit: 0 },
      capex: { initial: zeros(), sustaining: zeros(), closure: zeros() },
      workingCapitalRate: 0,
    },
    structures: [{
      id: 'deal',
      terms: {
        partners: [partner('miner', '1')],
        deemedValue: 0,
        dilution: false,
        fiscal: {
          royalty: { base: 'gross', bands: [{ fromPrice: 0, rate: 0 }], interpolate: false },
          incomeTax: { rate: 0, depreciationYears: 1, lossCarryForwardYears: null },
          resourceRentTax: null,
          withholding: { dividends: 0, technology: 0 },
          communityShare: 0,
        },
        technology: [],
        offtake: [],
      },
    }],
    scenarios: [{ id: 'base', overrides: {} }],
    shocks: null,
  };
  edit(project, project.structures[0]!.terms);
  return project;
}

export function partner(id: string, equity: string, extra: Partial<Partner> = {}): Partner {
  return { id, kind: 'private', state: false, equity, foreign: false, hurdleRate: '0.1', carried: null, fundingCap: null, ...extra };
}
