// Which column of a table holds which field of a project, derived from the field catalogue. A
// row holds the scalar fields of one object of the project (a partner, the fiscal terms, …) and
// of the groups inside it; lists, yearly series, blocks, notes and version-2 fields live in
// tables (or the JSON text) of their own. A field's column is its key in snake_case after its
// groups' prefixes (`royalty.base` → `royalty_base`); a field that may be absent or null has a
// `_form` column beside it (see cells.ts), and so does an optional group. The names format 1
// shipped with that do not follow the rule are written out below; the schema snapshot
// (test/fixtures/formats/schema.json) holds them fixed.
import { fieldsOf } from '../../shared/fields/index.ts';
import type { FieldDefinition } from '../../shared/fields/types.ts';
import {
  asObject,
  booleanCell,
  flag,
  getDecimal,
  getOptional,
  presenceOf,
  putDecimal,
  putOptional,
  putOptionalDecimal,
  text,
  textCell,
  type JsonObject,
  type Row,
} from './cells.ts';

/** Groups whose fields sit in the row without their key as a prefix, or under another one. */
const GROUP_PREFIXES: Readonly<Record<string, string>> = {
  'assumptions.production': '',
  'assumptions.costs': '',
  'assumptions.capex': '',
  'structures[].terms': '',
  'structures[].terms.fiscal.incomeTax': '',
  'structures[].terms.fiscal.resourceRentTax': 'rrt_',
};

/** Columns whose names are not the rule's. */
const COLUMN_NAMES: Readonly<Record<string, string>> = {
  'structures[].terms.partners[].state': 'is_state',
  'structures[].terms.partners[].foreign': 'is_foreign',
  'structures[].terms.technology[].foreign': 'is_foreign',
  'structures[].terms.fiscal.incomeTax.rate': 'income_tax_rate',
};

const TEXT_KINDS: ReadonlySet<string> = new Set(['id', 'text', 'reference', 'choice']);

const snake = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const keyOf = (field: FieldDefinition): string => field.pattern.slice(field.pattern.lastIndexOf('.') + 1);
const columnOf = (field: FieldDefinition, prefix: string): string => COLUMN_NAMES[field.pattern] ?? `${prefix}${snake(keyOf(field))}`;
const prefixOf = (group: FieldDefinition, prefix: string): string => GROUP_PREFIXES[group.pattern] ?? `${prefix}${snake(keyOf(group))}_`;
const isOptional = (field: FieldDefinition): boolean => field.presence !== 'required';

/** What a row leaves to other tables and rows besides lists, series and blocks. */
export interface RowParts {
  /** Patterns of fields the row leaves out although it could hold them (notes, groups with a table of their own). */
  elsewhere?: ReadonlySet<string>;
}

function heldInRow(field: FieldDefinition, parts: RowParts): boolean {
  return !(parts.elsewhere?.has(field.pattern) ?? false) && field.kind !== 'list' && field.kind !== 'block' && !(field.series && !isOptional(field));
}

/** Writes the fields of `source` (the object at `pattern`) that the row holds into `row`. */
export function putFields(row: Row, pattern: string, source: JsonObject, parts: RowParts = {}, prefix = ''): void {
  for (const field of fieldsOf(pattern, 1)) {
    if (!heldInRow(field, parts)) continue;
    const key = keyOf(field);
    const column = columnOf(field, prefix);
    if (field.series) {
      // An optional series (a scenario's own price deck): its presence here, its values in a table of their own.
      row[`${column}_form`] = presenceOf(source, key);
    } else if (field.kind === 'group') {
      if (!isOptional(field)) {
        putFields(row, field.pattern, asObject(source[key]), parts, prefixOf(field, prefix));
        continue;
      }
      const form = presenceOf(source, key);
      row[`${column}_form`] = form;
      if (form === 'v') putFields(row, field.pattern, asObject(source[key]), parts, prefixOf(field, prefix));
    } else if (field.kind === 'boolean') {
      if (isOptional(field)) putOptional(row, column, source, key, flag);
      else row[column] = flag(source[key]);
    } else if (TEXT_KINDS.has(field.kind)) {
      if (isOptional(field)) putOptional(row, column, source, key, text);
      else row[column] = text(source[key]);
    } else if (isOptional(field)) {
      putOptionalDecimal(row, column, source, key);
    } else {
      putDecimal(row, column, source[key]);
    }
  }
}

/**
 * The object at `pattern` read back from `row`, its keys in the interchange's order. Fields the
 * row does not hold come from `children(field)` (undefined leaves the key out).
 */
export function getFields(row: Row, pattern: string, children: (field: FieldDefinition) => unknown, parts: RowParts = {}, prefix = ''): JsonObject {
  const target: JsonObject = {};
  for (const field of fieldsOf(pattern, 1)) {
    const key = keyOf(field);
    if (!heldInRow(field, parts)) {
      target[key] = children(field);
      continue;
    }
    const column = columnOf(field, prefix);
    if (field.series || (field.kind === 'group' && isOptional(field))) {
      const form = row[`${column}_form`];
      target[key] =
        form === 'v' ? (field.series ? children(field) : getFields(row, field.pattern, children, parts, prefixOf(field, prefix))) : form === 'z' ? null : undefined;
    } else if (field.kind === 'group') {
      target[key] = getFields(row, field.pattern, children, parts, prefixOf(field, prefix));
    } else if (field.kind === 'boolean') {
      target[key] = isOptional(field) ? getOptional(row, column, booleanCell) : booleanCell(row[column] ?? null);
    } else if (TEXT_KINDS.has(field.kind)) {
      target[key] = isOptional(field) ? getOptional(row, column, textCell) : textCell(row[column] ?? null);
    } else {
      target[key] = getDecimal(row, column);
    }
  }
  return target;
}

/** Every column a row of the object at `pattern` may fill (a test holds them to the tables' columns). */
export function columnsOf(pattern: string, parts: RowParts = {}, prefix = ''): string[] {
  return fieldsOf(pattern, 1).flatMap((field) => {
    if (!heldInRow(field, parts)) return [];
    const column = columnOf(field, prefix);
    if (field.series) return [`${column}_form`];
    if (field.kind === 'group') {
      const inner = columnsOf(field.pattern, parts, prefixOf(field, prefix));
      return isOptional(field) ? [`${column}_form`, ...inner] : inner;
    }
    const decimal = field.kind !== 'boolean' && !TEXT_KINDS.has(field.kind);
    return decimal || isOptional(field) ? [column, `${column}_form`] : [column];
  });
}
