// The one contract between the renderer and the back end (Electron main or the browser-mode
// server): every operation with its request and response schema. Both sides are generated
// from `methods`: the preload exposes one function per method, the HTTP client posts to
// `/api/<method>`, and the handler map in electron/handlers implements exactly these names.
//
// Every response is data: `{ ok: true, value }` or `{ ok: false, error: { code, message } }`.
// Decimals cross this boundary as strings (an evaluation holds only decimal strings; a project
// keeps each number as its interchange document wrote it, which the engine reads as a decimal).
// The renderer never sends a path: files are named by opaque handles the back end handed out,
// or, for a new file in browser mode, by a bare file name inside the server's documents folder.
import { z } from 'zod';
import type { Evaluation, Project, Structure } from './engine/interchange.ts';
import type { Problem } from './engine/validate-primitives.ts';
import type { TermChange as CatalogueTermChange } from './fields/termSheet.ts';
import { roundResultsSchema } from './contract/roundResults.ts';
import { COMMAND_CHANNEL, EVENT_NAMES, METHOD_NAMES, channelOf } from './contract/names.ts';
import type { MethodName } from './contract/names.ts';

export { COMMAND_CHANNEL, EVENT_NAMES, METHOD_NAMES, channelOf };
export type { MethodName };

// ------------------------------------------------------------------------ shared pieces

export const ERROR_CODES = [
  'bad-request', // the payload does not match the method's schema
  'unknown-method',
  'forbidden', // the sender is not the app's own window, or the token is wrong
  'invalid-project', // the engine found problems; `problems` lists every one
  'unknown-structure',
  'unknown-scenario',
  'unknown-document', // no open document has this id (closed, or never opened)
  'unknown-file', // a file handle this back end never handed out, or one that is gone
  'unknown-example',
  'unknown-revision',
  'unknown-working-copy',
  'unknown-note',
  'bad-file-name', // a save target name with a folder, a bad extension, or reserved characters
  'not-supported', // e.g. a dialog where this back end has none
  // from the file layer, unchanged:
  'not-found',
  'not-a-file',
  'empty',
  'too-large',
  'not-sqlite',
  'not-orebridge',
  'newer-version',
  'corrupt',
  'unexpected-schema',
  'not-json',
  'locked', // open in another Orebridge instance; open again with readOnly: true to read it
  'read-only', // Save on a read-only document (Save As works)
  'no-path',
  'cancelled', // the user stopped the work
  'changed-on-disk', // another program changed the file since it was opened: save a copy, overwrite (`overwrite: true`) or reload
  'io',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A validation problem: the engine's one Problem type (shared/engine/validate-primitives.ts). */
export const problemSchema = z.strictObject({ path: z.string(), message: z.string() }) satisfies z.ZodType<Problem>;
export type { Problem };

export const contractErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Present with `invalid-project`: every problem at once. */
  problems: z.array(problemSchema).optional(),
});
export type ContractError = z.infer<typeof contractErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A project in the interchange shape. Its content is checked by the engine's validator in the
 * handler (every problem at once), so the schema only insists on an object. */
export const projectSchema = z.custom<Project>(isPlainObject, { message: 'expected a project object' });
/** An evaluation as the engine builds it: decimal strings throughout. */
/** A deal structure in the interchange shape (from the document itself, already validated). */
export const structureSchema = z.custom<Structure>(isPlainObject, { message: 'expected a structure object' });
export const evaluationSchema = z.custom<Evaluation>(isPlainObject, { message: 'expected an evaluation object' });

const idText = z.string().min(1).max(200);

/** The template's placeholder marks still open (paths such as `assumptions.prices[3]`), kept in the file. */
const placeholderPathsSchema = z.array(z.string().min(1).max(500)).max(10_000);

/** An opaque reference to a file, handed out by the back end (a dialog choice, a recent file,
 * a browser-mode listing). Meaningless outside the run that issued it. */
export const fileRefSchema = z.strictObject({ handle: idText });
export type FileRef = z.infer<typeof fileRefSchema>;

