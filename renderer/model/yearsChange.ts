// Changing the venture's number of years: every yearly series of the catalogue (price decks of
// scenarios and shocks included) is extended by repeating its last value or cut; closure capex
// that sat in the old last year moves to the new last year. The change is said in a sentence.
import type { Project } from '../../shared/engine/interchange.ts';
import { FIELDS, formatPath, formatValue, getIn, labelOf, parsePath, setIn, type FieldDefinition, type PathKey } from '../../shared/fields/index.ts';
import { storedToDecimal, sumDecimals } from '../lib/decimalText.ts';
import { currencyLabel } from '../lib/format.ts';

const CLOSURE = 'assumptions.capex.closure';

/** Every concrete path of a pattern in the project: `scenarios[].overrides.prices` → `scenarios[0]…`. */
function pathsOf(project: unknown, pattern: string): PathKey[][] {
  const parts = pattern.split('[]');
  let prefixes: PathKey[][] = [[]];
  parts.forEach((part, index) => {
    const keys = part === '' ? [] : parsePath(part.replace(/^\./, ''));
    prefixes = prefixes.map((prefix) => [...prefix, ...keys]);
    if (index === parts.length - 1) return;
    prefixes = prefixes.flatMap((prefix) => {
      const list = getIn(project, prefix);
      return Array.isArray(list) ? list.map((_, at) => [...prefix, at]) : [];
    });
  });
  return prefixes;
}

const isZero = (value: unknown) => storedToDecimal(value) === '0';

export interface YearsChange {
  project: Project;
  report: string;
}

/** The project with `years` years, and what that did. `base` holds the series as they were. */
export function changeYears(base: Project, years: number, locale: string): YearsChange {
  const a = base.assumptions;
  const oldYears = Array.isArray(a.prices) ? a.prices.length : 0;
  const firstYear = typeof a.startYear === 'number' ? a.startYear : 1;
  const context = { locale, currency: currencyLabel(a.currency, locale), productUnit: a.productUnit };
  let next = setIn(base, ['assumptions', 'years'], years);
  const removed: string[] = [];
  const repeated: string[] = [];
  let closureNote = '';
  const series = FIELDS.filter((field: FieldDefinition) => field.series);
  for (const field of series) {
    for (const keys of pathsOf(base, field.pattern)) {
      const list = getIn(base, keys);
      if (!Array.isArray(list) || list.length === years) continue;
      const label = labelOf(formatPath(keys), { project: base, byName: true });
      const show = (value: unknown) => formatValue(field, value, context);
      let resized: unknown[];
      if (years < list.length) {
        const cut = list.slice(years);
        resized = list.slice(0, years);
        if (field.pattern === CLOSURE && cut.some((value) => !isZero(value))) {
          const moved = sumDecimals([resized[years - 1], ...cut]);
          if (moved !== null) {
            resized[years - 1] = moved;
            closureNote = `Closure capex of ${cut.filter((value) => !isZero(value)).map(show).join(' and ')} moved to ${firstYear + years - 1}, the new last year.`;
          }
        }
        if (cut.some((value) => !isZero(value)) && field.pattern !== CLOSURE) removed.push(`${label} ${cut.map(show).join(', ')}`);
      } else {
        const last = list[list.length - 1] ?? '0';
        resized = [...list, ...Array.from({ length: years - list.length }, () => last)];
        if (field.pattern === CLOSURE && list.length === oldYears && !isZero(last)) {
          resized = [...list.slice(0, -1), ...Array.from({ length: years - list.length + 1 }, () => '0')];
          resized[years - 1] = last;
          closureNote = `Closure capex of ${show(last)} moved from ${firstYear + list.length - 1} to ${firstYear + years - 1}, the new last year.`;
        } else if (!isZero(last)) {
          repeated.push(`${label} ${show(last)}`);
        }
      }
      next = setIn(next, keys, resized);
    }
  }
  const parts: string[] = [];
  if (years > oldYears) {
    const span = years - oldYears === 1 ? `${firstYear + oldYears}` : `${firstYear + oldYears}–${firstYear + years - 1}`;
    parts.push(`Extended the venture to ${years} years: ${span} repeat${years - oldYears === 1 ? 's' : ''} each series' ${firstYear + oldYears - 1} value${repeated.length > 0 ? ` (${repeated.join('; ')}; the other series 0)` : ''}.`);
  } else if (years < oldYears) {
    const span = oldYears - years === 1 ? `${firstYear + years}` : `${firstYear + years}–${firstYear + oldYears - 1}`;
    parts.push(`Shortened the venture to ${years} years: removed ${span}${removed.length > 0 ? ` (${removed.join('; ')})` : ' (all zero)'}.`);
  }
  if (closureNote) parts.push(closureNote);
  if (parts.length > 0) parts.push('Undo reverses it.');
  return { project: next, report: parts.join(' ') };
}
