// A structure's terms as labelled lines, the side-by-side comparison of two structures, and the
// term-by-term diff between them: one walk over the field catalogue for all three, so the term
// sheet, the rounds view, compare and the command line's `diff` show the same terms with the
// same labels and the same formats (5 %, US$ 300,000,000). Partners, agreements, offtakes,
// tranches and price-support contracts are matched by id, bands, fees and drawdowns by position.
import type { Structure } from '../engine/interchange.ts';
import { formatValue, type ValueContext } from './format.ts';
import { fieldAt, fieldsOf, labelOf } from './lookup.ts';
import type { FieldDefinition } from './types.ts';

export interface TermLine {
  /** Stable across structures: list items by id (`terms.partners[miner].equity`), or by position. */
  key: string;
  /** The interchange path relative to the structure: `terms.partners[1].equity`. */
  path: string;
  label: string;
  /** The value as users type it; `none` when unset. For a list item: a summary of its terms. */
  text: string;
  /** A whole list item (a partner, a band): present on one side only means added or removed. */
  item: boolean;
}

/** One term that differs between two structures. */
export interface TermChange {
  /** The interchange path relative to the structure (`terms.partners[1].equity`), in `after` (in `before` when removed). */
  path: string;
  /** What a negotiator calls it: "Equity of Boreal Minerals plc". */
  label: string;
  change: 'changed' | 'added' | 'removed';
  /** As users type it (`5 %`); null when added. A list item added or removed is summarised. */
  before: string | null;
  /** null when removed. */
  after: string | null;
}

export interface TermRow {
  key: string;
  label: string;
  /** null: the term does not exist on that side (its list item is missing). */
  left: string | null;
  right: string | null;
  leftPath: string | null;
  rightPath: string | null;
  item: boolean;
  differs: boolean;
}

