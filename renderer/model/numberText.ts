// Reading the numbers people type or paste without guessing what a separator means: `1,050` is
// 1050 in en-US and 1.05 in es-CL. A text is read in both conventions (a point or a comma marks
// the decimals) with strict grouping; when both readings are valid and differ, the text is
// ambiguous. A typed value takes the user's locale's reading (@internationalized/number); a pasted
// block asks (see pasteBlock.ts). Units and scale words people type are understood or refused with
// a message that says what to type. Values come back as exact decimal text, never via a float.
import { NumberParser } from '@internationalized/number';
import Decimal from 'decimal.js';

const Exact = Decimal.clone({ precision: 80, toExpNeg: -100, toExpPos: 100 });

/** What a field holds; the parser knows nothing else about the field. */
export type NumberKind = 'number' | 'percent' | 'money' | 'integer' | 'year' | 'factor';

export interface NumberContext {
  locale: string;
  kind: NumberKind;
  /** The venture's currency code (`USD`): other currencies' signs are refused. */
  currency?: string;
  /** The field's unit without the currency: `t`, `/t`, `/t ore`, `years`, `% of revenue`, `×`. */
  unit?: string;
}

/** Which character marks the decimals. */
export type Convention = 'point' | 'comma';

export type NumberRead =
  | { ok: true; value: string; convention: Convention | null }
  | { ok: false; reason: 'ambiguous'; readings: Record<Convention, string>; message: string }
  | { ok: false; reason: 'invalid'; message: string };

interface Core {
  sign: 1 | -1;
  digits: string;
  exponent: number;
  scale: Decimal;
}

const CURRENCY_SIGNS: Record<string, (code: string) => boolean> = {
  'US$': (code) => code === 'USD',
  'A$': (code) => code === 'AUD',
  'C$': (code) => code === 'CAD',
  'NZ$': (code) => code === 'NZD',
  'R$': (code) => code === 'BRL',
  $: (code) => code.endsWith('D') || ['CLP', 'MXN', 'ARS', 'COP'].includes(code),
  '€': (code) => code === 'EUR',
  '£': (code) => code === 'GBP',
  '¥': (code) => code === 'JPY' || code === 'CNY',
};

const SCALE_WORDS: [RegExp, number][] = [
  [/^(k|thousand|thousands)$/i, 3],
  [/^(m|mn|mm|mio|million|millions)$/i, 6],
  [/^(bn|b|billion|billions)$/i, 9],
];

/** Tonnages: `kt` and `Mt` carry their own scale. */
const TONNE_UNITS: [RegExp, number][] = [
  [/^(t|tonnes?|tons?)$/, 0],
  [/^kt$/, 3],
  [/^Mt$/, 6],
];

function localeSymbols(locale: string) {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const lakh = /^\d{2},\d{2},\d{3}/.test(new Intl.NumberFormat(locale, { numberingSystem: 'latn' }).format(1234567));
  return { convention: (decimal === ',' ? 'comma' : 'point') as Convention, lakh };
}

/** Digits of other numbering systems (Arabic-Indic, Devanagari, …) as Latin digits. */
function latinDigits(text: string, locale: string): string {
  if (!/[^\x00-\x7f]/.test(text) || !/\p{Nd}/u.test(text.replace(/[0-9]/g, ''))) return text;
  const system = new NumberParser(locale).getNumberingSystem(text);
  const digits = new Intl.NumberFormat(`${locale}-u-nu-${system}`, { useGrouping: false }).format(9876543210).split('').reverse();
  let out = text;
  digits.forEach((digit, value) => {
    out = out.split(digit).join(String(value));
  });
  return out.replace(/\u066b/g, '.').replace(/\u066c/g, "'");
}

/** Example numbers in the user's locale, for messages. */
function shown(decimal: string, locale: string, grouping = true): string {
  const { convention } = localeSymbols(locale);
  const [whole = '0', fraction] = decimal.split('.');
  const group = convention === 'comma' ? '.' : ',';
  const point = convention === 'comma' ? ',' : '.';
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  return fraction === undefined ? grouped : `${grouped}${point}${fraction}`;
}

