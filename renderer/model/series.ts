// The yearly series of the methodology, in the order the mine-plan grid shows them.
import { fieldByPattern, type FieldKind } from '../../shared/fields/index.ts';

export type ValueFormat = 'number' | 'percent' | 'money' | 'integer' | 'year' | 'factor';

export interface SeriesDefinition {
  key: string;
  path: string;
  label: string;
  format: ValueFormat;
  /** Unit shown after the value; `{currency}` and `{productUnit}` are replaced. */
  unit: string;
  /** What a new year gets when the venture is lengthened. */
  extendWith: 'zero' | 'last';
}

/** How a number of a catalogue kind is typed and shown in the editor. */
export function formatOfKind(kind: FieldKind): ValueFormat {
  switch (kind) {
    case 'fraction':
    case 'rate':
      return 'percent';
    case 'money':
    case 'money-per-unit':
      return 'money';
    case 'factor':
      return 'factor';
    case 'calendar-year':
      return 'year';
    case 'whole-number':
      return 'integer';
    default:
      return 'number';
  }
}

/** A series of the venture, its label, unit and format from the field catalogue. */
function series(path: string, extendWith: 'zero' | 'last'): SeriesDefinition {
  const field = fieldByPattern(path);
  if (!field?.series) throw new Error(`${path} is not a yearly series of the field catalogue`);
  return { key: path.slice(path.lastIndexOf('.') + 1), path, label: field.label, format: formatOfKind(field.kind), unit: field.unit, extendWith };
}

export const YEARLY_SERIES: readonly SeriesDefinition[] = [
  series('assumptions.production.oreMined', 'zero'),
  series('assumptions.production.wasteMined', 'zero'),
  series('assumptions.production.grade', 'zero'),
  series('assumptions.production.recovery', 'zero'),
  series('assumptions.prices', 'last'),
  series('assumptions.costs.fixed', 'zero'),
  series('assumptions.capex.initial', 'zero'),
  series('assumptions.capex.sustaining', 'zero'),
  series('assumptions.capex.closure', 'zero'),
];

export function seriesByKey(key: string): SeriesDefinition {
  const definition = YEARLY_SERIES.find((series) => series.key === key);
  if (!definition) throw new Error(`Unknown series "${key}"`);
  return definition;
}
