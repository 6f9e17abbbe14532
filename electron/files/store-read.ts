// Reads the interchange project and the file metadata back from the tables (format 2).
import type { Database } from './sqlite.ts';
import type { DocumentMetadata, NoteOwner, Revision } from './types.ts';
import type { FieldDefinition } from '../../shared/fields/types.ts';
import { roundResultsSchema } from '../../shared/contract/roundResults.ts';
import { NumberLiteral, parseWithLiterals } from './literal-json.ts';
import { applyVersion2Terms } from './version2.ts';
import { SCENARIO_ROW, SHOCK_ROW, STRUCTURE_ROW } from './store-write.ts';
import { getFields } from './columns.ts';
import { getDecimal, getOptional, textCell, type JsonObject, type Row } from './cells.ts';

function rows(db: Database, sql: string, ...params: unknown[]): Row[] {
  return db.prepare(sql).all(...params) as Row[];
}

function groupBy(list: Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of list) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * The project as an interchange tree whose numbers are NumberLiterals (their text as written):
 * `stringifyWithLiterals` of it is the exported document.
 */
export function readProjectTree(db: Database): JsonObject {
  const project = rows(db, 'SELECT * FROM project WHERE id = 1')[0];
  const a = rows(db, 'SELECT * FROM assumptions WHERE id = 1')[0];
  if (!project || !a) throw new Error('the project or assumptions row is missing');
  const notes = new Map(rows(db, 'SELECT * FROM notes').map((r) => [`${String(r.owner_kind)}\u0000${String(r.owner_id)}`, r]));
  const noteOf = (kind: string, id: string): unknown => {
    const note = notes.get(`${kind}\u0000${id}`);
    if (!note) return undefined;
    return note.body_form === 'z' ? null : String(note.body);
  };
  const series = groupBy(rows(db, 'SELECT * FROM yearly_series ORDER BY series, position'), (r) => String(r.series));
  const seriesOf = (name: string): unknown[] => (series.get(name) ?? []).map((r) => getDecimal(r, 'value'));

  // The yearly series are rows of yearly_series named by their field's key.
  const assumptions = getFields(a, 'assumptions', (field) => (field.series ? seriesOf(field.pattern.slice(field.pattern.lastIndexOf('.') + 1)) : undefined));

  const structures = readStructures(db, noteOf);

  const overrides = new Map(rows(db, 'SELECT * FROM overrides').map((r) => [`${String(r.owner_kind)}\u0000${String(r.owner_id)}`, r]));
  const overridePrices = groupBy(rows(db, 'SELECT * FROM override_prices ORDER BY owner_kind, owner_id, position'), (r) => `${String(r.owner_kind)}\u0000${String(r.owner_id)}`);
  const overridesOf = (kind: string, id: string): JsonObject => {
    const row = overrides.get(`${kind}\u0000${id}`);
    if (!row) return {};
    const prices = () => (overridePrices.get(`${kind}\u0000${id}`) ?? []).map((r) => getDecimal(r, 'value'));
    return getFields(row, `${kind === 'scenario' ? 'scenarios' : 'shocks'}[].overrides`, (field) => (field.series ? prices() : undefined));
  };

  const scenarios = rows(db, 'SELECT * FROM scenarios ORDER BY position').map((r) =>
    getFields(r, 'scenarios[]', (field) => (field.pattern === 'scenarios[].notes' ? noteOf('scenario', String(r.id)) : overridesOf('scenario', String(r.id))), SCENARIO_ROW),
  );
  const shocks =
    project.shocks_form === 'v'
      ? rows(db, 'SELECT * FROM shocks ORDER BY position').map((r) => getFields(r, 'shocks[]', () => overridesOf('shock', String(r.id)), SHOCK_ROW))
      : project.shocks_form === 'z'
        ? null
        : undefined;

  const tree: JsonObject = {
    format: 'orebridge-project',
    version: new NumberLiteral('1'),
    name: getOptional(project, 'name', textCell),
    notes: noteOf('project', ''),
    assumptions,
    structures,
    scenarios,
    shocks,
    risk: readRisk(db),
    negotiation: readNegotiation(db),
  };
  readVersion2(db, tree);
  return tree;
}

