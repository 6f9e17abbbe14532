import { Dec, type Arithmetic } from './arithmetic.ts';
import type { DecimalInput } from './interchange.ts';

/**
 * A closed interval of reals. Running a schedule on intervals bounds, in one run, what the
 * decimal and the float schedules give anywhere in a range of an input (the breakeven search
 * proves that the NPV keeps its sign over a run of grid points this way).
 */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/**
 * Interval arithmetic whose every result contains both the decimal result (50 significant
 * digits, money rounded to 20 places) and the float result (doubles, money not rounded) of the
 * same operation on any operands inside the operand intervals. A comparison the intervals cannot
 * decide (they overlap) is recorded and answered arbitrarily: a run that met one proves nothing,
 * which `undecided()` tells.
 */
export interface IntervalArithmetic extends Arithmetic<Interval> {
  /** The interval [lo, hi], widened to contain both ends' decimal and float readings. */
  between(lo: number, hi: number): Interval;
  /** Whether a comparison was undecided since the last `reset()`. */
  undecided(): boolean;
  reset(): void;
}

/**
 * Slack of each bound: four units in the last place cover the double's rounding (half a unit),
 * decimal.js's rounding to 50 digits (1e-49 relative) and the rounding of the operands' bounds.
 * The absolute part keeps results near zero (and subnormal) outward.
 */
const RELATIVE_SLACK = 2 ** -50;
const ABSOLUTE_SLACK = 1e-300;
/** Math.pow and Math.sqrt are not correctly rounded everywhere: a generous bound. */
const LIBRARY_SLACK = 1e-12;
const MONEY_SLACK = 1e-20;
const INTEREST_SLACK = 1e-40;

const down = (x: number, relative = RELATIVE_SLACK, absolute = ABSOLUTE_SLACK) => x - (Math.abs(x) * relative + absolute);
const up = (x: number, relative = RELATIVE_SLACK, absolute = ABSOLUTE_SLACK) => x + (Math.abs(x) * relative + absolute);

const ZERO: Interval = { lo: 0, hi: 0 };
const ONE: Interval = { lo: 1, hi: 1 };
const EVERYTHING: Interval = { lo: -Infinity, hi: Infinity };
const isZero = (a: Interval) => a.lo === 0 && a.hi === 0;
const isPoint = (a: Interval) => a.lo === a.hi;

