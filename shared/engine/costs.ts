import type { Arithmetic } from './arithmetic.ts';
import type { VentureInputs } from './model.ts';
import type { VolumeYears } from './production.ts';

/** §4 Costs and capital, nominal, one entry per year: they do not depend on prices. */
export interface CostYears<T> {
  opex: T[];
  selling: T[];
  capex: T[];
  closure: T[];
}

export function costs<T>(ar: Arithmetic<T>, v: VentureInputs<T>, q: VolumeYears<T>): CostYears<T> {
  const s = v.series;
  const out: CostYears<T> = { opex: [], selling: [], capex: [], closure: [] };
  for (let k = 0; k < v.years; k++) {
    const e = q.escalation[k]!;
    const ore = s.oreMined[k]!;
    const mining = ar.money(ar.mul(ar.add(ore, s.wasteMined[k]!), v.miningPerTonne));
    const processing = ar.money(ar.mul(ore, v.processingPerTonneOre));
    out.opex.push(ar.money(ar.mul(ar.add(ar.add(mining, processing), s.fixed[k]!), e)));
    out.selling.push(ar.money(ar.mul(ar.mul(q.volume[k]!, v.sellingPerUnit), e)));
    out.capex.push(ar.money(ar.mul(ar.add(s.initial[k]!, s.sustaining[k]!), e)));
    out.closure.push(ar.money(ar.mul(s.closure[k]!, e)));
  }
  return out;
}

/** §4 ΔWC_k with WC_k = rate × R_k for k < N, WC_N = 0, WC_0 = 0. */
export function workingCapitalChanges<T>(ar: Arithmetic<T>, rate: T, revenue: readonly T[]): T[] {
  let previous = ar.zero;
  return revenue.map((r, k) => {
    const workingCapital = k < revenue.length - 1 ? ar.money(ar.mul(rate, r)) : ar.zero;
    const change = ar.sub(workingCapital, previous);
    previous = workingCapital;
    return change;
  });
}
