import { Dec, decimalArithmetic, floatArithmetic, type Arithmetic, type Dec as Decimal } from './arithmetic.ts';
import { deflate, discountFactors, presentValue } from './discounting.ts';
import type { DealTerms, VentureInputs } from './model.ts';
import { ventureYears } from './venture.ts';

const GRID_STEP = 0.01;
const GRID_CELLS = 10_000;
const RELATIVE_TOLERANCE = 1e-12;

function ventureNpvAt<T>(ar: Arithmetic<T>, inputs: VentureInputs<T>, deal: DealTerms<T>, m: T): T {
  const scaled = { ...inputs, series: { ...inputs.series, prices: inputs.series.prices.map((p) => ar.mul(p, m)) } };
  const v = ventureYears(ar, scaled, deal);
  const factors = discountFactors(ar, scaled.discountRate, scaled.discounting, scaled.years);
  return presentValue(ar, deflate(ar, v.freeCashFlow, v.escalation), factors);
}

/**
 * §7 breakevenPriceFactor: the first cell of the grid m = 0, 0.01, …, 100 whose ends differ in
 * sign (or a grid point where the NPV is 0), refined to 1e-12 relative. The grid is scanned in
 * floating point; the cell found and the refined bracket are confirmed in decimal.
 */
export function breakevenPriceFactor(
  decimalInputs: VentureInputs<Decimal>, decimalDeal: DealTerms<Decimal>,
  floatInputs: VentureInputs<number>, floatDeal: DealTerms<number>,
): Decimal | null {
  const floatNpv = (m: number) => ventureNpvAt(floatArithmetic, floatInputs, floatDeal, m);
  const decimalSign = (m: number) => ventureNpvAt(decimalArithmetic, decimalInputs, decimalDeal, new Dec(m)).cmp(0);

  const signAt = (m: number) => Math.sign(floatNpv(m)) || decimalSign(m);
  let previousSign = signAt(0);
  if (previousSign === 0) return new Dec(0);
  for (let i = 1; i <= GRID_CELLS; i++) {
    const m = Number((i * GRID_STEP).toFixed(2));
    const sign = signAt(m);
    if (sign === 0) return new Dec(m.toFixed(2));
    if (sign !== previousSign) return refine(floatNpv, decimalSign, Number(((i - 1) * GRID_STEP).toFixed(2)), m);
    previousSign = sign;
  }
  return null;
}

function refine(floatNpv: (m: number) => number, decimalSign: (m: number) => number, low: number, high: number): Decimal {
  let lo = low;
  let hi = high;
  const loSign = Math.sign(floatNpv(lo));
  while (hi - lo > RELATIVE_TOLERANCE * Math.max(Math.abs(hi), 1e-12)) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const s = Math.sign(floatNpv(mid));
    if (s === 0) {
      lo = mid;
      hi = mid;
      break;
    }
    if (s === loSign) lo = mid;
    else hi = mid;
  }
  // Confirm the bracket in decimal; where float noise misplaced it, bisect again in decimal.
  const dLo = decimalSign(lo);
  const dHi = decimalSign(hi);
  if (lo !== hi && dLo !== 0 && dHi !== 0 && dLo === dHi) return decimalBisect(decimalSign, low, high);
  return new Dec((lo + hi) / 2).toSignificantDigits(13);
}

function decimalBisect(decimalSign: (m: number) => number, low: number, high: number): Decimal {
  let lo = low;
  let hi = high;
  const loSign = decimalSign(lo);
  while (hi - lo > RELATIVE_TOLERANCE * Math.max(Math.abs(hi), 1e-12)) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const s = decimalSign(mid);
    if (s === 0) return new Dec(mid);
    if (s === loSign) lo = mid;
    else hi = mid;
  }
  return new Dec((lo + hi) / 2).toSignificantDigits(13);
}
