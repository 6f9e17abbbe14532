import { Dec, type Dec as Decimal } from './arithmetic.ts';
import {
  MAX_CALENDAR_YEAR, MAX_WHOLE_NUMBER, checkDecimalText, decimalTextOf, decimalTextProblem, quoted, shown, wholeNumberOfText,
  type DecimalKind,
} from './decimal-text.ts';
import { fieldAt, fieldByPattern, fieldsOf, shapeOf } from '../fields/lookup.ts';
import { patternOf } from '../fields/paths.ts';
import type { FieldDefinition } from '../fields/types.ts';

export interface Problem {
  path: string;
  message: string;
}

export type Json = Record<string, unknown>;

/** Collects every problem of one document, each with its path from the document root. */
export class Problems {
  readonly list: Problem[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

export const at = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object'
    : typeof value === 'string' ? quoted(value) : JSON.stringify(value);

/**
 * Checks that `value` is an object with exactly the allowed fields: reports each missing
 * required field and each unknown field. Returns the object, or null when it is not one.
 */
export function checkObject(p: Problems, value: unknown, path: string, what: string, required: readonly string[], optional: readonly string[] = []): Json | null {
  if (!isObject(value)) {
    p.add(path || '(document)', `must be ${what} (an object), not ${describe(value)}`);
    return null;
  }
  for (const key of required) if (!(key in value)) p.add(at(path, key), `is missing: ${what} needs it`);
  for (const key of Object.keys(value)) {
    if (!required.includes(key) && !optional.includes(key)) p.add(at(path, key), `is not a field of ${what}`);
  }
  return value;
}

export type DecimalRule = 'any' | 'fraction' | 'signed-fraction' | 'non-negative' | 'rate';

const KIND_OF_RULE: Record<DecimalRule, DecimalKind> = {
  'any': 'money', 'fraction': 'fraction', 'signed-fraction': 'fraction', 'non-negative': 'money', 'rate': 'rate',
};

/**
 * Reads a decimal written as a JSON number or a decimal string and checks it against a rule.
 * Its text is checked against the bounds of its kind (decimal-text.ts) before any Decimal is
 * built; a value beyond them that also breaks the rule gets the rule's message.
 */
export function checkDecimal(p: Problems, value: unknown, path: string, rule: DecimalRule, kind: DecimalKind = KIND_OF_RULE[rule]): Decimal | null {
  const text = decimalTextOf(value);
  if (text === null) {
    if (value !== undefined) p.add(path, `must be a number (a JSON number or a decimal string such as "0.05"), not ${describe(value)}`);
    return null;
  }
  const found = decimalTextProblem(text, kind);
  if (found !== null) {
    const negative = found.shape?.negative === true;
    const message = found.problem !== 'magnitude' ? null
      : rule === 'fraction' ? fractionMessage(shown(text))
      : rule === 'signed-fraction' ? signedFractionMessage(shown(text))
      : negative && rule === 'non-negative' ? `must not be negative, not ${shown(text)}`
      : negative && rule === 'rate' ? rateMessage(shown(text))
      : null;
    p.add(path, message ?? checkDecimalText(text, kind)!);
    return null;
  }
  const d = new Dec(text);
  if (rule === 'fraction' && (d.lt(0) || d.gt(1))) p.add(path, fractionMessage(text));
  if (rule === 'non-negative' && d.lt(0)) p.add(path, `must not be negative, not ${text}`);
  if (rule === 'signed-fraction' && (d.lt(-1) || d.gt(1))) p.add(path, signedFractionMessage(text));
  if (rule === 'rate' && d.lte(-1)) p.add(path, rateMessage(text));
  return d;
}

const fractionMessage = (shownValue: string) => `must be a fraction between 0 and 1 (0.05 means 5 %), not ${shownValue}`;
const signedFractionMessage = (shownValue: string) => `must be between −1 and 1 (0.03 adds 3 points to the royalty rate), not ${shownValue}`;
const rateMessage = (shownValue: string) => `must be a rate above −1 (−100 %), not ${shownValue}`;

/**
 * Reads a whole number (a JSON number or a decimal string) within [min, max], on its text. A
 * count without an upper bound in the methodology (max = Number.MAX_SAFE_INTEGER) is limited to
 * MAX_WHOLE_NUMBER, and the message names that limit.
 */
export function checkInteger(p: Problems, value: unknown, path: string, min: number, max: number, meaning: string): number | null {
  const text = decimalTextOf(value);
  const whole = text === null ? null : wholeNumberOfText(text);
  if (whole === null || whole === 'fraction') {
    p.add(path, `must be a whole number (${meaning}), not ${describe(value)}`);
    return null;
  }
  const documented = max < Number.MAX_SAFE_INTEGER;
  const upper = documented ? max : MAX_WHOLE_NUMBER;
  const below = whole === 'huge' ? text!.startsWith('-') : whole < min;
  const above = whole === 'huge' ? !below : whole > upper;
  const written = whole === 'huge' ? shown(text!) : String(whole);
  if (below || above) {
    p.add(path, documented ? `must be from ${min} to ${max} (${meaning}), not ${written}`
      : below ? `must be at least ${min} (${meaning}), not ${written}` : `must be at most ${upper} (${meaning}), not ${written}`);
    return null;
  }
  return whole as number;
}

export function checkString(p: Problems, value: unknown, path: string, what: string): string | null {
  if (typeof value !== 'string') {
    p.add(path, `must be text (${what}), not ${describe(value)}`);
    return null;
  }
  return value;
}

export function checkId(p: Problems, value: unknown, path: string): string | null {
  const id = checkString(p, value, path, 'an id');
  if (id === '') p.add(path, 'must not be empty: every item needs an id');
  return id;
}

export function checkBoolean(p: Problems, value: unknown, path: string, meaning: string): boolean | null {
  if (typeof value !== 'boolean') {
    p.add(path, `must be true or false (${meaning}), not ${describe(value)}`);
    return null;
  }
  return value;
}

export function checkChoice<T extends string>(p: Problems, value: unknown, path: string, choices: readonly T[], what: string): T | null {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  p.add(path, `must be one of ${choices.map((c) => `"${c}"`).join(', ')} (${what}), not ${describe(value)}`);
  return null;
}

export function checkList(p: Problems, value: unknown, path: string, what: string, nonEmpty: boolean): unknown[] | null {
  if (!Array.isArray(value)) {
    p.add(path, `must be a list of ${what}, not ${describe(value)}`);
    return null;
  }
  if (nonEmpty && value.length === 0) p.add(path, `must not be empty: add at least one of ${what}`);
  return value;
}

/** A yearly series: a list of decimals with one entry per year (length checked when known). */
export function checkSeries(p: Problems, value: unknown, path: string, years: number | null, rule: DecimalRule, kind?: DecimalKind): (Decimal | null)[] | null {
  const list = checkList(p, value, path, 'yearly values', false);
  if (list === null) return null;
  if (years !== null && list.length !== years) {
    p.add(path, `must have one value per year: ${years} values, not ${list.length}`);
  }
  return list.map((v, k) => checkDecimal(p, v, at(path, k), rule, kind));
}

/** An optional field: absent or null means "not set". */
export const isUnset = (value: unknown) => value === undefined || value === null;

export const MAX_YEAR = MAX_CALENDAR_YEAR;

/** Context that later checks need: the horizon, when it is valid. */
export interface Horizon {
  startYear: number | null;
  years: number | null;
}

export function optionalText(p: Problems, obj: Json, path: string, keys: readonly string[]): void {
  for (const key of keys) if (!isUnset(obj[key])) checkString(p, obj[key], at(path, key), key);
}

/** Checks an integer field and stores it back as a JSON number. */
export function integerField(p: Problems, obj: Json, key: string, path: string, min: number, max: number, meaning: string): number | null {
  const value = checkInteger(p, obj[key], at(path, key), min, max, meaning);
  if (value !== null) obj[key] = value;
  return value;
}

export function duplicateIds(p: Problems, items: readonly unknown[], path: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const id = (item as Json | null)?.id;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else p.add(at(at(path, i), 'id'), `"${id}" is already the id of ${at(path, first)}: ids must be unique`);
  });
}


