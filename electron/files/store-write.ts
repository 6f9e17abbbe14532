// Writes an interchange project into the tables of a working database (format 2).
import type { Database } from './sqlite.ts';
import { FIELDS, getIn, parsePath } from '../../shared/fields/index.ts';
import type { DocumentMetadata } from './types.ts';
import { stringifyWithLiterals } from './literal-json.ts';
import { isVersion2Tree, version2TermsOf } from './version2.ts';
import {
  asArray,
  asObject,
  presenceOf,
  putDecimal,
  putOptional,
  text,
  type JsonObject,
  type Row,
} from './cells.ts';
import { putFields, type RowParts } from './columns.ts';

/** Tables holding the interchange content, children first (so deleting in this order is safe). */
export const CONTENT_TABLES = [
  'reservations',
  'negotiation',
  'version2_terms',
  'risk',
  'override_prices',
  'overrides',
  'shocks',
  'scenarios',
  'offtakes',
  'technology_fees',
  'technology_agreements',
  'royalty_bands',
  'fiscal_terms',
  'partners',
  'structures',
  'yearly_series',
  'assumptions',
  'project',
] as const;

/** The venture's yearly series (rows of yearly_series, named by their field), from the field catalogue. */
const SERIES: readonly (readonly [string, (assumptions: JsonObject) => unknown])[] = FIELDS
  .filter((field) => field.series && field.pattern.startsWith('assumptions.'))
  .map((field) => {
    const keys = parsePath(field.pattern.slice('assumptions.'.length));
    return [String(keys[keys.length - 1]), (assumptions: JsonObject) => getIn(assumptions, keys)] as const;
  });

function inserter(db: Database): (table: string, row: Row) => void {
  const statements = new Map<string, ReturnType<Database['prepare']>>();
  return (table, row) => {
    const columns = Object.keys(row);
    const key = `${table}(${columns.join(',')})`;
    let statement = statements.get(key);
    if (statement === undefined) {
      statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      statements.set(key, statement);
    }
    statement.run(row);
  };
}

interface PreservedMetadata {
  internalScenarios: Set<string>;
  privateNotes: Set<string>;
}

