import { CURRENT_FORMAT_VERSION } from '../../electron/files/format.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkFile, importJsonFile, loadProjectFile, openDocument, type FileErrorCode } from '../../electron/files/index.ts';
import { CHECK_ON_DISK_FROM_BYTES, readUntrustedBytes } from '../../electron/files/untrusted.ts';
import { statSync } from 'node:fs';
import { examplePath, exampleText, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

async function validFile(dir: string, name = 'valid.orebridge'): Promise<string> {
  const path = join(dir, name);
  expectOk(await importJsonFile(examplePath('northern-spodumene'), path));
  return path;
}

/** A copy of a valid file changed by `change` through SQLite itself. */
async function tampered(change: (db: Database.Database) => void): Promise<string> {
  const path = await validFile(tempDir());
  const db = new Database(path);
  change(db);
  db.close();
  return path;
}

async function expectRefused(path: string, code: FileErrorCode, pattern?: RegExp): Promise<string> {
  const result = await loadProjectFile(path);
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  // One plain sentence.
  expect(result.error.message).toMatch(/^[A-Z0-9"“].*[.]$/s);
  expect(result.error.message).not.toContain('\n');
  if (pattern) expect(result.error.message).toMatch(pattern);
  return result.error.message;
}

describe('hostile files are refused or neutralised', () => {
  it('a trigger that would call a function', async () => {
    const path = await tampered((db) => db.exec(`CREATE TRIGGER evil AFTER INSERT ON notes BEGIN SELECT load_extension('/tmp/evil.so'); END`));
    await expectRefused(path, 'unexpected-schema', /trigger \("evil"\)/);
  });

  it('a view that would call a function', async () => {
    const path = await tampered((db) => db.exec(`CREATE VIEW evil AS SELECT load_extension('/tmp/evil.so') AS x`));
    await expectRefused(path, 'unexpected-schema', /view \("evil"\)/);
  });

  it('a virtual table', async () => {
    const path = await tampered((db) => db.exec(`CREATE VIRTUAL TABLE evil USING fts5(body)`));
    await expectRefused(path, 'unexpected-schema', /virtual table|"evil/);
  });

  it('a column check or an index that calls a function', async () => {
    const withDefault = await tampered((db) => db.exec(`ALTER TABLE notes ADD COLUMN evil TEXT DEFAULT 'x' CHECK (evil <> upper(evil))`));
    await expectRefused(withDefault, 'unexpected-schema', /table \("notes"\)/);
    const withIndex = await tampered((db) => db.exec(`CREATE INDEX evil ON partners (abs(position))`));
    await expectRefused(withIndex, 'unexpected-schema', /index \("evil"\)/);
  });

  it('a crafted CHECK constraint is refused by its text before SQLite evaluates it', async () => {
    // abs() of the smallest integer raises an error when evaluated: were quick_check run before
    // the schema is compared, this file would come back as damaged rather than as not ours.
    const path = await tampered((db) => {
      const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'partners'").pluck().get() as string;
      db.unsafeMode(true);
      db.pragma('writable_schema = ON');
      db.prepare("UPDATE sqlite_schema SET sql = ? WHERE name = 'partners'").run(sql.replace(/\)\s*STRICT\s*$/, ', CHECK (abs(-9223372036854775807 - 1 + position) >= 0)) STRICT'));
      db.pragma('writable_schema = OFF');
    });
    await expectRefused(path, 'unexpected-schema', /table \("partners"\)/);
  });

  it('a wrong application_id, and a SQLite database of another program', async () => {
    await expectRefused(await tampered((db) => db.pragma('application_id = 1234')), 'not-orebridge');
    const other = join(tempDir(), 'other.orebridge');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    await expectRefused(other, 'not-orebridge');
  });

  it('a newer user_version names both versions', async () => {
    const path = await tampered((db) => db.pragma('user_version = 99'));
    await expectRefused(path, 'newer-version', new RegExp(`format 99.*up to ${CURRENT_FORMAT_VERSION}`));
  });

  it('a zero-byte file, a directory, random bytes, a JSON file renamed, a missing file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.orebridge'), '');
    await expectRefused(join(dir, 'empty.orebridge'), 'empty');
    mkdirSync(join(dir, 'folder.orebridge'));
    await expectRefused(join(dir, 'folder.orebridge'), 'not-a-file', /folder/);
    const random = Buffer.alloc(8192);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 251;
    writeFileSync(join(dir, 'random.orebridge'), random);
    await expectRefused(join(dir, 'random.orebridge'), 'not-sqlite');
    writeFileSync(join(dir, 'renamed.orebridge'), exampleText('ndpr-separation'));
    await expectRefused(join(dir, 'renamed.orebridge'), 'not-sqlite', /JSON/);
    await expectRefused(join(dir, 'missing.orebridge'), 'not-found');
  });

  it('a truncated file and a file with a damaged page', async () => {
    const dir = tempDir();
    const path = await validFile(dir);
    const bytes = readFileSync(path);
    writeFileSync(join(dir, 'cut.orebridge'), bytes.subarray(0, bytes.length - 4096));
    await expectRefused(join(dir, 'cut.orebridge'), 'corrupt');
    const damaged = Buffer.from(bytes);
    for (let i = 4096 * 2; i < 4096 * 2 + 300; i++) damaged[i] = 0xff;
    writeFileSync(join(dir, 'damaged.orebridge'), damaged);
    await expectRefused(join(dir, 'damaged.orebridge'), 'corrupt');
  });

  it('rows that do not make a valid project are refused with every problem', async () => {
    const path = await tampered((db) => {
      db.exec(`UPDATE partners SET equity = '0.9' WHERE structure_id = 'state-carry-offtake' AND position = 0`);
      db.exec(`UPDATE assumptions SET discounting = 'sometimes'`);
    });
    const result = await loadProjectFile(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-project');
      const paths = (result.error.problems ?? []).map((p) => p.path);
      expect(paths).toContain('assumptions.discounting');
      expect(paths.some((p) => p.startsWith('structures[0].terms.partners'))).toBe(true);
    }
    expect((await checkFile(path)).status).toBe('invalid');
  });

  it('a decimal cell holding something that is not a decimal is refused', async () => {
    const path = await tampered((db) => db.exec(`UPDATE partners SET equity = 'x''); DROP TABLE notes; --', equity_form = 's' WHERE position = 0`));
    await expectRefused(path, 'invalid-project');
  });

  it('rows that belong to nothing are refused', async () => {
    const path = await tampered((db) => {
      db.pragma('foreign_keys = OFF');
      db.exec(`INSERT INTO royalty_bands VALUES ('ghost', 0, '0', 'n', '0.05', 'n')`);
    });
    await expectRefused(path, 'corrupt');
  });

  it('a refused file leaves no lock and no working copy behind', async () => {
    const path = await tampered((db) => db.exec(`CREATE TRIGGER evil AFTER INSERT ON notes BEGIN SELECT 1; END`));
    const dataDir = tempDir();
    const result = await openDocument(path, { dataDir });
    expect(result.ok).toBe(false);
    expect(readdirSync(join(path, '..')).filter((name) => name.endsWith('.lock'))).toEqual([]);
    expect(existsSync(join(dataDir, 'working')) ? readdirSync(join(dataDir, 'working')) : []).toEqual([]);
  });
});

