import { Dec, decimalArithmetic, floatArithmetic, type Arithmetic, type Dec as Decimal } from './arithmetic.ts';
import { discountFactors, presentValue } from './discounting.ts';
import { createIntervalArithmetic, encloseStructure, type Interval } from './interval-arithmetic.ts';
import type { DealTerms, VentureInputs } from './model.ts';
import { fixedYears, ventureYears, type FixedYears } from './venture.ts';

const GRID_STEP = 0.01;
const GRID_CELLS = 10_000;
const RELATIVE_TOLERANCE = 1e-12;
/** Runs of at most this many grid points are scanned point by point; longer ones are first proved. */
const SCANNED_RUN = 16;

/** A case's transformed inputs and deal terms in any arithmetic. */
export type CaseInArithmetic = <T>(ar: Arithmetic<T>) => { inputs: VentureInputs<T>; deal: DealTerms<T> };

/** What the NPV at a price multiplier needs besides the multiplier: everything prices do not touch. */
export interface PriceIndependent<T> {
  inputs: VentureInputs<T>;
  deal: DealTerms<T>;
  fixed: FixedYears<T>;
  /** DF_k / E_k. */
  weights: T[];
}

export function priceIndependent<T>(ar: Arithmetic<T>, inputs: VentureInputs<T>, deal: DealTerms<T>): PriceIndependent<T> {
  const fixed = fixedYears(ar, inputs, deal);
  const factors = discountFactors(ar, inputs.discountRate, inputs.discounting, inputs.years);
  return { inputs, deal, fixed, weights: factors.map((df, k) => ar.div(df, fixed.escalation[k]!)) };
}

/** Venture NPV with the price deck multiplied by m. */
export function npvAt<T>(ar: Arithmetic<T>, parts: PriceIndependent<T>, m: T): T {
  const prices = parts.inputs.series.prices.map((p) => ar.mul(p, m));
  return presentValue(ar, ventureYears(ar, parts.inputs, parts.deal, parts.fixed, prices).freeCashFlow, parts.weights);
}

/** The grid point m_i = i / 100 as the double nearest to it. */
const gridPoint = (i: number) => Number((i * GRID_STEP).toFixed(2));

/**
 * The sign the NPV has at every grid point of [m_from, m_to] when interval arithmetic proves it
 * is one strict sign there, else 0. The price-independent part enters as intervals holding both
 * its decimal and its float values, so the bound holds the decimal and the float NPV at every m
 * of the range; null when the two differ in more than their numbers.
 */
function provenSign(decimal: PriceIndependent<Decimal>, float: PriceIndependent<number>): ((from: number, to: number) => number) | null {
  const parts = encloseStructure<PriceIndependent<Interval>>(decimal, float);
  if (parts === null) return null;
  const ar = createIntervalArithmetic();
  return (from, to) => {
    ar.reset();
    const bound = npvAt(ar, parts, ar.between(gridPoint(from), gridPoint(to)));
    if (ar.undecided()) return 0;
    return bound.lo > 0 ? 1 : bound.hi < 0 ? -1 : 0;
  };
}

export interface BreakevenSearch {
  factor: Decimal | null;
  /** How many grid points were evaluated one by one (the rest were proved by intervals). */
  pointsScanned: number;
}

/**
 * §7 breakevenPriceFactor: the first cell of the grid m = 0, 0.01, …, 100 whose ends differ in
 * sign (or a grid point where the NPV is 0), refined to 1e-12 relative. The grid is scanned in
 * floating point; the cell found and the refined bracket are confirmed in decimal.
 */
export function breakevenPriceFactor(caseIn: CaseInArithmetic): Decimal | null {
  return breakevenSearch(caseIn).factor;
}

/**
 * The search itself. Runs of grid points where interval arithmetic proves the NPV keeps one
 * strict sign are not scanned point by point: every float and decimal NPV in them has that sign,
 * so the first sign change found is the one the full scan finds (`proofs: false` is the full
 * scan, for tests). Runs grow geometrically from m = 0.01 and are halved where no proof holds.
 */
export function breakevenSearch(caseIn: CaseInArithmetic, options: { proofs?: boolean } = {}): BreakevenSearch {
  const floatCase = caseIn(floatArithmetic);
  const decimalCase = caseIn(decimalArithmetic);
  const floatParts = priceIndependent(floatArithmetic, floatCase.inputs, floatCase.deal);
  const decimalParts = priceIndependent(decimalArithmetic, decimalCase.inputs, decimalCase.deal);
  const floatNpv = (m: number) => npvAt(floatArithmetic, floatParts, m);
  const decimalSign = (m: number) => npvAt(decimalArithmetic, decimalParts, new Dec(m)).cmp(0);
  const prove = options.proofs === false ? null : provenSign(decimalParts, floatParts);

  let pointsScanned = 0;
  const signAt = (m: number) => {
    pointsScanned++;
    return Math.sign(floatNpv(m)) || decimalSign(m);
  };
  const found = (factor: Decimal | null): BreakevenSearch => ({ factor, pointsScanned });
  let previousSign = signAt(0);
  if (previousSign === 0) return found(new Dec(0));

  // Runs of grid indices, the leftmost last (a stack): 1–16, 17–48, 49–112, … up to 10,000.
  const runs: [number, number][] = [];
  for (let from = 1, size = SCANNED_RUN; from <= GRID_CELLS; from += size, size *= 2) runs.unshift([from, Math.min(GRID_CELLS, from + size - 1)]);
  while (runs.length > 0) {
    const [from, to] = runs.pop()!;
    if (prove !== null && to - from + 1 > SCANNED_RUN) {
      const sign = prove(from, to);
      if (sign === previousSign) continue;
      if (sign !== 0) return found(refine(floatNpv, decimalSign, gridPoint(from - 1), gridPoint(from)));
      const middle = Math.floor((from + to) / 2);
      runs.push([middle + 1, to], [from, middle]);
      continue;
    }
    for (let i = from; i <= to; i++) {
      const m = gridPoint(i);
      const sign = signAt(m);
      if (sign === 0) return found(new Dec(m.toFixed(2)));
      if (sign !== previousSign) return found(refine(floatNpv, decimalSign, gridPoint(i - 1), m));
      previousSign = sign;
    }
  }
  return found(null);
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
