import type { Arithmetic } from './arithmetic.ts';
import type { DealTerms } from './model.ts';
import { isActive } from './production.ts';

export interface SupplyYears<T> {
  /** Offtakers in the methodology's order: partner ids (partner order), then "external". */
  offtakers: string[];
  /** byOfftaker[o][k] */
  byOfftaker: T[][];
  market: T[];
}

/**
 * §17 Supply security (volumes, no money): Q_o,k = s_o,k × V_k (produced volume, rounded like
 * money), an offtaker's volume is the sum of its contracts, market_k = V_k − Σ_o Q_o,k.
 */
export function supply<T>(ar: Arithmetic<T>, deal: DealTerms<T>, volume: readonly T[], startYear: number): SupplyYears<T> {
  const indices = deal.partners.flatMap((_, i) => (deal.offtake.some((o) => o.offtakerIndex === i) ? [i] : []));
  if (deal.offtake.some((o) => o.offtakerIndex < 0)) indices.push(-1);
  const byOfftaker = indices.map(() => volume.map(() => ar.zero));
  const market = volume.map((v, k) => {
    let rest = v;
    for (const o of deal.offtake) {
      if (!isActive(startYear + k, o.fromYear, o.toYear)) continue;
      const q = ar.money(ar.mul(o.share, v));
      const row = byOfftaker[indices.indexOf(o.offtakerIndex)]!;
      row[k] = ar.add(row[k]!, q);
      rest = ar.sub(rest, q);
    }
    return rest;
  });
  return { offtakers: indices.map((i) => (i < 0 ? 'external' : deal.partners[i]!.id)), byOfftaker, market };
}
