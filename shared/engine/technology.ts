import type { Arithmetic } from './arithmetic.ts';
import type { TechnologyTerms } from './model.ts';
import { isActive } from './production.ts';

/** §5 Technology transfer: one agreement's payment in one year, and its withholding. */
export function technologyPayment<T>(ar: Arithmetic<T>, t: TechnologyTerms<T>, year: number, revenue: T): T {
  let payment = ar.zero;
  for (const fee of t.fees) if (fee.year === year) payment = ar.add(payment, fee.amount);
  if (isActive(year, t.royaltyFromYear, t.royaltyToYear)) {
    const running = ar.money(ar.mul(t.royaltyRate, revenue));
    payment = ar.add(payment, t.royaltyCapPerYear === null ? running : ar.min(t.royaltyCapPerYear, running));
  }
  return payment;
}

export function technologyWithholding<T>(ar: Arithmetic<T>, t: TechnologyTerms<T>, rate: T, payment: T): T {
  return t.foreign ? ar.money(ar.mul(rate, payment)) : ar.zero;
}
