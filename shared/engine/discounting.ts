import type { Arithmetic } from './arithmetic.ts';
import type { Discounting } from './interchange.ts';

/** §1 DF_k = (1 + r)^−k (end-year) or (1 + r)^−(k − 0.5) (mid-year), k = 1 … N. */
export function discountFactors<T>(ar: Arithmetic<T>, rate: T, convention: Discounting, years: number): T[] {
  const growth = ar.add(ar.one, rate);
  const step = ar.div(ar.one, growth);
  let factor = convention === 'mid-year' ? ar.div(ar.one, ar.sqrt(growth)) : step;
  const factors: T[] = [];
  for (let k = 0; k < years; k++) {
    factors.push(factor);
    factor = ar.mul(factor, step);
  }
  return factors;
}

/** Σ x_k × w_k: real flows with discount factors, or nominal flows with DF_k / E_k. */
export function presentValue<T>(ar: Arithmetic<T>, flows: readonly T[], weights: readonly T[]): T {
  let pv = ar.zero;
  // No test for zero flows: the arithmetic skips zero operands itself, and a branch here would
  // be a comparison that interval arithmetic (the breakeven proofs) cannot always decide.
  flows.forEach((x, k) => {
    pv = ar.add(pv, ar.mul(x, weights[k]!));
  });
  return pv;
}

export function total<T>(ar: Arithmetic<T>, values: readonly T[]): T {
  return values.reduce((s, x) => ar.add(s, x), ar.zero);
}
