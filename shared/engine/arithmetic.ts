import Decimal from 'decimal.js';
import type { DecimalInput } from './interchange.ts';

/**
 * The number operations the methodology's schedules use. Every schedule is written once against
 * this interface, so the same computation runs in decimal (every reported number) and in binary
 * floating point (root scans now, Monte Carlo later).
 */
export interface Arithmetic<T> {
  readonly zero: T;
  readonly one: T;
  of(value: DecimalInput): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  /** A money amount from a product or quotient: half-to-even at 20 decimal places (§1). */
  money(a: T): T;
  /** A participating interest: half-to-even at 40 decimal places (§1). */
  interest(a: T): T;
  powInt(a: T, exponent: number): T;
  sqrt(a: T): T;
  cmp(a: T, b: T): number;
  sign(a: T): number;
  min(a: T, b: T): T;
  max(a: T, b: T): T;
  toNumber(a: T): number;
  toString(a: T): string;
}

/** decimal.js with 50 significant digits, half-to-even, never exponent notation in output. */
const PRECISION = 50;
export const Dec = Decimal.clone({ precision: PRECISION, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
export type Dec = Decimal;

const decZero = new Dec(0);
const decOne = new Dec(1);
/** Exactly 1, read off decimal.js's documented representation (sign s, exponent e, base-10^7 digits d). */
const isOne = (x: Decimal) => x.s === 1 && x.e === 0 && x.d.length === 1 && x.d[0] === 1;

export const decimalArithmetic: Arithmetic<Decimal> = {
  zero: decZero,
  one: decOne,
  of: (value) => new Dec(value),
  // Zero operands are common (years before production, absent terms); skipping them saves work
  // without changing any result.
  add: (a, b) => (b.isZero() ? a : a.isZero() ? b : a.plus(b)),
  sub: (a, b) => (b.isZero() ? a : a.minus(b)),
  mul: (a, b) => (a.isZero() ? a : b.isZero() ? b : a.times(b)),
  // A split's weights often sum to exactly 1 (participating interests): a quotient by 1 is the
  // dividend itself once it holds no more digits than the precision, so it is not computed.
  div: (a, b) => (isOne(b) && a.sd() <= PRECISION ? a : a.div(b)),
  neg: (a) => a.neg(),
  money: (a) => (a.decimalPlaces() <= 20 ? a : a.toDecimalPlaces(20, Decimal.ROUND_HALF_EVEN)),
  interest: (a) => (a.decimalPlaces() <= 40 ? a : a.toDecimalPlaces(40, Decimal.ROUND_HALF_EVEN)),
  powInt: (a, exponent) => a.pow(exponent),
  sqrt: (a) => a.sqrt(),
  cmp: (a, b) => a.cmp(b),
  sign: (a) => (a.isZero() ? 0 : a.isNegative() ? -1 : 1),
  min: (a, b) => (a.lte(b) ? a : b),
  max: (a, b) => (a.gte(b) ? a : b),
  toNumber: (a) => a.toNumber(),
  toString: (a) => (a.isZero() ? '0' : a.toString()),
};

export const floatArithmetic: Arithmetic<number> = {
  zero: 0,
  one: 1,
  of: (value) => Number(value),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  money: (a) => a,
  interest: (a) => a,
  powInt: (a, exponent) => a ** exponent,
  sqrt: (a) => Math.sqrt(a),
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  sign: (a) => (a === 0 ? 0 : a < 0 ? -1 : 1),
  min: (a, b) => (a <= b ? a : b),
  max: (a, b) => (a >= b ? a : b),
  toNumber: (a) => a,
  toString: (a) => String(a),
};
