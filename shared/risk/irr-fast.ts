import { irrRootsOfFloats } from '../engine/irr.ts';

const X_AT_RATE_10 = 1 / 11;
const X_AT_RATE_MINUS_099 = 100;
const ROUNDOFF = 2 ** -53;

/**
 * §7 IRR roots of real flows in float, for the simulation: the engine's irrRootsOfFloats, with a
 * fast path for the common case. With x = 1/(1 + ρ), the roots are those of h(x) = Σ c_k x^k on
 * (1/11, 100]. Vincent–Collins–Akritas isolation halves that interval until Descartes' rule (after
 * mapping a part onto (0, ∞)) bounds each part's roots by 0 or 1; a bound of 1 is exactly one
 * simple root, a sign change of h between the part's ends. Whenever the fast path cannot settle
 * (a coefficient or an end value within rounding of zero, a multiple or near-double root, roots
 * closer than 1e-6, a root at an end), the engine decides, so the §7 rule is the engine's.
 */
export function simulationIrrRoots(realFlows: ArrayLike<number>): number[] {
  return createSimulationIrr()(realFlows);
}

/** simulationIrrRoots with its working arrays allocated once, for a worker's many iterations. */
export function createSimulationIrr(): (realFlows: ArrayLike<number>) => number[] {
  let q = new Float64Array(0);
  let size = new Float64Array(0);
  let g = new Float64Array(0);
  const scratch = (length: number) => {
    if (q.length < length) {
      q = new Float64Array(length);
      size = new Float64Array(length);
    }
    return { q, size };
  };
  const coefficients = (length: number) => {
    if (g.length !== length) g = new Float64Array(length);
    return g;
  };
  return (realFlows) => roots(realFlows, scratch, coefficients);
}

type Scratch = (length: number) => { q: Float64Array; size: Float64Array };
type Coefficients = (length: number) => Float64Array;

/** Points of a geometric grid over (1/11, 100] where h is looked at before isolating roots. */
const GRID = 16;

function roots(realFlows: ArrayLike<number>, scratch: Scratch, coefficients: Coefficients): number[] {
  let first = 0;
  let last = realFlows.length - 1;
  while (first <= last && realFlows[first] === 0) first++;
  while (last >= first && realFlows[last] === 0) last--;
  if (last - first < 1) return [];
  let largest = 0;
  for (let k = first; k <= last; k++) largest = Math.max(largest, Math.abs(realFlows[k]!));
  const g = coefficients(last - first + 1);
  for (let k = first; k <= last; k++) g[k - first] = realFlows[k]! / largest;
  const brackets: number[] = [];
  if (isolate(g, brackets, scratch)) {
    const found: number[] = [];
    for (let i = 0; i < brackets.length; i += 2) found.push(1 / rootIn(g, brackets[i]!, brackets[i + 1]!) - 1);
    found.sort((p, r) => p - r);
    let spaced = true;
    for (let i = 1; i < found.length; i++) if (found[i]! - found[i - 1]! < 1e-6) spaced = false;
    if (spaced) return found;
  }
  return irrRootsOfFloats(Array.from(realFlows));
}

/**
 * Splits (1/11, 100] between the sign changes of h on a coarse geometric grid, so that each part
 * most likely holds one root (or, with none, the whole interval none), and settles each part:
 * Descartes' rule proves what each part holds, halving it further where it cannot. The grid only
 * chooses where to cut; the proof is the same as for one part.
 */
function isolate(g: Float64Array, out: number[], scratch: Scratch): boolean {
  const ratio = (X_AT_RATE_MINUS_099 / X_AT_RATE_10) ** (1 / GRID);
  let from = X_AT_RATE_10;
  let x = X_AT_RATE_10;
  let previous = Math.sign(evaluate(g, x).value);
  for (let j = 1; j < GRID; j++) {
    const next = x * ratio;
    const sign = Math.sign(evaluate(g, next).value);
    if (sign === 0) return settle(g, from, X_AT_RATE_MINUS_099, 0, out, scratch);
    // A cut at the right end of a cell with a sign change, so that the next root lies beyond it.
    if (previous !== 0 && sign !== previous) {
      if (!settle(g, from, next, 0, out, scratch)) return false;
      from = next;
    }
    previous = sign;
    x = next;
  }
  return settle(g, from, X_AT_RATE_MINUS_099, 0, out, scratch);
}

