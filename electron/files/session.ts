// Document sessions: a private working database per open document (see index.ts).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseProjectText, validateProject } from '../../shared/engine/index.ts';
import type { Project, Structure } from '../../shared/engine/interchange.ts';
import { saveDatabaseAtomically } from './atomic.ts';
import { asArray, asObject, type JsonObject } from './cells.ts';
import { databaseWith, projectOfTree, readContent, writeContent, writePlaceholders, type DocumentContent } from './content.ts';
import { diffTerms } from './diff.ts';
import type { CheckedFileContent, ProjectDocument, SessionOptions } from './index.ts';
import { stringifyWithLiterals } from './literal-json.ts';
import { acquireLock, type HeldLock } from './lock.ts';
import { invalidProjectError } from './messages.ts';
import { migrate } from './migrations/index.ts';
import { discardWorkingCopy } from './recovery.ts';
import { shareContent } from './share.ts';
import { namesAnInput, withPlaceholderNote } from './placeholder-note.ts';
import { openOwnDatabase, type Database } from './sqlite.ts';
import { readProjectTree, readRevisions, revisionOf } from './store-read.ts';
import { writeProject } from './store-write.ts';
import type { DiffSide, DocumentMetadata, FileResult, NoteOwner, RecordRevisionRequest, Revision, ShareOptions, TermChange } from './types.ts';
import { checkUntrustedBytes, readUntrustedBytes } from './untrusted.ts';
import { changedSince, currentFingerprint, fingerprintOf } from './fingerprint.ts';
import { readMeta, workingDatabasePath, writeMeta, type WorkingCopyMeta } from './working.ts';

function projectName(tree: unknown): string | null {
  const name = asObject(tree).name;
  return typeof name === 'string' ? name : null;
}

class WorkingSession implements ProjectDocument {
  readonly workingCopyId: string;
  #path: string | null;
  #readOnly: boolean;
  #meta: WorkingCopyMeta;
  readonly #db: Database;
  readonly #dataDir: string;
  readonly #userName: string | undefined;
  #lock: HeldLock | null;
  /**
   * Content hashes of what was last saved (null: recovered work, unsaved; undefined: not hashed
   * yet, because nothing changed since opening) and of the working copy. Hashed only once an
   * edit comes, so opening costs nothing extra.
   */
  #savedHash: string | null | undefined;
  #currentHash: string | null = null;

  constructor(init: { dataDir: string; meta: WorkingCopyMeta; db: Database; lock: HeldLock | null; userName: string | undefined }) {
    this.workingCopyId = init.meta.workingCopyId;
    this.#path = init.meta.path;
    this.#readOnly = init.meta.readOnly;
    this.#meta = init.meta;
    this.#db = init.db;
    this.#dataDir = init.dataDir;
    this.#lock = init.lock;
    this.#userName = init.userName;
    this.#savedHash = init.meta.unsaved ? null : undefined;
  }

  /** Before the first change: what the working copy holds now is what was saved. */
  #baseline(): void {
    if (this.#savedHash !== undefined) return;
    this.#currentHash = this.#contentHash();
    this.#savedHash = this.#currentHash;
  }

