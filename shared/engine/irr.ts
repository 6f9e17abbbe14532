import { Dec, type Dec as Decimal } from './arithmetic.ts';

/**
 * §7 IRR: the real rates ρ in (−0.99, 10] at which f(ρ) = Σ real_k (1 + ρ)^−k changes sign.
 * With x = 1/(1 + ρ), f = x · h(x), h(x) = Σ c_k x^(k−1): on ρ > −1 the roots of f are those of
 * the polynomial h, for x in [1/11, 100) (ρ = 10 inside, ρ = −0.99 outside). Sign changes closer
 * than 1e-9 are one point: an even number of them is a tangent root (none), an odd number one.
 *
 * A float scan finds where h may change sign; wherever float noise could decide (a value within
 * the rounding bound of Horner's rule, an extremum touching zero, an end of the interval) the
 * sign is taken from the flows themselves: in decimal inside, exactly (integers) at the ends.
 */
const X_AT_RATE_10 = 1 / 11;
const X_AT_RATE_MINUS_099 = 100;
const GRID_CELLS = 1000;
const SUBCELLS = 16;
const ONE_POINT = 1e-9;
const ROUNDOFF = 2 ** -53;
const DECIMAL_STEP = new Dec('1e-15');

interface Sample {
  x: number;
  value: number;
  slope: number;
  /** Σ |c_k| x^(k−1): the scale of Horner's rounding error at x. */
  magnitude: number;
}

function sample(g: readonly number[], x: number): Sample {
  let value = 0;
  let slope = 0;
  let magnitude = 0;
  for (let k = g.length - 1; k >= 0; k--) {
    slope = slope * x + value;
    value = value * x + g[k]!;
    magnitude = magnitude * x + Math.abs(g[k]!);
  }
  return { x, value, slope, magnitude };
}

/** A bound on the float error of h at a sample (Horner's rule plus the scaling of the flows). */
const noise = (degree: number, s: Sample) => 4 * (degree + 2) * ROUNDOFF * s.magnitude;

/** The sign of h at a point or end where float noise might decide it, from the flows themselves. */
interface SignOracle {
  signAt(x: number): number;
  /** At an end of the interval: the sign just inside it, and whether h has a root of odd multiplicity there. */
  atEnd(end: 'rate-10' | 'rate-minus-0.99'): { inside: number; oddRoot: boolean };
}

interface Bracket {
  a: number;
  b: number;
  /** Sign of h at a (a < b). */
  signA: number;
}

interface ScanResult {
  brackets: Bracket[];
  /** ρ = 10 exactly is a root of odd multiplicity. */
  rootAtTen: boolean;
}