/** What to type, in the user's words, for a field of this kind. */
export function whatToType(context: NumberContext): string {
  const { locale, kind } = context;
  const unit = (context.unit ?? '').trim();
  const currency = context.currency ? ` in ${context.currency}` : '';
  switch (kind) {
    case 'percent':
      return `Type a percentage such as 5 % or ${shown('12.5', locale)} %.`;
    case 'money':
      if (unit.startsWith('/')) return `Type a price${currency} such as ${shown('1050', locale)} (per ${unit.slice(1).trim()}).`;
      return `Type an amount${currency} such as 300 m or ${shown('300000000', locale)}.`;
    case 'integer':
      return `Type a whole number such as 8${unit ? ` (${unit})` : ''}.`;
    case 'year':
      return 'Type a calendar year such as 2031.';
    case 'factor':
      return `Type a number such as 16 or ${shown('1.25', locale)}.`;
    default:
      if (unit === 't') return `Type tonnes such as 2 m or ${shown('2000000', locale)}.`;
      return `Type a number such as ${shown('1050', locale)} or ${shown('0.5', locale)}.`;
  }
}

function invalid(message: string): NumberRead {
  return { ok: false, reason: 'invalid', message };
}

/** The currency sign or code in front of (or after) an amount: checked against the venture's. */
function currencyProblem(token: string, context: NumberContext): string | null {
  if (context.kind !== 'money') return `${token} is a currency, but this is not an amount of money. ${whatToType(context)}`;
  const code = context.currency ?? '';
  const matches = CURRENCY_SIGNS[token]?.(code) ?? token.toUpperCase() === code;
  if (matches || !code) return null;
  return `This venture's amounts are in ${code}, not ${token}. ${whatToType(context)}`;
}

const CURRENCY_PREFIX = /^(US\$|A\$|C\$|NZ\$|R\$|\$|€|£|¥|[A-Z]{3}(?=[\s\d]))\s*/;
const CURRENCY_SUFFIX = /\s*(US\$|\$|€|£|¥|\b[A-Z]{3})$/;

/** Splits sign, currency, number and unit; the number's separators are read later. */
function splitAffixes(raw: string, context: NumberContext): { core: string; sign: 1 | -1; scale: number } | { error: string } {
  let text = raw.replace(/[\u061c\u200e\u200f]/g, '').replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/\u2212/g, '-').trim();
  let sign: 1 | -1 = 1;
  const accounting = /^\((.*)\)$/.exec(text);
  if (accounting) {
    text = (accounting[1] ?? '').trim();
    sign = -1;
  }
  const leadingSign = /^([+-])\s*/.exec(text);
  if (leadingSign) {
    if (leadingSign[1] === '-') sign = sign === 1 ? -1 : 1;
    text = text.slice(leadingSign[0].length);
  }
  const prefix = CURRENCY_PREFIX.exec(text);
  if (prefix) {
    const problem = currencyProblem(prefix[1] ?? '', context);
    if (problem) return { error: problem };
    text = text.slice(prefix[0].length);
    if (/^-/.test(text)) {
      sign = sign === 1 ? -1 : 1;
      text = text.slice(1);
    }
  }
  const suffixCurrency = CURRENCY_SUFFIX.exec(text);
  if (suffixCurrency && !prefix && /\d/.test(text.slice(0, suffixCurrency.index))) {
    const problem = currencyProblem(suffixCurrency[1] ?? '', context);
    if (problem) return { error: problem };
    text = text.slice(0, suffixCurrency.index);
  }
  const split = /^(.*?\d)\s*([^\d]*)$/s.exec(text);
  if (!split) return { error: whatToType(context) };
  const core = split[1] ?? '';
  const suffix = (split[2] ?? '').trim();
  const scale = suffixScale(suffix, context);
  if (typeof scale === 'string') return { error: scale };
  return { core, sign, scale };
}

