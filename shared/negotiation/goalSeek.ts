// Goal seek (issue 12): the values of one deal term at which one metric equals a target. The
// term's interval is scanned in float (the engine's float arithmetic, as the breakeven search
// does) to bracket every crossing; each bracket is narrowed in float, then confirmed in decimal
// (the sign of metric − target changes within 1e-12 relative of the value, else a decimal
// bisection inside the bracket), and every reported number is the decimal evaluation at the
// solved value. A jump across the target (a tax-holiday threshold) is not a solution.
import { Dec, type Dec as Decimal } from '../engine/arithmetic.ts';
import type { CaseSelection } from '../engine/evaluate.ts';
import type { Project } from '../engine/interchange.ts';
import { dealTerm, termWriter, type DealTerm } from '../fields/terms.ts';
import { formatDecimal } from '../fields/format.ts';
import { decimalEvaluation, floatInputs, floatMetrics, floatMetricsOf, isFractionMetric, metricChoice, metricLabel, metricOfEvaluation, type MetricChoice } from './metrics.ts';

export interface GoalSeekRequest {
  structure: string;
  scenario?: string;
  /** The term's path relative to the structure (or `assumptions.…`). */
  term: string;
  balanceWith?: string;
  metric: string;
  party?: string | null;
  /** Decimal text. */
  target: string;
  /** A user interval inside the term's valid range (decimal text). */
  min?: string;
  max?: string;
}

export interface GoalSeekAnswer {
  term: DealTerm;
  choice: MetricChoice;
  target: string;
  range: { min: string; max: string };
  /** Smallest value first; empty when the target is out of reach. */
  solutions: { value: string; achieved: string }[];
  /** The metric's range over the interval (decimal at the scan's extremes); null where it is nowhere defined. */
  metricRange: { min: string; max: string } | null;
  /** "government take stays between 41 % and 52 % for …" when there is no solution. */
  message: string | null;
}

export type GoalSeekError = { code: 'out-of-range' | 'not-a-number' | 'unknown-structure' | 'unknown-scenario' | 'unknown-term' | 'unknown-partner' | 'unknown-metric' | 'unknown-party' | 'invalid-target' | 'invalid-range'; message: string };
export type GoalSeekResult = { ok: true; value: GoalSeekAnswer } | { ok: false; error: GoalSeekError };

const SCAN_POINTS = 200;
const RELATIVE_TOLERANCE = 1e-12;
/** How close the decimal metric must come to the target for a bracket to be a crossing, not a jump. */
const ACHIEVED_TOLERANCE = 1e-9;