/** h(x) and the bound on its float error (Horner). */
function evaluate(g: Float64Array, x: number): { value: number; noise: number } {
  let value = 0;
  let magnitude = 0;
  for (let k = g.length - 1; k >= 0; k--) {
    value = value * x + g[k]!;
    magnitude = magnitude * x + Math.abs(g[k]!);
  }
  return { value, noise: 4 * (g.length + 2) * ROUNDOFF * magnitude };
}

function settle(g: Float64Array, a: number, b: number, depth: number, out: number[], scratch: Scratch): boolean {
  const bound = rootBound(g, a, b, scratch);
  if (bound === 0) return true;
  if (bound === 1) {
    const ha = evaluate(g, a);
    const hb = evaluate(g, b);
    if (Math.abs(ha.value) <= ha.noise || Math.abs(hb.value) <= hb.noise) return false;
    if (Math.sign(ha.value) === Math.sign(hb.value)) return false;
    out.push(a, b);
    return true;
  }
  if (depth >= 24 || !Number.isFinite(bound)) return false;
  const middle = Math.sqrt(a * b);
  return settle(g, a, middle, depth + 1, out, scratch) && settle(g, middle, b, depth + 1, out, scratch);
}

/**
 * Sign changes of the coefficients of (1 + t)^d h((a + b t)/(1 + t)); Infinity when a
 * coefficient is within its rounding bound of zero (the same map of |g| bounds it).
 */
function rootBound(g: Float64Array, a: number, b: number, scratch: Scratch): number {
  const d = g.length - 1;
  const { q, size } = scratch(g.length);
  for (let k = 0; k <= d; k++) {
    q[k] = g[k]!;
    size[k] = Math.abs(g[k]!);
  }
  // h(a + (b − a) y): Taylor shift by a, then scale; the same map of |g| bounds each coefficient's rounding.
  for (let i = 0; i < d; i++) {
    for (let j = d - 1; j >= i; j--) {
      q[j] = q[j]! + a * q[j + 1]!;
      size[j] = size[j]! + a * size[j + 1]!;
    }
  }
  let scale = 1;
  for (let k = 0; k <= d; k++) {
    q[k] = q[k]! * scale;
    size[k] = size[k]! * scale;
    scale *= b - a;
  }
  // y = 1/(1 + t): reverse, then Taylor shift by 1.
  for (let i = 0, j = d; i < j; i++, j--) {
    const t = q[i]!;
    q[i] = q[j]!;
    q[j] = t;
    const u = size[i]!;
    size[i] = size[j]!;
    size[j] = u;
  }
  for (let i = 0; i < d; i++) {
    for (let j = d - 1; j >= i; j--) {
      q[j] = q[j]! + q[j + 1]!;
      size[j] = size[j]! + size[j + 1]!;
    }
  }
  let changes = 0;
  let previous = 0;
  for (let k = 0; k <= d; k++) {
    const x = q[k]!;
    if (Math.abs(x) <= size[k]! * 1e-10) {
      if (size[k] === 0) continue;
      return Infinity;
    }
    const sign = x < 0 ? -1 : 1;
    if (previous !== 0 && sign !== previous) changes++;
    previous = sign;
  }
  return changes;
}

/** Safeguarded Newton on h inside a sign-change bracket, to the last bits. */
function rootIn(g: Float64Array, a: number, b: number): number {
  let lo = a;
  let hi = b;
  const signLo = Math.sign(evaluate(g, lo).value);
  let x = (a + b) / 2;
  for (let i = 0; i < 200; i++) {
    let value = 0;
    let slope = 0;
    for (let k = g.length - 1; k >= 0; k--) {
      slope = slope * x + value;
      value = value * x + g[k]!;
    }
    if (value === 0) return x;
    if (Math.sign(value) === signLo) lo = x;
    else hi = x;
    let next = x - value / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (next === x || hi - lo <= 4 * ROUNDOFF * hi) return next;
    x = next;
  }
  return x;
}
