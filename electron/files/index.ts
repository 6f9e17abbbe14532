// The project-file layer: `.orebridge` files are SQLite databases (schema in ./migrations/).
//
// A document is edited through a session: opening a file checks it as untrusted input (header,
// application_id, integrity, schema objects, the engine's validation), then copies its content
// into a private working database in the app data folder. Edits go to the working database;
// Save writes a clean copy next to the target and renames it over the target. A lock file next
// to the document says who has it open. Nothing here calls Electron: every folder is passed in.
//
// better-sqlite3 is loaded only when a database is touched, so `readProjectFromFile` on a JSON
// file stays fast.
import type { Project, Structure } from '../../shared/engine/interchange.ts';
import type {
  CheckReport,
  DiffSide,
  DocumentMetadata,
  FileResult,
  LoadedProject,
  LockOwner,
  NoteOwner,
  RecordRevisionRequest,
  RecoverableCopy,
  Revision,
  ShareOptions,
  TermChange,
  ValidationProblem,
} from './types.ts';

export type * from './types.ts';

/** Options every session-opening call takes. */
export interface SessionOptions {
  /** The app's private data folder (Electron: app.getPath('userData')); working copies live in `<dataDir>/working/`. */
  dataDir: string;
  /** Open without taking the lock; Save is refused, Save As works. */
  readOnly?: boolean;
  /** Shown to a second instance in the lock message; defaults to the OS user name. */
  userName?: string;
  /**
   * Reads and checks the file as untrusted input (default: on this thread). The desktop app and
   * browser mode pass one that runs in a worker thread with time and memory limits.
   */
  checkFile?: (path: string) => Promise<FileResult<CheckedFileContent>>;
}

/** What checking an untrusted file yields: its content and what the file was when read. */
export interface CheckedFileContent {
  content: { tree: unknown; metadata: DocumentMetadata; revisions: import('./store-read.ts').RevisionRow[] };
  fingerprint: import('./fingerprint.ts').Fingerprint;
}

/**
 * An open project document. Reads are synchronous; anything that writes a user's file is async.
 * A document that is never closed (a crash) leaves its working copy for `listRecoverable`.
 */
export interface ProjectDocument {
  /** Identifies the working copy in `<dataDir>/working/`. */
  readonly workingCopyId: string;
  /** The file this document saves to; null until the first Save As of a new document. */
  readonly path: string | null;
  readonly readOnly: boolean;
  /** true when the working copy holds edits that were not saved to `path` (a new document: once edited). */
  readonly dirty: boolean;

  /** The project as stored in the working copy (numbers as the engine reads them). */
  project(): Project;
  metadata(): DocumentMetadata;
  /**
   * Replaces the project with an edited one (validated first; nothing changes when invalid).
   * Metadata of scenarios and notes that still exist is kept.
   */
  /** `validated`: the engine checked this very project already (in a worker), so it is not checked again here. */
  apply(project: Project, options?: { validated?: boolean }): FileResult<void>;
  setScenarioInternal(scenarioId: string, internal: boolean): FileResult<void>;
  setNotePrivate(owner: NoteOwner, isPrivate: boolean): FileResult<void>;
  /** Replaces the placeholder marks: the paths of the inputs that still hold the template's invented values. */
  setPlaceholders(paths: readonly string[]): void;

  /**
   * Writes the working copy to `path` atomically. Fails with 'changed-on-disk' when another
   * program changed the file since this document read or wrote it, unless `overwrite` (the
   * user's choice after being asked).
   */
  save(options?: { overwrite?: boolean }): Promise<FileResult<{ path: string }>>;
  /** Writes to a new path atomically, takes its lock, releases the old one; the document then saves there. */
  saveAs(path: string): Promise<FileResult<{ path: string }>>;
  /** Writes a reduced copy for the other side of the negotiation (see ShareOptions); the document is unchanged. */
  saveShareCopy(path: string, options: ShareOptions): Promise<FileResult<{ path: string }>>;