/** The power of ten a suffix such as `m`, `bn`, `Mt`, `%` or `/t` stands for, or a message. */
function suffixScale(suffix: string, context: NumberContext): number | string {
  if (suffix === '') return 0;
  const unit = (context.unit ?? '').replace('{currency}', '').trim();
  const tokens = suffix.replace(/^(US\$|A\$|C\$|\$|€|£|¥)(?=\S)/, '$1 ').split(/\s+/);
  const currencyAt = tokens.findIndex((token) => /^(US\$|A\$|C\$|NZ\$|\$|€|£|¥|[A-Z]{3})$/.test(token));
  if (currencyAt >= 0) {
    const problem = currencyProblem(tokens[currencyAt] ?? '', context);
    if (problem) return problem;
    tokens.splice(currencyAt, 1);
  }
  let scale = 0;
  const unknown = () => `“${suffix}” is not a unit Orebridge knows here. ${whatToType(context)}`;
  const first = tokens[0] ?? '';
  const scaleWord = SCALE_WORDS.find(([pattern]) => pattern.test(first));
  if (scaleWord && (context.kind === 'money' || context.kind === 'number')) {
    scale = scaleWord[1];
    tokens.shift();
  }
  const rest = tokens.join(' ');
  if (rest === '') return scale;
  if (context.kind === 'percent') {
    if (rest === '%' || rest === unit) return scale;
    return unknown();
  }
  if (rest === '%') return `“%” belongs in percentage fields. ${whatToType(context)}`;
  if (context.kind === 'factor' && /^(×|x)$/i.test(rest)) return scale;
  if (context.kind === 'integer' && unit === 'years' && /^(years?|y|yrs?)$/i.test(rest)) return scale;
  if (unit.startsWith('/')) {
    const perUnit = unit.slice(1).trim();
    const written = rest.replace(/^per\s+/i, '/').replace(/^\/\s*/, '/');
    if (written === `/${perUnit}` || written === `/${perUnit.split(' ')[0]}`) return scale;
    if (written.startsWith('/')) return `Prices here are per ${perUnit}, not per ${written.slice(1)}. ${whatToType(context)}`;
    return unknown();
  }
  if (unit === 't') {
    const tonnes = TONNE_UNITS.find(([pattern]) => pattern.test(rest));
    if (tonnes) return scale + tonnes[1];
  }
  if (unit !== '' && rest === unit) return scale;
  return unknown();
}

