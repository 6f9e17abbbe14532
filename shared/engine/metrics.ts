import type { Arithmetic } from './arithmetic.ts';

/**
 * §7 over one real flow's cumulative sum, in one pass: the total Σ_k real_k; paybackYear, the
 * first year whose cumulative real flow is ≥ 0 after a year in which it was < 0; and
 * peakExposure = max(0, −min_k cumulative real flow).
 */
export function cumulativeMetrics<T>(ar: Arithmetic<T>, real: readonly T[], startYear: number): { total: T; paybackYear: number | null; peakExposure: T } {
  let cumulative = ar.zero;
  let lowest = ar.zero;
  let wasNegative = false;
  let payback: number | null = null;
  for (let k = 0; k < real.length; k++) {
    cumulative = ar.add(cumulative, real[k]!);
    lowest = ar.min(lowest, cumulative);
    if (ar.sign(cumulative) < 0) wasNegative = true;
    else if (wasNegative && payback === null) payback = startYear + k;
  }
  return { total: cumulative, paybackYear: payback, peakExposure: ar.neg(lowest) };
}

/** A ratio that is null when its denominator is not positive (§7). */
export function ratio<T>(ar: Arithmetic<T>, numerator: T, denominator: T): T | null {
  return ar.sign(denominator) > 0 ? ar.div(numerator, denominator) : null;
}