/** Migration 004: a version-2 project's version and v2 terms, put back into the tree. */
function readVersion2(db: Database, tree: JsonObject): void {
  if (db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'version2_terms'").pluck().get() === 0) return;
  const row = rows(db, 'SELECT * FROM version2_terms WHERE id = 1')[0];
  if (row === undefined) return;
  applyVersion2Terms(tree, parseWithLiterals(String(row.document_version)), parseWithLiterals(String(row.terms)) as JsonObject);
}

/** Migration 005: the negotiation block, null, or undefined when the project has none. */
function readNegotiation(db: Database): unknown {
  if (db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'negotiation'").pluck().get() === 0) return undefined;
  const row = rows(db, 'SELECT * FROM negotiation WHERE id = 1')[0];
  if (row === undefined) return undefined;
  if (row.block_form === 'z') return null;
  const reservations = rows(db, 'SELECT * FROM reservations ORDER BY position').map((r) => {
    return getFields(r, 'negotiation.reservations[]', () => undefined);
  });
  return { reservations };
}

/** The risk block: its literal JSON, null, or undefined when the project has none. */
function readRisk(db: Database): unknown {
  if (db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'risk'").pluck().get() === 0) return undefined;
  const row = rows(db, 'SELECT * FROM risk WHERE id = 1')[0];
  if (row === undefined) return undefined;
  return row.block_form === 'z' ? null : parseWithLiterals(String(row.block));
}

const T = 'structures[].terms';

function readStructures(db: Database, noteOf: (kind: string, id: string) => unknown): JsonObject[] {
  const byStructure = (sql: string): Map<string, Row[]> => groupBy(rows(db, sql), (r) => String(r.structure_id));
  const partners = byStructure('SELECT * FROM partners ORDER BY structure_id, position');
  const fiscal = new Map(rows(db, 'SELECT * FROM fiscal_terms').map((r) => [String(r.structure_id), r]));
  const bands = byStructure('SELECT * FROM royalty_bands ORDER BY structure_id, position');
  const agreements = byStructure('SELECT * FROM technology_agreements ORDER BY structure_id, position');
  const fees = groupBy(rows(db, 'SELECT * FROM technology_fees ORDER BY structure_id, agreement_position, position'), (r) => `${String(r.structure_id)}\u0000${String(r.agreement_position)}`);
  const offtakes = byStructure('SELECT * FROM offtakes ORDER BY structure_id, position');

  return rows(db, 'SELECT * FROM structures ORDER BY position').map((s) => {
    const id = String(s.id);
    const f = fiscal.get(id);
    if (!f) throw new Error(`the fiscal terms of structure ${id} are missing`);
    const itemsOf = (list: Map<string, Row[]>, pattern: string, children: (row: Row) => (field: FieldDefinition) => unknown = () => () => undefined) =>
      (list.get(id) ?? []).map((row) => getFields(row, pattern, children(row)));
    const parts: Record<string, () => unknown> = {
      'structures[].notes': () => noteOf('structure', id),
      [`${T}.partners`]: () => itemsOf(partners, `${T}.partners[]`),
      [`${T}.fiscal`]: () => getFields(f, `${T}.fiscal`, () => itemsOf(bands, `${T}.fiscal.royalty.bands[]`)),
      [`${T}.technology`]: () =>
        itemsOf(agreements, `${T}.technology[]`, (t) => () =>
          (fees.get(`${id}\u0000${String(t.position)}`) ?? []).map((fee) => getFields(fee, `${T}.technology[].fees[]`, () => undefined)),
        ),
      [`${T}.offtake`]: () => itemsOf(offtakes, `${T}.offtake[]`),
    };
    return getFields(s, 'structures[]', (field) => parts[field.pattern]?.(), STRUCTURE_ROW);
  });
}

export function readMetadata(db: Database): DocumentMetadata {
  const internalScenarios = db.prepare('SELECT id FROM scenarios WHERE internal = 1 ORDER BY position').pluck().all() as string[];
  const privateNotes = (rows(db, 'SELECT owner_kind, owner_id FROM notes WHERE private = 1 ORDER BY owner_kind, owner_id')).map(
    (r): NoteOwner => (r.owner_kind === 'project' ? { kind: 'project', id: null } : { kind: r.owner_kind === 'structure' ? 'structure' : 'scenario', id: String(r.owner_id) }),
  );
  return { internalScenarios, privateNotes, placeholders: readPlaceholders(db) };
}

function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(name) !== 0;
}

/** Migration 005: the inputs that still hold the template's invented values. */
function readPlaceholders(db: Database): string[] {
  return hasTable(db, 'placeholders') ? (db.prepare('SELECT path FROM placeholders ORDER BY path').pluck().all() as string[]) : [];
}

/** Migration 005: a revision's results as JSON text, or null (not recorded, or a file older than format 5). */
function hasResultsColumn(db: Database): boolean {
  return (db.pragma('table_info(revisions)') as { name: string }[]).some((column) => column.name === 'results');
}

/** A revision as stored: its results still as text, checked (untrusted.ts) before they are parsed. */
export interface RevisionRow extends Omit<Revision, 'results'> {
  snapshot: string;
  results: string | null;
}

export function readRevisions(db: Database): RevisionRow[] {
  const withResults = hasResultsColumn(db);
  return rows(db, 'SELECT * FROM revisions ORDER BY id').map((r) => ({
    id: Number(r.id),
    structureId: String(r.structure_id),
    recordedAt: String(r.recorded_at),
    party: String(r.party),
    note: r.note === null || r.note === undefined ? null : String(r.note),
    snapshot: String(r.snapshot),
    results: withResults && r.results !== null && r.results !== undefined ? String(r.results) : null,
  }));
}

/** A stored revision as the contract shows it: its results parsed (checked on open), without the snapshot. */
export function revisionOf({ snapshot: _snapshot, results, ...revision }: RevisionRow): Revision {
  if (results === null) return { ...revision, results: null };
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(results);
  } catch {
    parsed = null;
  }
  const checked = roundResultsSchema.safeParse(parsed);
  return { ...revision, results: checked.success ? checked.data : null };
}
