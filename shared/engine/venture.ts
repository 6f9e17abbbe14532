import type { Arithmetic } from './arithmetic.ts';
import { costs, type CostYears } from './costs.ts';
import { depreciation, lossesUsed } from './income-tax.ts';
import type { DealTerms, VentureInputs } from './model.ts';
import { production, type ProductionYears } from './production.ts';
import { royalty } from './royalty.ts';
import { technologyPayment, technologyWithholding } from './technology.ts';

/** Everything the venture itself pays and earns, year by year (§3–§6 before funding). */
export interface VentureYears<T> extends ProductionYears<T>, CostYears<T> {
  years: number;
  startYear: number;
  /** 0-based index of the first year with V_k > 0; N when there is none. */
  firstProduction: number;
  royalty: T[];
  community: T[];
  /** technologyByAgreement[t][k] and its withholding. */
  technologyByAgreement: T[][];
  technologyWithholdingByAgreement: T[][];
  technology: T[];
  resourceRentTax: T[];
  depreciation: T[];
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

export function ventureYears<T>(ar: Arithmetic<T>, v: VentureInputs<T>, deal: DealTerms<T>): VentureYears<T> {
  const n = v.years;
  const p = production(ar, v, deal);
  const c = costs(ar, v, p);
  const firstIndex = p.volume.findIndex((vol) => ar.sign(vol) > 0);
  const firstProduction = firstIndex < 0 ? n : firstIndex;

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

  const dep = depreciation(ar, c.capex, deal.incomeTax.depreciationYears, firstProduction);
  const taxableIncome = p.revenue.map((revenue, k) =>
    less(ar, revenue, royaltyYears[k]!, c.opex[k]!, c.selling[k]!, technology[k]!, community[k]!, c.closure[k]!, dep[k]!, resourceRentTax[k]!));
  const used = lossesUsed(ar, taxableIncome, deal.incomeTax.lossCarryForwardYears);
  const incomeTax = taxableIncome.map((ti, k) => ar.money(ar.mul(deal.incomeTax.rate, ar.max(ar.zero, ar.sub(ti, used[k]!)))));

  const freeCashFlow = p.revenue.map((revenue, k) => less(ar, revenue, royaltyYears[k]!, c.opex[k]!, c.selling[k]!, community[k]!,
    technology[k]!, c.closure[k]!, c.capex[k]!, c.deltaWorkingCapital[k]!, incomeTax[k]!, resourceRentTax[k]!));
  const preTaxNetCashFlow = p.marketRevenue.map((rm, k) => less(ar, rm, c.opex[k]!, c.selling[k]!, c.capex[k]!, c.closure[k]!, c.deltaWorkingCapital[k]!));

  return {
    ...p, ...c, years: n, startYear: v.startYear, firstProduction,
    royalty: royaltyYears, community, technologyByAgreement, technologyWithholdingByAgreement, technology,
    resourceRentTax, depreciation: dep, taxableIncome, incomeTax, freeCashFlow, preTaxNetCashFlow,
  };
}
