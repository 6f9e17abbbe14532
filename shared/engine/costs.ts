import type { Arithmetic } from './arithmetic.ts';
import type { VentureInputs } from './model.ts';
import type { ProductionYears } from './production.ts';

/** §4 Costs, capital and working capital, nominal, one entry per year. */
export interface CostYears<T> {
  opex: T[];
  selling: T[];
  capex: T[];
  closure: T[];
  deltaWorkingCapital: T[];
}

export function costs<T>(ar: Arithmetic<T>, v: VentureInputs<T>, p: ProductionYears<T>): CostYears<T> {
  const s = v.series;
  const n = v.years;
  const out: CostYears<T> = { opex: [], selling: [], capex: [], closure: [], deltaWorkingCapital: [] };
  let previousWorkingCapital = ar.zero;
  for (let k = 0; k < n; k++) {
    const e = p.escalation[k]!;
    const ore = s.oreMined[k]!;
    const mining = ar.money(ar.mul(ar.add(ore, s.wasteMined[k]!), v.miningPerTonne));
    const processing = ar.money(ar.mul(ore, v.processingPerTonneOre));
    out.opex.push(ar.money(ar.mul(ar.add(ar.add(mining, processing), s.fixed[k]!), e)));
    out.selling.push(ar.money(ar.mul(ar.mul(p.volume[k]!, v.sellingPerUnit), e)));
    out.capex.push(ar.money(ar.mul(ar.add(s.initial[k]!, s.sustaining[k]!), e)));
    out.closure.push(ar.money(ar.mul(s.closure[k]!, e)));
    const workingCapital = k < n - 1 ? ar.money(ar.mul(v.workingCapitalRate, p.revenue[k]!)) : ar.zero;
    out.deltaWorkingCapital.push(ar.sub(workingCapital, previousWorkingCapital));
    previousWorkingCapital = workingCapital;
  }
  return out;
}