/** Where to write a new file. Omitted: the back end asks (a native save dialog in the desktop
 * app). `handle`: an existing file the back end listed. `name`: a bare file name in the
 * documents folder (browser mode only; no folders, validated by the back end). */
export const saveTargetSchema = z.union([
  z.strictObject({ handle: idText }),
  z.strictObject({ name: z.string().min(1).max(255) }),
]);
export type SaveTarget = z.infer<typeof saveTargetSchema>;

export const documentInfoSchema = z.strictObject({
  documentId: idText,
  /** The file name shown in the title bar, e.g. "Northern Spodumene.orebridge"; for an untitled
   * document the project's name, or "Untitled". */
  name: z.string(),
  /** The folder the file is in, for display only; null for an untitled document. */
  folder: z.string().nullable(),
  untitled: z.boolean(),
  /** There is work that closing would lose: edits not saved to the file (an untouched new
   * venture, example or import is not dirty; an edit with problems is). */
  dirty: z.boolean(),
  /** Another window or process holds the file's lock: it can be read and saved elsewhere only. */
  readOnly: z.boolean(),
  /** Restored from a session that did not close cleanly (recoverDocument). */
  recovered: z.boolean(),
});
export type DocumentInfo = z.infer<typeof documentInfoSchema>;

export const exampleInfoSchema = z.strictObject({
  id: idText,
  name: z.string(),
  notes: z.string(),
  commodity: z.string().nullable(),
});
export type ExampleInfo = z.infer<typeof exampleInfoSchema>;

export const fileEntrySchema = z.strictObject({
  file: fileRefSchema,
  name: z.string(),
  folder: z.string(),
  kind: z.enum(['project', 'json']),
  /** ISO 8601. */
  modifiedAt: z.string(),
});
export type FileEntry = z.infer<typeof fileEntrySchema>;

export const recentFileSchema = z.strictObject({ file: fileRefSchema, name: z.string(), folder: z.string() });
export type RecentFile = z.infer<typeof recentFileSchema>;

export const revisionSchema = z.strictObject({
  /** Increasing within the file; shown to users as `@id`. */
  id: z.number().int(),
  structureId: z.string(),
  /** ISO 8601 UTC. */
  recordedAt: z.string(),
  /** The party label, e.g. "Ministry" or "Boreal Minerals (round 2)". */
  party: z.string(),
  note: z.string().nullable(),
  /** What the round gave when it was recorded; null for revisions recorded before file format 5 ("not recorded"). */
  results: roundResultsSchema.nullable(),
});
export type Revision = z.infer<typeof revisionSchema>;

/** One side of a diff: a structure as it is now in the working copy, or as a revision recorded it. */
export const diffSideSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('structure'), id: idText }),
  z.strictObject({ kind: z.literal('revision'), id: z.number().int() }),
]);
export type DiffSide = z.infer<typeof diffSideSchema>;

/** One term that differs between two structures: see shared/fields/termSheet.ts. */
export const termChangeSchema = z.strictObject({
  /** The interchange path relative to the structure, e.g. `terms.partners[1].equity`. */
  path: z.string(),
  /** What a negotiator calls it, e.g. "Equity of Boreal Minerals plc". */
  label: z.string(),
  change: z.enum(['changed', 'added', 'removed']),
  /** As users type it (`5 %`), or a summary of an added or removed item; null when added. */
  before: z.string().nullable(),
  /** null when removed. */
  after: z.string().nullable(),
}) satisfies z.ZodType<CatalogueTermChange>;
export type TermChange = CatalogueTermChange;

export const noteOwnerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('project'), id: z.null() }),
  z.strictObject({ kind: z.literal('structure'), id: idText }),
  z.strictObject({ kind: z.literal('scenario'), id: idText }),
]);
export type NoteOwner = z.infer<typeof noteOwnerSchema>;

/** File-level facts outside the interchange project: scenarios never shared unless picked, notes never shared. */
export const documentMetadataSchema = z.strictObject({
  internalScenarios: z.array(z.string()),
  privateNotes: z.array(noteOwnerSchema),
  /** Interchange paths of the inputs that still hold the new-venture template's invented values. */
  placeholders: placeholderPathsSchema,
});
export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;

