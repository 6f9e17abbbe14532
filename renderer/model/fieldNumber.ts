// How a project field's typed text is read, from the field catalogue: its kind decides the
// number kind (5 % for fractions and rates, 300 m for money, 2 Mt for tonnes, …) and its unit
// which suffixes are understood and what the message says to type.
import type { FieldKind } from '../../shared/fields/index.ts';
import { fieldAt } from '../../shared/fields/index.ts';
import type { NumberKind } from './numberText.ts';

const KINDS: Partial<Record<FieldKind, NumberKind>> = {
  fraction: 'percent',
  rate: 'percent',
  money: 'money',
  'money-per-unit': 'money',
  tonnes: 'number',
  factor: 'factor',
  'calendar-year': 'year',
  'whole-number': 'integer',
};

export interface FieldNumber {
  kind: NumberKind;
  /** The catalogue's unit template (`{currency} /{productUnit}`, `t`, `years`, `%`). */
  unit: string;
}

/** The number kind and unit of the field at `path`, or null when it is not a number field of the catalogue. */
export function fieldNumber(path: string): FieldNumber | null {
  const found = fieldAt(path);
  const kind = found ? KINDS[found.field.kind] : undefined;
  return found && kind ? { kind, unit: found.field.unit } : null;
}
