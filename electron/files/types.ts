// The public types of the project-file layer (see index.ts for the functions).
import type { Project } from '../../shared/engine/interchange.ts';
import type { Problem } from '../../shared/engine/validate-primitives.ts';
import type { RoundResults } from '../../shared/contract/roundResults.ts';

export type { RoundResults };

/** Why an operation on a project file did not happen. `message` is one plain sentence for the user. */
export type FileErrorCode =
  | 'not-found' // no file at that path
  | 'not-a-file' // a directory or something else that is not a regular file
  | 'empty' // zero bytes
  | 'too-large' // over the size limit for a project file
  | 'not-sqlite' // not a database at all (random bytes, a JSON file renamed, …)
  | 'not-orebridge' // a SQLite database, but not an Orebridge project (wrong application_id)
  | 'newer-version' // written by a newer Orebridge: the message names both versions
  | 'corrupt' // failed the header, integrity or schema checks
  | 'unexpected-schema' // triggers, views, virtual tables or tables/columns we did not create
  | 'invalid-project' // the rows do not make a valid project: see `problems`
  | 'not-json' // an import source that is not a JSON project document
  | 'locked' // open in another Orebridge instance: see `lockedBy`
  | 'read-only' // the document was opened read-only, so Save is refused (Save As works)
  | 'no-path' // Save on a document that has never been saved: use Save As
  | 'changed-on-disk' // another program changed the file since it was opened or saved: ask (copy, overwrite, reload)
  | 'unknown-structure'
  | 'unknown-scenario'
  | 'unknown-revision'
  | 'unknown-working-copy'
  | 'unknown-note'
  | 'cancelled' // the user stopped it
  | 'internal' // a fault of Orebridge's own, reported as a sentence
  | 'io'; // the operating system refused (permissions, disk full, …)

/** A validation problem: the engine's one Problem type. */
export type ValidationProblem = Problem;

export interface FileError {
  code: FileErrorCode;
  message: string;
  /** For 'invalid-project': the problems the engine's validation found (the first 1000). */
  problems?: ValidationProblem[];
  /** How many problems there were in all, when more than `problems` holds. */
  problemCount?: number;
  /** For 'locked': who has the file open. */
  lockedBy?: LockOwner;
}

export type FileResult<T> = { ok: true; value: T } | { ok: false; error: FileError };

/** Written into the lock file next to an open document. */
export interface LockOwner {
  /** The user's name (OS user name unless the caller passes a display name). */
  user: string;
  host: string;
  pid: number;
  /** When that process started (Linux: its start time in /proc), so a reused pid is told apart; absent elsewhere. */
  started?: string;
  /** ISO 8601 time the file was opened. */
  since: string;
}

/** Where a note is attached. The project note has `id: null`. */
export type NoteOwner =
  | { kind: 'project'; id: null }
  | { kind: 'structure'; id: string }
  | { kind: 'scenario'; id: string };

/**
 * File-level metadata that is not part of the interchange project: which scenarios are internal
 * (never shared unless picked) and which notes are private (never shared).
 */
export interface DocumentMetadata {
  internalScenarios: string[];
  privateNotes: NoteOwner[];
  /** Interchange paths of the inputs that still hold the new-venture template's invented values (format 5). */
  placeholders: string[];
}

export interface Revision {
  /** Increasing number within the file, shown to users as `@id` on the command line. */
  id: number;
  structureId: string;
  /** ISO 8601 UTC. */
  recordedAt: string;
  /** The party label, e.g. "Ministry" or "Boreal Minerals (round 2)". */
  party: string;
  note: string | null;
  /** The round's headline results when it was recorded; null for revisions older than format 5 ("not recorded"). */
  results: RoundResults | null;
}

export interface RecordRevisionRequest {
  structureId: string;
  party: string;
  note?: string | null;
  /** The headline results of the structure as recorded (the caller evaluates it); null when they could not be computed. */
  results?: RoundResults | null;
}

/** One side of a diff: a structure as it is now, or a structure as recorded in a revision. */
export type DiffSide = { kind: 'structure'; id: string } | { kind: 'revision'; id: number };

/** One term that differs between two structures (the field catalogue's term diff). */
export type { TermChange } from '../../shared/fields/termSheet.ts';

export interface ShareOptions {
  /** Structure ids to keep (at least one). */
  structures: string[];
  /** Scenario ids to keep. Absent: every scenario that is not internal. */
  scenarios?: string[];
  /** Keep notes that are not private (default false: every note is removed). */
  keepNotes?: boolean;
  /** Keep the revisions of the kept structures (default false). */
  keepRevisions?: boolean;
  /** Keep the parties' reservation values, the negotiation block (default false: they are confidential). */
  keepReservations?: boolean;
}

/** A working copy left behind by a session that did not close (a crash, a power cut). */
export interface RecoverableCopy {
  workingCopyId: string;
  /** The file it was opened from or last saved to; null for a never-saved document. */
  path: string | null;
  projectName: string | null;
  /** ISO 8601 time of the last edit. */
  lastEditedAt: string;
  /** true when it holds edits that were never saved. */
  unsaved: boolean;
}

export interface CheckReport {
  /** 'valid' → exit 0, 'invalid' → exit 2, 'unreadable' → exit 1 on the command line. */
  status: 'valid' | 'invalid' | 'unreadable';
  /** The file format version in user_version, when the header could be read. */
  formatVersion: number | null;
  message: string;
  problems: ValidationProblem[];
  /** How many problems there were in all (`problems` holds the first 1000). */
  problemCount: number;
  structures: number;
  scenarios: number;
  revisions: number;
}

/** The outcome of reading a file: the project plus its file metadata. */
export interface LoadedProject {
  project: Project;
  metadata: DocumentMetadata;
  formatVersion: number;
}