export const shareOptionsSchema = z.strictObject({
  /** Structure ids to keep (at least one). */
  structures: z.array(idText).min(1),
  /** Scenario ids to keep; absent: every scenario that is not internal. */
  scenarios: z.array(idText).optional(),
  /** Keep notes that are not private (default: every note is removed). */
  keepNotes: z.boolean().optional(),
  /** Keep the revisions of the kept structures (default: none). */
  keepRevisions: z.boolean().optional(),
  /** Keep the parties' reservation values (default: left out, they are confidential). */
  keepReservations: z.boolean().optional(),
});
export type ShareOptions = z.infer<typeof shareOptionsSchema>;

/** Unsaved work left by a session that did not close (a crash, a power cut). */
export const recoverableSchema = z.strictObject({
  workingCopyId: idText,
  /** The file name it was opened from or saved to; null for a never-saved document. */
  name: z.string().nullable(),
  folder: z.string().nullable(),
  projectName: z.string().nullable(),
  /** ISO 8601. */
  lastEditedAt: z.string(),
  unsaved: z.boolean(),
});
export type Recoverable = z.infer<typeof recoverableSchema>;

export const openedDocumentSchema = z.strictObject({
  document: documentInfoSchema,
  project: projectSchema,
  metadata: documentMetadataSchema,
});
export type OpenedDocument = z.infer<typeof openedDocumentSchema>;

