import type { Arithmetic } from './arithmetic.ts';
import { capitalGrants } from './capital-grant.ts';
import { costs, workingCapitalChanges, type CostYears } from './costs.ts';
import { debtSchedule, type DebtYears } from './debt.ts';
import { debtService, type DebtServiceYears } from './debt-service.ts';
import { fiscalChangeStart } from './fiscal-change.ts';
import { depreciation, lossPool } from './income-tax.ts';
import type { DealTerms, VentureInputs } from './model.ts';
import { priceSupport } from './price-support.ts';
import { revenues, volumes, type RevenueYears, type VolumeYears } from './production.ts';
import { royalty } from './royalty.ts';
import { decliningBalanceDepreciation, deductibleInterest, incomeTaxRates, investmentAllowances } from './tax-incentives.ts';
import { technologyPayment, technologyWithholding } from './technology.ts';

/**
 * The part of the venture's years that prices do not change (§10 steps 1, 3, 4 and 7): volumes,
 * costs, grants, the debt schedule, depreciation, the investment allowance and the CIT rates.
 */
export interface FixedYears<T> extends VolumeYears<T>, CostYears<T> {
  years: number;
  startYear: number;
  /** 0-based index of the first year with V_k > 0; N when there is none. */
  firstProduction: number;
  /** §12 Init_k and Grant_k. */
  initialCapex: T[];
  grant: T[];
  debt: DebtYears<T>;
  depreciation: T[];
  investmentAllowance: T[];
  /** §13, §15 t_k. */
  incomeTaxRate: T[];
  /** §15 the first calendar year with changed terms, or null. */
  fiscalChangeFrom: number | null;
}

/** Everything the venture itself pays and earns, year by year (§3–§6 and §10 before funding). */
export interface VentureYears<T> extends FixedYears<T>, RevenueYears<T>, DebtServiceYears<T> {
  priceSupport: T[];
  deltaWorkingCapital: T[];
  royalty: T[];
  community: T[];
  /** technologyByAgreement[t][k] and its withholding. */
  technologyByAgreement: T[][];
  technologyWithholdingByAgreement: T[][];
  technology: T[];
  resourceRentTax: T[];
  interestDeductible: T[];
  taxableIncome: T[];
  incomeTax: T[];
  /** Fpre_k. */
  cashFlowBeforeFinancing: T[];
  /** F_k, the equity cash flow after debt. */
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
  const initialCapex = v.series.initial.map((x, k) => ar.money(ar.mul(x, q.escalation[k]!)));
  const grant = capitalGrants(ar, deal.capitalGrant, initialCapex);
  const base = deal.capitalGrant === null ? c.capex : c.capex.map((x, k) => ar.sub(x, grant[k]!));
  const tax = deal.incomeTax;
  const depreciationYears = tax.depreciation.method === 'declining-balance'
    ? decliningBalanceDepreciation(ar, base, tax.depreciationYears, tax.depreciation.rate, firstProduction)
    : depreciation(ar, base, tax.depreciationYears, firstProduction);
  const fiscalChangeFrom = fiscalChangeStart(deal, v.fiscalChange);
  return {
    ...q, ...c, years: v.years, startYear: v.startYear, firstProduction,
    initialCapex,
    grant,
    debt: debtSchedule(ar, deal.debt, c.capex, v.startYear, deal.withholding.interest),
    depreciation: depreciationYears,
    investmentAllowance: investmentAllowances(ar, tax.investmentAllowance, base),
    incomeTaxRate: incomeTaxRates(ar, tax, v.years, v.startYear, firstProduction, fiscalChangeFrom, v.fiscalChange?.incomeTaxRate ?? null),
    fiscalChangeFrom,
  };
}

/**
 * The venture's years under the price deck `prices` (by default the inputs' own), in the order
 * of §10; `fixed` may be passed in when only prices change between runs (breakeven search,
 * price sampling).
 */
