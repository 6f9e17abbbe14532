import type { Arithmetic } from './arithmetic.ts';
import type { DealTerms, VentureInputs } from './model.ts';

/** §3 Production and revenue, one entry per year. */
export interface ProductionYears<T> {
  escalation: T[];
  volume: T[];
  marketPrice: T[];
  marketRevenue: T[];
  /** margins[o][k]: offtake o's margin to its offtaker in year k. */
  offtakeMargins: T[][];
  revenue: T[];
}

/** E_k = (1 + π)^(k−1). */
export function escalationIndex<T>(ar: Arithmetic<T>, inflation: T, years: number): T[] {
  const growth = ar.add(ar.one, inflation);
  const index: T[] = [ar.one];
  for (let k = 1; k < years; k++) index.push(ar.mul(index[k - 1]!, growth));
  return index;
}

export function isActive(year: number, fromYear: number | null, toYear: number | null): boolean {
  return (fromYear === null || year >= fromYear) && (toYear === null || year <= toYear);
}

export function production<T>(ar: Arithmetic<T>, v: VentureInputs<T>, deal: DealTerms<T>): ProductionYears<T> {
  const n = v.years;
  const escalation = escalationIndex(ar, v.inflation, n);
  const uplift = deal.technology.reduce((sum, t) => ar.add(sum, t.recoveryUplift), ar.zero);
  const s = v.series;
  const volume: T[] = [];
  const marketPrice: T[] = [];
  const marketRevenue: T[] = [];
  const revenue: T[] = [];
  const offtakeMargins: T[][] = deal.offtake.map(() => []);
  for (let k = 0; k < n; k++) {
    const year = v.startYear + k;
    const recovery = ar.sign(s.recovery[k]!) > 0 ? ar.min(ar.one, ar.add(s.recovery[k]!, uplift)) : ar.zero;
    const vol = ar.mul(ar.mul(ar.mul(s.oreMined[k]!, s.grade[k]!), recovery), v.productFactor);
    const price = ar.money(ar.mul(s.prices[k]!, escalation[k]!));
    const paidVolume = ar.mul(v.payability, vol);
    const rm = ar.money(ar.mul(paidVolume, price));
    let margins = ar.zero;
    deal.offtake.forEach((o, i) => {
      let margin = ar.zero;
      if (isActive(year, o.fromYear, o.toYear) && ar.sign(o.share) !== 0) {
        let contract = ar.money(ar.mul(price, ar.sub(ar.one, o.discount)));
        if (o.floor !== null) contract = ar.max(contract, o.floor);
        if (o.ceiling !== null) contract = ar.min(contract, o.ceiling);
        margin = ar.money(ar.mul(ar.mul(paidVolume, o.share), ar.sub(price, contract)));
      }
      offtakeMargins[i]!.push(margin);
      margins = ar.add(margins, margin);
    });
    volume.push(vol);
    marketPrice.push(price);
    marketRevenue.push(rm);
    revenue.push(ar.sub(rm, margins));
  }
  return { escalation, volume, marketPrice, marketRevenue, offtakeMargins, revenue };
}
