// The yearly series of the methodology, in the order the mine-plan grid shows them.
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

export const YEARLY_SERIES: readonly SeriesDefinition[] = [
  { key: 'oreMined', path: 'assumptions.production.oreMined', label: 'Ore mined', format: 'number', unit: 't', extendWith: 'zero' },
  { key: 'wasteMined', path: 'assumptions.production.wasteMined', label: 'Waste mined', format: 'number', unit: 't', extendWith: 'zero' },
  { key: 'grade', path: 'assumptions.production.grade', label: 'Grade', format: 'percent', unit: '%', extendWith: 'zero' },
  { key: 'recovery', path: 'assumptions.production.recovery', label: 'Recovery', format: 'percent', unit: '%', extendWith: 'zero' },
  { key: 'prices', path: 'assumptions.prices', label: 'Price', format: 'money', unit: '{currency} /{productUnit}', extendWith: 'last' },
  { key: 'fixed', path: 'assumptions.costs.fixed', label: 'Fixed cost', format: 'money', unit: '{currency}', extendWith: 'zero' },
  { key: 'initial', path: 'assumptions.capex.initial', label: 'Initial capex', format: 'money', unit: '{currency}', extendWith: 'zero' },
  { key: 'sustaining', path: 'assumptions.capex.sustaining', label: 'Sustaining capex', format: 'money', unit: '{currency}', extendWith: 'zero' },
  { key: 'closure', path: 'assumptions.capex.closure', label: 'Closure capex', format: 'money', unit: '{currency}', extendWith: 'zero' },
];

export function seriesByKey(key: string): SeriesDefinition {
  const definition = YEARLY_SERIES.find((series) => series.key === key);
  if (!definition) throw new Error(`Unknown series "${key}"`);
  return definition;
}
