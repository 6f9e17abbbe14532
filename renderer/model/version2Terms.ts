// What the workspace adds when the user adds a methodology-v2 instrument. Every new instrument
// starts with no effect on the numbers (a loan draws nothing, price support covers no volume, a
// grant pays nothing, a fiscal change changes nothing) until the user types its terms.
import type { DebtTranche, FiscalChange, PriceSupportContract } from '../../shared/engine/interchange.ts';

export const EXTERNAL_LENDER_LABEL = 'External lender';

export function newTranche(id: string): DebtTranche {
  return {
    id,
    name: null,
    lender: 'external',
    foreign: true,
    gearing: '0',
    drawFromYear: null,
    drawToYear: null,
    maxAmount: null,
    interestRate: '0',
    graceYears: 0,
    tenorYears: 1,
    repayment: 'equal-principal',
  };
}

export function newPriceSupport(id: string): PriceSupportContract {
  return { id, name: null, strike: '0', share: '0', fromYear: null, toYear: null, capPrice: null, upsideShare: null };
}

/** A fiscal change from the middle of the horizon that changes nothing until its rates are typed. */
export function newFiscalChange(startYear: number, years: number): FiscalChange {
  return { fromYear: startYear + Math.floor(years / 2) };
}