  /** Records the structure as it is now in the working copy (it reaches the file on the next save). */
  recordRevision(request: RecordRevisionRequest): FileResult<Revision>;
  /** All revisions, oldest first, or those of one structure. */
  revisions(structureId?: string): Revision[];
  /** Term-by-term changes from `from` to `to`. */
  diff(from: DiffSide, to: DiffSide): FileResult<TermChange[]>;
  /** The two structures `from` and `to` name (a revision as it was recorded). */
  diffStructures(from: DiffSide, to: DiffSide): FileResult<{ before: Structure; after: Structure }>;

  /** The interchange JSON text of the project (lossless: numbers as written, absent vs null kept). */
  exportJson(): string;

  /** Releases the lock and deletes the working copy. Callers ask the user about unsaved edits first. */
  close(): Promise<void>;
}

export interface OpenDocumentResult {
  document: ProjectDocument;
}

// ------------------------------------------------------------------ sessions

/**
 * Opens a project file as untrusted input and starts a session on a private working copy.
 * Fails with 'locked' (and `lockedBy`) when another instance has it open; retry with
 * `readOnly: true` to open it anyway.
 */
export async function openDocument(path: string, options: SessionOptions): Promise<FileResult<ProjectDocument>> {
  const { openDocumentSession } = await import('./session.ts');
  return openDocumentSession(path, options);
}

/** Starts a session on a new, never-saved document holding `project` (validated first) and its placeholder marks. */
/** `validated`: the engine checked this very project already (in a worker), so it is not checked again here. */
export async function createDocument(project: Project, options: SessionOptions & { validated?: boolean }, placeholders: readonly string[] = []): Promise<FileResult<ProjectDocument>> {
  const { createDocumentSession } = await import('./session.ts');
  return createDocumentSession(project, options, placeholders);
}

/** Working copies left by sessions that did not close, newest first. Call at start. */
export async function listRecoverable(dataDir: string): Promise<RecoverableCopy[]> {
  const { listRecoverableCopies } = await import('./recovery.ts');
  return listRecoverableCopies(dataDir);
}

/** Reopens a recoverable working copy as a document (dirty when it held unsaved edits). */
export async function recoverDocument(workingCopyId: string, options: SessionOptions): Promise<FileResult<ProjectDocument>> {
  const { recoverDocumentSession } = await import('./session.ts');
  return recoverDocumentSession(workingCopyId, options);
}

/** Deletes a recoverable working copy the user chose not to keep. */
export async function discardRecoverable(dataDir: string, workingCopyId: string): Promise<void> {
  const { discardWorkingCopy } = await import('./recovery.ts');
  return discardWorkingCopy(dataDir, workingCopyId);
}

/**
 * Start-up housekeeping: removes temporary files of interrupted saves in the data folder and
 * next to recently used files. Does not touch recoverable working copies.
 */
export async function cleanLeftovers(dataDir: string, documentPaths: string[] = []): Promise<void> {
  const { removeLeftovers } = await import('./recovery.ts');
  return removeLeftovers(dataDir, documentPaths);
}

/** Who has `path` open in another instance, or null when nobody does (a stale lock counts as nobody). */
export async function lockOwner(path: string): Promise<LockOwner | null> {
  const { readLiveLock } = await import('./lock.ts');
  return readLiveLock(path);
}

// ------------------------------------------------------------ recent files

/** Recently opened or saved files, newest first (kept in `<dataDir>/recent.json`). */
export async function recentFiles(dataDir: string): Promise<string[]> {
  const { readRecent } = await import('./recent.ts');
  return readRecent(dataDir);
}

export async function addRecentFile(dataDir: string, path: string): Promise<string[]> {
  const { addRecent } = await import('./recent.ts');
  return addRecent(dataDir, path);
}

export async function removeRecentFile(dataDir: string, path: string): Promise<string[]> {
  const { removeRecent } = await import('./recent.ts');
  return removeRecent(dataDir, path);
}

// --------------------------------------------------- whole-file operations (CLI)

/**
 * Reads a validated project from a `.orebridge` file (untrusted-file checks, then validation) or
 * from a JSON project document (parsed with the engine's `parseProjectText`, then validated).
 * A file is read as SQLite when it ends in `.orebridge` or starts with SQLite's magic bytes;
 * better-sqlite3 is loaded only then. An invalid project fails with code 'invalid-project' and
 * every problem in `error.problems`.
 */