export function ventureYears<T>(
  ar: Arithmetic<T>, v: VentureInputs<T>, deal: DealTerms<T>,
  fixed: FixedYears<T> = fixedYears(ar, v, deal), prices: readonly T[] = v.series.prices,
): VentureYears<T> {
  const n = v.years;
  const c = fixed;
  const p = revenues(ar, v, deal, fixed, prices);
  const deltaWorkingCapital = workingCapitalChanges(ar, v.workingCapitalRate, p.revenue);
  const royaltyAdd = v.fiscalChange?.royaltyRateAdd ?? null;

  const support: T[] = [];
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
    const price = p.marketPrice[k]!;
    support.push(priceSupport(ar, deal.priceSupport, v.payability, c.volume[k]!, price, year));
    const changed = c.fiscalChangeFrom !== null && year >= c.fiscalChangeFrom;
    royaltyYears.push(royalty(ar, deal, price, revenue, c.selling[k]!, changed ? royaltyAdd : null));
    community.push(ar.money(ar.mul(deal.communityShare, revenue)));
    deal.technology.forEach((t, i) => {
      const payment = technologyPayment(ar, t, year, revenue);
      technologyByAgreement[i]!.push(payment);
      technologyWithholdingByAgreement[i]!.push(technologyWithholding(ar, t, deal.withholding.technology, payment));
    });
    technology.push(sumAt(ar, technologyByAgreement, k));
    if (rrt) {
      // §10 step 6: Base_k = R_k + PS_k − Roy_k − Opex_k − Sell_k − Tech_k − Comm_k − (Capex_k − Grant_k) − Closure_k
      const base = less(ar, ar.add(revenue, support[k]!), royaltyYears[k]!, c.opex[k]!, c.selling[k]!, technology[k]!, community[k]!,
        ar.sub(c.capex[k]!, c.grant[k]!), c.closure[k]!);
      accumulated = ar.add(ar.money(ar.mul(accumulated, accumulation)), base);
      // A positive balance is taxed and cleared; a negative one carries forward (no branch on
      // its sign, for the interval arithmetic of the breakeven proofs).
      resourceRentTax.push(ar.money(ar.mul(rrt.rate, ar.max(ar.zero, accumulated))));
      accumulated = ar.min(ar.zero, accumulated);
    } else resourceRentTax.push(ar.zero);
  }

  // §10 step 8, year by year: the thin-capitalisation test of year k needs F_1 … F_(k−1).
  const debt = c.debt;
  const useLosses = lossPool(ar, deal.incomeTax.lossCarryForwardYears);
  const interestDeductible: T[] = [];
  const taxableIncome: T[] = [];
  const incomeTax: T[] = [];
  const beforeFinancing: T[] = [];
  const freeCashFlow: T[] = [];
  let equityCalled = ar.zero;
  let openingDebt = ar.zero;
  for (let k = 0; k < n; k++) {
    const revenue = ar.add(p.revenue[k]!, support[k]!);
    const deductible = deductibleInterest(ar, debt.interest[k]!, deal.incomeTax.thinCapRatio, openingDebt, equityCalled);
    const ti = less(ar, revenue, royaltyYears[k]!, c.opex[k]!, c.selling[k]!, technology[k]!, community[k]!, c.closure[k]!,
      c.depreciation[k]!, c.investmentAllowance[k]!, deductible, resourceRentTax[k]!);
    const cit = ar.money(ar.mul(c.incomeTaxRate[k]!, ar.max(ar.zero, ar.sub(ti, useLosses(k, ti)))));
    const fpre = ar.add(less(ar, revenue, royaltyYears[k]!, c.opex[k]!, c.selling[k]!, community[k]!, technology[k]!, c.closure[k]!,
      c.capex[k]!), c.grant[k]!);
    const fpreAfterTax = less(ar, fpre, deltaWorkingCapital[k]!, cit, resourceRentTax[k]!);
    // F_k = Fpre_k + (Draw_k − Int_k − Prin_k): the same in decimal (sums are exact); in float the
    // loan's own flows, which largely cancel (a drawdown repaid in the same year), are netted
    // first, so a large loan cannot cost a small venture's cash flow its precision.
    const f = ar.add(fpreAfterTax, less(ar, debt.drawdown[k]!, debt.interest[k]!, debt.principal[k]!));
    interestDeductible.push(deductible);
    taxableIncome.push(ti);
    incomeTax.push(cit);
    beforeFinancing.push(fpreAfterTax);
    freeCashFlow.push(f);
    // Eq_k grows by every cash call: min(0, F_k), written without a branch on the sign of F_k.
    equityCalled = ar.sub(equityCalled, ar.min(ar.zero, f));
    openingDebt = debt.balance[k]!;
  }
  const preTaxNetCashFlow = p.marketRevenue.map((rm, k) => less(ar, rm, c.opex[k]!, c.selling[k]!, c.capex[k]!, c.closure[k]!, deltaWorkingCapital[k]!));

  return {
    ...fixed, ...p, priceSupport: support, deltaWorkingCapital,
    royalty: royaltyYears, community, technologyByAgreement, technologyWithholdingByAgreement, technology,
    resourceRentTax, interestDeductible, taxableIncome, incomeTax, cashFlowBeforeFinancing: beforeFinancing, freeCashFlow, preTaxNetCashFlow,
    ...debtService(ar, beforeFinancing, fixed.initialCapex, fixed.grant, debt.interest, debt.principal),
  };
}
