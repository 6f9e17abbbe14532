import type { Arithmetic } from './arithmetic.ts';
import type { DealTerms, VentureInputs } from './model.ts';

/** §3 Sales volumes: they do not depend on prices. */
export interface VolumeYears<T> {
  escalation: T[];
  volume: T[];
}

/** §3 Prices and revenue, one entry per year. */
export interface RevenueYears<T> {
  marketPrice: T[];
  marketRevenue: T[];
  /** margins[o][k]: offtake o's margin to its offtaker in year k. */
  offtakeMargins: T[][];
  revenue: T[];
}

/** E_k = (1 + π)^(k−1). */
function escalationIndex<T>(ar: Arithmetic<T>, inflation: T, years: number): T[] {
  const growth = ar.add(ar.one, inflation);
  const index: T[] = [ar.one];
  for (let k = 1; k < years; k++) index.push(ar.mul(index[k - 1]!, growth));
  return index;
}

export function isActive(year: number, fromYear: number | null, toYear: number | null): boolean {
  return (fromYear === null || year >= fromYear) && (toYear === null || year <= toYear);
}

export function volumes<T>(ar: Arithmetic<T>, v: VentureInputs<T>, deal: DealTerms<T>): VolumeYears<T> {
  const uplift = deal.technology.reduce((sum, t) => ar.add(sum, t.recoveryUplift), ar.zero);
  const s = v.series;
  const volume = s.oreMined.map((ore, k) => {
    const recovery = ar.sign(s.recovery[k]!) > 0 ? ar.min(ar.one, ar.add(s.recovery[k]!, uplift)) : ar.zero;
    return ar.mul(ar.mul(ar.mul(ore, s.grade[k]!), recovery), v.productFactor);
  });
  return { escalation: escalationIndex(ar, v.inflation, v.years), volume };
}

/** Market price, market revenue, offtake margins and venture revenue for a real price deck. */
export function revenues<T>(ar: Arithmetic<T>, v: VentureInputs<T>, deal: DealTerms<T>, q: VolumeYears<T>, prices: readonly T[]): RevenueYears<T> {
  const out: RevenueYears<T> = { marketPrice: [], marketRevenue: [], offtakeMargins: deal.offtake.map(() => []), revenue: [] };
  for (let k = 0; k < v.years; k++) {
    const year = v.startYear + k;
    // Unit prices are never rounded (§1); the amounts computed from them are.
    const price = ar.mul(prices[k]!, q.escalation[k]!);
    const paidVolume = ar.mul(v.payability, q.volume[k]!);
    const rm = ar.money(ar.mul(paidVolume, price));
    let margins = ar.zero;
    for (let i = 0; i < deal.offtake.length; i++) {
      const o = deal.offtake[i]!;
      let margin = ar.zero;
      if (isActive(year, o.fromYear, o.toYear) && ar.sign(o.share) !== 0) {
        let contract = ar.mul(price, ar.sub(ar.one, o.discount));
        if (o.floor !== null) contract = ar.max(contract, o.floor);
        if (o.ceiling !== null) contract = ar.min(contract, o.ceiling);
        margin = ar.money(ar.mul(ar.mul(paidVolume, o.share), ar.sub(price, contract)));
      }
      out.offtakeMargins[i]!.push(margin);
      margins = ar.add(margins, margin);
    }
    out.marketPrice.push(price);
    out.marketRevenue.push(rm);
    out.revenue.push(ar.sub(rm, margins));
  }
  return out;
}
