import type { Arithmetic } from './arithmetic.ts';
import type { PriceSupportTerms } from './model.ts';
import { isActive } from './production.ts';

/**
 * §11 Government price support, contract c in an active year k:
 *   Sup_c,k  = payability × V_k × s_c × max(0, K_c − P_k)
 *   Claw_c,k = payability × V_k × s_c × u_c × max(0, P_k − Cap_c)   (0 without a cap)
 *   PS_c,k   = Sup_c,k − Claw_c,k;   PS_k = Σ_c PS_c,k
 * The reference is always the market price P_k; strikes and caps are nominal, never escalated.
 */
export function priceSupport<T>(
  ar: Arithmetic<T>, contracts: readonly PriceSupportTerms<T>[], payability: T, volume: T, price: T, year: number,
): T {
  let total = ar.zero;
  for (const c of contracts) {
    if (!isActive(year, c.fromYear, c.toYear) || ar.sign(c.share) === 0) continue;
    const covered = ar.mul(ar.mul(payability, volume), c.share);
    const support = ar.money(ar.mul(covered, ar.max(ar.zero, ar.sub(c.strike, price))));
    const clawback = c.upside === null
      ? ar.zero
      : ar.money(ar.mul(ar.mul(covered, c.upside.share), ar.max(ar.zero, ar.sub(price, c.upside.capPrice))));
    total = ar.add(total, ar.sub(support, clawback));
  }
  return total;
}
