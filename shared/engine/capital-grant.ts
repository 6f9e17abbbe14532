import type { Arithmetic } from './arithmetic.ts';
import type { DealTerms } from './model.ts';

/**
 * §12 Capital grants, in year order because of the cap:
 *   Grant_k = min(g × Init_k, cap − Σ_(j<k) Grant_j);  without a cap Grant_k = g × Init_k
 * where Init_k = initial_k × E_k is the initial part of Capex_k.
 */
export function capitalGrants<T>(ar: Arithmetic<T>, grant: DealTerms<T>['capitalGrant'], initialCapex: readonly T[]): T[] {
  if (grant === null) return initialCapex.map(() => ar.zero);
  let granted = ar.zero;
  return initialCapex.map((init) => {
    const due = ar.money(ar.mul(grant.share, init));
    const amount = grant.cap === null ? due : ar.min(due, ar.sub(grant.cap, granted));
    granted = ar.add(granted, amount);
    return amount;
  });
}
