// The shape of one entry of the field catalogue (catalogue.ts): everything the product needs to
// know about one input of a project document, declared once.

/**
 * What a value is, in the user's terms. It decides how the value is typed and shown:
 * fractions and rates as percentages (5 %), money with the currency, factors with ×.
 */
export type FieldKind =
  | 'fraction' // a share or rate written 0.05 and typed as 5 %
  | 'rate' // a growth or discount rate (may be negative), typed as a percentage
  | 'money' // an amount of money (real or nominal, see the methodology)
  | 'money-per-unit' // a price or a unit cost: money per product unit or per tonne
  | 'tonnes'
  | 'factor' // a multiplier, typed as 0.9 and shown as 0.9 ×
  | 'calendar-year'
  | 'whole-number' // a count of years
  | 'id' // an identifier, unique in its list
  | 'reference' // a partner id or "external"
  | 'choice' // one of `choices`
  | 'text'
  | 'boolean'
  | 'group' // an object of further fields
  | 'block' // an optional block whose fields its own module declares and validates (risk §R1)
  | 'list'; // a list of groups (partners, bands, …); its items are `pattern[]`

/** Bounds of a number, as decimal text. `above` is an exclusive lower bound. */
export interface FieldRange {
  min?: string;
  above?: string;
  max?: string;
}

/**
 * May the field be left out? `absent-or-null`: absent or null both mean "not set" (the
 * interchange's optional fields); `absent`: may be left out but never null (scenario overrides);
 * `required`: always present (a cross-field rule may still require or forbid an optional one).
 */
export type Presence = 'required' | 'absent-or-null' | 'absent';

export interface FieldDefinition {
  /**
   * The interchange path with `[]` for any list position:
   * `structures[].terms.partners[].equity`. A yearly series is one entry (`assumptions.prices`,
   * `series: true`) whose values are `assumptions.prices[]`.
   */
  pattern: string;
  kind: FieldKind;
  /**
   * The user's words. `{partner}`, `{band}`, … stand for the list item: "partner 3" in the editor,
   * the item's name where names are known (a term diff). `{band#}` is its number alone. A series
   * value's label is followed by its calendar year ("Grade 2029").
   */
  label: string;
  /** Shown beside the value: `%`, `{currency}`, `{currency} /{productUnit}`, `t`, `years`, `×`. */
  unit: string;
  presence: Presence;
  /** The methodology version that introduced the field (version-2 fields are refused in a v1 project). */
  since: 1 | 2;
  /** Numbers only: §9's valid range. */
  range?: FieldRange;
  /** Whole numbers and calendar years. */
  integer?: boolean;
  /** A yearly series: one value per year of the horizon. */
  series?: boolean;
  /** Choices only. */
  choices?: readonly string[];
  /** Said in validation messages: "must be a whole number (years of straight-line depreciation)". */
  meaning: string;
  /** Groups and lists: how §9's messages name the object ("a partner", "the royalty"). */
  what?: string;
  /** Lists: one item as the user calls it ("a partner"); its noun fills labels ("partner 3"). */
  item?: string;
  noun?: string;
  /** Optional groups, lists and series: the label of the editor's control that switches the field on or off. */
  toggle?: string;
  /** Lists: may be empty? */
  nonEmpty?: boolean;
  /** Lists whose items carry an `id` (and a `name`): matched by id in the term diff. */
  keyed?: boolean;
}
