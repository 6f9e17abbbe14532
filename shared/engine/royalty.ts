import type { Arithmetic } from './arithmetic.ts';
import { changedRoyaltyRate } from './fiscal-change.ts';
import type { DealTerms } from './model.ts';

type Bands<T> = DealTerms<T>['royalty']['bands'];

/** §5 Royalty: the band rate at the nominal market price, step or linear. */
export function royaltyRate<T>(ar: Arithmetic<T>, bands: Bands<T>, interpolate: boolean, price: T): T {
  let i = 0;
  while (i + 1 < bands.length && ar.cmp(bands[i + 1]!.fromPrice, price) <= 0) i++;
  const band = bands[i]!;
  const next = bands[i + 1];
  if (!interpolate || next === undefined) return band.rate;
  const position = ar.div(ar.sub(price, band.fromPrice), ar.sub(next.fromPrice, band.fromPrice));
  return ar.add(band.rate, ar.mul(ar.sub(next.rate, band.rate), position));
}

/** Roy_k = rate_k × base_k; `rateAdd` is a fiscal change's royaltyRateAdd in a changed year (§15). */
export function royalty<T>(ar: Arithmetic<T>, deal: DealTerms<T>, price: T, revenue: T, selling: T, rateAdd: T | null = null): T {
  const r = deal.royalty;
  const base = r.base === 'gross' ? revenue : ar.max(ar.zero, ar.sub(revenue, selling));
  return ar.money(ar.mul(changedRoyaltyRate(ar, royaltyRate(ar, r.bands, r.interpolate, price), rateAdd), base));
}
