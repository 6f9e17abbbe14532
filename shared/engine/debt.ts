import type { Arithmetic } from './arithmetic.ts';
import type { DebtTerms } from './model.ts';
import { isActive } from './production.ts';

/** §14 One tranche's schedule, nominal, one entry per year. */
export interface TrancheYears<T> {
  drawdown: T[];
  interest: T[];
  principal: T[];
  /** Closing balance B_k. */
  balance: T[];
  withholding: T[];
}

/** §14 All tranches and their sums per year. */
export interface DebtYears<T> {
  tranches: TrancheYears<T>[];
  drawdown: T[];
  interest: T[];
  principal: T[];
  /** Σ_d B_d,k, closing. */
  balance: T[];
  withholding: T[];
}

/**
 * §14 Drawdowns: q_k = γ × Capex_k in the window, or Σ amount dated year k;
 *   Draw_k = min(q_k, maxAmount − Σ_(j<k) Draw_j)  (without maxAmount, Draw_k = q_k).
 */
function drawdowns<T>(ar: Arithmetic<T>, d: DebtTerms<T>, capex: readonly T[], startYear: number): T[] {
  let drawn = ar.zero;
  return capex.map((c, k) => {
    const year = startYear + k;
    const basis = d.drawdown;
    let wanted = ar.zero;
    if (basis.basis === 'gearing') {
      if (isActive(year, basis.fromYear, basis.toYear)) wanted = ar.money(ar.mul(basis.gearing, c));
    } else {
      for (const entry of basis.amounts) if (entry.year === year) wanted = ar.add(wanted, entry.amount);
    }
    const draw = d.maxAmount === null ? wanted : ar.min(wanted, ar.sub(d.maxAmount, drawn));
    drawn = ar.add(drawn, draw);
    return draw;
  });
}

/**
 * §14 Schedule of one tranche. L = last year with Draw_k > 0, G = grace, T = tenor; repayment
 * years L+G+1 … L+G+T. With B_0 = 0, for k = 1 … N:
 *   Int_k = i × B_(k−1)
 *   Prin_k = B_(k−1) + Draw_k (k = N); B_(k−1) (k = L+G+T); B* ÷ T (equal principal) or
 *            A − Int_k, A = B* × i / (1 − (1 + i)^−T) (annuity; B* ÷ T when i = 0), in between; else 0
 *   B_k = B_(k−1) + Draw_k − Prin_k;  WHTint_k = withholding.interest × Int_k for a foreign lender.
 */
export function trancheSchedule<T>(ar: Arithmetic<T>, d: DebtTerms<T>, capex: readonly T[], startYear: number, interestWithholding: T): TrancheYears<T> {
  const n = capex.length;
  const draw = drawdowns(ar, d, capex, startYear);
  const zeros = () => draw.map(() => ar.zero);
  let last = -1;
  draw.forEach((x, k) => { if (ar.sign(x) > 0) last = k; });
  if (last < 0) return { drawdown: zeros(), interest: zeros(), principal: zeros(), balance: zeros(), withholding: zeros() };

  const total = draw.reduce((s, x) => ar.add(s, x), ar.zero);
  const firstRepayment = last + d.graceYears + 1;
  const finalRepayment = last + d.graceYears + d.tenorYears;
  const i = d.interestRate;
  const tenor = ar.of(d.tenorYears);
  const instalment = d.repayment === 'equal-principal' || ar.sign(i) === 0
    ? ar.money(ar.div(total, tenor))
    : ar.money(ar.div(ar.mul(total, i), ar.sub(ar.one, ar.powInt(ar.add(ar.one, i), -d.tenorYears))));
  const withholdingRate = d.foreign ? interestWithholding : ar.zero;

  const out: TrancheYears<T> = { drawdown: draw, interest: [], principal: [], balance: [], withholding: [] };
  let opening = ar.zero;
  for (let k = 0; k < n; k++) {
    const interest = ar.money(ar.mul(i, opening));
    let principal: T;
    if (k === n - 1) principal = ar.add(opening, draw[k]!);
    else if (k === finalRepayment) principal = opening;
    else if (k >= firstRepayment && k < finalRepayment) {
      principal = d.repayment === 'equal-principal' ? instalment : ar.sub(instalment, interest);
    } else principal = ar.zero;
    const closing = ar.sub(ar.add(opening, draw[k]!), principal);
    out.interest.push(interest);
    out.principal.push(principal);
    out.balance.push(closing);
    out.withholding.push(ar.sign(withholdingRate) === 0 ? ar.zero : ar.money(ar.mul(withholdingRate, interest)));
    opening = closing;
  }
  return out;
}

export function debtSchedule<T>(ar: Arithmetic<T>, tranches: readonly DebtTerms<T>[], capex: readonly T[], startYear: number, interestWithholding: T): DebtYears<T> {
  const schedules = tranches.map((d) => trancheSchedule(ar, d, capex, startYear, interestWithholding));
  const sum = (field: keyof TrancheYears<T>) => capex.map((_, k) => schedules.reduce((s, t) => ar.add(s, t[field][k]!), ar.zero));
  return {
    tranches: schedules,
    drawdown: sum('drawdown'),
    interest: sum('interest'),
    principal: sum('principal'),
    balance: sum('balance'),
    withholding: sum('withholding'),
  };
}
