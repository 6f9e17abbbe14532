import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { APPLICATION_ID, CURRENT_FORMAT_VERSION } from '../../electron/files/format.ts';
import { loadProjectFile, exportJsonText, checkFile, listFileRevisions } from '../../electron/files/index.ts';
import { parseWithLiterals, stringifyWithLiterals } from '../../electron/files/literal-json.ts';
import { migrate, MIGRATIONS } from '../../electron/files/migrations/index.ts';
import { readProjectTree } from '../../electron/files/store-read.ts';
import { writeProject } from '../../electron/files/store-write.ts';
import { exampleText, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

function tables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

/** A format-1 file holding `text`, built by copying a current database's rows into format-1 tables. */
function formatOneDatabase(text: string): Database.Database {
  const current = new Database(':memory:');
  migrate(current);
  current.transaction(() => writeProject(current, parseWithLiterals(text)))();
  const old = new Database(':memory:');
  migrate(old, 1);
  old.pragma('foreign_keys = OFF');
  for (const table of tables(old)) {
    const columns = (old.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    const insert = old.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
    const kind = table === 'project' ? 'project' : table === 'structures' ? 'structure' : table === 'scenarios' ? 'scenario' : null;
    for (const row of current.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) {
      const note = kind
        ? (current.prepare('SELECT body, body_form FROM notes WHERE owner_kind = ? AND owner_id = ?').get(kind, kind === 'project' ? '' : row.id) as
            | { body: string | null; body_form: string }
            | undefined)
        : undefined;
      insert.run(columns.map((c) => (c === 'notes' ? (note?.body ?? null) : c === 'notes_form' ? (note?.body_form ?? 'a') : row[c])));
    }
  }
  current.close();
  return old;
}

describe('migrations', () => {
  it('are numbered 1, 2, … with one file each', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(MIGRATIONS.at(-1)?.version).toBe(CURRENT_FORMAT_VERSION);
  });

  it('001 creates the interchange tables, stamps the application id and sets user_version 1', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(
      [
        'assumptions', 'fiscal_terms', 'offtakes', 'override_prices', 'overrides', 'partners', 'project', 'royalty_bands',
        'scenarios', 'shocks', 'structures', 'technology_agreements', 'technology_fees', 'yearly_series',
      ].sort(),
    );
    // STRICT tables: decimals are stored as text, flags as integers, forms are checked.
    db.exec(`INSERT INTO structures (id, position, name, name_form, notes, notes_form, deemed_value, deemed_value_form, dilution) VALUES ('s', 0, NULL, 'a', NULL, 'a', '0.1', 'n', 1)`);
    db.exec(`INSERT INTO royalty_bands VALUES ('s', 0, 0.5, 'n', '0.05', 'n')`);
    expect(db.prepare('SELECT typeof(from_price) FROM royalty_bands').pluck().get()).toBe('text');
    expect(() => db.exec(`INSERT INTO royalty_bands VALUES ('s', 1, '1', 'x', '0.05', 'n')`)).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE structures SET dilution = 'yes'`)).toThrow();
  });

  it('002 moves notes into the notes table, adds internal scenarios and revisions, keeping every note', () => {
    const text = exampleText('nickel-cobalt-hpal');
    const old = formatOneDatabase(text);
    expect(old.prepare("SELECT notes FROM project").pluck().get()).toBeTypeOf('string');
    migrate(old, 2);
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(old)).toContain('revisions');
    expect(tables(old)).toContain('notes');
    expect(JSON.parse(stringifyWithLiterals(readProjectTree(old)))).toStrictEqual(JSON.parse(text));
    expect(old.prepare('SELECT count(*) FROM scenarios WHERE internal = 1').pluck().get()).toBe(0);
  });

  it('003 adds the risk table: a format-2 file opens with no risk block; a block and a null block round-trip exactly', async () => {
    const text = exampleText('ndpr-separation');
    const two = new Database(':memory:');
    migrate(two, 2);
    two.pragma('foreign_keys = OFF');
    const withoutRisk = parseWithLiterals(text);
    two.transaction(() => {
      // A format-2 writer: the current writer minus the risk row, which format 2 has no table for.
      const current = new Database(':memory:');
      migrate(current);
      current.transaction(() => writeProject(current, withoutRisk))();
      for (const table of tables(two)) {
        if (table === 'revisions') continue;
        const columns = (two.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
        const insert = two.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
        for (const row of current.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) insert.run(columns.map((c) => row[c]));
      }
      current.close();
    })();
    const path = join(tempDir(), 'format-2.orebridge');
    writeFileSync(path, two.serialize());
    const loaded = expectOk(await loadProjectFile(path));
    expect(loaded.formatVersion).toBe(2);
    const exported = JSON.parse(expectOk(await exportJsonText(path))) as Record<string, unknown>;
    expect('risk' in exported).toBe(false);
    expect(exported).toStrictEqual(JSON.parse(text));

    migrate(two);
    expect(two.pragma('user_version', { simple: true })).toBe(CURRENT_FORMAT_VERSION);
    expect(two.prepare('SELECT count(*) FROM risk').pluck().get()).toBe(0);
    const block = '{"iterations":5000,"seed":7,"variables":[{"id":"price","target":"priceLevel","distribution":{"type":"lognormal","p10":0.750,"p90":"1.30"}},{"id":"delay","target":"delayYears","distribution":{"type":"discrete","values":[0,1],"probabilities":[0.75,0.25]}}],"correlations":[],"pricePath":{"volatility":0.2,"persistence":0.70},"disruption":null}';
    for (const risk of [block, 'null']) {
      const withRisk = text.replace(/\}\s*$/, `, "risk": ${risk}}`);
      two.transaction(() => writeProject(two, parseWithLiterals(withRisk)))();
      const tree = readProjectTree(two);
      expect(stringifyWithLiterals(tree.risk, 0)).toBe(risk);
      expect(JSON.parse(stringifyWithLiterals(tree))).toStrictEqual(JSON.parse(withRisk));
    }
    expect(() => two.exec(`INSERT OR REPLACE INTO risk VALUES (1, NULL, 'v')`)).toThrow(/CHECK/);
  });

  it('004 adds the version-2 terms: a format-3 file opens as version 1 and stays so; a v2 project round-trips exactly, absent and null apart', () => {
    const v1 = exampleText('northern-spodumene');
    const three = new Database(':memory:');
    migrate(three, 3);
    migrate(three);
    expect(three.pragma('user_version', { simple: true })).toBe(CURRENT_FORMAT_VERSION);
    three.transaction(() => writeProject(three, parseWithLiterals(v1)))();
    expect(three.prepare('SELECT count(*) FROM version2_terms').pluck().get()).toBe(0);
    expect(JSON.parse(stringifyWithLiterals(readProjectTree(three)))).toStrictEqual(JSON.parse(v1));

    const v2 = exampleText('nordic-graphite-anode');
    // A null and an absent v2 field stay apart: null cap, absent name, null fiscal change on a shock.
    const edited = parseWithLiterals(v2) as Record<string, any>;
    edited.structures[0].terms.fiscal.capitalGrant.cap = null;
    delete edited.structures[1].terms.debt[0].name;
    edited.scenarios[0].overrides.fiscalChange = null;
    for (const text of [v2, stringifyWithLiterals(edited)]) {
      three.transaction(() => writeProject(three, parseWithLiterals(text)))();
      expect(three.prepare('SELECT count(*) FROM version2_terms').pluck().get()).toBe(1);
      expect(JSON.parse(stringifyWithLiterals(readProjectTree(three)))).toStrictEqual(JSON.parse(text));
    }
    // Back to version 1 (every v2 field removed): the row goes, the project reads as version 1.
    three.transaction(() => writeProject(three, parseWithLiterals(v1)))();
    expect(three.prepare('SELECT count(*) FROM version2_terms').pluck().get()).toBe(0);
  });

  it('005 adds the negotiation tables: a format-4 file opens without reservations; a block, an empty and a null block round-trip exactly', () => {
    const text = exampleText('northern-spodumene');
    // A format-4 file: the rows of a current database copied into format-4 tables (which have no reservations).
    const current = new Database(':memory:');
    migrate(current);
    current.transaction(() => writeProject(current, parseWithLiterals(text)))();
    const four = new Database(':memory:');
    migrate(four, 4);
    four.pragma('foreign_keys = OFF');
    for (const table of tables(four)) {
      const columns = (four.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      const insert = four.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
      for (const row of current.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) insert.run(columns.map((c) => row[c]));
    }
    current.close();
    expect(JSON.parse(stringifyWithLiterals(readProjectTree(four)))).toStrictEqual(JSON.parse(text));
    migrate(four, 5);
    expect(four.pragma('user_version', { simple: true })).toBe(5);
    expect(tables(four)).toEqual(expect.arrayContaining(['negotiation', 'reservations']));
    expect(four.prepare('SELECT count(*) FROM negotiation').pluck().get()).toBe(0);
    expect(JSON.parse(stringifyWithLiterals(readProjectTree(four)))).toStrictEqual(JSON.parse(text));
    const block = '{"reservations":[{"party":"lithco","minPv":60000000.0,"minIrr":"0.12","weight":null},{"party":"government","minGovernmentTake":0.5}]}';
    for (const negotiation of [block, '{"reservations":[]}', 'null']) {
      const withBlock = text.replace(/\}\s*$/, `, "negotiation": ${negotiation}}`);
      four.transaction(() => writeProject(four, parseWithLiterals(withBlock)))();
      const tree = readProjectTree(four);
      expect(stringifyWithLiterals(tree.negotiation, 0)).toBe(negotiation);
      expect(JSON.parse(stringifyWithLiterals(tree))).toStrictEqual(JSON.parse(withBlock));
    }
    expect(() => four.exec(`INSERT INTO reservations (position, party, min_pv, min_pv_form, min_irr, min_irr_form, min_npv_at_hurdle, min_npv_at_hurdle_form, min_government_take, min_government_take_form, weight, weight_form) VALUES (9, 'x', '1', 'q', NULL, 'a', NULL, 'a', NULL, 'a', NULL, 'a')`)).toThrow(/CHECK/);
    expect(() => four.exec(`INSERT OR REPLACE INTO negotiation VALUES (1, 'a')`)).toThrow(/CHECK/);
  });

  it('006 adds round results and placeholder marks: a format-5 file’s revisions read as "not recorded" and it has no marks; both round-trip', async () => {
    const text = exampleText('northern-spodumene');
    const five = new Database(':memory:');
    migrate(five, 5);
    five.transaction(() => writeProject(five, parseWithLiterals(text)))();
    const first = (JSON.parse(text) as { structures: { id: string; notes?: string }[] }).structures[0]!;
    five.prepare('INSERT INTO revisions (id, structure_id, recorded_at, party, note, snapshot) VALUES (1, ?, ?, ?, NULL, ?)')
      .run(first.id, '2026-05-01T09:00:00.000Z', 'Ministry', JSON.stringify({ ...first, notes: undefined }));
    const path = join(tempDir(), 'format-5.orebridge');
    writeFileSync(path, five.serialize());
    const loaded = expectOk(await loadProjectFile(path));
    expect(loaded.formatVersion).toBe(5);
    expect(loaded.metadata.placeholders).toEqual([]);
    expect(expectOk(await listFileRevisions(path)).map((r) => r.results)).toEqual([null]);

    migrate(five);
    expect(five.pragma('user_version', { simple: true })).toBe(6);
    expect(tables(five)).toContain('placeholders');
    expect(five.prepare('SELECT results FROM revisions').pluck().all()).toEqual([null]);
    const results = { scenarioId: 'base', scenarioName: null, ventureNpv: '1.5', ventureIrr: null, governmentTake: '0.4', parties: [] };
    five.prepare('UPDATE revisions SET results = ?').run(JSON.stringify(results));
    five.prepare('INSERT INTO placeholders (path) VALUES (?)').run('assumptions.inflation');
    const upgraded = join(tempDir(), 'format-6.orebridge');
    writeFileSync(upgraded, five.serialize());
    expect(expectOk(await loadProjectFile(upgraded)).metadata.placeholders).toEqual(['assumptions.inflation']);
    expect(expectOk(await listFileRevisions(upgraded)).map((r) => r.results)).toEqual([results]);
    expect(() => five.prepare('INSERT INTO placeholders (path) VALUES (?)').run('assumptions.inflation')).toThrow(/UNIQUE/);
  });

  it('run in one transaction: a failing step leaves the file at its old version', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.exec('CREATE TABLE notes (x)'); // makes migration 002 fail on its first statement
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('project') WHERE name = 'notes'").pluck().get()).toBe(1);
  });

  it('a format-1 file on disk opens, upgraded in memory, with the same project', async () => {
    const text = exampleText('northern-spodumene');
    const path = join(tempDir(), 'old.orebridge');
    writeFileSync(path, formatOneDatabase(text).serialize());
    const loaded = expectOk(await loadProjectFile(path));
    expect(loaded.formatVersion).toBe(1);
    expect(JSON.parse(expectOk(await exportJsonText(path)))).toStrictEqual(JSON.parse(text));
    expect((await checkFile(path)).status).toBe('valid');
  });

  it('a file from a newer version is refused with a message naming both versions', async () => {
    const db = new Database(':memory:');
    migrate(db);
    db.pragma(`user_version = ${CURRENT_FORMAT_VERSION + 1}`);
    const path = join(tempDir(), 'future.orebridge');
    writeFileSync(path, db.serialize());
    const result = await loadProjectFile(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('newer-version');
      expect(result.error.message).toContain(`file format ${CURRENT_FORMAT_VERSION + 1}`);
      expect(result.error.message).toContain(`up to ${CURRENT_FORMAT_VERSION}`);
    }
  });
});
