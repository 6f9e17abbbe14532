// Finding a path's definition in the catalogue, and its label in the user's words.
import { FIELDS } from './catalogue.ts';
import { formatPath, getIn, parsePath, patternOf, patternOfKeys, type PathKey } from './paths.ts';
import type { FieldDefinition } from './types.ts';

const BY_PATTERN: ReadonlyMap<string, FieldDefinition> = new Map(FIELDS.map((field) => [field.pattern, field]));

export interface FieldAt {
  field: FieldDefinition;
  keys: PathKey[];
  /** For one value of a yearly series: its position (0 is the first year). */
  position: number | null;
}

/** The catalogue entry of a field pattern (`structures[].terms.partners[].equity`). */
export function fieldByPattern(pattern: string): FieldDefinition | null {
  return BY_PATTERN.get(pattern) ?? null;
}

/** The definition of a concrete path, or null when the path is not a field of a project. */
export function fieldAt(path: string): FieldAt | null {
  const keys = parsePath(path);
  const pattern = patternOfKeys(keys);
  const direct = BY_PATTERN.get(pattern);
  if (direct) return { field: direct, keys, position: null };
  const last = keys[keys.length - 1];
  if (typeof last === 'number') {
    const parent = BY_PATTERN.get(pattern.slice(0, -2));
    if (parent?.series) return { field: parent, keys, position: last };
  }
  return null;
}

/** Each group's or list item's own fields (the catalogue's order), by the group's pattern: validation asks for them per object. */
const CHILDREN: ReadonlyMap<string, readonly FieldDefinition[]> = FIELDS.reduce((children, field) => {
  const dot = field.pattern.lastIndexOf('.');
  const name = field.pattern.slice(dot + 1);
  if (name === '' || name.includes('[')) return children;
  const parent = dot < 0 ? '' : field.pattern.slice(0, dot);
  children.set(parent, [...(children.get(parent) ?? []), field]);
  return children;
}, new Map<string, FieldDefinition[]>());

/** The fields directly inside a group or list item: `structures[].terms.partners[]` → id, name, …, fundingCap. */
export function fieldsOf(pattern: string, version: 1 | 2 = 2): FieldDefinition[] {
  return (CHILDREN.get(pattern) ?? []).filter((field) => field.since <= version);
}

/** The required and the optional field names of a group (what §9's "is missing" and "is not a field of" check). */
export function shapeOf(pattern: string, version: 1 | 2 = 1): { required: string[]; optional: string[] } {
  const fields = fieldsOf(pattern, version);
  const name = (field: FieldDefinition) => field.pattern.slice(field.pattern.lastIndexOf('.') + 1);
  return {
    required: fields.filter((f) => f.presence === 'required').map(name),
    optional: fields.filter((f) => f.presence !== 'required').map(name),
  };
}

export interface LabelContext {
  /** The project the path points into: series values are labelled by calendar year, and with `byName` items by name. */
  project?: unknown;
  /** Name list items ("Equity of State Mining Co") instead of numbering them ("Equity of partner 1"). */
  byName?: boolean;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The label of a path in the user's words: "Funding cap of partner 3", "Grade 2029". */
export function labelOf(path: string, context: LabelContext = {}): string {
  const found = fieldAt(path);
  if (!found) return path;
  const { field, keys, position } = found;
  const label = fillLabel(field.label, keys, context);
  if (position === null) return label;
  const startYear = getIn(context.project, ['assumptions', 'startYear']);
  return typeof startYear === 'number' && Number.isInteger(startYear) ? `${label} ${startYear + position}` : `${label}, year ${position + 1}`;
}

/** The label of the control that switches an optional group, list or series on or off (its label when it has no own). */
export function toggleLabelOf(path: string, context: LabelContext = {}): string {
  const found = fieldAt(path);
  if (!found) return path;
  return found.field.toggle === undefined ? labelOf(path, context) : fillLabel(found.field.toggle, found.keys, context);
}

/** Fills `{partners}`, `{Partners}` and `{bands#}` from the list positions in `keys`. */
export function fillLabel(template: string, keys: readonly PathKey[], context: LabelContext = {}): string {
  return template.replace(/\{(\w+)(#?)\}/g, (_, segment: string, numberOnly: string) => {
    const listName = segment.charAt(0).toLowerCase() + segment.slice(1);
    const at = keys.findIndex((key, i) => key === listName && typeof keys[i + 1] === 'number');
    if (at < 0) return segment;
    const index = keys[at + 1] as number;
    if (numberOnly) return String(index + 1);
    const listPattern = patternOf(formatPath(keys.slice(0, at + 1)));
    const noun = BY_PATTERN.get(listPattern)?.noun ?? listName;
    let fill = `${noun} ${index + 1}`;
    const party = partyOfItem(context.project, keys.slice(0, at + 2));
    if (party !== null) fill = `party '${party}'`;
    else if (context.byName) {
      const item = getIn(context.project, keys.slice(0, at + 2)) as { name?: unknown; id?: unknown } | undefined;
      const name = typeof item?.name === 'string' && item.name.trim() ? item.name : typeof item?.id === 'string' && item.id ? item.id : null;
      if (name !== null) fill = name;
    }
    return segment === listName ? fill : capitalize(fill);
  });
}

/** A reservation names its party (by the partner's name where a structure has one): "Government", "State Mining Co". */
function partyOfItem(project: unknown, itemKeys: readonly PathKey[]): string | null {
  if (itemKeys[0] !== 'negotiation') return null;
  const party = (getIn(project, itemKeys) as { party?: unknown } | undefined)?.party;
  if (typeof party !== 'string' || party === '') return null;
  return partyName(project, party);
}

/** A party's name in the user's words: a partner's name in any structure, "Government", else its id. */
export function partyName(project: unknown, party: string): string {
  if (party === 'government') return 'Government';
  const structures = getIn(project, ['structures']);
  for (const structure of Array.isArray(structures) ? structures : []) {
    const partners = getIn(structure, ['terms', 'partners']);
    const partner = (Array.isArray(partners) ? partners : []).find((p: { id?: unknown }) => p?.id === party) as { name?: unknown } | undefined;
    if (typeof partner?.name === 'string' && partner.name.trim()) return partner.name;
  }
  return party;
}

/** A unit template with the venture's currency and product unit filled in. */
export function fillUnit(template: string, currency: string, productUnit: string): string {
  return template.replace('{currency}', currency || 'money').replace('{productUnit}', productUnit || 'unit');
}
