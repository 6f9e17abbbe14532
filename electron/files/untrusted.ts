// Opening a project file from anyone, following https://www.sqlite.org/security.html: check the
// header ourselves, read the bytes into memory, open them with trusted_schema=OFF,
// cell_size_check=ON and no memory mapping, refuse any schema object we did not create (by its
// text, before anything evaluates a constraint or index), run quick_check, and validate every row
// with the engine before anything is copied out.
import { open, readFile, stat } from 'node:fs/promises';
import { parseProjectText, validateProject } from '../../shared/engine/index.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { roundResultsSchema } from '../../shared/contract/roundResults.ts';
import { projectSizeProblem, shapeProblem } from './json-depth.ts';
import { namesAnInput } from './placeholder-note.ts';
import { MAX_FILE_BYTES, MAX_REVISIONS, MAX_TABLE_ROWS } from './format.ts';
import { checkHeader, HEADER_BYTES, type HeaderFacts } from './header.ts';
import { parseWithLiterals, stringifyWithLiterals } from './literal-json.ts';
import { invalidProjectError, ioError } from './messages.ts';
import { migrate } from './migrations/index.ts';
import { schemaOfFormat, type SchemaObject } from './schema.ts';
import { sqlite, type Database } from './sqlite.ts';

/** Files at least this large get the cheap checks where they lie before they are read into memory. */
export const CHECK_ON_DISK_FROM_BYTES = 4 * 1024 * 1024;
import { readMetadata, readProjectTree, readRevisions, type RevisionRow } from './store-read.ts';
import type { FileError, FileResult, LoadedProject } from './types.ts';

/** Everything read from a checked file: what the session copies into its working database. */
export interface CheckedContent extends LoadedProject {
  /** The project with number literals as written (what gets stored). */
  tree: unknown;
  revisions: RevisionRow[];
}

function fail<T>(code: FileError['code'], message: string, extra: Partial<FileError> = {}): FileResult<T> {
  return { ok: false, error: { code, message, ...extra } };
}

/** Reads a whole file into memory after checking that it is a regular file of a sane size. */
export async function readUntrustedBytes(path: string): Promise<FileResult<Buffer>> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail('not-a-file', `The path ${path} is a folder, not a project file.`);
    if (!info.isFile()) return fail('not-a-file', `The path ${path} is not a regular file, so it cannot be a project file.`);
    if (info.size === 0) return fail('empty', 'The file is empty (0 bytes), so it holds no project.');
    if (info.size > MAX_FILE_BYTES) {
      return fail('too-large', `The file is ${Math.round(info.size / 1048576)} MiB, larger than any project file Orebridge writes (${MAX_FILE_BYTES / 1048576} MiB at most).`);
    }
    if (info.size >= CHECK_ON_DISK_FROM_BYTES) {
      const refusal = await refusalOnDisk(path, info.size);
      if (refusal) return refusal;
    }
    return { ok: true, value: await readFile(path) };
  } catch (error) {
    return { ok: false, error: ioError(error, path, 'read') };
  }
}

/**
 * A large file's header, schema text and row counts, read where the file lies (SQLite reads only
 * the pages it needs), so that a row bomb is refused before hundreds of MB are read and copied.
 * Read-only: SQLite neither writes the file nor rolls back a journal beside it (it refuses with
 * SQLITE_READONLY_ROLLBACK). A file last written in WAL mode is left to the in-memory check, since
 * SQLite would read a `-wal` beside it. Anything SQLite cannot read here is also left to that
 * check, which decides: this one only refuses early.
 */
