import type { DebtTerms } from '../engine/model.ts';
import { isActive } from '../engine/production.ts';

/**
 * §14 The loans of a structure for the simulation kernel: engine/debt.ts (`trancheSchedule`,
 * `debtSchedule`) in float on typed arrays, in the same order of operations. A tranche of dated
 * drawdowns does not depend on the draws, so its schedule is computed once; a geared one follows
 * each iteration's Capex_k. For every tranche, with L the last year with Draw_k > 0:
 *   Draw_k = min(q_k, maxAmount − Σ_(j<k) Draw_j);  Int_k = i × B_(k−1);
 *   Prin_k = B_(k−1) + Draw_k (k = N); B_(k−1) (k = L+G+T); B* ÷ T or A − Int_k in L+G+1 … L+G+T−1; else 0;
 *   B_k = B_(k−1) + Draw_k − Prin_k;  WHTint_k = rate × Int_k (foreign lender);
 *   LF_k = −Draw_k + Int_k − WHTint_k + Prin_k (the lender's flow, §10).
 */
export interface DebtKernel {
  /** Sums over tranches, per year. */
  readonly drawdown: Float64Array;
  readonly interest: Float64Array;
  readonly principal: Float64Array;
  /** Σ_d B_d,k, closing. */
  readonly balance: Float64Array;
  readonly withholding: Float64Array;
  /** Recomputes the schedules that depend on Capex_k. */
  run(capex: Float64Array): void;
  /** Σ LF_d,k over the tranches lent by partner `lenderIndex` (−1: external). */
  lending(lenderIndex: number, k: number): number;
}

interface Tranche {
  terms: DebtTerms<number>;
  /** Gearing: γ and 1 in the drawing window; dated: the amounts per year. */
  gearing: number;
  window: Uint8Array | null;
  dated: Float64Array | null;
  withholdingRate: number;
  annuityDenominator: number;
  draw: Float64Array;
  interest: Float64Array;
  principal: Float64Array;
  balance: Float64Array;
  withholding: Float64Array;
  lenderFlow: Float64Array;
}

export function createDebtKernel(tranches: readonly DebtTerms<number>[], n: number, startYear: number, interestWithholding: number): DebtKernel {
  const f64 = () => new Float64Array(n);
  const all: Tranche[] = tranches.map((terms) => {
    const basis = terms.drawdown;
    let window: Uint8Array | null = null;
    let dated: Float64Array | null = null;
    if (basis.basis === 'gearing') window = Uint8Array.from({ length: n }, (_, k) => (isActive(startYear + k, basis.fromYear, basis.toYear) ? 1 : 0));
    else {
      dated = f64();
      for (let k = 0; k < n; k++) {
        let wanted = 0;
        for (const entry of basis.amounts) if (entry.year === startYear + k) wanted = wanted + entry.amount;
        dated[k] = wanted;
      }
    }
    return {
      terms, window, dated, gearing: basis.basis === 'gearing' ? basis.gearing : 0,
      withholdingRate: terms.foreign ? interestWithholding : 0,
      annuityDenominator: 1 - (1 + terms.interestRate) ** -terms.tenorYears,
      draw: f64(), interest: f64(), principal: f64(), balance: f64(), withholding: f64(), lenderFlow: f64(),
    };
  });
  const totals = { drawdown: f64(), interest: f64(), principal: f64(), balance: f64(), withholding: f64() };

  function schedule(t: Tranche, capex: Float64Array): void {
    const d = t.terms;
    let drawn = 0;
    let last = -1;
    let total = 0;
    for (let k = 0; k < n; k++) {
      const wanted = t.window !== null ? (t.window[k] ? t.gearing * capex[k]! : 0) : t.dated![k]!;
      const draw = d.maxAmount === null ? wanted : Math.min(wanted, d.maxAmount - drawn);
      drawn = drawn + draw;
      t.draw[k] = draw;
      if (draw > 0) last = k;
      total = total + draw;
    }
    if (last < 0) {
      for (const row of [t.draw, t.interest, t.principal, t.balance, t.withholding, t.lenderFlow]) row.fill(0);
      return;
    }
    const firstRepayment = last + d.graceYears + 1;
    const finalRepayment = last + d.graceYears + d.tenorYears;
    const i = d.interestRate;
    const equal = d.repayment === 'equal-principal';
    const instalment = equal || i === 0 ? total / d.tenorYears : (total * i) / t.annuityDenominator;
    let opening = 0;
    for (let k = 0; k < n; k++) {
      const interest = i * opening;
      let principal = 0;
      if (k === n - 1) principal = opening + t.draw[k]!;
      else if (k === finalRepayment) principal = opening;
      else if (k >= firstRepayment && k < finalRepayment) principal = equal ? instalment : instalment - interest;
      const closing = opening + t.draw[k]! - principal;
      const withholding = t.withholdingRate === 0 ? 0 : t.withholdingRate * interest;
      t.interest[k] = interest;
      t.principal[k] = principal;
      t.balance[k] = closing;
      t.withholding[k] = withholding;
      t.lenderFlow[k] = interest - t.draw[k]! - withholding + principal;
      opening = closing;
    }
  }

  for (const t of all) if (t.dated !== null) schedule(t, f64());
  const geared = all.filter((t) => t.window !== null);

  return {
    ...totals,
    run(capex) {
      if (all.length === 0) return;
      for (const t of geared) schedule(t, capex);
      for (let k = 0; k < n; k++) {
        let draw = 0;
        let interest = 0;
        let principal = 0;
        let balance = 0;
        let withholding = 0;
        for (const t of all) {
          draw = draw + t.draw[k]!;
          interest = interest + t.interest[k]!;
          principal = principal + t.principal[k]!;
          balance = balance + t.balance[k]!;
          withholding = withholding + t.withholding[k]!;
        }
        totals.drawdown[k] = draw;
        totals.interest[k] = interest;
        totals.principal[k] = principal;
        totals.balance[k] = balance;
        totals.withholding[k] = withholding;
      }
    },
    lending(lenderIndex, k) {
      let sum = 0;
      for (let d = 0; d < all.length; d++) if (tranches[d]!.lenderIndex === lenderIndex) sum = sum + all[d]!.lenderFlow[k]!;
      return sum;
    },
  };
}
