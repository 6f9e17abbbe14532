// The deal-term view of the catalogue: every numeric input of a structure (and every scalar
// numeric assumption, for what-ifs) that a negotiator may solve for or sweep, addressed by its
// interchange path relative to the structure (`terms.fiscal.royalty.bands[0].rate`,
// `terms.partners[1].equity`) or to the project (`assumptions.discountRate`). Reading and writing
// a term is immutable; writing an equity moves the balancing partner's equity the other way, so
// equities still sum to 1. Errors are data.
import type { Dec as Decimal } from '../engine/arithmetic.ts';
import type { Project } from '../engine/interchange.ts';
import { FIELDS } from './catalogue.ts';
import { decimalOf } from './format.ts';
import { fillUnit, labelOf } from './lookup.ts';
import { getIn, parsePath, patternOf, setIn } from './paths.ts';
import type { FieldDefinition, FieldKind } from './types.ts';

/** Kinds a term may have: amounts and rates, not counts, calendar years or ids. */
export const TERM_KINDS: readonly FieldKind[] = ['fraction', 'rate', 'money', 'money-per-unit', 'tonnes', 'factor'];

export interface TermRange {
  /** Decimal text; null: unbounded. */
  min: string | null;
  max: string | null;
  /** The minimum itself is not allowed (rates above −100 %). */
  minExclusive: boolean;
}

export interface DealTerm {
  /** `terms.partners[1].equity` (relative to the structure) or `assumptions.inflation`. */
  path: string;
  /** The catalogue pattern, relative in the same way: `terms.partners[].equity`. */
  pattern: string;
  /** "Equity of State Mining Co". */
  label: string;
  /** Filled with the venture's currency and product unit: "%", "USD /t SC6". */
  unit: string;
  kind: FieldKind;
  /** §9's range; for an equity, narrowed so that the balancing partner stays within [0, 1]. */
  range: TermRange;
  /** The value now (decimal text), or null when the optional term is not set. */
  value: string | null;
  /** An equity: the id of the partner whose equity moves the other way. */
  balancedBy: string | null;
}

export type TermError = { code: 'unknown-structure' | 'unknown-term' | 'unknown-partner' | 'out-of-range' | 'not-a-number'; message: string };
export type TermResult<T> = { ok: true; value: T } | { ok: false; error: TermError };

const STRUCTURE_PREFIX = 'structures[].';
const EQUITY = 'terms.partners[].equity';

/** Catalogue entries that are deal terms, with their relative pattern. */
function termFields(): { field: FieldDefinition; relative: string }[] {
  return FIELDS.filter((f) => TERM_KINDS.includes(f.kind) && !f.series && !f.integer)
    .filter((f) => f.pattern.startsWith(`${STRUCTURE_PREFIX}terms.`) || (f.pattern.startsWith('assumptions.') && !f.pattern.includes('[')))
    .map((field) => ({ field, relative: field.pattern.startsWith(STRUCTURE_PREFIX) ? field.pattern.slice(STRUCTURE_PREFIX.length) : field.pattern }));
}

function absolutePath(structureIndex: number, path: string): string {
  return path.startsWith('assumptions.') ? path : `structures[${structureIndex}].${path}`;
}

/** The partner that balances partner `index`'s equity: the one with the largest equity among the others (first on a tie). */
export function defaultBalancingPartner(project: Project, structureIndex: number, index: number): string | null {
  const partners = project.structures[structureIndex]?.terms.partners ?? [];
  let best: { id: string; equity: Decimal } | null = null;
  partners.forEach((partner, i) => {
    const equity = decimalOf(partner.equity);
    if (i === index || equity === null) return;
    if (best === null || equity.gt(best.equity)) best = { id: partner.id, equity };
  });
  return (best as { id: string } | null)?.id ?? null;
}

function structureIndexOf(project: Project, structureId: string): TermResult<number> {
  const index = project.structures.findIndex((s) => s.id === structureId);
  if (index < 0) return { ok: false, error: { code: 'unknown-structure', message: `"${structureId}" is not a structure of this project: ${project.structures.map((s) => s.id).join(', ')}` } };
  return { ok: true, value: index };
}

function describeTerm(project: Project, structureIndex: number, path: string, field: FieldDefinition, balanceWith: string | null): DealTerm {
  const absolute = absolutePath(structureIndex, path);
  const stored = getIn(project, parsePath(absolute));
  const value = decimalOf(stored)?.toString() ?? null;
  const range: TermRange = { min: field.range?.min ?? field.range?.above ?? null, max: field.range?.max ?? null, minExclusive: field.range?.above !== undefined };
  let balancedBy: string | null = null;
  const partners = project.structures[structureIndex]?.terms.partners ?? [];
  if (patternOf(path) === EQUITY) {
    const index = parsePath(path)[2] as number;
    balancedBy = balanceWith ?? defaultBalancingPartner(project, structureIndex, index);
    const other = decimalOf(partners.find((p) => p.id === balancedBy)?.equity);
    const own = decimalOf(stored);
    if (other !== null && own !== null) range.max = own.plus(other).toString();
    else if (own !== null) range.min = range.max = own.toString();
  }
  const a = project.assumptions;
  const label = labelOf(absolute, { project, byName: true });
  return { path, pattern: patternOf(path), label, unit: fillUnit(field.unit, a.currency ?? '', a.productUnit ?? ''), kind: field.kind, range, value, balancedBy };
}