async function refusalOnDisk(path: string, size: number): Promise<FileResult<never> | null> {
  const first = Buffer.alloc(HEADER_BYTES);
  const handle = await open(path, 'r');
  try {
    await handle.read(first, 0, HEADER_BYTES, 0);
  } finally {
    await handle.close();
  }
  const header = checkHeader(first, size);
  if (!header.ok) return header;
  if (header.header.wal) return null;
  let db: Database;
  try {
    db = new (sqlite())(path, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    db.pragma('mmap_size = 0');
    const shape = checkShape(db, header.header);
    return shape.ok || shape.error.code === 'corrupt' ? null : shape;
  } finally {
    db.close();
  }
}

export async function loadUntrustedFile(path: string): Promise<FileResult<LoadedProject>> {
  const content = await checkUntrustedFile(path);
  if (!content.ok) return content;
  const { project, metadata, formatVersion } = content.value;
  return { ok: true, value: { project, metadata, formatVersion } };
}

export async function checkUntrustedFile(path: string): Promise<FileResult<CheckedContent>> {
  const bytes = await readUntrustedBytes(path);
  if (!bytes.ok) return bytes;
  return checkUntrustedBytes(bytes.value);
}

/** Opens untrusted bytes in memory, checks them, and returns the validated content. */
export function checkUntrustedBytes(bytes: Buffer): FileResult<CheckedContent> {
  const header = checkHeader(bytes);
  if (!header.ok) return header;
  const db = openInMemory(bytes);
  if (!db.ok) return db;
  try {
    return checkDatabase(db.value, header.header.formatVersion);
  } finally {
    db.value.close();
  }
}

/** An in-memory database holding a private copy of `bytes`, opened with the hardening pragmas. */
export function openInMemory(bytes: Buffer): FileResult<Database> {
  // A file last written in WAL mode: its content is in the main file once checkpointed, and a
  // memory database cannot use a WAL, so read it as a rollback-journal database. better-sqlite3
  // copies the bytes into SQLite's own memory, so the two header bytes are changed only for that
  // moment (no second copy of a large file) and put back.
  const [writeVersion, readVersion] = [bytes[18]!, bytes[19]!];
  try {
    const Database = sqlite();
    bytes[18] = 1;
    bytes[19] = 1;
    let db: Database;
    try {
      db = new Database(bytes);
    } finally {
      bytes[18] = writeVersion;
      bytes[19] = readVersion;
    }
    try {
      db.pragma('trusted_schema = OFF');
      db.pragma('cell_size_check = ON');
      db.pragma('mmap_size = 0');
      db.pragma('foreign_keys = OFF');
      return { ok: true, value: db };
    } catch (error) {
      db.close();
      throw error;
    }
  } catch {
    return fail('corrupt', 'The file is damaged: SQLite cannot open it as a database.');
  }
}

/** The checks that read no row's content: the schema text, then each table's row count. */
function checkShape(db: Database, { formatVersion }: Pick<HeaderFacts, 'formatVersion'>): FileResult<null> {
  // The schema text first: reading sqlite_schema evaluates nothing, whereas quick_check runs every
  // CHECK constraint and expression index of the file, which a crafted schema makes arbitrarily slow.
  const objects = runCheck(() => db.prepare('SELECT type, name, tbl_name AS tableName, sql FROM sqlite_schema').all() as SchemaObject[]);
  if (!objects.ok) return objects;
  const schemaProblem = unexpectedSchemaObject(objects.value, schemaOfFormat(formatVersion));
  if (schemaProblem) return fail('unexpected-schema', schemaProblem);

  const tooMany = runCheck(() => oversizedTable(db, objects.value));
  if (!tooMany.ok) return tooMany;
  if (tooMany.value) return fail('too-large', tooMany.value);
  return { ok: true, value: null };
}

function checkDatabase(db: Database, formatVersion: number): FileResult<CheckedContent> {
  const shape = checkShape(db, { formatVersion });
  if (!shape.ok) return shape;

  const integrity = runCheck(() => db.pragma('quick_check') as { quick_check: string }[]);
  if (!integrity.ok) return integrity;
  const firstIntegrity = integrity.value[0]?.quick_check;
  if (integrity.value.length !== 1 || firstIntegrity !== 'ok') {
    return fail('corrupt', `The file is damaged: SQLite's integrity check found problems (${firstIntegrity ?? 'no answer'}).`);
  }

  const keys = runCheck(() => db.pragma('foreign_key_check') as unknown[]);
  if (!keys.ok) return keys;
  if (keys.value.length > 0) return fail('corrupt', 'The file is damaged: some of its rows belong to structures or scenarios that are not in it.');

  const migrated = runCheck(() => migrate(db));
  if (!migrated.ok) return migrated;

  const read = runCheck(() => ({ tree: readProjectTree(db), metadata: readMetadata(db), revisions: readRevisions(db) }));
  if (!read.ok) return read;
  const text = stringifyWithLiterals(read.value.tree, 0);
  const parsed = runCheck(() => parseProjectText(text));
  if (!parsed.ok) return parsed;
  const tooLarge = projectSizeProblem(parsed.value, 'This file');
  if (tooLarge) return fail('too-large', tooLarge);
  const validation = validateProject(parsed.value);
  if (!validation.ok) return { ok: false, error: invalidProjectError(validation.problems) };

  const revisionProblem = checkRevisions(validation.project, read.value.revisions) ?? checkPlaceholders(validation.project, read.value.metadata.placeholders);
  if (revisionProblem) return revisionProblem;

  return {
    ok: true,
    value: {
      project: validation.project,
      tree: parseWithLiterals(text),
      metadata: read.value.metadata,
      revisions: read.value.revisions,
      formatVersion,
    },
  };
}

/** A sentence naming the first table with more rows than any project has, or null. */
function oversizedTable(db: Database, objects: SchemaObject[]): string | null {
  for (const { type, name } of objects) {
    if (type !== 'table') continue;
    const limit = name === 'revisions' ? MAX_REVISIONS : MAX_TABLE_ROWS;
    // Counting stops one past the limit, so a table of millions of rows costs no more than the limit.
    const rows = Number(db.prepare(`SELECT count(*) FROM (SELECT 1 FROM "${name.replaceAll('"', '""')}" LIMIT ?)`).pluck().get(limit + 1));
    if (rows > limit) {
      return `This file is too large to open safely: its table "${name}" has more than ${limit.toLocaleString('en-US')} rows, more than any project holds.`;
    }
  }
  return null;
}

function runCheck<T>(step: () => T): FileResult<T> {
  try {
    return { ok: true, value: step() };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('corrupt', `The file is damaged: SQLite could not read it (${detail}).`);
  }
}

/** A sentence naming the first schema object Orebridge did not create, or null. */
export function unexpectedSchemaObject(actual: readonly SchemaObject[], expected: readonly SchemaObject[]): string | null {
  const expectedByName = new Map(expected.map((o) => [o.name, o]));
  for (const object of actual) {
    const sql = object.sql ?? '';
    if (object.type === 'trigger') return `The file contains a trigger ("${object.name}"), which Orebridge files never contain, so it was not opened.`;
    if (object.type === 'view') return `The file contains a view ("${object.name}"), which Orebridge files never contain, so it was not opened.`;
    if (/^\s*create\s+virtual\s+table/i.test(sql)) return `The file contains a virtual table ("${object.name}"), which Orebridge files never contain, so it was not opened.`;
    const known = expectedByName.get(object.name);
    if (!known || known.type !== object.type || known.tableName !== object.tableName || (known.sql ?? '') !== sql) {
      return `The file contains a ${object.type} ("${object.name}") that Orebridge did not create, so it was not opened.`;
    }
  }
  const actualNames = new Set(actual.map((o) => o.name));
  const missing = expected.find((o) => !actualNames.has(o.name));
  if (missing) return `The file is damaged: the ${missing.type} "${missing.name}" of an Orebridge project file is missing.`;
  return null;
}

function checkRevisions(project: Project, revisions: RevisionRow[]): FileResult<never> | null {
  for (const revision of revisions) {
    let snapshot: unknown;
    try {
      if (shapeProblem(revision.snapshot, 'The snapshot')) throw new Error('too deep or too long');
      snapshot = parseProjectText(revision.snapshot);
    } catch {
      return fail('invalid-project', `Revision ${revision.id} in the file is damaged: its recorded structure is not readable.`);
    }
    const id = typeof snapshot === 'object' && snapshot !== null ? (snapshot as { id?: unknown }).id : undefined;
    if (id !== revision.structureId) {
      return fail('invalid-project', `Revision ${revision.id} in the file is damaged: it records a structure other than "${revision.structureId}".`);
    }
    if (!/^\d{4}-\d{2}-\d{2}T/.test(revision.recordedAt)) {
      return fail('invalid-project', `Revision ${revision.id} in the file is damaged: its date "${revision.recordedAt.slice(0, 40)}" is not a date.`);
    }
    if (revision.results !== null && !isRoundResults(revision.results)) {
      return fail('invalid-project', `Revision ${revision.id} in the file is damaged: the results recorded with it are not readable.`);
    }
    const validation = validateProject({ ...project, structures: [snapshot] });
    if (!validation.ok) {
      return { ok: false, error: invalidProjectError(validation.problems, `Revision ${revision.id} (structure "${revision.structureId}") in the file`) };
    }
  }
  return null;
}

function isRoundResults(text: string): boolean {
  if (text.length > 1_000_000 || shapeProblem(text, 'The results')) return false;
  try {
    return roundResultsSchema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

/** Every placeholder mark must name an input of the project, written as the validator writes paths. */
function checkPlaceholders(project: Project, paths: readonly string[]): FileResult<never> | null {
  for (const path of paths) {
    if (!namesAnInput(project, path)) {
      return fail('invalid-project', `The file is damaged: its placeholder mark "${path.slice(0, 80)}" names no input of the project.`);
    }
  }
  return null;
}
