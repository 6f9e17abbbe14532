// The project's types are read from the field catalogue (shared/fields/derived.ts): what a field
// holds follows from its kind, presence and choices. The type checker (part of npm test) checks
// the assertions below; the test checks that the catalogue still says what they rely on.
import { describe, expect, it } from 'vitest';
import type { DebtTranche, DecimalInput, IncomeTax, Overrides, Partner, Project, Structure } from '../../shared/engine/interchange.ts';
import { fieldsOf, PARTNER_KINDS } from '../../shared/fields/index.ts';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const holds = <T extends true>(): T => true as T;

const PARTNER_KEYS = ['id', 'name', 'country', 'kind', 'state', 'equity', 'foreign', 'hurdleRate', 'carried', 'fundingCap'] as const;

const typeChecks = [
  holds<Equals<keyof Partner, (typeof PARTNER_KEYS)[number]>>(),
  holds<Equals<Partner['kind'], (typeof PARTNER_KINDS)[number]>>(),
  // absent-or-null: optional and nullable; absent only: optional, never null; required: present.
  holds<Equals<Partner['fundingCap'], DecimalInput | null | undefined>>(),
  holds<Equals<Overrides['priceFactor'], DecimalInput | undefined>>(),
  holds<Equals<Partner['equity'], DecimalInput>>(),
  // Whole numbers and calendar years are numbers; yearly series are lists of decimals.
  holds<Equals<IncomeTax['depreciationYears'], number>>(),
  holds<Equals<Project['assumptions']['prices'], DecimalInput[]>>(),
  // A list of groups is a list of the item's type; version-2 fields are optional and nullable.
  holds<Equals<Structure['terms']['debt'], DebtTranche[] | null | undefined>>(),
  holds<Equals<Project['version'], 1 | 2>>(),
];

describe('types derived from the catalogue', () => {
  it('hold what the catalogue declares', () => {
    expect(typeChecks.every(Boolean)).toBe(true);
    const partner = fieldsOf('structures[].terms.partners[]', 1);
    expect(partner.map((field) => field.pattern.slice(field.pattern.lastIndexOf('.') + 1))).toEqual(PARTNER_KEYS);
    expect(partner.find((field) => field.pattern.endsWith('.fundingCap'))?.presence).toBe('absent-or-null');
    expect(fieldsOf('scenarios[].overrides', 1).find((field) => field.pattern.endsWith('.priceFactor'))?.presence).toBe('absent');
  });
});
