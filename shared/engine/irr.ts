import { Dec, type Dec as Decimal } from './arithmetic.ts';

/** §7 IRR: every real rate in (−0.99, 10] at which Σ real_k (1 + ρ)^−k changes sign. */
const IRR_LOWER = -0.99;
const IRR_UPPER = 10;
const GRID_POINTS = 1000;

/**
 * With x = 1/(1 + ρ), f(ρ) = x · h(x), h(x) = Σ c_k x^(k−1): on ρ > −1 the roots of f are the
 * roots of h, a polynomial. Returns h and h' at x (Horner).
 */
function polynomial(flows: readonly number[], x: number): [number, number] {
  let value = 0;
  let slope = 0;
  for (let k = flows.length - 1; k >= 0; k--) {
    slope = slope * x + value;
    value = value * x + flows[k]!;
  }
  return [value, slope];
}

const toRate = (x: number) => 1 / x - 1;

/** Bisection on a sign change of `fn` between a and b (float). */
function bisect(fn: (x: number) => number, a: number, b: number): number {
  let lo = a;
  let hi = b;
  let fLo = fn(lo);
  for (let i = 0; i < 200 && lo !== hi; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const fMid = fn(mid);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Brackets [xa, xb] in x where h changes sign, scanning a grid even in ln(1 + ρ). A cell whose
 * ends share a sign but whose slope changes sign is split at its extremum, so a pair of close
 * roots inside one cell is still found. With at most one sign change in the coefficients,
 * Descartes' rule of signs leaves at most one positive root, and the interval's ends decide.
 */
function signChangeBrackets(flows: readonly number[]): [number, number][] {
  const xHigh = 1 / (1 + IRR_LOWER);
  const xLow = 1 / (1 + IRR_UPPER);
  if (coefficientSignChanges(flows) <= 1) {
    const atLow = polynomial(flows, xLow)[0];
    const atHigh = polynomial(flows, xHigh)[0];
    if (atLow === 0) return [[xLow, xLow]];
    return atHigh !== 0 && Math.sign(atLow) !== Math.sign(atHigh) ? [[xLow, xHigh]] : [];
  }
  return scanBrackets(flows, xLow, xHigh);
}

function coefficientSignChanges(flows: readonly number[]): number {
  let changes = 0;
  let previous = 0;
  for (const c of flows) {
    const sign = Math.sign(c);
    if (sign === 0) continue;
    if (previous !== 0 && sign !== previous) changes++;
    previous = sign;
  }
  return changes;
}

function scanBrackets(flows: readonly number[], xLow: number, xHigh: number): [number, number][] {
  const uLow = Math.log(xLow);
  const uHigh = Math.log(xHigh);
  const h = (x: number) => polynomial(flows, x)[0];
  const dh = (x: number) => polynomial(flows, x)[1];
  const points: number[] = [];
  for (let i = 0; i <= GRID_POINTS; i++) points.push(Math.exp(uLow + ((uHigh - uLow) * i) / GRID_POINTS));
  points[0] = xLow;
  const brackets: [number, number][] = [];
  const samples = points.map((x) => polynomial(flows, x));
  // ρ = 10 (x = xLow) belongs to the interval; ρ = −0.99 (x = xHigh) does not.
  let last: { x: number; sign: number } | null = null;
  const push = (x: number, sign: number) => {
    if (sign === 0) return;
    if (last && last.sign !== sign) brackets.push([last.x, x]);
    last = { x, sign };
  };
  for (let i = 0; i < points.length; i++) {
    const x = points[i]!;
    const [value, slope] = samples[i]!;
    if (i > 0) {
      const [prevValue, prevSlope] = samples[i - 1]!;
      const xPrev = points[i - 1]!;
      if (Math.sign(prevValue) === Math.sign(value) && value !== 0 && Math.sign(prevSlope) !== Math.sign(slope)) {
        const extremum = bisect(dh, xPrev, x);
        const atExtremum = h(extremum);
        if (Math.sign(atExtremum) !== Math.sign(value)) push(extremum, Math.sign(atExtremum));
      }
    }
    if (i === points.length - 1 && value === 0) {
      // A root exactly at ρ = −0.99 lies outside the interval.
      break;
    }
    push(x, Math.sign(value));
  }
  return brackets;
}

/**
 * Newton steps in decimal on f(ρ) = v·P(v), v = 1/(1 + ρ), P(v) = Σ c_k v^(k−1) (Horner), kept
 * inside the float bracket. Quadratic convergence: once a step is below 1e-13 the error of the
 * result is far below the 25 digits reported, so usually a single step suffices.
 */
function polish(flows: readonly Decimal[], start: number, lowRate: number, highRate: number): Decimal {
  let rate = new Dec(start);
  for (let step = 0; step < 4; step++) {
    const v = Dec.div(1, rate.plus(1));
    let p = new Dec(0);
    let dp = new Dec(0);
    for (let k = flows.length - 1; k >= 0; k--) {
      dp = dp.times(v).plus(p);
      p = p.times(v).plus(flows[k]!);
    }
    const dg = p.plus(v.times(dp));
    if (dg.isZero()) break;
    // f = v·P, df/dρ = −v²·(P + v·P'), so the Newton step is +P / (v·(P + v·P')).
    const change = p.div(v.times(dg));
    const next = rate.plus(change);
    if (next.lt(lowRate) || next.gt(highRate)) break;
    rate = next;
    if (change.abs().lt('1e-13')) break;
  }
  return rate;
}

/** Flows divided by the largest of them in decimal, for magnitudes a double cannot hold. */
function normaliseInDecimal(flows: readonly Decimal[]): number[] {
  const scale = flows.reduce((max, c) => Dec.max(max, c.abs()), new Dec(0));
  return flows.map((c) => c.div(scale).toNumber());
}

/** All roots, ascending, as decimals with 25 significant digits. */
export function irrRoots(realFlows: readonly Decimal[]): Decimal[] {
  const firstNonZero = realFlows.findIndex((c) => !c.isZero());
  if (firstNonZero < 0) return [];
  // Dividing by x^m (leading zero flows) does not move the roots for x > 0; scaling by the
  // largest flow, in decimal, keeps flows of any magnitude within the range of a double.
  const trimmed = realFlows.slice(firstNonZero);
  const floats = trimmed.map((c) => c.toNumber());
  const largest = Math.max(...floats.map(Math.abs));
  const normalised = Number.isFinite(largest) && largest > 1e-290
    ? floats.map((c) => c / largest)
    : normaliseInDecimal(trimmed);
  const roots = signChangeBrackets(normalised).map(([xa, xb]) => {
    const x = bisect((t) => polynomial(normalised, t)[0], xa, xb);
    const lowRate = toRate(Math.max(xa, xb));
    const highRate = toRate(Math.min(xa, xb));
    return polish(realFlows, toRate(x), lowRate, highRate).toSignificantDigits(25);
  });
  return roots.sort((a, b) => a.cmp(b));
}