export function noteKey(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

function preservedMetadata(db: Database): PreservedMetadata {
  const internal = db.prepare('SELECT id FROM scenarios WHERE internal = 1').pluck().all() as string[];
  const privateRows = db.prepare('SELECT owner_kind, owner_id FROM notes WHERE private = 1').all() as { owner_kind: string; owner_id: string }[];
  return {
    internalScenarios: new Set(internal),
    privateNotes: new Set(privateRows.map((r) => noteKey(r.owner_kind, r.owner_id))),
  };
}

/**
 * The parts of the content a write can replace on their own, with their tables (children first)
 * and the owner kind of their notes. An edit rewrites only the parts that changed.
 */
type Section = 'head' | 'structures' | 'scenarios' | 'shocks' | 'risk' | 'version2' | 'negotiation';
const SECTIONS: Record<Section, { tables: readonly (string | readonly [string, string])[]; notes?: string }> = {
  head: { tables: ['yearly_series', 'assumptions', 'project'], notes: 'project' },
  structures: { tables: ['offtakes', 'technology_fees', 'technology_agreements', 'royalty_bands', 'fiscal_terms', 'partners', 'structures'], notes: 'structure' },
  scenarios: { tables: [['override_prices', 'scenario'], ['overrides', 'scenario'], 'scenarios'], notes: 'scenario' },
  shocks: { tables: [['override_prices', 'shock'], ['overrides', 'shock'], 'shocks'] },
  risk: { tables: ['risk'] },
  version2: { tables: ['version2_terms'] },
  negotiation: { tables: ['reservations', 'negotiation'] },
};

const SECTION_PARTS: Record<Section, (project: JsonObject) => unknown> = {
  head: (p) => ({ name: p.name, notes: p.notes, assumptions: p.assumptions, shocks: presenceOf(p, 'shocks') }),
  structures: (p) => ({ structures: p.structures }),
  scenarios: (p) => ({ scenarios: p.scenarios }),
  shocks: (p) => ({ shocks: p.shocks }),
  risk: (p) => ({ risk: p.risk, form: presenceOf(p, 'risk') }),
  version2: (p) => ({ version: p.version, terms: version2TermsOf(p) }),
  negotiation: (p) => ({ negotiation: p.negotiation, form: presenceOf(p, 'negotiation') }),
};

const ALL_SECTIONS: Record<Section, boolean> = { head: true, structures: true, scenarios: true, shocks: true, risk: true, version2: true, negotiation: true };

/** Every content table belongs to a section; a table added without one makes every write whole. */
const SECTIONED = new Set(Object.values(SECTIONS).flatMap((section) => section.tables.map((table) => (typeof table === 'string' ? table : table[0]))));
const EVERY_TABLE_SECTIONED = CONTENT_TABLES.every((table) => SECTIONED.has(table));

function changedSections(project: JsonObject, previous: unknown): Record<Section, boolean> {
  if (previous === undefined || !EVERY_TABLE_SECTIONED) return ALL_SECTIONS;
  const before = asObject(previous);
  const differs = (section: Section) => stringifyWithLiterals(SECTION_PARTS[section](project), 0) !== stringifyWithLiterals(SECTION_PARTS[section](before), 0);
  return { head: differs('head'), structures: differs('structures'), scenarios: differs('scenarios'), shocks: differs('shocks'), risk: differs('risk'), version2: differs('version2'), negotiation: differs('negotiation') };
}

function deleteSections(db: Database, write: Record<Section, boolean>): void {
  if (Object.values(write).every(Boolean)) {
    for (const table of CONTENT_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    db.prepare('DELETE FROM notes').run();
    return;
  }
  for (const [name, section] of Object.entries(SECTIONS) as [Section, (typeof SECTIONS)[Section]][]) {
    if (!write[name]) continue;
    for (const table of section.tables) {
      if (typeof table === 'string') db.prepare(`DELETE FROM ${table}`).run();
      else db.prepare(`DELETE FROM ${table[0]} WHERE owner_kind = ?`).run(table[1]);
    }
    if (section.notes) db.prepare('DELETE FROM notes WHERE owner_kind = ?').run(section.notes);
  }
}

/**
 * Replaces the interchange content of `db` with `source` (a project already validated by the
 * engine; numbers may be NumberLiterals). Scenario `internal` flags and note `private` flags are
 * kept for ids that still exist. Revisions are never touched. With `previous` (the project the
 * tables hold now), only the sections that differ from it are rewritten. Call inside a transaction.
 */
export function writeProject(db: Database, source: unknown, metadata?: DocumentMetadata, previous?: unknown): void {
  const kept = metadata
    ? {
        internalScenarios: new Set(metadata.internalScenarios),
        privateNotes: new Set(metadata.privateNotes.map((owner) => noteKey(owner.kind, owner.id ?? ''))),
      }
    : preservedMetadata(db);
  const project = asObject(source);
  const write = changedSections(project, previous);
  deleteSections(db, write);
  const insert = inserter(db);

  if (write.head) writeHead(insert, kept, project);
  if (write.structures) writeStructures(insert, kept, project);
  if (write.scenarios) writeScenarios(insert, kept, project);
  if (write.shocks) writeShocks(insert, project);
  if (write.risk) writeRisk(insert, project);
  if (write.version2) writeVersion2(insert, project);
  if (write.negotiation) writeNegotiation(insert, project);
}

/** Migration 005: the negotiation block's presence and one row per reservation. */
function writeNegotiation(insert: Insert, project: JsonObject): void {
  const form = presenceOf(project, 'negotiation');
  if (form === 'a') return;
  insert('negotiation', { id: 1, block_form: form });
  asArray(asObject(project.negotiation).reservations).forEach((value, position) => {
    const row: Row = { position };
    putFields(row, 'negotiation.reservations[]', asObject(value));
    insert('reservations', row);
  });
}

/** Migration 004: a version-2 project's v2 terms; no row for a version-1 project. */
function writeVersion2(insert: Insert, project: JsonObject): void {
  if (!isVersion2Tree(project)) return;
  insert('version2_terms', { id: 1, document_version: stringifyWithLiterals(project.version, 0), terms: stringifyWithLiterals(version2TermsOf(project), 0) });
}

const T = 'structures[].terms';
/** Rows whose objects hold fields kept elsewhere: notes in `notes`, the fiscal terms and overrides in tables of their own. */
export const STRUCTURE_ROW: RowParts = { elsewhere: new Set(['structures[].notes', `${T}.fiscal`]) };
export const SCENARIO_ROW: RowParts = { elsewhere: new Set(['scenarios[].notes', 'scenarios[].overrides']) };
export const SHOCK_ROW: RowParts = { elsewhere: new Set(['shocks[].overrides']) };

type Insert = (table: string, row: Row) => void;

function writeHead(insert: Insert, kept: PreservedMetadata, project: JsonObject): void {
  const projectRow: Row = { id: 1 };
  putOptional(projectRow, 'name', project, 'name', text);
  projectRow.shocks_form = presenceOf(project, 'shocks');
  insert('project', projectRow);
  writeNote(insert, kept, 'project', '', project);

  const assumptions = asObject(project.assumptions);
  const a: Row = { id: 1 };
  putFields(a, 'assumptions', assumptions);
  insert('assumptions', a);
  for (const [series, pick] of SERIES) {
    asArray(pick(assumptions)).forEach((value, position) => {
      const row: Row = { series, position };
      putDecimal(row, 'value', value);
      insert('yearly_series', row);
    });
  }
}

function writeStructures(insert: Insert, kept: PreservedMetadata, project: JsonObject): void {
  asArray(project.structures).forEach((structureValue, position) => {
    const structure = asObject(structureValue);
    const structureId = text(structure.id);
    const terms = asObject(structure.terms);
    const row: Row = { position };
    putFields(row, 'structures[]', structure, STRUCTURE_ROW);
    insert('structures', row);
    writeNote(insert, kept, 'structure', structureId, structure);
    writeTerms(insert, structureId, terms);
  });
}

function writeScenarios(insert: Insert, kept: PreservedMetadata, project: JsonObject): void {
  asArray(project.scenarios).forEach((scenarioValue, position) => {
    const scenario = asObject(scenarioValue);
    const id = text(scenario.id);
    const row: Row = { position, internal: kept.internalScenarios.has(id) ? 1 : 0 };
    putFields(row, 'scenarios[]', scenario, SCENARIO_ROW);
    insert('scenarios', row);
    writeNote(insert, kept, 'scenario', id, scenario);
    writeOverrides(insert, 'scenario', id, asObject(scenario.overrides));
  });
}

function writeShocks(insert: Insert, project: JsonObject): void {
  if (Array.isArray(project.shocks)) {
    project.shocks.forEach((shockValue, position) => {
      const shock = asObject(shockValue);
      const id = text(shock.id);
      const row: Row = { position };
      putFields(row, 'shocks[]', shock, SHOCK_ROW);
      insert('shocks', row);
      writeOverrides(insert, 'shock', id, asObject(shock.overrides));
    });
  }
}

function writeRisk(insert: Insert, project: JsonObject): void {
  const riskForm = presenceOf(project, 'risk');
  if (riskForm !== 'a') insert('risk', { id: 1, block: riskForm === 'v' ? stringifyWithLiterals(project.risk, 0) : null, block_form: riskForm });
}

function writeNote(
  insert: (table: string, row: Row) => void,
  kept: PreservedMetadata,
  kind: string,
  id: string,
  owner: JsonObject,
): void {
  if (!Object.hasOwn(owner, 'notes') || owner.notes === undefined) return;
  const isNull = owner.notes === null;
  insert('notes', {
    owner_kind: kind,
    owner_id: id,
    body: isNull ? null : text(owner.notes),
    body_form: isNull ? 'z' : 'v',
    private: kept.privateNotes.has(noteKey(kind, id)) ? 1 : 0,
  });
}

function writeTerms(insert: (table: string, row: Row) => void, structureId: string, terms: JsonObject): void {
  asArray(terms.partners).forEach((partner, position) => {
    const row: Row = { structure_id: structureId, position };
    putFields(row, `${T}.partners[]`, asObject(partner));
    insert('partners', row);
  });

  const fiscal = asObject(terms.fiscal);
  const f: Row = { structure_id: structureId };
  putFields(f, `${T}.fiscal`, fiscal);
  insert('fiscal_terms', f);
  asArray(asObject(fiscal.royalty).bands).forEach((band, position) => {
    const row: Row = { structure_id: structureId, position };
    putFields(row, `${T}.fiscal.royalty.bands[]`, asObject(band));
    insert('royalty_bands', row);
  });

  asArray(terms.technology).forEach((agreementValue, position) => {
    const agreement = asObject(agreementValue);
    const row: Row = { structure_id: structureId, position };
    putFields(row, `${T}.technology[]`, agreement);
    insert('technology_agreements', row);
    asArray(agreement.fees).forEach((fee, feePosition) => {
      const feeRow: Row = { structure_id: structureId, agreement_position: position, position: feePosition };
      putFields(feeRow, `${T}.technology[].fees[]`, asObject(fee));
      insert('technology_fees', feeRow);
    });
  });

  asArray(terms.offtake).forEach((offtake, position) => {
    const row: Row = { structure_id: structureId, position };
    putFields(row, `${T}.offtake[]`, asObject(offtake));
    insert('offtakes', row);
  });
}

function writeOverrides(insert: (table: string, row: Row) => void, kind: 'scenario' | 'shock', id: string, overrides: JsonObject): void {
  const row: Row = { owner_kind: kind, owner_id: id };
  putFields(row, `${kind === 'scenario' ? 'scenarios' : 'shocks'}[].overrides`, overrides);
  insert('overrides', row);
  if (row.prices_form === 'v') {
    asArray(overrides.prices).forEach((value, position) => {
      const priceRow: Row = { owner_kind: kind, owner_id: id, position };
      putDecimal(priceRow, 'value', value);
      insert('override_prices', priceRow);
    });
  }
}