const parse = (text: string | undefined): Decimal | null => {
  if (text === undefined) return null;
  try {
    const d = new Dec(text.trim());
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
};

/** The interval searched: the user's, or the term's valid range; an unbounded end is 0 or twice the current value (at least 1). */
function interval(term: DealTerm, min: string | undefined, max: string | undefined): { ok: true; lo: Decimal; hi: Decimal } | { ok: false; error: GoalSeekError } {
  const current = new Dec(term.value ?? '0');
  const validMin = term.range.min === null ? null : new Dec(term.range.min);
  const validMax = term.range.max === null ? null : new Dec(term.range.max);
  const userMin = parse(min);
  const userMax = parse(max);
  if ((min !== undefined && userMin === null) || (max !== undefined && userMax === null)) {
    return { ok: false, error: { code: 'invalid-range', message: `--min and --max must be numbers` } };
  }
  const span = Dec.max(current.abs().times(2), 1);
  let lo = userMin ?? validMin ?? Dec.min(current.minus(span), 0);
  let hi = userMax ?? validMax ?? current.abs().times(2).plus(current.isZero() ? 1 : 0);
  if (validMin !== null && (term.range.minExclusive ? lo.lte(validMin) : lo.lt(validMin)) && userMin !== null) {
    return { ok: false, error: { code: 'invalid-range', message: `${term.label} must be ${term.range.minExclusive ? 'above' : 'at least'} ${validMin.toString()}; the interval starts at ${lo.toString()}` } };
  }
  if (validMax !== null && hi.gt(validMax)) {
    return { ok: false, error: { code: 'invalid-range', message: `${term.label} must be at most ${validMax.toString()}; the interval ends at ${hi.toString()}` } };
  }
  if (term.range.minExclusive && validMin !== null && lo.lte(validMin)) lo = validMin.plus(hi.minus(validMin).times(1e-9));
  if (hi.lt(lo)) return { ok: false, error: { code: 'invalid-range', message: `the interval's minimum ${lo.toString()} is above its maximum ${hi.toString()}` } };
  return { ok: true, lo, hi };
}

export function formatMetric(choice: MetricChoice, value: Decimal): string {
  return isFractionMetric(choice.metric) ? `${formatDecimal(value.times(100).toSignificantDigits(4))} %` : formatDecimal(value.toDecimalPlaces(0));
}

function formatTerm(term: DealTerm, value: Decimal): string {
  return term.kind === 'fraction' || term.kind === 'rate' ? `${formatDecimal(value.times(100).toSignificantDigits(6))} %` : formatDecimal(value.toSignificantDigits(8));
}

/** Finds every value of the term in the interval where the metric equals the target. */
export function goalSeek(project: Project, request: GoalSeekRequest): GoalSeekResult {
  const described = dealTerm(project, request.structure, request.term, request.balanceWith === undefined ? {} : { balanceWith: request.balanceWith });
  if (!described.ok) return described;
  const term = described.value;
  if (request.scenario !== undefined && !project.scenarios.some((s) => s.id === request.scenario)) {
    return { ok: false, error: { code: 'unknown-scenario', message: `There is no scenario "${request.scenario}" in this project (it has ${project.scenarios.map((s) => s.id).join(', ')}).` } };
  }
  const checked = metricChoice(project, request.structure, request.metric, request.party ?? null);
  if (!checked.ok) return checked;
  const choice = checked.value;
  const target = parse(request.target);
  if (target === null) return { ok: false, error: { code: 'invalid-target', message: `the target must be a number, not "${request.target}"` } };
  const range = interval(term, request.min, request.max);
  if (!range.ok) return range;

  const selection: CaseSelection = { structure: request.structure, ...(request.scenario === undefined ? {} : { scenario: request.scenario }) };
  const options = request.balanceWith === undefined ? {} : { balanceWith: request.balanceWith };
  const writer = termWriter(project, request.structure, request.term, options);
  if (!writer.ok) return writer;
  const written = (value: Decimal) => {
    const next = writer.value(value);
    return next.ok ? next.value : null;
  };
  // A structure's term leaves the scenario's transformed assumptions as they are: transform once.
  const inputs = request.term.startsWith('assumptions.') ? null : floatInputs(project, selection);
  const floatAt = (x: number): number | null => {
    const next = written(new Dec(x));
    if (next === null) return null;
    if (inputs === null) return floatMetrics(next, selection)(choice);
    return floatMetricsOf(inputs, next.structures.find((s) => s.id === request.structure)!)(choice);
  };
  const decimalAt = (x: Decimal): Decimal | null => {
    const next = written(x);
    const evaluation = next === null ? null : decimalEvaluation(next, selection);
    return evaluation === null ? null : metricOfEvaluation(evaluation, choice);
  };
  const t = target.toNumber();
  const lo = range.lo.toNumber();
  const hi = range.hi.toNumber();
  const xs = Array.from({ length: SCAN_POINTS + 1 }, (_, i) => (i === 0 ? lo : i === SCAN_POINTS ? hi : lo + ((hi - lo) * i) / SCAN_POINTS));
  const ys = xs.map(floatAt);

  const solutions: { value: Decimal; achieved: Decimal }[] = [];
  // The metric's scale over the interval: a target of 0 (a venture NPV of 0) is met within 1e-9
  // of the amounts the metric takes, not within 1e-9 of a currency unit, which no double reaches.
  const scale = Dec.max(target.abs(), ...ys.map((y) => (y === null || !Number.isFinite(y) ? 0 : Math.abs(y))), 1e-300);
  const accept = (value: Decimal) => {
    const achieved = decimalAt(value);
    if (achieved === null) return;
    if (achieved.minus(target).abs().div(scale).gt(ACHIEVED_TOLERANCE) && !achieved.minus(target).abs().lt(1e-9)) return;
    if (solutions.some((s) => s.value.eq(value))) return;
    solutions.push({ value, achieved });
  };
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y === null || y === undefined) continue;
    if (y === t) {
      accept(new Dec(xs[i]!));
      continue;
    }
    const next = ys[i + 1];
    if (i + 1 < xs.length && next !== null && next !== undefined && next !== t && Math.sign(y - t) !== Math.sign(next - t)) {
      const root = refine((x) => floatAt(x), t, xs[i]!, xs[i + 1]!);
      accept(confirm(decimalAt, target, root, xs[i]!, xs[i + 1]!));
    }
  }
  solutions.sort((p, q) => p.value.cmp(q.value));

  const defined = xs.map((x, i) => ({ x, y: ys[i] })).filter((p): p is { x: number; y: number } => p.y !== null && p.y !== undefined);
  let metricRange: { min: string; max: string } | null = null;
  if (defined.length > 0) {
    const lowest = defined.reduce((a, b) => (b.y < a.y ? b : a));
    const highest = defined.reduce((a, b) => (b.y > a.y ? b : a));
    const low = decimalAt(new Dec(lowest.x)) ?? new Dec(lowest.y);
    const high = decimalAt(new Dec(highest.x)) ?? new Dec(highest.y);
    metricRange = { min: Dec.min(low, high).toString(), max: Dec.max(low, high).toString() };
  }
  const label = metricLabel(choice);
  const interval_ = `${term.label} ${formatTerm(term, range.lo)}–${formatTerm(term, range.hi)}`;
  const message = solutions.length > 0 ? null : metricRange === null
    ? `${label} is not defined anywhere for ${interval_}`
    : `${label} stays between ${formatMetric(choice, new Dec(metricRange.min))} and ${formatMetric(choice, new Dec(metricRange.max))} for ${interval_}: it never reaches ${formatMetric(choice, target)}`;
  return {
    ok: true,
    value: {
      term, choice, target: target.toString(),
      range: { min: range.lo.toString(), max: range.hi.toString() },
      solutions: solutions.map((s) => ({ value: s.value.toString(), achieved: s.achieved.toString() })),
      metricRange, message,
    },
  };
}

