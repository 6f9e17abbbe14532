// The generated set of hostile inputs: every kind issue 9 found, and the kinds v1 already refused.
// Each case writes its file into `dir` and names the command that must refuse it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { importJsonFile } from '../../electron/files/index.ts';

const EXAMPLE = join(import.meta.dirname, '..', 'fixtures', 'examples', 'northern-spodumene.project.json');

export interface HostileCase {
  name: string;
  /** orebridge COMMAND FILE */
  command: 'check' | 'validate' | 'evaluate' | 'import';
  make(dir: string): Promise<string>;
}

type Json = Record<string, unknown> & { assumptions: Record<string, unknown> & { prices: unknown[] }; structures: Record<string, unknown>[] };

const example = (): Json => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Json;

function jsonCase(name: string, change: (project: Json) => unknown, command: HostileCase['command'] = 'evaluate'): HostileCase {
  return {
    name,
    command,
    make: async (dir) => {
      const path = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      const changed = change(example());
      writeFileSync(path, typeof changed === 'string' || Buffer.isBuffer(changed) ? changed : JSON.stringify(changed));
      return path;
    },
  };
}

function literal(project: Json, field: string, text: string): string {
  // A number literal written as is (JSON.stringify would quote it).
  return JSON.stringify({ ...project, assumptions: { ...project.assumptions, [field]: '@@' } }).replace('"@@"', text);
}

function fileCase(name: string, change: (db: Database.Database) => void): HostileCase {
  return {
    name,
    command: 'check',
    make: async (dir) => {
      const path = join(dir, `${name.replace(/\W+/g, '-')}.orebridge`);
      const imported = await importJsonFile(EXAMPLE, path);
      if (!imported.ok) throw new Error(imported.error.message);
      const db = new Database(path);
      db.pragma('foreign_keys = OFF');
      change(db);
      db.close();
      return path;
    },
  };
}

function rewriteSchema(db: Database.Database, table: string, rewrite: (sql: string) => string): void {
  const sql = db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table) as string;
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare('UPDATE sqlite_schema SET sql = ? WHERE name = ?').run(rewrite(sql), table);
  db.pragma('writable_schema = OFF');
}

const hugeDigits = '9'.repeat(100_000);

export const HOSTILE_CASES: HostileCase[] = [
  // Numbers (JSON)
  jsonCase('years 1e1000000000 in JSON', (p) => ({ ...p, assumptions: { ...p.assumptions, years: '1e1000000000' } })),
  jsonCase('startYear 1e1000000000 in JSON', (p) => ({ ...p, assumptions: { ...p.assumptions, startYear: '1e1000000000' } })),
  jsonCase('years as a bare 1e1000000000 literal', (p) => literal(p, 'years', '1e1000000000')),
  jsonCase('a price of 1e999999', (p) => ({ ...p, assumptions: { ...p.assumptions, prices: p.assumptions.prices.map(() => '1e999999') } })),
  jsonCase('a price of 1e100000000', (p) => ({ ...p, assumptions: { ...p.assumptions, prices: p.assumptions.prices.map(() => '1e100000000') } })),
  jsonCase('a price of 1e-999999', (p) => ({ ...p, assumptions: { ...p.assumptions, prices: p.assumptions.prices.map(() => '1e-999999') } })),
  jsonCase('100,000-digit prices', (p) => ({ ...p, assumptions: { ...p.assumptions, prices: p.assumptions.prices.map(() => hugeDigits) } })),
  jsonCase('a discount rate of " 5 "', (p) => ({ ...p, assumptions: { ...p.assumptions, discountRate: ' 5 ' } })),
  // Shapes (JSON)
  jsonCase('100,000-deep nesting', () => `{"format": "orebridge-project", "name": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'validate'),
  jsonCase('invalid UTF-8', () => Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]), 'validate'),
  jsonCase('a 2,000,000-entry list', (p) => ({ ...p, assumptions: { ...p.assumptions, prices: Array.from({ length: 2_000_000 }, () => 1) } }), 'validate'),
  jsonCase('9,000 problems', (p) => ({ ...p, assumptions: { ...p.assumptions, prices: Array.from({ length: 9000 }, () => 'x') } }), 'validate'),
  jsonCase('2,000 valid structures', (p) => ({ ...p, structures: Array.from({ length: 2000 }, (_, i) => ({ ...p.structures[0], id: `s-${i}`, name: `S ${i}` })) }), 'import'),
  jsonCase('a 33 MiB document', (p) => JSON.stringify({ ...p, notes: 'x'.repeat(33 * 1024 * 1024) }), 'validate'),
  jsonCase('not JSON at all (a password file)', () => 'root:x:0:0:root:/root:/bin/bash\n', 'import'),
  // Project files
  fileCase('a CHECK constraint that builds huge blobs', (db) =>
    rewriteSchema(db, 'partners', (sql) => sql.replace(/\)\s*STRICT\s*$/, ', CHECK (length(hex(zeroblob(100000000 + position))) > 0)) STRICT')),
  ),
  fileCase('an expression index that builds huge blobs', (db) => {
    db.exec('CREATE INDEX bomb ON partners (length(hex(zeroblob(1000))))');
    rewriteSchema(db, 'bomb', (sql) => sql.replace('zeroblob(1000)', 'zeroblob(100000000 + position)'));
  }),
  fileCase('a trigger', (db) => db.exec(`CREATE TRIGGER evil AFTER INSERT ON notes BEGIN SELECT 1; END`)),
  fileCase('a view', (db) => db.exec(`CREATE VIEW evil AS SELECT 1 AS x`)),
  fileCase('a virtual table', (db) => db.exec(`CREATE VIRTUAL TABLE evil USING fts5(body)`)),
  fileCase('years 1e1000000000 in a cell', (db) => db.exec(`UPDATE assumptions SET years = '1e1000000000', years_form = 's'`)),
  fileCase('a price of 1e999999 in a cell', (db) => db.exec(`UPDATE yearly_series SET value = '1e999999', value_form = 's' WHERE series = 'prices'`)),
  fileCase('a 100,000-digit price in a cell', (db) => db.prepare(`UPDATE yearly_series SET value = ?, value_form = 's' WHERE series = 'prices'`).run(hugeDigits)),
  fileCase('5 million series rows', (db) =>
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000) INSERT INTO yearly_series SELECT 'prices', 1000 + i, '1', 'n' FROM n`),
  ),
  fileCase('100,000 revisions', (db) => {
    const insert = db.prepare(`INSERT INTO revisions (id, structure_id, recorded_at, party, note, snapshot) VALUES (?, 'x', '2026-01-01T00:00:00Z', 'p', NULL, '{}')`);
    db.transaction(() => {
      for (let i = 1; i <= 100_000; i++) insert.run(i);
    })();
  }),
  fileCase('a wrong application id', (db) => db.pragma('application_id = 1234')),
  fileCase('a newer format', (db) => db.pragma('user_version = 99')),
  {
    name: 'random bytes',
    command: 'check',
    make: async (dir) => {
      const path = join(dir, 'random.orebridge');
      writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 251)));
      return path;
    },
  },
];