export async function readProjectFromFile(
  path: string,
): Promise<{ ok: true; project: Project } | { ok: false; error: { code: string; message: string; problems?: ValidationProblem[]; problemCount?: number } }> {
  const { readProjectFromPath } = await import('./read-any.ts');
  return readProjectFromPath(path);
}

/** Reads a `.orebridge` file (untrusted-file checks and validation) without starting a session. */
export async function loadProjectFile(path: string): Promise<FileResult<LoadedProject>> {
  const { loadUntrustedFile } = await import('./untrusted.ts');
  return loadUntrustedFile(path);
}

/** JSON project text → validated project with its number literals as written, ready to store. */
export async function parseProjectJson(text: string): Promise<FileResult<Project>> {
  const { parseInterchangeText } = await import('./interchange-json.ts');
  return parseInterchangeText(text);
}

/** Reads a JSON project document from a file: one size limit, strict UTF-8, nesting limit, validation. */
export async function readJsonProjectFile(path: string, what?: string): Promise<FileResult<Project>> {
  const { readJsonProject } = await import('./json-text.ts');
  const read = await readJsonProject(path, what);
  return read.ok ? { ok: true, value: read.value.project } : read;
}

/** Imports a JSON project document into a new `.orebridge` file (atomic write; refuses invalid projects). */
export async function importJsonFile(jsonPath: string, targetPath: string): Promise<FileResult<{ path: string }>> {
  const { importJson } = await import('./whole-file.ts');
  return importJson(jsonPath, targetPath);
}

/** The interchange JSON text of a `.orebridge` file: export(import(x)) deep-equals x. */
export async function exportJsonText(path: string): Promise<FileResult<string>> {
  const { exportJson } = await import('./whole-file.ts');
  return exportJson(path);
}

/** Integrity, version and validation of a file, never throwing. */
export async function checkFile(path: string): Promise<CheckReport> {
  const { checkProjectFile } = await import('./whole-file.ts');
  return checkProjectFile(path);
}

/** Text to `target` atomically (temporary file, flush, rename, flush the folder): exports, settings. */
export async function writeTextFile(target: string, text: string, options: { createFolder?: boolean } = {}): Promise<FileResult<{ path: string }>> {
  const { writeFileAtomically } = await import('./atomic.ts');
  return writeFileAtomically(target, text, options);
}

/** Writes a reduced copy of a `.orebridge` file for the other side (see ShareOptions). */
export async function shareFile(path: string, targetPath: string, options: ShareOptions): Promise<FileResult<{ path: string }>> {
  const { shareProjectFile } = await import('./whole-file.ts');
  return shareProjectFile(path, targetPath, options);
}

/** The revisions recorded in a `.orebridge` file, oldest first. */
export async function listFileRevisions(path: string): Promise<FileResult<Revision[]>> {
  const { fileRevisions } = await import('./whole-file.ts');
  return fileRevisions(path);
}

/** Term-by-term diff of two structures or revisions in one `.orebridge` file. */
export async function diffInFile(path: string, from: DiffSide, to: DiffSide): Promise<FileResult<TermChange[]>> {
  const { fileDiff } = await import('./whole-file.ts');
  return fileDiff(path, from, to);
}

/** The project of a `.orebridge` file and the two structures or revisions a diff compares. */
export async function diffStructuresInFile(path: string, from: DiffSide, to: DiffSide): Promise<FileResult<{ project: Project; before: Structure; after: Structure }>> {
  const { fileDiffStructures } = await import('./whole-file.ts');
  return fileDiffStructures(path, from, to);
}

/** Term-by-term diff of two structures given as values (e.g. from two different projects). */
export async function diffStructures(
  from: Project['structures'][number],
  to: Project['structures'][number],
): Promise<TermChange[]> {
  const { diffTerms } = await import('./diff.ts');
  return diffTerms(from, to);
}

export type { ValidationProblem as Problem };
