import fc from 'fast-check';
import type { Offtake, Partner, Project, TechnologyAgreement } from '../../shared/engine/interchange.ts';

/** A decimal string with `places` decimals in [min, max]. */
export const decimal = (min: number, max: number, places: number) =>
  fc.integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) })
    .map((units) => {
      const negative = units < 0;
      const digits = String(Math.abs(units)).padStart(places + 1, '0');
      const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
      return negative ? `-${text}` : text;
    });

const series = (n: number, value: fc.Arbitrary<string | number>) => fc.array(value, { minLength: n, maxLength: n });

/** Integer weights that sum to 100, the first at least 1, as equities in hundredths. */
const equities = (count: number) =>
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: count, maxLength: count }).map((raw) => {
    const weights = raw.map((w, i) => (i === 0 ? w + 1 : w));
    const total = weights.reduce((s, w) => s + w, 0);
    const hundredths = weights.map((w) => Math.floor((w * 100) / total));
    hundredths[0]! += 100 - hundredths.reduce((s, h) => s + h, 0);
    return hundredths.map((h) => (h / 100).toFixed(2));
  });

export function arbitraryProject(): fc.Arbitrary<Project> {
  return fc.record({ years: fc.integer({ min: 1, max: 12 }), partners: fc.integer({ min: 1, max: 4 }) }).chain(({ years: n, partners: count }) => {
    const ids = Array.from({ length: count }, (_, i) => `p${i + 1}`);
    const partner = (id: string, equity: string, mayBeCarried: boolean) => fc.record({
      kind: fc.constantFrom('state', 'private', 'sovereign-fund', 'development-finance', 'strategic' as const),
      state: fc.boolean(),
      foreign: fc.boolean(),
      hurdleRate: decimal(0, 0.15, 3),
      carried: mayBeCarried ? fc.option(fc.record({ interestRate: decimal(0, 0.1, 3), repaymentShare: decimal(0, 1, 2) }), { nil: null }) : fc.constant(null),
      fundingCap: fc.option(decimal(0, 400_000_000, 0), { nil: null, freq: 2 }),
    }).map((p): Partner => ({ id, name: `Partner ${id}`, equity, ...p, kind: p.kind as Partner['kind'] }));
    const licensor = fc.constantFrom('external', ...ids);
    const technology = fc.record({
      licensor, foreign: fc.boolean(), recoveryUplift: decimal(0, 0.05, 3),
      fees: fc.array(fc.record({ year: fc.integer({ min: 2024, max: 2030 + n }), amount: decimal(0, 5_000_000, 0) }), { maxLength: 2 }),
      royaltyRate: decimal(0, 0.03, 3),
      royaltyFromYear: fc.option(fc.integer({ min: 2025, max: 2032 }), { nil: null }),
      royaltyCapPerYear: fc.option(decimal(0, 6_000_000, 0), { nil: null }),
    });
    const offtake = fc.record({
      offtaker: fc.constantFrom('external', ...ids), share: decimal(0, 0.5, 2), discount: decimal(0, 0.1, 3),
      floor: fc.option(decimal(0, 2000, 0), { nil: null }), ceiling: fc.option(decimal(1000, 6000, 0), { nil: null }),
      fromYear: fc.option(fc.integer({ min: 2025, max: 2032 }), { nil: null }),
    });
    const bandRates = fc.array(decimal(0, 0.1, 3), { minLength: 1, maxLength: 3 });
    return fc.record({
      startYear: fc.integer({ min: 2025, max: 2030 }),
      discountRate: decimal(0, 0.15, 3),
      discounting: fc.constantFrom('end-year' as const, 'mid-year' as const),
      inflation: decimal(0, 0.05, 3),
      oreMined: series(n, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 }))),
      wasteMined: series(n, fc.integer({ min: 0, max: 8_000_000 })),
      grade: series(n, decimal(0, 0.05, 4)),
      recovery: series(n, decimal(0, 0.95, 2)),
      prices: series(n, decimal(0, 5000, 1)),
      fixed: series(n, fc.integer({ min: 0, max: 30_000_000 })),
      initial: series(n, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300_000_000 }))),
      sustaining: series(n, fc.integer({ min: 0, max: 10_000_000 })),
      closure: series(n, fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 50_000_000 }))),
      productFactor: decimal(1, 20, 2),
      payability: decimal(0.8, 1, 2),
      miningPerTonne: decimal(0, 5, 2),
      processingPerTonneOre: decimal(0, 40, 1),
      sellingPerUnit: decimal(0, 150, 0),
      workingCapitalRate: decimal(0, 0.15, 2),
      equity: equities(count),
      carriedFlags: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      deemedValue: fc.oneof(fc.constant('0'), decimal(0, 100_000_000, 0)),
      dilution: fc.boolean(),
      bandRates, bandGaps: fc.array(decimal(1, 2000, 0), { minLength: 3, maxLength: 3 }),
      interpolate: fc.boolean(), base: fc.constantFrom('gross' as const, 'net' as const),
      taxRate: decimal(0, 0.35, 2), depreciationYears: fc.integer({ min: 1, max: 10 }),
      lossCarryForwardYears: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
      rrt: fc.option(fc.record({ rate: decimal(0, 0.4, 2), thresholdRate: decimal(0, 0.2, 2) }), { nil: null }),
      dividends: decimal(0, 0.2, 2), technologyWht: decimal(0, 0.2, 2), communityShare: decimal(0, 0.02, 3),
      technology: fc.array(technology, { maxLength: 2 }),
      offtake: fc.array(offtake, { maxLength: 2 }),
      scenario: fc.record({
        priceFactor: decimal(0, 2, 2), capexFactor: decimal(0.5, 2, 2), opexFactor: decimal(0.5, 2, 2),
        gradeFactor: decimal(0.5, 1.5, 2), delayYears: fc.integer({ min: 0, max: 3 }),
        disruption: fc.integer({ min: 0, max: 10 }),
      }, { requiredKeys: [] }),
    }).chain((r) => fc.tuple(...r.equity.map((e, i) => partner(ids[i]!, e, i > 0 && r.carriedFlags[i] === true))).map((partners): Project => {
      const bands = r.bandRates.map((rate, i) => ({
        fromPrice: String(r.bandGaps.slice(0, i).reduce((s, g) => s + Number(g), 0)), rate,
      }));
      const scenarioOverrides = { ...r.scenario } as Record<string, unknown>;
      if (typeof r.scenario.disruption === 'number') {
        scenarioOverrides.disruption = { fromYear: r.startYear + r.scenario.disruption, toYear: r.startYear + r.scenario.disruption + 1 };
      }
      return {
        format: 'orebridge-project', version: 1, name: 'Random venture',
        assumptions: {
          commodity: 'lithium', productUnit: 't', currency: 'USD', startYear: r.startYear, years: n,
          discountRate: r.discountRate, discounting: r.discounting, inflation: r.inflation,
          production: { oreMined: r.oreMined, wasteMined: r.wasteMined, grade: r.grade, recovery: r.recovery, productFactor: r.productFactor, payability: r.payability },
          prices: r.prices,
          costs: { miningPerTonne: r.miningPerTonne, processingPerTonneOre: r.processingPerTonneOre, fixed: r.fixed, sellingPerUnit: r.sellingPerUnit },
          capex: { initial: r.initial, sustaining: r.sustaining, closure: r.closure },
          workingCapitalRate: r.workingCapitalRate,
        },
        structures: [{
          id: 'deal', name: 'Deal',
          terms: {
            partners, deemedValue: r.deemedValue, dilution: r.dilution,
            fiscal: {
              royalty: { base: r.base, bands, interpolate: r.interpolate },
              incomeTax: { rate: r.taxRate, depreciationYears: r.depreciationYears, lossCarryForwardYears: r.lossCarryForwardYears },
              resourceRentTax: r.rrt,
              withholding: { dividends: r.dividends, technology: r.technologyWht },
              communityShare: r.communityShare,
            },
            technology: r.technology.map((t, i): TechnologyAgreement => ({
              id: `t${i}`, name: `Licence ${i}`, licensor: t.licensor, foreign: t.licensor === 'external' ? t.foreign : null,
              recoveryUplift: t.recoveryUplift, fees: t.fees, royaltyRate: t.royaltyRate,
              royaltyFromYear: t.royaltyFromYear, royaltyToYear: null, royaltyCapPerYear: t.royaltyCapPerYear,
            })),
            offtake: r.offtake.map((o, i): Offtake => ({ id: `o${i}`, ...o, toYear: null })),
          },
        }],
        scenarios: [{ id: 'base', name: 'Base', overrides: {} }, { id: 'varied', name: 'Varied', overrides: scenarioOverrides }],
        shocks: null,
      };
    }));
  });
}
