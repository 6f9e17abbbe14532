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
const ONE_POINT = 1e-9;
const ROUNDOFF = 2 ** -53;
const DECIMAL_STEP = new Dec('1e-15');

interface Sample {
  x: number;
  value: number;
  slope: number;
  /** h''/2: where it changes sign, an extremum may hide between two others. */
  curvature: number;
  /** Σ |c_k| x^(k−1): the scale of Horner's rounding error at x. */
  magnitude: number;
}

function sample(g: readonly number[], x: number): Sample {
  let value = 0;
  let slope = 0;
  let curvature = 0;
  let magnitude = 0;
  for (let k = g.length - 1; k >= 0; k--) {
    curvature = curvature * x + slope;
    slope = slope * x + value;
    value = value * x + g[k]!;
    magnitude = magnitude * x + Math.abs(g[k]!);
  }
  return { x, value, slope, curvature, magnitude };
}

/** A bound on the float error of h at a sample (Horner's rule plus the scaling of the flows). */
const noise = (degree: number, s: Sample) => 4 * (degree + 2) * ROUNDOFF * s.magnitude;

/** The sign of h at a point or end where float noise might decide it, from the flows themselves. */
interface SignOracle {
  signAt(x: number): number;
  /** The extrema of h strictly inside (a, b), located in decimal (where float noise blurs h'). */
  extremaWithin(a: number, b: number): number[];
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
 * in sign, whose slope or curvature changes sign or whose ends float cannot sign is searched for
 * extrema (the derivative cascade, in decimal where float cannot sign h), and each extremum is a
 * point of the sign sequence, so a tangent root (an extremum touching zero) never makes a pair
 * and close roots either side of an extremum are all found.
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
    let derivatives: number[][] | null = null;
    for (let i = 1; i <= GRID_CELLS; i++) {
      const current = at(i);
      const currentSign = i === GRID_CELLS ? lowSign : signOf(current);
      const unclear = reliableSign(previous) === null || reliableSign(current) === null;
      const turns = Math.sign(previous.slope) !== Math.sign(current.slope) || Math.sign(previous.curvature) !== Math.sign(current.curvature);
      if (unclear || turns || previousSign !== currentSign || previousSign === 0) {
        derivatives ??= derivativesOf(g);
        let extrema = signChangesWithin(derivatives, 1, previous.x, current.x);
        let signs = extrema.map((x) => reliableSign(sample(g, x)));
        if (unclear || signs.includes(null)) {
          // Float cannot sign h here: a tangent root, or features closer than its noise.
          extrema = oracle.extremaWithin(previous.x, current.x);
          signs = extrema.map((x) => oracle.signAt(x));
        }
        extrema.forEach((x, i) => points.push({ x, sign: signs[i]! }));
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

/** The coefficients of h, h', h'', … (constant term first), in float. */
function derivativesOf(g: readonly number[]): number[][] {
  const all = [[...g]];
  for (let previous = all[0]!; previous.length > 1;) {
    previous = previous.slice(1).map((c, i) => c * (i + 1));
    all.push(previous);
  }
  return all;
}

function horner(c: readonly number[], x: number): number {
  let value = 0;
  for (let k = c.length - 1; k >= 0; k--) value = value * x + c[k]!;
  return value;
}

/**
 * The points strictly inside (a, b) where the derivative of the given order changes sign,
 * ascending. Between two consecutive sign changes of the next derivative it is monotone, so each
 * of its sign changes lies between two of them and is found by bisection: with order 1 these are
 * the extrema of h, however close (three roots 0.001 apart in one cell included).
 */
function signChangesWithin(derivatives: readonly number[][], order: number, a: number, b: number): number[] {
  if (order >= derivatives.length - 1) return [];
  const coefficients = derivatives[order]!;
  const at = (x: number) => horner(coefficients, x);
  const points = [a, ...signChangesWithin(derivatives, order + 1, a, b), b];
  const changes: number[] = [];
  let xPrevious = a;
  let previous = at(a);
  for (let i = 1; i < points.length; i++) {
    const x = points[i]!;
    const value = at(x);
    if (previous !== 0 && value !== 0 && Math.sign(value) !== Math.sign(previous)) changes.push(bisect(at, xPrevious, x));
    else if (value === 0 && i < points.length - 1) changes.push(x);
    xPrevious = x;
    previous = value;
  }
  return changes;
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

/** The coefficients of h, h', h'', … in decimal (exact: integer multiples of the flows). */
function decimalDerivativesOf(c: readonly Decimal[]): Decimal[][] {
  const all = [[...c]];
  for (let previous = all[0]!; previous.length > 1;) {
    previous = previous.slice(1).map((d, i) => d.times(i + 1));
    all.push(previous);
  }
  return all;
}

function decimalValue(c: readonly Decimal[], x: Decimal): Decimal {
  let value = new Dec(0);
  for (let k = c.length - 1; k >= 0; k--) value = value.times(x).plus(c[k]!);
  return value;
}

/** signChangesWithin in decimal; each sign change placed by safeguarded Newton on the derivative below it. */
function decimalSignChangesWithin(derivatives: readonly Decimal[][], order: number, a: Decimal, b: Decimal): Decimal[] {
  if (order >= derivatives.length - 1) return [];
  const coefficients = derivatives[order]!;
  const slopes = derivatives[order + 1]!;
  const points = [a, ...decimalSignChangesWithin(derivatives, order + 1, a, b), b];
  const changes: Decimal[] = [];
  let xPrevious = a;
  let previous = decimalSign(decimalValue(coefficients, a));
  for (let i = 1; i < points.length; i++) {
    const x = points[i]!;
    const sign = decimalSign(decimalValue(coefficients, x));
    if (previous !== 0 && sign !== 0 && sign !== previous) changes.push(decimalMonotoneRoot(coefficients, slopes, xPrevious, x, previous));
    else if (sign === 0 && i < points.length - 1) changes.push(x);
    xPrevious = x;
    previous = sign;
  }
  return changes;
}

/** The root of a polynomial that is monotone on (lo, hi) and has the sign `signLo` at lo. */
function decimalMonotoneRoot(coefficients: readonly Decimal[], slopes: readonly Decimal[], low: Decimal, high: Decimal, signLo: number): Decimal {
  let lo = low;
  let hi = high;
  let x = lo.plus(hi).div(2);
  for (let i = 0; i < 200; i++) {
    const value = decimalValue(coefficients, x);
    const s = decimalSign(value);
    if (s === 0) return x;
    if (s === signLo) lo = x;
    else hi = x;
    const slope = decimalValue(slopes, x);
    let next = slope.isZero() ? null : x.minus(value.div(slope));
    if (next === null || next.lte(lo) || next.gte(hi)) next = lo.plus(hi).div(2);
    const step = next.minus(x).abs();
    x = next;
    if (step.lte(x.abs().times('1e-30'))) break;
  }
  return x;
}

/** Signs from the flows in decimal inside the interval, and exactly at its ends. */
function decimalOracle(c: () => readonly Decimal[]): SignOracle {
  let derivatives: Decimal[][] | null = null;
  return {
    signAt: (x) => decimalSign(decimalHorner(c(), new Dec(x))[0]),
    extremaWithin: (a, b) => {
      derivatives ??= decimalDerivativesOf(c());
      return decimalSignChangesWithin(derivatives, 1, new Dec(a), new Dec(b)).map((x) => x.toNumber());
    },
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
  for (let i = 0; i < 100; i++) {
    const { value, slope } = sample(g, x);
    const s = Math.sign(value);
    if (s === 0) return x;
    if (s === signA) lo = x;
    else hi = x;
    let next = x - value / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
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
    const placed = Math.abs(at.slope) > 0 && noise(degree, at) / Math.abs(at.slope) <= 1e-14 * x
      ? x
      : decimalRoot(exact(), bracket, x).toNumber();
    return 1 / placed - 1;
  });
  if (rootAtTen) roots.push(10);
  roots.sort((p, q) => p - q);
  return onePointRule(roots, (p, q) => q - p);
}
