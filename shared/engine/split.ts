import type { Arithmetic } from './arithmetic.ts';

/**
 * §1 Splits: shares of `amount` by `weights`, in the given order. A zero weight receives exactly
 * zero and does not count; every other recipient but the last receives (w / Σw) × amount,
 * rounded by `round`; the last receives the remainder, so the shares sum to `amount` exactly.
 * Returns all zeros when no weight is positive.
 */
export function split<T>(ar: Arithmetic<T>, amount: T, weights: readonly T[], round: (x: T) => T = ar.money): T[] {
  const shares = weights.map(() => ar.zero);
  let total = ar.zero;
  let last = -1;
  weights.forEach((w, i) => {
    if (ar.sign(w) !== 0) {
      total = ar.add(total, w);
      last = i;
    }
  });
  if (last < 0 || ar.sign(total) === 0) return shares;
  let allocated = ar.zero;
  for (let i = 0; i < last; i++) {
    const w = weights[i]!;
    if (ar.sign(w) === 0) continue;
    const share = round(ar.div(ar.mul(w, amount), total));
    shares[i] = share;
    allocated = ar.add(allocated, share);
  }
  shares[last] = ar.sub(amount, allocated);
  return shares;
}