// ------------------------------------------------------------ fields checked from the catalogue

/** §9's rule of a number field, from its range in the field catalogue. */
export function ruleOf(field: FieldDefinition): DecimalRule {
  const range = field.range ?? {};
  if (range.above === '-1' && range.max === undefined) return 'rate';
  if (range.min === '0' && range.max === '1') return 'fraction';
  if (range.min === '-1' && range.max === '1') return 'signed-fraction';
  if (range.min === '0' && range.max === undefined) return 'non-negative';
  return 'any';
}

/** The bounds a number field's text is checked against (decimal-text.ts), from its kind. */
const decimalKindOf = (field: FieldDefinition): DecimalKind | undefined =>
  (['money', 'money-per-unit', 'tonnes', 'fraction', 'rate', 'factor'] as const).find((kind) => kind === field.kind);

const definitionAt = (path: string): FieldDefinition => {
  // The paths checked here are the validator's own (`structures[3].terms.partners[0].equity`):
  // their pattern is read off directly; a series value's position falls back to fieldAt.
  const direct = fieldByPattern(path.replace(/\[\d+\]/g, '[]'));
  if (direct) return direct;
  const found = fieldAt(path);
  if (!found) throw new Error(`${path} is not in the field catalogue`);
  return found.field;
};

/**
 * The object at `path` (a group such as `assumptions.costs` or a list item such as
 * `structures[0].terms.partners[2]`) with exactly the fields the catalogue declares for it in a
 * version-1 project: each missing required field and each unknown field is a problem.
 */