/** A new interval arithmetic with its own record of undecided comparisons. */
export function createIntervalArithmetic(): IntervalArithmetic {
  let undecided = false;
  const unknown = () => {
    undecided = true;
  };
  const outward = (lo: number, hi: number): Interval => ({ lo: down(lo), hi: up(hi) });

  const mul = (a: Interval, b: Interval): Interval => {
    if (isZero(a)) return a;
    if (isZero(b)) return b;
    if (a.lo >= 0 && b.lo >= 0) return outward(a.lo * b.lo, a.hi * b.hi);
    const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
    return outward(Math.min(...p), Math.max(...p));
  };
  const cmp = (a: Interval, b: Interval): number => {
    if (a.hi < b.lo) return -1;
    if (a.lo > b.hi) return 1;
    if (isPoint(a) && isPoint(b) && a.lo === b.lo) return 0;
    unknown();
    return 0;
  };

  return {
    zero: ZERO,
    one: ONE,
    between: (lo, hi) => outward(lo, hi),
    of: (value: DecimalInput) => {
      const x = Number(value);
      const exact = new Dec(value);
      if (Number.isSafeInteger(x) && exact.eq(x)) return x === 0 ? ZERO : { lo: x, hi: x };
      return outward(x, x);
    },
    add: (a, b) => (isZero(b) ? a : isZero(a) ? b : outward(a.lo + b.lo, a.hi + b.hi)),
    // The same quantity less itself is exactly 0 in decimal and in float.
    sub: (a, b) => (isZero(b) ? a : a === b ? ZERO : outward(a.lo - b.hi, a.hi - b.lo)),
    mul,
    div: (a, b) => {
      if (b.lo <= 0 && b.hi >= 0) {
        unknown();
        return EVERYTHING;
      }
      if (isZero(a)) return a;
      const q = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
      return outward(Math.min(...q), Math.max(...q));
    },
    neg: (a) => (isZero(a) ? a : { lo: -a.hi, hi: -a.lo }),
    money: (a) => (isZero(a) ? a : { lo: down(a.lo, RELATIVE_SLACK, MONEY_SLACK), hi: up(a.hi, RELATIVE_SLACK, MONEY_SLACK) }),
    interest: (a) => (isZero(a) ? a : { lo: down(a.lo, RELATIVE_SLACK, INTEREST_SLACK), hi: up(a.hi, RELATIVE_SLACK, INTEREST_SLACK) }),
    powInt: (a, exponent) => {
      if (exponent === 0) return ONE;
      if (!(a.lo > 0)) {
        unknown();
        return EVERYTHING;
      }
      const ends = [a.lo ** exponent, a.hi ** exponent];
      return { lo: down(Math.min(...ends), LIBRARY_SLACK), hi: up(Math.max(...ends), LIBRARY_SLACK) };
    },
    sqrt: (a) => {
      if (a.lo < 0) {
        unknown();
        return EVERYTHING;
      }
      return { lo: Math.max(0, down(Math.sqrt(a.lo), LIBRARY_SLACK)), hi: up(Math.sqrt(a.hi), LIBRARY_SLACK) };
    },
    cmp,
    sign: (a) => {
      if (a.lo > 0) return 1;
      if (a.hi < 0) return -1;
      if (isZero(a)) return 0;
      unknown();
      return 0;
    },
    // Where the operands overlap, min and max are their hull's: no decision is needed.
    min: (a, b) => (a.hi <= b.lo ? a : b.hi <= a.lo ? b : { lo: Math.min(a.lo, b.lo), hi: Math.min(a.hi, b.hi) }),
    max: (a, b) => (a.lo >= b.hi ? a : b.lo >= a.hi ? b : { lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) }),
    toNumber: (a) => (a.lo + a.hi) / 2,
    toString: (a) => `[${a.lo}, ${a.hi}]`,
    undecided: () => undecided,
    reset: () => {
      undecided = false;
    },
  };
}

/** The interval holding both a decimal value and the float path's value of the same quantity. */
export function enclose(decimal: Dec, float: number): Interval {
  if (decimal.isZero() && float === 0) return ZERO;
  const x = decimal.toNumber();
  return { lo: down(Math.min(x, float)), hi: up(Math.max(x, float)) };
}

/**
 * The same structure (inputs, deal terms, a part of the schedule) computed in decimal and in
 * float, as one structure of intervals holding both; null where the two differ in anything but
 * their numbers (a first production year, a missing entry), so nothing can be proved from it.
 */
export function encloseStructure<S>(decimal: unknown, float: unknown): S | null {
  const enclosed = encloseValue(decimal, float);
  return enclosed === MISMATCH ? null : (enclosed as S);
}

const MISMATCH = Symbol('mismatch');

function encloseValue(decimal: unknown, float: unknown): unknown {
  if (decimal instanceof Dec) return typeof float === 'number' ? enclose(decimal, float) : MISMATCH;
  if (Array.isArray(decimal)) {
    if (!Array.isArray(float) || float.length !== decimal.length) return MISMATCH;
    const out: unknown[] = [];
    for (let i = 0; i < decimal.length; i++) {
      const x = encloseValue(decimal[i], float[i]);
      if (x === MISMATCH) return MISMATCH;
      out.push(x);
    }
    return out;
  }
  if (decimal !== null && typeof decimal === 'object') {
    if (float === null || typeof float !== 'object') return MISMATCH;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(decimal)) {
      const x = encloseValue(value, (float as Record<string, unknown>)[key]);
      if (x === MISMATCH) return MISMATCH;
      out[key] = x;
    }
    return out;
  }
  return decimal === float ? decimal : MISMATCH;
}
