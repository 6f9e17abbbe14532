import fc from 'fast-check';
import type { DebtTranche, FiscalChange, PriceSupportContract, Project } from '../../shared/engine/interchange.ts';
import { arbitraryProject, decimal } from './arbitrary-project.ts';

/** A fiscal change from a year near the horizon (§15). */
export const arbitraryFiscalChange = (startYear: number, years: number): fc.Arbitrary<FiscalChange> => fc.record({
  fromYear: fc.integer({ min: startYear - 1, max: startYear + years }),
  royaltyRateAdd: fc.option(decimal(-0.1, 0.1, 3), { nil: null }),
  incomeTaxRate: fc.option(decimal(0, 0.5, 3), { nil: null }),
});

/**
 * A random valid version-2 project: a random version-1 project (test/support/arbitrary-project.ts)
 * with random debt tranches, price support, grant, incentives, stabilisation and a fiscal-change
 * scenario.
 */
export function arbitraryVersion2Project(): fc.Arbitrary<Project> {
  return arbitraryProject().chain((project) => {
    const { startYear, years } = project.assumptions;
    const terms = project.structures[0]!.terms;
    const lenders = ['external', ...terms.partners.map((p) => p.id)];
    const year = fc.integer({ min: startYear - 1, max: startYear + years });
    const tranche = fc.record({
      lender: fc.constantFrom(...lenders),
      foreign: fc.boolean(),
      geared: fc.boolean(),
      gearing: decimal(0, 0.8, 2),
      drawFromYear: fc.option(year, { nil: null }),
      drawToYear: fc.option(year, { nil: null }),
      drawdowns: fc.array(fc.record({ year, amount: decimal(0, 200_000_000, 0) }), { minLength: 1, maxLength: 3 }),
      maxAmount: fc.option(decimal(0, 300_000_000, 0), { nil: null }),
      interestRate: decimal(0, 0.12, 3),
      graceYears: fc.integer({ min: 0, max: 3 }),
      tenorYears: fc.integer({ min: 1, max: 12 }),
      repayment: fc.constantFrom('equal-principal' as const, 'annuity' as const),
    });
    const support = fc.record({
      strike: decimal(0, 3000, 0), share: decimal(0, 0.5, 2),
      fromYear: fc.option(year, { nil: null }), toYear: fc.option(year, { nil: null }),
      upside: fc.option(fc.record({ over: decimal(0, 2000, 0), share: decimal(0, 1, 2) }), { nil: null }),
    });
    return fc.record({
      debt: fc.array(tranche, { maxLength: 3 }),
      priceSupport: fc.array(support, { maxLength: 2 }),
      grant: fc.option(fc.record({ share: decimal(0, 0.5, 2), cap: fc.option(decimal(0, 100_000_000, 0), { nil: null }) }), { nil: null }),
      holidayYears: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      investmentAllowance: fc.option(decimal(0, 0.3, 2), { nil: null }),
      decliningRate: fc.option(decimal(0.05, 1, 2), { nil: null }),
      thinCapRatio: fc.option(decimal(0, 4, 1), { nil: null }),
      interestWithholding: fc.option(decimal(0, 0.2, 2), { nil: null }),
      stabilized: fc.boolean(),
      stabilizedUntilYear: fc.option(year, { nil: null }),
      fiscalChange: arbitraryFiscalChange(startYear, years),
    }).map((r): Project => {
      const debt: DebtTranche[] = r.debt.map((t, i) => ({
        id: `loan-${i}`, name: `Loan ${i}`, lender: t.lender, foreign: t.lender === 'external' ? t.foreign : null,
        ...(t.geared ? { gearing: t.gearing, drawFromYear: t.drawFromYear, drawToYear: t.drawToYear } : { drawdowns: t.drawdowns }),
        maxAmount: t.maxAmount, interestRate: t.interestRate, graceYears: t.graceYears, tenorYears: t.tenorYears, repayment: t.repayment,
      }));
      // Active shares at most 1: two contracts of at most 0.5 each.
      const priceSupport: PriceSupportContract[] = r.priceSupport.map((c, i) => ({
        id: `support-${i}`, strike: c.strike, share: c.share, fromYear: c.fromYear, toYear: c.toYear,
        capPrice: c.upside ? String(Number(c.strike) + Number(c.upside.over)) : null, upsideShare: c.upside ? c.upside.share : null,
      }));
      const fiscal = terms.fiscal;
      return {
        ...project,
        version: 2,
        structures: [{
          ...project.structures[0]!,
          terms: {
            ...terms,
            fiscal: {
              ...fiscal,
              incomeTax: {
                ...fiscal.incomeTax, holidayYears: r.holidayYears, investmentAllowance: r.investmentAllowance, thinCapRatio: r.thinCapRatio,
                depreciation: r.decliningRate === null ? { method: 'straight-line' } : { method: 'declining-balance', rate: r.decliningRate },
              },
              withholding: { ...fiscal.withholding, interest: r.interestWithholding },
              capitalGrant: r.grant,
              stabilized: r.stabilized,
              stabilizedUntilYear: r.stabilized ? r.stabilizedUntilYear : null,
            },
            debt,
            priceSupport,
          },
        }],
        scenarios: [...project.scenarios, { id: 'fiscal-change', name: 'Fiscal change', overrides: { fiscalChange: r.fiscalChange } }],
      };
    });
  });
}