/** Narrows a float bracket of metric − target to 1e-12 relative: bisection (the metric may jump). */
function refine(fn: (x: number) => number | null, target: number, low: number, high: number): number {
  let a = low;
  let b = high;
  let fa = (fn(a) ?? target) - target;
  let fb = (fn(b) ?? target) - target;
  const signA = Math.sign(fa);
  for (let i = 0; i < 200 && b - a > RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1e-12); i++) {
    // Secant guess, kept only when it lands well inside the bracket; otherwise the midpoint.
    let m = (a * fb - b * fa) / (fb - fa);
    if (!(m > a + (b - a) * 0.01 && m < b - (b - a) * 0.01)) m = (a + b) / 2;
    const fm = fn(m);
    if (fm === null) return (a + b) / 2;
    if (fm === target) return m;
    if (Math.sign(fm - target) === signA) [a, fa] = [m, fm - target];
    else [b, fb] = [m, fm - target];
  }
  return (a + b) / 2;
}

/** Confirms a float root in decimal: the sign of metric − target changes within 1e-12 relative, else bisection in decimal. */
function confirm(decimalAt: (x: Decimal) => Decimal | null, target: Decimal, root: number, low: number, high: number): Decimal {
  const sign = (x: Decimal) => {
    const y = decimalAt(x);
    return y === null ? null : y.minus(target).cmp(0);
  };
  const rootDec = new Dec(root);
  const width = Dec.max(rootDec.abs(), 1e-12).times(RELATIVE_TOLERANCE);
  const a = Dec.max(new Dec(low), rootDec.minus(width));
  const b = Dec.min(new Dec(high), rootDec.plus(width));
  const sa = sign(a);
  const sb = sign(b);
  if (sa === 0) return a;
  if (sb === 0) return b;
  if (sa !== null && sb !== null && sa !== sb) return rootDec;
  let lo = new Dec(low);
  let hi = new Dec(high);
  const loSign = sign(lo);
  for (let i = 0; i < 80 && hi.minus(lo).gt(Dec.max(hi.abs(), 1e-12).times(RELATIVE_TOLERANCE)); i++) {
    const mid = lo.plus(hi).div(2);
    const s = sign(mid);
    if (s === 0) return mid;
    if (s === loSign) lo = mid;
    else hi = mid;
  }
  return lo.plus(hi).div(2).toSignificantDigits(16);
}