  #markSaved(): void {
    this.#currentHash ??= this.#contentHash();
    this.#savedHash = this.#currentHash;
  }

  /** Everything a save writes (project, metadata, revisions), hashed: equal hashes mean nothing to save. */
  #contentHash(): string {
    const { tree, metadata, revisions } = readContent(this.#db);
    return createHash('sha256').update(stringifyWithLiterals(tree, 0)).update('\n').update(JSON.stringify(metadata)).update('\n').update(JSON.stringify(revisions)).digest('hex');
  }

  get path(): string | null {
    return this.#path;
  }

  get readOnly(): boolean {
    return this.#readOnly;
  }

  /** Main decides "unsaved": the working copy differs from what was last saved (or opened). */
  get dirty(): boolean {
    if (this.#savedHash === undefined) return false;
    return this.#savedHash === null || this.#currentHash !== this.#savedHash;
  }

  #updateMeta(change: Partial<WorkingCopyMeta>): void {
    this.#meta = { ...this.#meta, ...change };
    writeMeta(this.#dataDir, this.#meta);
  }

  #edited(): void {
    const name = this.#db.prepare("SELECT name FROM project WHERE id = 1 AND name_form = 'v'").pluck().get();
    this.#currentHash = this.#contentHash();
    this.#updateMeta({ unsaved: this.dirty, lastEditedAt: new Date().toISOString(), projectName: typeof name === 'string' ? name : null });
  }

  project(): Project {
    // The working copy only ever receives validated projects.
    return parseProjectText(stringifyWithLiterals(readProjectTree(this.#db), 0)) as Project;
  }

  metadata(): DocumentMetadata {
    return readContent(this.#db).metadata;
  }

  apply(project: Project, options: { validated?: boolean } = {}): FileResult<void> {
    const validation = options.validated ? null : validateProject(project);
    if (validation && !validation.ok) {
      return { ok: false, error: invalidProjectError(validation.problems, 'The project') };
    }
    // Only the parts that differ from what the working copy holds are rewritten.
    this.#baseline();
    this.#db.transaction(() => writeProject(this.#db, project, undefined, readProjectTree(this.#db)))();
    this.#edited();
    return { ok: true, value: undefined };
  }

  setScenarioInternal(scenarioId: string, internal: boolean): FileResult<void> {
    this.#baseline();
    const result = this.#db.prepare('UPDATE scenarios SET internal = ? WHERE id = ?').run(internal ? 1 : 0, scenarioId);
    if (result.changes === 0) return { ok: false, error: { code: 'unknown-scenario', message: `There is no scenario "${scenarioId}" in the project.` } };
    this.#edited();
    return { ok: true, value: undefined };
  }

  /** The template's placeholder marks still open (the renderer decides which are open). */
  setPlaceholders(paths: readonly string[]): void {
    const current = this.#db.prepare('SELECT path FROM placeholders ORDER BY path').pluck().all() as string[];
    const same = (list: readonly string[]) => current.length === list.length && current.every((path, i) => path === list[i]);
    const asked = [...new Set(paths)].sort();
    if (same(asked)) return;
    const project = this.project();
    // A mark that names no input of the project (a removed year, a request's stray path) means nothing.
    const next = asked.filter((path) => namesAnInput(project, path));
    if (same(next)) return;
    this.#baseline();
    this.#db.transaction(() => writePlaceholders(this.#db, next))();
    this.#edited();
  }

  setNotePrivate(owner: NoteOwner, isPrivate: boolean): FileResult<void> {
    this.#baseline();
    const result = this.#db
      .prepare('UPDATE notes SET private = ? WHERE owner_kind = ? AND owner_id = ?')
      .run(isPrivate ? 1 : 0, owner.kind, owner.id ?? '');
    if (result.changes === 0) {
      const what = owner.kind === 'project' ? 'the project' : `${owner.kind} "${owner.id ?? ''}"`;
      return { ok: false, error: { code: 'unknown-note', message: `There is no note on ${what}.` } };
    }
    this.#edited();
    return { ok: true, value: undefined };
  }

  async save(options: { overwrite?: boolean } = {}): Promise<FileResult<{ path: string }>> {
    if (this.#path === null) return { ok: false, error: { code: 'no-path', message: 'The project has never been saved; choose where to save it (Save As).' } };
    if (this.#readOnly) {
      return { ok: false, error: { code: 'read-only', message: 'The project was opened read-only, so it cannot be saved over the original; use Save As.' } };
    }
    const known = this.#meta.onDisk;
    if (known && options.overwrite !== true && changedSince(known, currentFingerprint(this.#path))) {
      return {
        ok: false,
        error: {
          code: 'changed-on-disk',
          message: `${basename(this.#path)} was changed by another program since you opened it; save your version as a copy, overwrite the file, or reload it.`,
        },
      };
    }
    const saved = await saveDatabaseAtomically(this.#db, this.#path);
    if (saved.ok) {
      // The save put a new file (a new inode) under the name.
      await this.#lock?.rekey();
      this.#markSaved();
      this.#updateMeta({ unsaved: false, onDisk: currentFingerprint(this.#path) });
    }
    return saved;
  }

  async saveAs(target: string): Promise<FileResult<{ path: string }>> {
    const path = resolve(target);
    if (path === this.#path && !this.#readOnly) return this.save();
    const lock = await acquireLock(path, this.#userName, 'save');
    if (!lock.ok) return lock;
    const saved = await saveDatabaseAtomically(this.#db, path);
    if (!saved.ok) {
      await lock.value.release();
      return saved;
    }
    await this.#lock?.release();
    this.#lock = lock.value;
    await this.#lock.rekey();
    this.#path = path;
    this.#readOnly = false;
    this.#markSaved();
    this.#updateMeta({ path, readOnly: false, unsaved: false, onDisk: currentFingerprint(path) });
    return saved;
  }

  async saveShareCopy(target: string, options: ShareOptions): Promise<FileResult<{ path: string }>> {
    const path = resolve(target);
    if (path === this.#path) return { ok: false, error: { code: 'io', message: 'A copy to share cannot replace the project itself; choose another file name.' } };
    const shared = shareContent(readContent(this.#db), options);
    if (!shared.ok) return shared;
    const lock = await acquireLock(path, this.#userName, 'save');
    if (!lock.ok) return lock;
    const db = databaseWith(shared.value);
    try {
      return await saveDatabaseAtomically(db, path);
    } finally {
      db.close();
      await lock.value.release();
    }
  }

  recordRevision(request: RecordRevisionRequest): FileResult<Revision> {
    const structure = asArray(readProjectTree(this.#db).structures)
      .map(asObject)
      .find((s) => s.id === request.structureId);
    if (!structure) return { ok: false, error: { code: 'unknown-structure', message: `There is no structure "${request.structureId}" in the project.` } };
    const { notes: _notes, ...terms } = structure;
    const next = Number(this.#db.prepare('SELECT coalesce(max(id), 0) + 1 FROM revisions').pluck().get());
    const revision: Revision = {
      id: next,
      structureId: request.structureId,
      recordedAt: new Date().toISOString(),
      party: request.party,
      note: request.note ?? null,
      results: request.results ?? null,
    };
    this.#baseline();
    this.#db
      .prepare('INSERT INTO revisions (id, structure_id, recorded_at, party, note, snapshot, results) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(revision.id, revision.structureId, revision.recordedAt, revision.party, revision.note, stringifyWithLiterals(terms as JsonObject, 0), revision.results === null ? null : JSON.stringify(revision.results));
    this.#edited();
    return { ok: true, value: revision };
  }

  revisions(structureId?: string): Revision[] {
    return revisionsOf(this.#db, structureId);
  }

  diff(from: DiffSide, to: DiffSide): FileResult<TermChange[]> {
    return diffInDatabase(this.#db, this.project(), from, to);
  }

  diffStructures(from: DiffSide, to: DiffSide): FileResult<{ before: Structure; after: Structure }> {
    const project = this.project();
    const before = resolveSide(this.#db, project, from);
    if (!before.ok) return before;
    const after = resolveSide(this.#db, project, to);
    return after.ok ? { ok: true, value: { before: before.value, after: after.value } } : after;
  }

  exportJson(): string {
    const { tree, metadata } = readContent(this.#db);
    return `${stringifyWithLiterals(withPlaceholderNote(asObject(tree), metadata.placeholders))}\n`;
  }

  async close(): Promise<void> {
    this.#db.close();
    await this.#lock?.release();
    this.#lock = null;
    await discardWorkingCopy(this.#dataDir, this.workingCopyId);
  }
}

export function revisionsOf(db: Database, structureId?: string): Revision[] {
  return readRevisions(db)
    .filter((r) => structureId === undefined || r.structureId === structureId)
    .map(revisionOf);
}

/** The structure a diff side names, from the current project or a recorded revision. */
export function resolveSide(db: Database, project: Project, side: DiffSide): FileResult<Structure> {
  if (side.kind === 'structure') {
    const structure = project.structures.find((s) => s.id === side.id);
    return structure
      ? { ok: true, value: structure }
      : { ok: false, error: { code: 'unknown-structure', message: `There is no structure "${side.id}" in the project.` } };
  }
  const revision = readRevisions(db).find((r) => r.id === side.id);
  if (!revision) return { ok: false, error: { code: 'unknown-revision', message: `There is no revision @${side.id} in the project.` } };
  return { ok: true, value: parseProjectText(revision.snapshot) as Structure };
}

export function diffInDatabase(db: Database, project: Project, from: DiffSide, to: DiffSide): FileResult<TermChange[]> {
  const a = resolveSide(db, project, from);
  if (!a.ok) return a;
  const b = resolveSide(db, project, to);
  if (!b.ok) return b;
  return { ok: true, value: diffTerms(a.value, b.value, project) };
}

function newMeta(path: string | null, tree: unknown, readOnly: boolean): WorkingCopyMeta {
  const now = new Date().toISOString();
  return {
    workingCopyId: randomUUID(),
    path,
    projectName: projectName(tree),
    host: hostname(),
    pid: process.pid,
    openedAt: now,
    lastEditedAt: now,
    unsaved: false,
    readOnly,
  };
}

function startSession(options: SessionOptions, meta: WorkingCopyMeta, content: DocumentContent, lock: HeldLock | null): WorkingSession {
  writeMeta(options.dataDir, meta);
  const db = openOwnDatabase(workingDatabasePath(options.dataDir, meta.workingCopyId));
  writeContent(db, content);
  return new WorkingSession({ dataDir: options.dataDir, meta, db, lock, userName: options.userName });
}

/** The untrusted-file check on this thread (the command line and tests; the apps use a worker). */
export async function checkFileHere(path: string): Promise<FileResult<CheckedFileContent>> {
  const bytes = await readUntrustedBytes(path);
  if (!bytes.ok) return bytes;
  const modifiedMs = (await stat(path).catch(() => null))?.mtimeMs ?? 0;
  const checked = checkUntrustedBytes(bytes.value);
  if (!checked.ok) return checked;
  const { tree, metadata, revisions } = checked.value;
  return { ok: true, value: { content: { tree, metadata, revisions }, fingerprint: fingerprintOf(bytes.value, modifiedMs) } };
}

export async function openDocumentSession(target: string, options: SessionOptions): Promise<FileResult<ProjectDocument>> {
  const path = resolve(target);
  let readOnly = options.readOnly === true;
  let lock = readOnly ? null : await acquireLock(path, options.userName);
  if (lock && !lock.ok && lock.error.code === 'read-only') {
    // A file in a folder we cannot write (a read-only share): open it read-only.
    readOnly = true;
    lock = null;
  }
  if (lock && !lock.ok) return lock;
  const checked = await (options.checkFile ?? checkFileHere)(path);
  if (!checked.ok) {
    await lock?.value.release();
    return checked;
  }
  const { content, fingerprint } = checked.value;
  try {
    return { ok: true, value: startSession(options, { ...newMeta(path, content.tree, readOnly), onDisk: fingerprint }, content, lock?.value ?? null) };
  } catch (error) {
    await lock?.value.release();
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'io', message: `Orebridge could not create its working copy in ${options.dataDir}: ${detail}.` } };
  }
}

export async function createDocumentSession(project: Project, options: SessionOptions & { validated?: boolean }, placeholders: readonly string[] = []): Promise<FileResult<ProjectDocument>> {
  const validation = options.validated ? null : validateProject(project);
  if (validation && !validation.ok) {
    return { ok: false, error: invalidProjectError(validation.problems, 'The project') };
  }
  // Not dirty until edited: closing (or losing) an untouched new document loses nothing.
  const meta = newMeta(null, project, false);
  return { ok: true, value: startSession(options, meta, { tree: project, metadata: { internalScenarios: [], privateNotes: [], placeholders: [...new Set(placeholders)].filter((path) => namesAnInput(project, path)).sort() }, revisions: [] }, null) };
}

export async function recoverDocumentSession(workingCopyId: string, options: SessionOptions): Promise<FileResult<ProjectDocument>> {
  const meta = readMeta(options.dataDir, workingCopyId);
  const databasePath = workingDatabasePath(options.dataDir, workingCopyId);
  if (!meta || !existsSync(databasePath)) {
    return { ok: false, error: { code: 'unknown-working-copy', message: 'That unsaved working copy no longer exists.' } };
  }
  let lock: HeldLock | null = null;
  let readOnly = meta.readOnly || options.readOnly === true;
  if (meta.path !== null && !readOnly) {
    const taken = await acquireLock(meta.path, options.userName);
    if (taken.ok) lock = taken.value;
    else readOnly = true;
  }
  const db = openOwnDatabase(databasePath);
  try {
    migrate(db);
    const valid = projectOfTree(readProjectTree(db));
    if (!valid.ok) throw new Error(valid.error.message);
  } catch (error) {
    db.close();
    await lock?.release();
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'corrupt', message: `The unsaved working copy is damaged and cannot be recovered (${detail}).` } };
  }
  const recovered: WorkingCopyMeta = { ...meta, host: hostname(), pid: process.pid, readOnly };
  writeMeta(options.dataDir, recovered);
  return { ok: true, value: new WorkingSession({ dataDir: options.dataDir, meta: recovered, db, lock, userName: options.userName }) };
}

