// Bounds on every input number, checked on its text before any Decimal is built or any message
// is written, so that no number from a file or a request (`"1e1000000000"`, a 100,000-digit
// price) is ever expanded. §9 lets an implementation refuse numbers beyond documented limits of
// size and precision; these are Orebridge's (docs/decisions.md, docs/methodology.md).

/** What a number is, in the field catalogue's terms (shared/fields/types.ts). */
export type NumberKind = 'money' | 'money-per-unit' | 'tonnes' | 'fraction' | 'rate' | 'factor' | 'whole-number' | 'calendar-year';

/** At most this many significant digits. */
export const MAX_SIGNIFICANT_DIGITS = 30;
/** No significant digit beyond this decimal place (1e-30 is the smallest non-zero magnitude). */
export const MAX_DECIMAL_PLACES = 30;
/** Counts of years (depreciation, loss carry-forward, delay, …) go up to this many. */
export const MAX_WHOLE_NUMBER = 1000;
export const MIN_CALENDAR_YEAR = 1;
export const MAX_CALENDAR_YEAR = 9999;

export type DecimalKind = Exclude<NumberKind, 'whole-number' | 'calendar-year'>;

/** |x| must be below 10^limit, per kind; said in messages as `words`. */
const MAGNITUDE: Record<DecimalKind, { limit: number; words: string }> = {
  'money': { limit: 15, words: '10^15' },
  'money-per-unit': { limit: 15, words: '10^15' },
  'tonnes': { limit: 15, words: '10^15' },
  'fraction': { limit: 3, words: '1000' },
  'rate': { limit: 1, words: '10 (1,000 %)' },
  'factor': { limit: 6, words: '10^6' },
};

/** Whole-number kinds: their range. */
const WHOLE: Record<Exclude<NumberKind, DecimalKind>, { min: number; max: number; words: string }> = {
  'whole-number': { min: 0, max: MAX_WHOLE_NUMBER, words: 'a whole number' },
  'calendar-year': { min: MIN_CALENDAR_YEAR, max: MAX_CALENDAR_YEAR, words: 'a calendar year' },
};

const isDecimalKind = (kind: NumberKind): kind is DecimalKind => kind in MAGNITUDE;

/** `-?digits[.digits][(e|E)[+|-]digits]`, nothing around it (§9's settled reading). */
const DECIMAL_GRAMMAR = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** A decimal text read without building its value: sign, significant digits, and the powers of ten of its first and last ones. */
export interface DecimalShape {
  negative: boolean;
  zero: boolean;
  significantDigits: number;
  /** Power of ten of the most significant digit (±Infinity for an exponent too long to read). */
  highest: number;
  /** Power of ten of the least significant non-zero digit. */
  lowest: number;
}

/** The shape of a decimal text, or null when it does not follow the grammar. */
export function decimalShape(text: string): DecimalShape | null {
  const match = DECIMAL_GRAMMAR.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const digits = whole + fraction;
  let first = 0;
  while (first < digits.length && digits[first] === '0') first++;
  if (first === digits.length) return { negative: false, zero: true, significantDigits: 0, highest: 0, lowest: 0 };
  let last = digits.length - 1;
  while (digits[last] === '0') last--;
  const unsigned = exponentText.replace(/^[+-]/, '').replace(/^0+/, '');
  const exponent = unsigned.length > 15 ? (exponentText.startsWith('-') ? -Infinity : Infinity) : Number(exponentText);
  return {
    negative: sign === '-',
    zero: false,
    significantDigits: last - first + 1,
    highest: exponent + whole.length - 1 - first,
    lowest: exponent + whole.length - 1 - last,
  };
}

/** A number as written in a document: a JSON number becomes its shortest decimal text; anything else is not a number. */
export function decimalTextOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return Object.is(value, -0) ? '0' : String(value).replace('e+', 'e');
}

/** A text shown in a message, cut short so that no message repeats a huge input. */
export function shown(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 32)}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** The same, in quotes (where spaces matter). */
export function quoted(text: string): string {
  return text.length <= 40 ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, 32))}… (${text.length.toLocaleString('en-US')} characters)`;
}

export type DecimalTextProblem = 'grammar' | 'digits' | 'places' | 'magnitude';

/** The first bound a decimal text breaks (size and precision only), or null. */
export function decimalTextProblem(text: string, kind: DecimalKind): { problem: DecimalTextProblem; shape: DecimalShape | null } | null {
  const shape = decimalShape(text);
  if (shape === null) return { problem: 'grammar', shape };
  if (shape.zero) return null;
  if (shape.highest >= MAGNITUDE[kind].limit) return { problem: 'magnitude', shape };
  if (shape.lowest < -MAX_DECIMAL_PLACES) return { problem: 'places', shape };
  if (shape.significantDigits > MAX_SIGNIFICANT_DIGITS) return { problem: 'digits', shape };
  return null;
}

/**
 * A whole number read from its text ("2030", "2.03e3", "2030.0"): the number, 'fraction' when
 * it is not whole, 'huge' when it has more than 15 digits, null when it is not a number at all.
 */
export function wholeNumberOfText(text: string): number | 'fraction' | 'huge' | null {
  const shape = decimalShape(text);
  if (shape === null) return null;
  if (shape.zero) return 0;
  if (shape.lowest < 0) return shape.highest >= 15 ? 'huge' : 'fraction';
  if (shape.highest >= 15) return 'huge';
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : 'huge';
}

/**
 * Checks a number's text against the grammar and the documented bounds of its kind, without
 * building its value: a message naming the bound, or null when the text is a valid number of
 * that kind as far as size and precision go (ranges such as [0, 1] are checked on the value).
 * Used by validation and by the file layer on SQLite cells.
 */
export function checkDecimalText(text: string, kind: NumberKind): string | null {
  if (!isDecimalKind(kind)) {
    const { min, max, words } = WHOLE[kind];
    const value = wholeNumberOfText(text);
    if (value === null) return `must be ${words} (a JSON number or a decimal string such as "2030"), not ${quoted(text)}`;
    if (value === 'fraction') return `must be ${words}, not ${shown(text)}`;
    if (value === 'huge' || value < min || value > max) return `must be ${words} from ${min} to ${max}, not ${shown(text)}`;
    return null;
  }
  const found = decimalTextProblem(text, kind);
  if (found === null) return null;
  switch (found.problem) {
    case 'grammar':
      return `must be a number (a JSON number or a decimal string such as "0.05", without spaces or a + sign), not ${quoted(text)}`;
    case 'magnitude':
      return found.shape!.negative
        ? `must be above −${MAGNITUDE[kind].words}, not ${shown(text)}`
        : `must be below ${MAGNITUDE[kind].words}, not ${shown(text)}`;
    case 'places':
      return `must have no digit beyond the ${MAX_DECIMAL_PLACES}th decimal place, not ${shown(text)}`;
    case 'digits':
      return `must have at most ${MAX_SIGNIFICANT_DIGITS} significant digits, not ${shown(text)}`;
  }
}
