import { Dec, decimalArithmetic, floatArithmetic, type Arithmetic, type Dec as Decimal } from './arithmetic.ts';
import { discountFactors, presentValue } from './discounting.ts';
import type { DealTerms, VentureInputs } from './model.ts';
import { fixedYears, ventureYears } from './venture.ts';

const GRID_STEP = 0.01;
const GRID_CELLS = 10_000;
const RELATIVE_TOLERANCE = 1e-12;

/** Venture NPV as a function of the price multiplier m: everything prices do not touch is computed once. */
function npvOfPriceMultiplier<T>(ar: Arithmetic<T>, inputs: VentureInputs<T>, deal: DealTerms<T>): (m: T) => T {
  const fixed = fixedYears(ar, inputs, deal);
  const factors = discountFactors(ar, inputs.discountRate, inputs.discounting, inputs.years);
  const weights = factors.map((df, k) => ar.div(df, fixed.escalation[k]!));
  return (m) => {
    const prices = inputs.series.prices.map((p) => ar.mul(p, m));
    return presentValue(ar, ventureYears(ar, inputs, deal, fixed, prices).freeCashFlow, weights);
  };
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
  const floatNpv = npvOfPriceMultiplier(floatArithmetic, floatInputs, floatDeal);
  const decimalNpv = npvOfPriceMultiplier(decimalArithmetic, decimalInputs, decimalDeal);
  const decimalSign = (m: number) => decimalNpv(new Dec(m)).cmp(0);

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

function refine(floatNpv: (m: number) => number, decimalSign: (m: number) => number, cellLow: number, cellHigh: number): Decimal {
  const [low, high] = firstSignChange(floatNpv, cellLow, cellHigh);
  const [lo, hi] = bracketRoot(floatNpv, low, high);
  const root = (lo + hi) / 2;
  // Confirm in decimal that the sign changes within 1e-12 of the float root; where float noise
  // moved the root further, widen the bracket and bisect in decimal inside it.
  for (const tolerance of [RELATIVE_TOLERANCE, 1e-10, 1e-8, 1e-6]) {
    const a = Math.max(low, root - tolerance * Math.abs(root));
    const b = Math.min(high, root + tolerance * Math.abs(root));
    const sa = decimalSign(a);
    const sb = decimalSign(b);
    if (sa === 0) return new Dec(a);
    if (sb === 0) return new Dec(b);
    if (sa !== sb) return tolerance === RELATIVE_TOLERANCE ? new Dec(root).toSignificantDigits(13) : decimalBisect(decimalSign, a, b);
  }
  return decimalBisect(decimalSign, low, high);
}

/**
 * The NPV need not be monotonic inside a grid cell (holidays, loss expiry and thin
 * capitalisation make it jump), and the smallest m counts: narrow the cell to the first of
 * SUBCELLS equal parts whose ends differ in sign, SUBCELL_LEVELS times.
 */
const SUBCELLS = 20;
const SUBCELL_LEVELS = 3;
function firstSignChange(fn: (m: number) => number, low: number, high: number): [number, number] {
  let a = low;
  let b = high;
  for (let level = 0; level < SUBCELL_LEVELS; level++) {
    const width = (b - a) / SUBCELLS;
    let previous = Math.sign(fn(a));
    for (let i = 1; i <= SUBCELLS; i++) {
      const m = i === SUBCELLS ? b : a + i * width;
      const sign = Math.sign(fn(m));
      if (sign === 0) return [m, m];
      if (sign !== previous && previous !== 0) {
        [a, b] = [m - width, m];
        break;
      }
      previous = sign;
    }
  }
  return [a, b];
}

/**
 * Shrinks a sign-change bracket to 1e-12 relative: regula falsi with the Illinois correction,
 * falling back to bisection whenever a step fails to halve the bracket (a jump across zero).
 */
function bracketRoot(fn: (m: number) => number, low: number, high: number): [number, number] {
  let a = low;
  let b = high;
  let fa = fn(a);
  let fb = fn(b);
  let side = 0;
  for (let i = 0; i < 200 && b - a > RELATIVE_TOLERANCE * Math.max(Math.abs(b), 1e-12); i++) {
    const width = b - a;
    let m = (a * fb - b * fa) / (fb - fa);
    if (!(m > a && m < b)) m = (a + b) / 2;
    const fm = fn(m);
    if (fm === 0) return [m, m];
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
      if (side === -1) fb /= 2;
      side = -1;
    } else {
      b = m;
      fb = fm;
      if (side === 1) fa /= 2;
      side = 1;
    }
    if (b - a > width / 2) {
      const mid = (a + b) / 2;
      const fMid = fn(mid);
      if (fMid === 0) return [mid, mid];
      if (Math.sign(fMid) === Math.sign(fa)) [a, fa] = [mid, fMid];
      else [b, fb] = [mid, fMid];
    }
  }
  return [a, b];
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