/** Bisection on a sign change of `fn` between a and b (float). */
function bisect(fn: (x: number) => number, a: number, b: number): number {
  let lo = a;
  let hi = b;
  const signLo = Math.sign(fn(lo));
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const s = Math.sign(fn(mid));
    if (s === 0) return mid;
    if (s === signLo) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function coefficientSignChanges(g: readonly number[]): number {
  let changes = 0;
  let previous = 0;
  for (const c of g) {
    const sign = Math.sign(c);
    if (sign === 0) continue;
    if (previous !== 0 && sign !== previous) changes++;
    previous = sign;
  }
  return changes;
}

/**
 * Sign-change brackets of h over [1/11, 100). The grid is even in ln x; a cell whose ends differ
 * in sign, whose slope changes sign or whose ends float cannot sign is searched for extrema on a
 * finer grid, and each extremum is a point of the sign sequence, so a tangent root (an extremum
 * touching zero) never makes a pair and two close roots either side of an extremum are both found.
 * With at most one sign change in the coefficients (Descartes' rule) the ends decide.
 */
function scan(g: readonly number[], oracle: SignOracle): ScanResult {
  const degree = g.length - 1;
  const reliableSign = (s: Sample) => (Math.abs(s.value) > noise(degree, s) ? Math.sign(s.value) : null);
  const signOf = (s: Sample) => reliableSign(s) ?? oracle.signAt(s.x);

  const high = sample(g, X_AT_RATE_10);
  let rootAtTen = false;
  let highSign = reliableSign(high);
  if (highSign === null) {
    const end = oracle.atEnd('rate-10');
    highSign = end.inside;
    rootAtTen = end.oddRoot;
  }
  const low = sample(g, X_AT_RATE_MINUS_099);
  const lowSign = reliableSign(low) ?? oracle.atEnd('rate-minus-0.99').inside;

  const points: { x: number; sign: number }[] = [{ x: X_AT_RATE_10, sign: highSign }];
  if (coefficientSignChanges(g) <= 1) {
    points.push({ x: X_AT_RATE_MINUS_099, sign: lowSign });
  } else {
    const uLow = Math.log(X_AT_RATE_10);
    const uHigh = Math.log(X_AT_RATE_MINUS_099);
    const at = (i: number) => (i === 0 ? high : i === GRID_CELLS ? low : sample(g, Math.exp(uLow + ((uHigh - uLow) * i) / GRID_CELLS)));
    let previous = high;
    let previousSign = highSign;
    for (let i = 1; i <= GRID_CELLS; i++) {
      const current = at(i);
      const currentSign = i === GRID_CELLS ? lowSign : signOf(current);
      const unclear = reliableSign(previous) === null || reliableSign(current) === null;
      if (unclear || previousSign !== currentSign || previousSign === 0 || Math.sign(previous.slope) !== Math.sign(current.slope)) {
        for (const extremum of extremaWithin(g, previous.x, current.x)) points.push({ x: extremum.x, sign: signOf(extremum) });
      }
      points.push({ x: current.x, sign: currentSign });
      previous = current;
      previousSign = currentSign;
    }
  }

  const brackets: Bracket[] = [];
  let last: { x: number; sign: number } | null = null;
  for (const point of points) {
    if (point.sign === 0) continue;
    if (last && last.sign !== point.sign) brackets.push({ a: last.x, b: point.x, signA: last.sign });
    last = point;
  }
  return { brackets, rootAtTen };
}

/** The extrema of h strictly inside (a, b), found on a finer grid by bisection on the slope. */
function extremaWithin(g: readonly number[], a: number, b: number): Sample[] {
  const slope = (x: number) => sample(g, x).slope;
  const found: Sample[] = [];
  let xPrev = a;
  let slopePrev = slope(a);
  for (let j = 1; j <= SUBCELLS; j++) {
    const x = j === SUBCELLS ? b : a + ((b - a) * j) / SUBCELLS;
    const s = slope(x);
    if (slopePrev !== 0 && s !== 0 && Math.sign(s) !== Math.sign(slopePrev)) found.push(sample(g, bisect(slope, xPrev, x)));
    else if (s === 0 && j < SUBCELLS) found.push(sample(g, x));
    xPrev = x;
    slopePrev = s;
  }
  return found;
}

/** h and h' at x in decimal (Horner). */
function decimalHorner(c: readonly Decimal[], x: Decimal): [Decimal, Decimal] {
  let value = new Dec(0);
  let slope = new Dec(0);
  for (let k = c.length - 1; k >= 0; k--) {
    slope = slope.times(x).plus(value);
    value = value.times(x).plus(c[k]!);
  }
  return [value, slope];
}

const decimalSign = (d: Decimal) => (d.isZero() ? 0 : d.isNegative() ? -1 : 1);

/** Each coefficient as an integer, all over one common power of ten. */
function scaledIntegers(c: readonly Decimal[]): bigint[] {
  const parts = c.map((d) => {
    if (d.isZero()) return { digits: 0n, exponent: Infinity };
    const [mantissa = '0', exponentText = '0'] = d.toExponential().split('e');
    const digits = mantissa.replace('.', '');
    const fraction = mantissa.includes('.') ? mantissa.length - mantissa.indexOf('.') - 1 : 0;
    return { digits: BigInt(digits), exponent: Number(exponentText) - fraction };
  });
  const lowest = Math.min(...parts.map((p) => p.exponent));
  return parts.map((p) => (p.digits === 0n ? 0n : p.digits * 10n ** BigInt(p.exponent - lowest)));
}

/**
 * The multiplicity of the integer root r of a polynomial with integer coefficients (highest
 * degree first), and the sign of the polynomial divided by (t − r)^multiplicity at r.
 */
function rootAtInteger(highestFirst: readonly bigint[], r: bigint): { multiplicity: number; sign: number } {
  let coefficients = [...highestFirst];
  let multiplicity = 0;
  while (coefficients.length > 0) {
    const quotient: bigint[] = [];
    let accumulated = 0n;
    for (const a of coefficients) {
      accumulated = accumulated * r + a;
      quotient.push(accumulated);
    }
    const remainder = quotient.pop()!;
    if (remainder !== 0n) return { multiplicity, sign: remainder > 0n ? 1 : -1 };
    coefficients = quotient;
    multiplicity++;
  }
  return { multiplicity, sign: 0 };
}

/** Signs from the flows in decimal inside the interval, and exactly at its ends. */
function decimalOracle(c: () => readonly Decimal[]): SignOracle {
  return {
    signAt: (x) => decimalSign(decimalHorner(c(), new Dec(x))[0]),
    atEnd: (end) => {
      const integers = scaledIntegers(c());
      if (end === 'rate-10') {
        // In y = 1 + ρ = 1/x, y^(n−1)·h is Σ c_k y^(n−k): a root y = 11, approached from below.
        const { multiplicity, sign } = rootAtInteger(integers, 11n);
        return { inside: multiplicity % 2 === 0 ? sign : -sign, oddRoot: multiplicity % 2 === 1 };
      }
      // h in x, highest degree first: a root x = 100, approached from below.
      const { multiplicity, sign } = rootAtInteger([...integers].reverse(), 100n);
      return { inside: multiplicity % 2 === 0 ? sign : -sign, oddRoot: multiplicity % 2 === 1 };
    },
  };
}

/** Safeguarded Newton in float inside a sign-change bracket: the start of the decimal search. */
function floatRoot(g: readonly number[], { a, b, signA }: Bracket): number {
  let lo = a;
  let hi = b;
  let x = (a + b) / 2;
  let width = hi - lo;
  for (let i = 0; i < 200; i++) {
    const { value, slope } = sample(g, x);
    const s = Math.sign(value);
    if (s === 0) return x;
    if (s === signA) lo = x;
    else hi = x;
    let next = x - value / slope;
    // Newton creeps on a steep polynomial far from its root: bisect whenever a step has not
    // halved the bracket, so the loop always converges.
    const halved = hi - lo <= width / 2;
    width = hi - lo;
    if (!(next > lo && next < hi) || !halved) next = (lo + hi) / 2;
    if (next === x || Math.abs(next - x) <= 1e-16 * x) return next;
    x = next;
  }
  return x;
}

/**
 * Safeguarded Newton in decimal inside a sign-change bracket, from a float start. Usually the
 * float start is within 1e-15 of the root and one step (error ~ step²) suffices.
 */
function decimalRoot(c: readonly Decimal[], { a, b, signA }: Bracket, start: number): Decimal {
  let x = new Dec(start);
  let [value, slope] = decimalHorner(c, x);
  if (!value.isZero() && !slope.isZero()) {
    const step = value.div(slope);
    if (step.abs().lte(x.times(DECIMAL_STEP))) return x.minus(step);
  }
  let lo = new Dec(a);
  let hi = new Dec(b);
  for (let i = 0; i < 300; i++) {
    const s = decimalSign(value);
    if (s === 0) return x;
    if (s === signA) lo = x;
    else hi = x;
    let next = slope.isZero() ? null : x.minus(value.div(slope));
    if (next === null || next.lte(lo) || next.gte(hi)) next = lo.plus(hi).div(2);
    const step = next.minus(x).abs();
    x = next;
    if (step.lte(x.times(DECIMAL_STEP))) break;
    [value, slope] = decimalHorner(c, x);
  }
  return x;
}

/** Sign changes closer than 1e-9 are one point: an odd number of them one root, an even number none. */
function onePointRule<T>(ascending: readonly T[], gap: (a: T, b: T) => number): T[] {
  const roots: T[] = [];
  let group: T[] = [];
  const close = () => {
    if (group.length % 2 === 1) roots.push(group[(group.length - 1) / 2]!);
    group = [];
  };
  for (const root of ascending) {
    if (group.length > 0 && gap(group[group.length - 1]!, root) >= ONE_POINT) close();
    group.push(root);
  }
  close();
  return roots;
}

/** The flows without leading and trailing zeros (dividing h by x^m moves no root with x > 0). */
function trimZeros<T>(flows: readonly T[], isZero: (c: T) => boolean): T[] {
  const first = flows.findIndex((c) => !isZero(c));
  if (first < 0) return [];
  let last = flows.length - 1;
  while (isZero(flows[last]!)) last--;
  return flows.slice(first, last + 1);
}

/** Float coefficients scaled by the largest flow, in decimal when a double cannot hold the flows. */
function floatCoefficients(c: readonly Decimal[]): number[] {
  const floats = c.map((d) => d.toNumber());
  const largest = Math.max(...floats.map(Math.abs));
  if (Number.isFinite(largest) && largest > 1e-290) return floats.map((f) => f / largest);
  const scale = c.reduce((max, d) => Dec.max(max, d.abs()), new Dec(0));
  return c.map((d) => d.div(scale).toNumber());
}

/** All roots of the real flows (year 1 first), ascending, as decimals with 25 significant digits. */
export function irrRoots(realFlows: readonly Decimal[]): Decimal[] {
  const c = trimZeros(realFlows, (d) => d.isZero());
  if (c.length < 2) return [];
  const g = floatCoefficients(c);
  const { brackets, rootAtTen } = scan(g, decimalOracle(() => c));
  const roots = brackets.map((bracket) => Dec.div(1, decimalRoot(c, bracket, floatRoot(g, bracket))).minus(1));
  if (rootAtTen) roots.push(new Dec(10));
  roots.sort((p, q) => p.cmp(q));
  return onePointRule(roots, (p, q) => q.minus(p).toNumber()).map((r) => r.toSignificantDigits(25));
}

/**
 * The same roots for flows held as doubles (the Monte Carlo path): the scan and the signs it
 * cannot trust are decided as in irrRoots (in decimal, on the doubles' values); a root is placed
 * by Newton's method in float unless float noise could move it by more than 1e-13, then in decimal.
 */
export function irrRootsOfFloats(realFlows: readonly number[]): number[] {
  const flows = trimZeros(realFlows, (f) => f === 0);
  if (flows.length < 2) return [];
  const largest = Math.max(...flows.map(Math.abs));
  const g = flows.map((f) => f / largest);
  let decimals: Decimal[] | null = null;
  const exact = () => (decimals ??= flows.map((f) => new Dec(f)));
  const { brackets, rootAtTen } = scan(g, decimalOracle(exact));
  const degree = g.length - 1;
  const roots = brackets.map((bracket) => {
    const x = floatRoot(g, bracket);
    const at = sample(g, x);
    const placed = Math.abs(at.slope) > 0 && (noise(degree, at) + Math.abs(at.value)) / Math.abs(at.slope) <= 1e-14 * x
      ? x
      : decimalRoot(exact(), bracket, x).toNumber();
    return 1 / placed - 1;
  });
  if (rootAtTen) roots.push(10);
  roots.sort((p, q) => p - q);
  return onePointRule(roots, (p, q) => q - p);
}