const ROOT = 'structures[]';
const nameOf = (field: FieldDefinition) => field.pattern.slice(field.pattern.lastIndexOf('.') + 1);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A label without its list placeholders, for an item's summary: "Equity of {partners}" → "Equity". */
function shortLabel(template: string): string {
  const text = template
    .replace(/,? (of )?\{[a-z]\w*\}/g, '')
    .replace(/^\{[A-Z]\w*\} (is )?/, '')
    .replace(/^\w+ \{\w+#\} /, '');
  return capitalize(text);
}

/** Every term of a structure, in the order of the interchange document. */
export function termLines(structure: Structure, context: ValueContext = {}): TermLine[] {
  const lines: TermLine[] = [];
  const project = { structures: [structure] };
  const label = (path: string) => labelOf(`structures[0].${path}`, { project, byName: true });
  /** A reference to a partner reads as the partner's name. */
  const partnerName = (id: unknown) => {
    const partner = structure.terms.partners.find((p) => p.id === id);
    return partner ? partner.name || partner.id : String(id ?? 'none');
  };

  const walk = (node: Record<string, unknown>, path: string, key: string, pattern: string) => {
    for (const field of fieldsOf(pattern, 2)) {
      const name = nameOf(field);
      if (pattern === ROOT && (name === 'id' || name === 'notes')) continue;
      const value = node[name];
      const childPath = path ? `${path}.${name}` : name;
      const childKey = key ? `${key}.${name}` : name;
      if (field.kind === 'group') {
        if (value && typeof value === 'object') walk(value as Record<string, unknown>, childPath, childKey, field.pattern);
      } else if (field.kind === 'list') {
        if (!Array.isArray(value)) continue;
        value.forEach((item: unknown, index) => {
          const record = (item ?? {}) as Record<string, unknown>;
          const itemPath = `${childPath}[${index}]`;
          const itemKey = field.keyed && typeof record.id === 'string' ? `${childKey}[${record.id}]` : `${childKey}[${index}]`;
          const start = lines.length;
          walk(record, itemPath, itemKey, `${field.pattern}[]`);
          const inner = lines.slice(start);
          const own = inner.filter((l) => !l.item && l.text !== 'none' && !/\.(id|name)$/.test(l.path) && l.path.lastIndexOf('[') === itemPath.lastIndexOf('['));
          const nested = inner.filter((l) => l.item && l.path.slice(0, l.path.lastIndexOf('[')).lastIndexOf('[') === itemPath.lastIndexOf('['));
          const nounLabel = capitalize(`${field.noun ?? name} ${index + 1}`);
          const named = typeof record.name === 'string' && record.name ? record.name : typeof record.id === 'string' ? record.id : null;
          lines.splice(start, 0, {
            key: itemKey,
            path: itemPath,
            label: field.keyed && named ? `${capitalize(field.noun ?? name)} ${named}` : nounLabel,
            text: [
              ...own.map((l) => `${shortLabel(fieldAt(`structures[0].${l.path}`)?.field.label ?? l.path)}: ${l.text}`),
              ...nested.map((l) => `${l.label} (${l.text})`),
            ].join('; '),
            item: true,
          });
        });
      } else if (!field.series) {
        const unset = value === null || value === undefined;
        if (unset && (field.since > 1 || field.presence === 'required')) continue;
        const text = field.kind === 'reference' ? partnerName(value) : formatValue(field, value, context);
        lines.push({ key: childKey, path: childPath, label: label(childPath), text, item: false });
      }
    }
  };
  walk(structure as unknown as Record<string, unknown>, '', '', ROOT);
  return lines;
}

/** Every term of either structure: the left structure's order, then terms only the right has. */
export function compareTerms(left: Structure, right: Structure, context: ValueContext = {}): TermRow[] {
  const leftLines = termLines(left, context);
  const rightLines = termLines(right, context);
  const rightByKey = new Map(rightLines.map((l) => [l.key, l]));
  const leftByKey = new Map(leftLines.map((l) => [l.key, l]));
  const itemKeys = (lines: TermLine[]) => lines.filter((l) => l.item).map((l) => l.key);
  const leftItems = new Set(itemKeys(leftLines));
  const rightItems = new Set(itemKeys(rightLines));
  /** A term missing on one side reads "none" (not set), unless its whole list item is missing there. */
  const sideText = (line: TermLine, other: Map<string, TermLine>, ownItems: Set<string>, otherItems: Set<string>): string | null => {
    const found = other.get(line.key);
    if (found) return found.text;
    if (line.item) return null;
    const owner = [...ownItems].filter((k) => line.key.startsWith(`${k}.`)).sort((x, y) => y.length - x.length)[0];
    return owner !== undefined && !otherItems.has(owner) ? null : 'none';
  };
  const row = (key: string, label: string, l: string | null, r: string | null, lp: string | null, rp: string | null, item: boolean): TermRow => ({
    key, label, left: l, right: r, leftPath: lp, rightPath: rp, item, differs: item ? l === null || r === null : l !== r,
  });
  const rows = leftLines.map((l) => {
    const r = rightByKey.get(l.key);
    return row(l.key, r?.label ?? l.label, l.text, sideText(l, rightByKey, leftItems, rightItems), l.path, r?.path ?? null, l.item);
  });
  for (const r of rightLines) {
    if (!leftByKey.has(r.key)) rows.push(row(r.key, r.label, sideText(r, leftByKey, rightItems, leftItems), r.text, null, r.path, r.item));
  }
  return rows;
}

/** A change with the paths of its term on both sides (null on the side that lacks it): to apply it alone. */
export interface LocatedTermChange extends TermChange {
  beforePath: string | null;
  afterPath: string | null;
}

/** Every term that differs from `before` to `after`, with its paths on both sides; a list item added or removed is one change. */
export function locatedTermChanges(before: Structure, after: Structure, context: ValueContext = {}): LocatedTermChange[] {
  const rows = compareTerms(before, after, context);
  const gone = rows.filter((r) => r.item && (r.left === null || r.right === null)).map((r) => r.key);
  const changes: LocatedTermChange[] = [];
  for (const r of rows) {
    if (!r.differs) continue;
    if (gone.some((key) => r.key.startsWith(`${key}.`))) continue;
    const path = r.rightPath ?? r.leftPath ?? r.key;
    const located = { path, label: r.label, before: r.left, after: r.right, beforePath: r.leftPath, afterPath: r.rightPath };
    if (r.item) changes.push({ ...located, change: r.left === null ? 'added' : 'removed' });
    else changes.push({ ...located, change: 'changed' });
  }
  return changes;
}

/** Every term that differs from `before` to `after`; a list item added or removed is one change. */
export function diffTerms(before: Structure, after: Structure, context: ValueContext = {}): TermChange[] {
  return locatedTermChanges(before, after, context).map(({ path, label, change, before: from, after: to }) => ({ path, label, change, before: from, after: to }));
}