describe('row bombs under the size limit', () => {
  it('a table with more rows than any project holds is refused before anything reads it', async () => {
    const path = await tampered((db) => {
      db.pragma('foreign_keys = OFF');
      db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100001)
        INSERT INTO yearly_series SELECT 'prices', 1000 + i, '1', 'n' FROM n`);
    });
    await expectRefused(path, 'too-large', /too large to open safely: its table "yearly_series" has more than 100,000 rows/);
  });

  const rowBomb = (db: Database.Database, rows: number) => {
    db.pragma('foreign_keys = OFF');
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
      INSERT INTO yearly_series SELECT 'prices', 1000 + i, '1', 'n' FROM n`);
  };

  it('a large row bomb is refused where it lies, before its bytes are read into memory', async () => {
    const path = await tampered((db) => rowBomb(db, 300_000));
    expect(statSync(path).size).toBeGreaterThanOrEqual(CHECK_ON_DISK_FROM_BYTES);
    const read = await readUntrustedBytes(path);
    expect(read.ok ? 'read into memory' : read.error.code).toBe('too-large');
    await expectRefused(path, 'too-large', /its table "yearly_series" has more than 100,000 rows/);
  });

  it('a large file last written in WAL mode is left to the in-memory check, which refuses it the same way', async () => {
    const path = await tampered((db) => {
      rowBomb(db, 300_000);
      db.pragma('journal_mode = WAL');
    });
    expect((await readUntrustedBytes(path)).ok).toBe(true);
    await expectRefused(path, 'too-large', /its table "yearly_series" has more than 100,000 rows/);
  });

  it('a large valid file (free pages) passes the check on disk and opens', async () => {
    const path = await tampered((db) => {
      db.exec(`CREATE TABLE padding (x BLOB); INSERT INTO padding VALUES (zeroblob(${CHECK_ON_DISK_FROM_BYTES + 65536})); DROP TABLE padding;`);
    });
    expect(statSync(path).size).toBeGreaterThanOrEqual(CHECK_ON_DISK_FROM_BYTES);
    expectOk(await loadProjectFile(path));
  });

  it('a large file with a crafted schema is refused on disk by its text', async () => {
    const path = await tampered((db) => {
      rowBomb(db, 50_000);
      db.exec(`CREATE TABLE padding (x BLOB); INSERT INTO padding VALUES (zeroblob(${CHECK_ON_DISK_FROM_BYTES})); DROP TABLE padding;`);
      db.exec(`CREATE VIEW evil AS SELECT 1 AS x`);
    });
    const read = await readUntrustedBytes(path);
    expect(read.ok ? 'read into memory' : read.error.code).toBe('unexpected-schema');
  });
});