const GROUP_CHARS = /[ '\u2019]/g;

/** The digits of `core` read with `convention`, or null when that reading is not well formed. */
function readAs(core: string, convention: Convention, lakh: boolean): { digits: string; exponent: number } | null {
  const exponentMatch = /^(.*?)[eE]([+-]?\d+)$/.exec(core);
  const body = exponentMatch ? (exponentMatch[1] ?? '') : core;
  const exponent = exponentMatch ? Number(exponentMatch[2]) : 0;
  const point = convention === 'point' ? '.' : ',';
  const group = convention === 'point' ? ',' : '.';
  const pieces = body.split(point);
  if (pieces.length > 2) return null;
  const [whole = '', fraction = ''] = pieces;
  if (!/^\d*$/.test(fraction)) return null;
  if (pieces.length === 2 && fraction === '' && whole === '') return null;
  const groups = whole.replace(GROUP_CHARS, group).split(group);
  if (groups.length > 1) {
    if (exponentMatch) return null;
    const [head = '', ...tail] = groups;
    const western = /^\d{1,3}$/.test(head) && tail.every((g) => /^\d{3}$/.test(g));
    const indian = lakh && /^\d{1,2}$/.test(head) && tail.slice(0, -1).every((g) => /^\d{2}$/.test(g)) && /^\d{3}$/.test(tail[tail.length - 1] ?? '');
    if (!western && !indian) return null;
  } else if (!/^\d*$/.test(whole) || (whole === '' && fraction === '')) {
    return null;
  }
  return { digits: `${groups.join('') || '0'}${fraction ? `.${fraction}` : ''}`, exponent };
}

function valueOf(core: Core): string {
  const value = new Exact(core.digits).times(new Exact(10).pow(core.exponent)).times(core.scale).times(core.sign);
  return value.isZero() ? '0' : value.toFixed();
}

function check(value: string, context: NumberContext): string | null {
  if ((context.kind === 'integer' || context.kind === 'year') && !new Exact(value).isInteger()) return whatToType(context);
  return null;
}

/** The percentage fields store fractions: 5 (%) is 0.05. */
function stored(value: string, context: NumberContext): string {
  return context.kind === 'percent' ? new Exact(value).div(100).toFixed() : value;
}

/** Both readings of a text; `null` for a reading that is not well formed. */
export function readings(text: string, context: NumberContext): { point: string | null; comma: string | null } | { error: string } {
  const affixes = splitAffixes(latinDigits(text, context.locale), context);
  if ('error' in affixes) return affixes;
  const { lakh } = localeSymbols(context.locale);
  const scale = new Exact(10).pow(affixes.scale);
  const read = (convention: Convention) => {
    const parsed = readAs(affixes.core, convention, lakh);
    return parsed ? stored(valueOf({ sign: affixes.sign, digits: parsed.digits, exponent: parsed.exponent, scale }), context) : null;
  };
  return { point: read('point'), comma: read('comma') };
}

/**
 * Reads one value. With `convention` given (a paste whose convention the user chose or the block
 * showed) that reading is used; otherwise an ambiguous text is reported as such.
 */
export function readNumber(text: string, context: NumberContext, convention?: Convention): NumberRead {
  const trimmed = text.trim();
  if (trimmed === '') return invalid(`Nothing was typed. ${whatToType(context)}`);
  const both = readings(trimmed, context);
  if ('error' in both) return invalid(both.error);
  const { point, comma } = both;
  let value: string | null;
  let used: Convention | null = null;
  if (point !== null && comma !== null && point !== comma) {
    if (!convention) return { ok: false, reason: 'ambiguous', readings: { point, comma }, message: ambiguityMessage(trimmed, point, comma, context) };
    value = convention === 'point' ? point : comma;
    used = convention;
  } else if (convention && (convention === 'point' ? point : comma) === null && (point ?? comma) !== null) {
    return invalid(`“${trimmed}” is not written with ${convention === 'point' ? 'a decimal point' : 'a decimal comma'} like the other numbers. ${whatToType(context)}`);
  } else {
    value = point ?? comma;
    used = point !== null && comma === null && /[.,]/.test(trimmed) ? 'point' : comma !== null && point === null ? 'comma' : null;
  }
  if (value === null) return invalid(`“${trimmed}” is not a number Orebridge can read. ${whatToType(context)}`);
  const problem = check(context.kind === 'percent' ? new Exact(value).times(100).toFixed() : value, context);
  return problem ? invalid(problem) : { ok: true, value, convention: used };
}

/** Reads a typed value: an ambiguous text takes the reading of the user's locale. */
export function readTypedNumber(text: string, context: NumberContext): NumberRead {
  const read = readNumber(text, context);
  if (read.ok || read.reason !== 'ambiguous') return read;
  return readNumber(text, context, localeConvention(text, context));
}

/** The convention in which the user's locale reads `text`, as @internationalized/number parses it. */
export function localeConvention(text: string, context: NumberContext): Convention {
  const fallback = localeSymbols(context.locale).convention;
  const affixes = splitAffixes(latinDigits(text, context.locale), context);
  if ('error' in affixes) return fallback;
  const parsed = new NumberParser(context.locale).parse(affixes.core);
  if (!Number.isFinite(parsed)) return fallback;
  const { lakh } = localeSymbols(context.locale);
  for (const convention of ['point', 'comma'] as const) {
    const reading = readAs(affixes.core, convention, lakh);
    if (reading && new Exact(reading.digits).times(new Exact(10).pow(reading.exponent)).toNumber() === parsed) return convention;
  }
  return fallback;
}

export function conventionLabel(convention: Convention): string {
  return convention === 'point' ? 'point marks decimals (1,050.5)' : 'comma marks decimals (1.050,5)';
}

function ambiguityMessage(text: string, point: string, comma: string, context: NumberContext): string {
  const pointShown = context.kind === 'percent' ? `${new Exact(point).times(100).toFixed()} %` : point;
  const commaShown = context.kind === 'percent' ? `${new Exact(comma).times(100).toFixed()} %` : comma;
  return `“${text}” could be ${pointShown} or ${commaShown}, depending on whether the comma or the point marks decimals.`;
}
