import type { Arithmetic } from './arithmetic.ts';
import type { Series, TransformOverrides, VentureInputs } from './model.ts';

/** §2 step 1: move a series d years later; what falls past year N is dropped. */
function delay<T>(ar: Arithmetic<T>, values: readonly T[], d: number): T[] {
  return values.map((_, k) => (k < d ? ar.zero : values[k - d]!));
}

/** §2 step 1 for closure: its overflow past year N is added (real) to the last year. */
function delayClosure<T>(ar: Arithmetic<T>, values: readonly T[], d: number): T[] {
  const moved = delay(ar, values, d);
  const n = values.length;
  let overflow = ar.zero;
  for (let k = Math.max(0, n - d); k < n; k++) overflow = ar.add(overflow, values[k]!);
  moved[n - 1] = ar.add(moved[n - 1]!, overflow);
  return moved;
}

const scale = <T>(ar: Arithmetic<T>, values: readonly T[], factor: T | null, round: (x: T) => T) =>
  factor === null ? [...values] : values.map((v) => round(ar.mul(v, factor)));

/**
 * §2: the transforms of a scenario or a shock, in the methodology's order: delay, disruption,
 * price deck replacement, factors, discount rate; then the fiscal change (§15), which a shock
 * without one leaves as the scenario set it.
 */
export function applyOverrides<T>(ar: Arithmetic<T>, inputs: VentureInputs<T>, o: TransformOverrides<T>): VentureInputs<T> {
  const s = inputs.series;
  const d = o.delayYears;
  let series: Series<T> = d > 0
    ? {
        ...s,
        oreMined: delay(ar, s.oreMined, d),
        wasteMined: delay(ar, s.wasteMined, d),
        grade: delay(ar, s.grade, d),
        recovery: delay(ar, s.recovery, d),
        fixed: delay(ar, s.fixed, d),
        sustaining: delay(ar, s.sustaining, d),
        closure: delayClosure(ar, s.closure, d),
      }
    : { ...s };

  if (o.disruption) {
    const { fromYear, toYear } = o.disruption;
    const blocked = (k: number) => {
      const year = inputs.startYear + k;
      return year >= fromYear && year <= toYear;
    };
    series = {
      ...series,
      oreMined: series.oreMined.map((v, k) => (blocked(k) ? ar.zero : v)),
      wasteMined: series.wasteMined.map((v, k) => (blocked(k) ? ar.zero : v)),
    };
  }

  if (o.prices) series = { ...series, prices: [...o.prices] };

  series = {
    ...series,
    // Prices and unit costs are not amounts: scaled, they keep full precision (§1).
    prices: scale(ar, series.prices, o.priceFactor, (x) => x),
    initial: scale(ar, series.initial, o.capexFactor, ar.money),
    sustaining: scale(ar, series.sustaining, o.capexFactor, ar.money),
    fixed: scale(ar, series.fixed, o.opexFactor, ar.money),
    grade: scale(ar, series.grade, o.gradeFactor, (x) => x),
  };

  const opex = (v: T) => (o.opexFactor === null ? v : ar.mul(v, o.opexFactor));
  return {
    ...inputs,
    series,
    miningPerTonne: opex(inputs.miningPerTonne),
    processingPerTonneOre: opex(inputs.processingPerTonneOre),
    sellingPerUnit: opex(inputs.sellingPerUnit),
    discountRate: o.discountRate ?? inputs.discountRate,
    fiscalChange: o.fiscalChange ?? inputs.fiscalChange,
  };
}