export function checkShape(p: Problems, value: unknown, path: string, version: 1 | 2 = 1): Json | null {
  const pattern = patternOf(path);
  const item = pattern.endsWith('[]');
  const entry = definitionAt(item ? path.replace(/\[\d+\]$/, '') : path);
  const { required, optional } = shapeOf(pattern, version);
  return checkObject(p, value, path, (item ? entry.item : entry.what) ?? '', required, optional);
}

/**
 * Checks one field of `obj` by its catalogue entry: a number against its range, a whole number or
 * calendar year against its bounds (and stores it back as a JSON number), a choice, a flag, a text
 * or an id. An optional field that is unset is not checked. Returns the value read, or null.
 */
export function checkField(p: Problems, obj: Json, key: string, path: string, known?: FieldDefinition): Decimal | number | string | boolean | null {
  const fieldPath = at(path, key);
  const field = known ?? definitionAt(fieldPath);
  const value = obj[key];
  if (field.presence === 'absent-or-null' && isUnset(value)) return null;
  if (field.presence === 'absent' && value === undefined) return null;
  // A required field that is missing was reported by the shape check.
  if (field.presence === 'required' && value === undefined) return null;
  if (field.integer) {
    const min = Number(field.range?.min ?? Number.MIN_SAFE_INTEGER);
    const max = field.range?.max === undefined ? Number.MAX_SAFE_INTEGER : Number(field.range.max);
    return integerField(p, obj, key, path, min, max, field.meaning);
  }
  switch (field.kind) {
    case 'boolean':
      return checkBoolean(p, value, fieldPath, field.meaning);
    case 'choice':
      return checkChoice(p, value, fieldPath, field.choices ?? [], field.meaning);
    case 'id':
      return checkId(p, value, fieldPath);
    case 'text':
    case 'reference':
      return checkString(p, value, fieldPath, field.meaning);
    case 'group':
    case 'list':
    case 'block':
      throw new Error(`${fieldPath} is a ${field.kind}: check it with its own rules`);
    default:
      return field.series ? null : checkDecimal(p, value, fieldPath, ruleOf(field), decimalKindOf(field));
  }
}

/** Every scalar field of the group at `path` (groups, lists and series are left to the caller), except those in `except`. */
export function checkFields(p: Problems, obj: Json, path: string, except: readonly string[] = [], version: 1 | 2 = 1): void {
  const pattern = patternOf(path);
  for (const field of fieldsOf(pattern, version)) {
    const key = field.pattern.slice(field.pattern.lastIndexOf('.') + 1);
    if (field.kind === 'group' || field.kind === 'list' || field.kind === 'block' || field.series || except.includes(key)) continue;
    checkField(p, obj, key, path, field);
  }
}

/** A yearly series field: its rule from the catalogue. */
export function seriesField(p: Problems, obj: Json, key: string, path: string, years: number | null): (Decimal | null)[] | null {
  const fieldPath = at(path, key);
  const field = definitionAt(fieldPath);
  return checkSeries(p, obj[key], fieldPath, years, ruleOf(field), decimalKindOf(field));
}

/** A list field: what it holds and whether it may be empty come from the catalogue. */
export function listField(p: Problems, value: unknown, path: string): unknown[] | null {
  const field = definitionAt(path);
  return checkList(p, value, path, field.what ?? '', field.nonEmpty ?? false);
}
