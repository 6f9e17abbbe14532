import type { Partner, Project, Structure } from '../../shared/engine/interchange.ts';

function series(values: readonly string[], years: number): string[] {
  return Array.from({ length: years }, (_, index) => values[Math.min(index, values.length - 1)] ?? '0');
}

/** A venture mined from year 3; sized so that a new venture is valid and has results at once. */
export function newVentureProject(startYear: number): Project {
  const years = 12;
  const zeroes = (count: number) => Array.from({ length: count }, () => '0');
  const producing = (first: string, rest: string, last: string) => [...zeroes(2), first, ...Array.from({ length: years - 4 }, () => rest), last];
  return {
    format: 'orebridge-project',
    version: 1,
    name: 'New venture',
    notes: '',
    assumptions: {
      commodity: 'lithium',
      productUnit: 't',
      currency: 'USD',
      startYear,
      years,
      discountRate: '0.08',
      discounting: 'end-year',
      inflation: '0.02',
      production: {
        oreMined: producing('1400000', '2000000', '1200000'),
        wasteMined: ['0', '3000000', '8000000', ...Array.from({ length: years - 4 }, () => '10000000'), '5000000'],
        grade: producing('0.012', '0.012', '0.011'),
        recovery: producing('0.66', '0.72', '0.72'),
        productFactor: '16',
        payability: '1',
      },
      prices: series(['1100', '1100', '1150', '1200'], years),
      costs: {
        miningPerTonne: '3.5',
        processingPerTonneOre: '28',
        fixed: ['3000000', '8000000', ...Array.from({ length: years - 3 }, () => '28000000'), '20000000'],
        sellingPerUnit: '100',
      },
      capex: {
        initial: ['180000000', '250000000', ...zeroes(years - 2)],
        sustaining: [...zeroes(2), ...Array.from({ length: years - 3 }, () => '12000000'), '4000000'],
        closure: [...zeroes(years - 1), '50000000'],
      },
      workingCapitalRate: '0.1',
    },
    structures: [newStructure('base-deal', 'Base deal', [newPartner('operator', 'Operator', '1')])],
    scenarios: [{ id: 'base', name: 'Base case', overrides: {} }],
    shocks: null,
  };
}

export function newPartner(id: string, name: string, equity: string): Partner {
  return {
    id,
    name,
    country: '',
    kind: 'private',
    state: false,
    equity,
    foreign: false,
    hurdleRate: '0.1',
    carried: null,
    fundingCap: null,
  };
}

export function newStructure(id: string, name: string, partners: Partner[]): Structure {
  return {
    id,
    name,
    notes: '',
    terms: {
      partners,
      deemedValue: '0',
      dilution: false,
      fiscal: {
        royalty: { base: 'gross', bands: [{ fromPrice: '0', rate: '0.05' }], interpolate: false },
        incomeTax: { rate: '0.3', depreciationYears: 8, lossCarryForwardYears: null },
        resourceRentTax: null,
        withholding: { dividends: '0.1', technology: '0.1' },
        communityShare: '0.01',
      },
      technology: [],
      offtake: [],
    },
  };
}

/** An id not yet used among `taken`: `base`, `base-2`, `base-3`, … */
export function uniqueId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let index = 2; ; index += 1) {
    const candidate = `${base}-${index}`;
    if (!taken.includes(candidate)) return candidate;
  }
}