/** The exports besides the project JSON: file kinds of the same names. */
export const REPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export const settingsSchema = z.strictObject({
  theme: z.enum(THEMES),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { theme: 'system' };

export const appInfoSchema = z.strictObject({
  version: z.string(),
  /** desktop: native menus and dialogs; browser: the renderer shows the in-app file picker. */
  mode: z.enum(['desktop', 'browser']),
  platform: z.string(),
  /** Browser mode: the folder files are opened from and saved to (display only). */
  documentsFolder: z.string().nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const documentRef = { documentId: idText };

/**
 * Work on a file from outside (opening, importing) that the renderer can follow and stop: an id
 * the renderer makes up for the call (unique in its window), given to workStatus and cancelWork
 * while the call runs.
 */
export const workIdSchema = idText;

export const workStatusSchema = z.strictObject({
  /** What is being done, e.g. "Opening Deal.orebridge". */
  label: z.string(),
  /** Since the work started in the back end. */
  elapsedMs: z.number().nonnegative(),
});
export type WorkStatus = z.infer<typeof workStatusSchema>;
const empty = z.strictObject({});
const nothing = z.null();

// ------------------------------------------------------------------------ the operations

/** Each method: its request schema and the schema of `value` in a successful response.
 * A `null` value from a method that may show a dialog means the user cancelled. */
export const methods = {
  getAppInfo: { request: empty, response: appInfoSchema },

  /** Start an untitled document from a project the renderer made (a new venture). */
  newDocument: { request: z.strictObject({ project: projectSchema, placeholders: placeholderPathsSchema.optional() }), response: documentInfoSchema },
  /** Open a project file: the given handle, or (desktop) what the user picks in an open dialog. */
  /** Fails with `locked` when another instance has the file; `readOnly: true` opens it anyway. */
  openDocument: {
    request: z.strictObject({ file: fileRefSchema.optional(), readOnly: z.boolean().optional(), work: workIdSchema.optional() }),
    response: openedDocumentSchema.nullable(),
  },
  /** Tell the back end the renderer's current project, so the title shows the unsaved marker,
   * closing can ask to save, and the file layer keeps a recovery copy. */
  updateDocument: { request: z.strictObject({ ...documentRef, project: projectSchema, placeholders: placeholderPathsSchema.optional() }), response: documentInfoSchema },
  /** Save to the document's file; an untitled document asks where, as Save As does. */
  saveDocument: {
    /** `overwrite: true` replaces a file another program changed since it was opened (after the user chose so). */
    request: z.strictObject({ ...documentRef, project: projectSchema.optional(), placeholders: placeholderPathsSchema.optional(), overwrite: z.boolean().optional() }),
    response: documentInfoSchema.nullable(),
  },
  saveDocumentAs: {
    request: z.strictObject({ ...documentRef, project: projectSchema.optional(), placeholders: placeholderPathsSchema.optional(), target: saveTargetSchema.optional() }),
    response: documentInfoSchema.nullable(),
  },
  /** Write a reduced copy to hand to the other side of the table (the chosen structures and
   * scenarios; private notes and internal scenarios never); the open document stays as it is. */
  shareCopy: {
    request: z.strictObject({
      ...documentRef,
      project: projectSchema.optional(),
      placeholders: placeholderPathsSchema.optional(),
      options: shareOptionsSchema,
      target: saveTargetSchema.optional(),
      /** The copy's file name as the user typed it in the share dialog (`.orebridge` is added when
       * missing): browser mode saves under it; the desktop app suggests it in the save dialog. */
      fileName: z.string().trim().min(1).max(255).optional(),
    }),
    response: z.strictObject({ name: z.string() }).nullable(),
  },
  closeDocument: { request: z.strictObject(documentRef), response: nothing },
  /** Drop the document's unsaved changes and read its file again (after another program changed it). */
  reloadDocument: { request: z.strictObject({ ...documentRef, work: workIdSchema.optional() }), response: openedDocumentSchema },

  /** Read an interchange JSON file into a new untitled document. */
  importJson: { request: z.strictObject({ file: fileRefSchema.optional(), work: workIdSchema.optional() }), response: openedDocumentSchema.nullable() },
  /** Write the project as interchange JSON. */
  exportJson: {
    request: z.strictObject({ ...documentRef, project: projectSchema.optional(), placeholders: placeholderPathsSchema.optional(), target: saveTargetSchema.optional() }),
    response: z.strictObject({ name: z.string() }).nullable(),
  },

  /**
   * Write an export of the project: the live Excel workbook or the yearly CSV table of the first
   * structure under the scenario, or the negotiation pack (PDF) of the structures under it.
   */
  exportReport: {
    request: z.strictObject({
      ...documentRef,
      project: projectSchema.optional(),
      format: z.enum(REPORT_FORMATS),
      structures: z.array(idText).min(1).max(20),
      scenario: idText,
      target: saveTargetSchema.optional(),
    }),
    response: z.strictObject({ name: z.string() }).nullable(),
  },

  /** Save a table of the workspace as CSV (the renderer lays the table out; main only writes it). */
  exportTable: {
    request: z.strictObject({
      ...documentRef,
      /** The table's name, for the suggested file name. */
      name: z.string().min(1).max(200),
      csv: z.string().max(8 * 1024 * 1024),
      target: saveTargetSchema.optional(),
    }),
    response: z.strictObject({ name: z.string() }).nullable(),
  },

  listRecent: { request: empty, response: z.array(recentFileSchema) },
  clearRecent: { request: empty, response: nothing },
  /** Browser mode's file picker: the project and JSON files in the documents folder. */
  listFiles: { request: empty, response: z.array(fileEntrySchema) },
  listExamples: { request: empty, response: z.array(exampleInfoSchema) },
  /** Open a bundled example as an untitled document (saving asks where). */
  openExample: { request: z.strictObject({ exampleId: idText }), response: openedDocumentSchema },

  /** Records a structure as it is now (a negotiation round) with its headline results under the
   * scenario given (the one on screen; default the first); it reaches the file on the next save. */
  recordRevision: {
    request: z.strictObject({ ...documentRef, structureId: idText, scenarioId: idText.optional(), party: z.string().min(1), note: z.string().nullable().optional() }),
    response: revisionSchema,
  },
  /** Oldest first; all, or those of one structure. */
  listRevisions: { request: z.strictObject({ ...documentRef, structureId: idText.optional() }), response: z.array(revisionSchema) },
  /** Term-by-term changes between two structures or revisions of the open document. */
  diff: {
    request: z.strictObject({ ...documentRef, from: diffSideSchema, to: diffSideSchema }),
    response: z.array(termChangeSchema),
  },
  /** The two structures a diff compares (a revision as recorded), for what each change does to every party. */
  diffStructures: {
    request: z.strictObject({ ...documentRef, from: diffSideSchema, to: diffSideSchema }),
    response: z.strictObject({ before: structureSchema, after: structureSchema }),
  },
  setScenarioInternal: {
    request: z.strictObject({ ...documentRef, scenarioId: idText, internal: z.boolean() }),
    response: documentMetadataSchema,
  },
  setNotePrivate: {
    request: z.strictObject({ ...documentRef, owner: noteOwnerSchema, private: z.boolean() }),
    response: documentMetadataSchema,
  },

  /** Unsaved work from sessions that did not close; offered at start. */
  listRecoverable: { request: empty, response: z.array(recoverableSchema) },
  recoverDocument: { request: z.strictObject({ workingCopyId: idText }), response: openedDocumentSchema },
  discardRecoverable: { request: z.strictObject({ workingCopyId: idText }), response: nothing },

  /** What the work of that id is doing and for how long; null once it ended (or before it started). */
  workStatus: { request: z.strictObject({ work: workIdSchema }), response: workStatusSchema.nullable() },
  /** Stops the work of that id: its worker thread is stopped and the call it belongs to answers
   * `cancelled`, leaving everything as it was before the call. Nothing happens when it has ended. */
  cancelWork: { request: z.strictObject({ work: workIdSchema }), response: nothing },

  getSettings: { request: empty, response: settingsSchema },
  updateSettings: { request: z.strictObject({ settings: settingsSchema.partial() }), response: settingsSchema },
} as const satisfies { [M in MethodName]: { request: z.ZodType; response: z.ZodType } };

export type Methods = typeof methods;

export type RequestOf<M extends MethodName> = z.input<Methods[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<Methods[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Methods[M]['response']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

// ------------------------------------------------------------------------ events (back end → renderer)

/** What the native menu (or, in browser mode, the keyboard) asks the renderer to do. The
 * renderer runs the same action as its own buttons, so both paths behave alike. */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'share-copy',
  'import-json',
  'export-json',
  'export-xlsx',
  'export-csv',
  'export-pdf',
  'undo',
  'redo',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const appCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('menu'), command: z.enum(MENU_COMMANDS) }),
  /** Open Recent, a file opened from the OS (double-click, argv, dock): open it as Open would. */
  z.strictObject({ type: z.literal('open-file'), file: fileRefSchema }),
  /** Main saved or changed the document on its own (e.g. Save chosen while closing). */
  z.strictObject({ type: z.literal('document-changed'), document: documentInfoSchema }),
]);
export type AppCommand = z.infer<typeof appCommandSchema>;


// ------------------------------------------------------------------------ the API both transports implement

export type OrebridgeApi = {
  [M in MethodName]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
} & {
  /** Returns the function that unsubscribes. */
  onCommand(listener: (command: AppCommand) => void): () => void;
};

export function failure(code: ErrorCode, message: string, problems?: Problem[]): { ok: false; error: ContractError } {
  return problems ? { ok: false, error: { code, message, problems } } : { ok: false, error: { code, message } };
}

export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Checks any value against the response shape: a result envelope whose value matches the
 * method's response schema, or a well-formed error. */
export function parseResult<M extends MethodName>(method: M, raw: unknown): Result<ResponseOf<M>> {
  if (isPlainObject(raw)) {
    const record = raw as Record<string, unknown>;
    if (record.ok === true) {
      const parsed = methods[method].response.safeParse(record.value);
      if (parsed.success) return success(parsed.data as ResponseOf<M>);
      return failure('internal', `The reply to ${method} has an unexpected shape: ${z.prettifyError(parsed.error)}`);
    }
    if (record.ok === false) {
      const parsed = contractErrorSchema.safeParse(record.error);
      if (parsed.success) return { ok: false, error: parsed.data };
    }
  }
  return failure('internal', `The reply to ${method} is not a result.`);
}