/** Every term of a structure and every scalar numeric assumption, in the order of the document. Unset optional terms (no funding cap) are left out. */
export function dealTerms(project: Project, structureId: string): TermResult<DealTerm[]> {
  const found = structureIndexOf(project, structureId);
  if (!found.ok) return found;
  const terms: DealTerm[] = [];
  for (const { field, relative } of termFields()) {
    for (const path of concretePaths(project, found.value, relative)) {
      const term = describeTerm(project, found.value, path, field, null);
      if (term.value !== null) terms.push(term);
    }
  }
  return { ok: true, value: terms };
}

/** Expands `terms.partners[].equity` to every position that exists in the structure. */
function concretePaths(project: Project, structureIndex: number, relative: string): string[] {
  const parts = relative.split('[]');
  let paths = [parts[0]!];
  for (const part of parts.slice(1)) {
    paths = paths.flatMap((prefix) => {
      const list = getIn(project, parsePath(absolutePath(structureIndex, prefix)));
      return Array.isArray(list) ? list.map((_, i) => `${prefix}[${i}]${part}`) : [];
    });
  }
  return paths;
}

/** One term by its path, with its label, unit, range and value. `balanceWith` names the balancing partner of an equity. */
export function dealTerm(project: Project, structureId: string, path: string, options: { balanceWith?: string } = {}): TermResult<DealTerm> {
  const found = structureIndexOf(project, structureId);
  if (!found.ok) return found;
  const entry = termFields().find(({ relative }) => relative === patternOf(path));
  const parentExists = getIn(project, parsePath(absolutePath(found.value, path)).slice(0, -1)) !== undefined;
  if (!entry || !parentExists) {
    const valid = dealTerms(project, structureId);
    const names = valid.ok ? valid.value.map((t) => t.path) : [];
    return { ok: false, error: { code: 'unknown-term', message: `"${path}" is not a term of structure "${structureId}"; the terms are: ${names.join(', ')}` } };
  }
  if (options.balanceWith !== undefined) {
    const partners = project.structures[found.value]!.terms.partners;
    const own = partners[parsePath(path)[2] as number]?.id;
    if (patternOf(path) !== EQUITY || !partners.some((p) => p.id === options.balanceWith) || options.balanceWith === own) {
      return { ok: false, error: { code: 'unknown-partner', message: `"${options.balanceWith}" cannot balance ${path}: name another partner of the structure (${partners.filter((p) => p.id !== own).map((p) => p.id).join(', ')})` } };
    }
  }
  return { ok: true, value: describeTerm(project, found.value, path, entry.field, options.balanceWith ?? null) };
}

/** The project with the term set to `value` (and, for an equity, the balancing partner's equity moved the other way). */
export function writeTerm(project: Project, structureId: string, path: string, value: string | Decimal, options: { balanceWith?: string } = {}): TermResult<Project> {
  const writer = termWriter(project, structureId, path, options);
  return writer.ok ? writer.value(value) : writer;
}

/** writeTerm with the term looked up once, for writing many values (scans and maps). */
export function termWriter(project: Project, structureId: string, path: string, options: { balanceWith?: string } = {}): TermResult<(value: string | Decimal) => TermResult<Project>> {
  const described = dealTerm(project, structureId, path, options);
  if (!described.ok) return described;
  const term = described.value;
  const structureIndex = project.structures.findIndex((s) => s.id === structureId);
  const at = parsePath(absolutePath(structureIndex, path));
  const partners = project.structures[structureIndex]!.terms.partners;
  const other = partners.findIndex((p) => p.id === term.balancedBy);
  const otherAt = other < 0 ? null : parsePath(`structures[${structureIndex}].terms.partners[${other}].equity`);
  return {
    ok: true,
    value: (value) => {
      const next = decimalOf(typeof value === 'string' ? value : value.toString());
      if (next === null) return { ok: false, error: { code: 'not-a-number', message: `${term.label} must be a number, not "${String(value)}"` } };
      const { min, max, minExclusive } = term.range;
      const belowMin = min !== null && (minExclusive ? next.lte(min) : next.lt(min));
      if (belowMin || (max !== null && next.gt(max))) {
        return { ok: false, error: { code: 'out-of-range', message: `${term.label} must be ${rangeText(term.range)}, not ${next.toString()}` } };
      }
      let written = setIn(project, at, next.toString());
      if (otherAt !== null && term.value !== null) {
        const moved = decimalOf(partners[other]!.equity)!.plus(decimalOf(term.value)!).minus(next);
        written = setIn(written, otherAt, moved.toString());
      }
      return { ok: true, value: written };
    },
  };
}

/** The value of a term (decimal text, null when unset). */
export function readTerm(project: Project, structureId: string, path: string): TermResult<string | null> {
  const term = dealTerm(project, structureId, path);
  return term.ok ? { ok: true, value: term.value.value } : term;
}

function rangeText(range: TermRange): string {
  const low = range.min === null ? null : `${range.minExclusive ? 'above' : 'at least'} ${range.min}`;
  const high = range.max === null ? null : `at most ${range.max}`;
  return [low, high].filter(Boolean).join(' and ') || 'a number';
}

/** Whether a (relative) path names a deal term in the catalogue, whatever the project. */
export function isTermPattern(path: string): boolean {
  return termFields().some(({ relative }) => relative === patternOf(path));
}

/** The catalogue's term patterns with their field definitions: for pickers and documentation. */
export function termPatterns(): { pattern: string; field: FieldDefinition }[] {
  return termFields().map(({ field, relative }) => ({ pattern: relative, field }));
}
