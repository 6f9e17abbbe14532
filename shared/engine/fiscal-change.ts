import type { Arithmetic } from './arithmetic.ts';
import type { DealTerms, FiscalChangeTerms } from './model.ts';

/**
 * §15 The first calendar year Y from which a fiscal change reaches the structure:
 *   Y = fromYear;  stabilised: Y = max(fromYear, stabilizedUntilYear + 1), never without an end year.
 * null when the change never applies.
 */
export function fiscalChangeStart<T>(deal: DealTerms<T>, change: FiscalChangeTerms<T> | null): number | null {
  if (change === null) return null;
  if (!deal.stabilized) return change.fromYear;
  return deal.stabilizedUntilYear === null ? null : Math.max(change.fromYear, deal.stabilizedUntilYear + 1);
}

/** §15 The royalty rate in a changed year: min(1, max(0, rate_k + royaltyRateAdd)). */
export function changedRoyaltyRate<T>(ar: Arithmetic<T>, rate: T, add: T | null): T {
  return add === null ? rate : ar.min(ar.one, ar.max(ar.zero, ar.add(rate, add)));
}
