import type { Arithmetic } from './arithmetic.ts';
import type { DealTerms } from './model.ts';

type IncomeTaxTerms<T> = DealTerms<T>['incomeTax'];

/**
 * §13 Holiday and §15 fiscal change: the CIT rate of every year.
 *   t_k = 0 for Pfirst ≤ k ≤ Pfirst + H − 1; otherwise incomeTaxRate of the fiscal change in
 *   calendar years ≥ Y (where it sets one), else incomeTax.rate.
 * `firstProduction` is 0-based (N when nothing is produced: no holiday).
 */
export function incomeTaxRates<T>(
  ar: Arithmetic<T>, tax: IncomeTaxTerms<T>, years: number, startYear: number, firstProduction: number,
  changedFrom: number | null, changedRate: T | null,
): T[] {
  return Array.from({ length: years }, (_, k) => {
    if (k >= firstProduction && k < firstProduction + tax.holidayYears) return ar.zero;
    if (changedFrom !== null && changedRate !== null && startYear + k >= changedFrom) return changedRate;
    return tax.rate;
  });
}

/** §13 Investment allowance: IA_k = u × Bdep_k = u × (Capex_k − Grant_k). */
export function investmentAllowances<T>(ar: Arithmetic<T>, rate: T, depreciableBase: readonly T[]): T[] {
  return depreciableBase.map((base) => (ar.sign(rate) === 0 ? ar.zero : ar.money(ar.mul(rate, base))));
}

/**
 * §13 Declining-balance depreciation, per vintage j with Bdep_j > 0, from s_j = max(j, Pfirst),
 * balance b = Bdep_j, for i = 0, 1, … in year y = s_j + i:
 *   y = N or i = D − 1: the instalment is b (all of it);
 *   otherwise instalment = max(ρ × b, b / (D − i)) (each term rounded), b = b − instalment.
 * If s_j > N, all of Bdep_j is deducted in year N.
 */
export function decliningBalanceDepreciation<T>(ar: Arithmetic<T>, bases: readonly T[], life: number, rate: T, firstProduction: number): T[] {
  const n = bases.length;
  const dep = bases.map(() => ar.zero);
  bases.forEach((base, j) => {
    if (ar.sign(base) <= 0) return;
    const start = Math.max(j, firstProduction);
    if (start >= n) {
      dep[n - 1] = ar.add(dep[n - 1]!, base);
      return;
    }
    let balance = base;
    for (let i = 0; ; i++) {
      const y = start + i;
      if (y === n - 1 || i === life - 1) {
        dep[y] = ar.add(dep[y]!, balance);
        return;
      }
      const instalment = ar.max(ar.money(ar.mul(rate, balance)), ar.money(ar.div(balance, ar.of(life - i))));
      dep[y] = ar.add(dep[y]!, instalment);
      balance = ar.sub(balance, instalment);
    }
  });
  return dep;
}

/**
 * §13 Interest deduction under thin capitalisation, with Debt_k the opening balances and Eq_k the
 * cash calls before year k:
 *   IntDed_k = Int_k if θ is null or Debt_k ≤ θ × Eq_k;  otherwise Int_k × θ × Eq_k / Debt_k.
 */
export function deductibleInterest<T>(ar: Arithmetic<T>, interest: T, ratio: T | null, openingDebt: T, equityCalled: T): T {
  if (ratio === null || ar.sign(interest) === 0) return interest;
  const allowedDebt = ar.mul(ratio, equityCalled);
  if (ar.cmp(openingDebt, allowedDebt) <= 0) return interest;
  return ar.money(ar.div(ar.mul(ar.mul(interest, ratio), equityCalled), openingDebt));
}
