// A document's whole content (project tree, metadata, revisions) in and out of a database.
import { parseProjectText, validateProject } from '../../shared/engine/index.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { stringifyWithLiterals } from './literal-json.ts';
import { migrate } from './migrations/index.ts';
import { invalidProjectError } from './messages.ts';
import { openMemoryDatabase, type Database } from './sqlite.ts';
import { readMetadata, readProjectTree, readRevisions, type RevisionRow } from './store-read.ts';
import { writeProject } from './store-write.ts';
import type { DocumentMetadata, FileResult } from './types.ts';

export interface DocumentContent {
  /** The interchange project with number literals as written. */
  tree: unknown;
  metadata: DocumentMetadata;
  revisions: RevisionRow[];
}

export function readContent(db: Database): DocumentContent {
  return { tree: readProjectTree(db), metadata: readMetadata(db), revisions: readRevisions(db) };
}

/** Writes `content` into an empty or current-format database `db`, in one transaction. */
export function writeContent(db: Database, content: DocumentContent): void {
  migrate(db);
  db.transaction(() => {
    writeProject(db, content.tree, content.metadata);
    db.prepare('DELETE FROM revisions').run();
    const insert = db.prepare('INSERT INTO revisions (id, structure_id, recorded_at, party, note, snapshot, results) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const r of content.revisions) insert.run(r.id, r.structureId, r.recordedAt, r.party, r.note, r.snapshot, r.results);
    writePlaceholders(db, content.metadata.placeholders);
  })();
}

/** Replaces the placeholder marks (format 5). */
export function writePlaceholders(db: Database, paths: readonly string[]): void {
  db.prepare('DELETE FROM placeholders').run();
  const insert = db.prepare('INSERT OR IGNORE INTO placeholders (path) VALUES (?)');
  for (const path of paths) insert.run(path);
}

/** A fresh in-memory database holding only `content`. */
export function databaseWith(content: DocumentContent): Database {
  const db = openMemoryDatabase();
  writeContent(db, content);
  return db;
}

/** The project of a tree, as the engine reads it, validated. */
export function projectOfTree(tree: unknown): FileResult<Project> {
  const validation = validateProject(parseProjectText(stringifyWithLiterals(tree, 0)));
  if (!validation.ok) return { ok: false, error: invalidProjectError(validation.problems, 'The project') };
  return { ok: true, value: validation.project };
}
