import type { Arithmetic } from './arithmetic.ts';

/** §7 paybackYear: first year whose cumulative real flow is ≥ 0 after a year in which it was < 0. */
export function paybackYear<T>(ar: Arithmetic<T>, real: readonly T[], startYear: number): number | null {
  let cumulative = ar.zero;
  let wasNegative = false;
  for (let k = 0; k < real.length; k++) {
    cumulative = ar.add(cumulative, real[k]!);
    if (ar.sign(cumulative) < 0) wasNegative = true;
    else if (wasNegative) return startYear + k;
  }
  return null;
}

/** §7 peakExposure = max(0, −min_k cumulative real flow). */
export function peakExposure<T>(ar: Arithmetic<T>, real: readonly T[]): T {
  let cumulative = ar.zero;
  let lowest = ar.zero;
  for (const x of real) {
    cumulative = ar.add(cumulative, x);
    lowest = ar.min(lowest, cumulative);
  }
  return ar.neg(lowest);
}

/** A ratio that is null when its denominator is not positive (§7). */
export function ratio<T>(ar: Arithmetic<T>, numerator: T, denominator: T): T | null {
  return ar.sign(denominator) > 0 ? ar.div(numerator, denominator) : null;
}
