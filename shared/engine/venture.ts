import type { Arithmetic } from './arithmetic.ts';
import { costs, workingCapitalChanges, type CostYears } from './costs.ts';
import { depreciation, lossesUsed } from './income-tax.ts';
import type { DealTerms, VentureInputs } from './model.ts';
import { revenues, volumes, type RevenueYears, type VolumeYears } from './production.ts';
import { royalty } from './royalty.ts';
import { technologyPayment, technologyWithholding } from './technology.ts';

/** The part of the venture's years that prices do not change: volumes, costs, depreciation. */
export interface FixedYears<T> extends VolumeYears<T>, CostYears<T> {
  years: number;
  startYear: number;
  /** 0-based index of the first year with V_k > 0; N when there is none. */
  firstProduction: number;
  depreciation: T[];
}

/** Everything the venture itself pays and earns, year by year (§3–§6 before funding). */
export interface VentureYears<T> extends FixedYears<T>, RevenueYears<T> {
  deltaWorkingCapital: T[];
  royalty: T[];
  community: T[];
  /** technologyByAgreement[t][k] and its withholding. */
  technologyByAgreement: T[][];
  technologyWithholdingByAgreement: T[][];
  technology: T[];
  resourceRentTax: T[];
  taxableIncome: T[];
  incomeTax: T[];
  freeCashFlow: T[];
  preTaxNetCashFlow: T[];
}

const sumAt = <T>(ar: Arithmetic<T>, rows: readonly T[][], k: number) => rows.reduce((s, row) => ar.add(s, row[k]!), ar.zero);

/** `from` minus each of `costs`, without building a list per year. */
function less<T>(ar: Arithmetic<T>, from: T, ...costs: T[]): T {
  let rest = from;
  for (let i = 0; i < costs.length; i++) rest = ar.sub(rest, costs[i]!);
  return rest;
}

export function fixedYears<T>(ar: Arithmetic<T>, v: VentureInputs<T>, deal: DealTerms<T>): FixedYears<T> {
  const q = volumes(ar, v, deal);
  const c = costs(ar, v, q);
  const firstIndex = q.volume.findIndex((vol) => ar.sign(vol) > 0);
  const firstProduction = firstIndex < 0 ? v.years : firstIndex;
  const depreciationYears = depreciation(ar, c.capex, deal.incomeTax.depreciationYears, firstProduction);
  return { ...q, ...c, years: v.years, startYear: v.startYear, firstProduction, depreciation: depreciationYears };
}

/**
 * The venture's years under the price deck `prices` (by default the inputs' own); `fixed` may be
 * passed in when only prices change between runs (breakeven search, price sampling).
 */
export function ventureYears<T>(
  ar: Arithmetic<T>, v: VentureInputs<T>, deal: DealTerms<T>,
  fixed: FixedYears<T> = fixedYears(ar, v, deal), prices: readonly T[] = v.series.prices,
): VentureYears<T> {
  const n = v.years;
  const c = fixed;
  const p = revenues(ar, v, deal, fixed, prices);
  const deltaWorkingCapital = workingCapitalChanges(ar, v.workingCapitalRate, p.revenue);

  const royaltyYears: T[] = [];
  const community: T[] = [];
  const technologyByAgreement: T[][] = deal.technology.map(() => []);
  const technologyWithholdingByAgreement: T[][] = deal.technology.map(() => []);
  const technology: T[] = [];
  const resourceRentTax: T[] = [];
  const rrt = deal.resourceRentTax;
  const accumulation = rrt ? ar.add(ar.one, rrt.thresholdRate) : ar.one;
  let accumulated = ar.zero;
  for (let k = 0; k < n; k++) {
    const year = v.startYear + k;
    const revenue = p.revenue[k]!;
    royaltyYears.push(royalty(ar, deal, p.marketPrice[k]!, revenue, c.selling[k]!));
    community.push(ar.money(ar.mul(deal.communityShare, revenue)));
    deal.technology.forEach((t, i) => {
      const payment = technologyPayment(ar, t, year, revenue);
      technologyByAgreement[i]!.push(payment);
      technologyWithholdingByAgreement[i]!.push(technologyWithholding(ar, t, deal.withholding.technology, payment));
    });
    technology.push(sumAt(ar, technologyByAgreement, k));
    if (rrt) {
      const base = less(ar, revenue, royaltyYears[k]!, c.opex[k]!, c.selling[k]!, technology[k]!, community[k]!, c.capex[k]!, c.closure[k]!);
      accumulated = ar.add(ar.money(ar.mul(accumulated, accumulation)), base);
      if (ar.sign(accumulated) > 0) {
        resourceRentTax.push(ar.money(ar.mul(rrt.rate, accumulated)));
        accumulated = ar.zero;
      } else resourceRentTax.push(ar.zero);
    } else resourceRentTax.push(ar.zero);
  }

  const dep = fixed.depreciation;
  const taxableIncome = p.revenue.map((revenue, k) =>
    less(ar, revenue, royaltyYears[k]!, c.opex[k]!, c.selling[k]!, technology[k]!, community[k]!, c.closure[k]!, dep[k]!, resourceRentTax[k]!));
  const used = lossesUsed(ar, taxableIncome, deal.incomeTax.lossCarryForwardYears);
  const incomeTax = taxableIncome.map((ti, k) => ar.money(ar.mul(deal.incomeTax.rate, ar.max(ar.zero, ar.sub(ti, used[k]!)))));

  const freeCashFlow = p.revenue.map((revenue, k) => less(ar, revenue, royaltyYears[k]!, c.opex[k]!, c.selling[k]!, community[k]!,
    technology[k]!, c.closure[k]!, c.capex[k]!, deltaWorkingCapital[k]!, incomeTax[k]!, resourceRentTax[k]!));
  const preTaxNetCashFlow = p.marketRevenue.map((rm, k) => less(ar, rm, c.opex[k]!, c.selling[k]!, c.capex[k]!, c.closure[k]!, deltaWorkingCapital[k]!));

  return {
    ...fixed, ...p, deltaWorkingCapital,
    royalty: royaltyYears, community, technologyByAgreement, technologyWithholdingByAgreement, technology,
    resourceRentTax, taxableIncome, incomeTax, freeCashFlow, preTaxNetCashFlow,
  };
}
