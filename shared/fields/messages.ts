// A validation problem in the user's words, for forms and the problems list: the field's label
// from the catalogue, what to type for its kind, its range in the units people type ("Funding cap
// of partner 3 must be an amount such as 300 m or 300,000,000"; "Equity of partner 2 must be
// between 0 % and 100 %, not 155 %"). The engine's path-based message stays the data (the command
// line and the problems list's detail show it).
import type { Problem } from '../engine/validate-primitives.ts';
import { decimalOf, formatValue, projectValueContext, type ValueContext } from './format.ts';
import { fieldAt, labelOf } from './lookup.ts';
import { formatPath, getIn, parsePath } from './paths.ts';
import type { FieldDefinition } from './types.ts';

export interface ProblemInWords {
  /** The field's label ("Funding cap of partner 3"), or null for a problem of the whole document. */
  label: string | null;
  /** One sentence that starts with the label. */
  message: string;
}

const NUMBER_KINDS = ['fraction', 'rate', 'money', 'money-per-unit', 'tonnes', 'factor', 'calendar-year', 'whole-number'];

/** What to type for a kind of number. */
export function exampleOf(field: FieldDefinition): string {
  switch (field.kind) {
    case 'money':
      return 'an amount such as 300 m or 300,000,000';
    case 'money-per-unit':
      return 'an amount per unit such as 1,100';
    case 'fraction':
    case 'rate':
      return 'a percentage such as 5 %';
    case 'tonnes':
      return 'a tonnage such as 1.2 m or 1,200,000';
    case 'factor':
      return 'a factor such as 0.9';
    case 'calendar-year':
      return 'a calendar year such as 2031';
    default:
      return field.range?.max !== undefined ? `a whole number from ${field.range.min} to ${field.range.max}` : `a whole number of ${field.unit || 'years'} such as ${field.range?.min === '1' ? 8 : 0}`;
  }
}

/** The valid range in the units people type: "between 0 % and 100 %", "above −100 %", "0 or more". */
export function rangeInWords(field: FieldDefinition, context: ValueContext = {}): string {
  const range = field.range ?? {};
  const shown = (bound: string) => formatValue(field, bound, context);
  if (field.integer && field.kind === 'whole-number') {
    if (range.min !== undefined && range.max !== undefined) return `from ${range.min} to ${range.max}`;
    if (range.min !== undefined) return `${range.min} or more`;
  }
  if (range.above !== undefined) return `above ${shown(range.above)}`;
  if (range.min !== undefined && range.max !== undefined) return `between ${shown(range.min)} and ${shown(range.max)}`;
  if (range.min !== undefined) return range.min === '0' ? '0 or more' : `at least ${shown(range.min)}`;
  if (range.max !== undefined) return `at most ${shown(range.max)}`;
  return exampleOf(field);
}

function outOfRange(field: FieldDefinition, value: unknown): boolean {
  const d = decimalOf(value);
  const range = field.range ?? {};
  if (d === null) return false;
  return (range.min !== undefined && d.lt(range.min)) || (range.above !== undefined && d.lte(range.above)) || (range.max !== undefined && d.gt(range.max));
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A whole list item ("Tranche 2", "Price support 1"): its list's noun and its number. */
function itemLabel(path: string): string | null {
  const keys = parsePath(path);
  const index = keys[keys.length - 1];
  if (typeof index !== 'number') return null;
  const list = fieldAt(formatPath(keys.slice(0, -1)))?.field;
  return list?.kind === 'list' && list.noun ? `${capitalize(list.noun)} ${index + 1}` : null;
}

const joined = (label: string, message: string) => (/^(must|is|are|has) /.test(message) ? `${label} ${message}` : `${label}: ${message}`);

/** The problem told with the field's label and in the units people type. */
export function problemInWords(problem: Problem, project?: unknown, locale = 'en-US'): ProblemInWords {
  const found = fieldAt(problem.path);
  if (!found) {
    const item = itemLabel(problem.path);
    if (item !== null) return { label: item, message: joined(item, problem.message) };
    const key = /([^.[\]]+)$/.exec(problem.path)?.[1];
    return { label: null, message: key && problem.message.startsWith('is ') ? `"${key}" ${problem.message}` : problem.message };
  }
  const { field } = found;
  const label = labelOf(problem.path, { project });
  if (problem.message.startsWith('is missing')) return { label, message: `${label} is missing` };
  const value = getIn(project, found.keys);
  const isElement = !field.series || found.position !== null;
  if (NUMBER_KINDS.includes(field.kind) && isElement && value !== undefined && value !== null) {
    const context = projectValueContext(getIn(project, ['assumptions']) as { currency?: string | null; productUnit?: string | null } | undefined, locale);
    const number = decimalOf(value);
    if (number === null || (field.integer && !number.isInteger())) return { label, message: `${label} must be ${exampleOf(field)}` };
    if (outOfRange(field, value)) return { label, message: `${label} must be ${rangeInWords(field, context)}, not ${formatValue(field, value, context)}` };
  }
  return { label, message: joined(label, problem.message) };
}
