// The document operations: new, open, edit, save, save as, share, import, export, close,
// revisions, diff, recovery. Files are named by handle or chosen in a dialog, never by a path
// the renderer made up.
import { basename, dirname, extname, join } from 'node:path';
import { failure, success } from '../../shared/contract.ts';
import type { ContractError, FileRef, OpenedDocument, Result, SaveTarget } from '../../shared/contract.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { roundResultsOf, type RoundResults } from '../../shared/contract/roundResults.ts';
import * as files from '../files/index.ts';
import type { FileError, ProjectDocument } from '../files/index.ts';
import { fileNameProblem, suggestedFileName, typedFileName } from './file-names.ts';
import { lastRound } from '../reports/pack/index.ts';
import { reportBytes } from '../reports/index.ts';
import { writeExport } from '../reports/write-export.ts';
import { confinedPath, OUTSIDE_FOLDER } from './confine.ts';
import { projectSizeProblem } from '../files/json-depth.ts';
import type { UntrustedWork } from './untrusted-work.ts';
import type { WorkTracker } from './work.ts';
import { documentInfo } from './registry.ts';
import type { DocumentRegistry, FileHandles, OpenEntry } from './registry.ts';
import type { CallContext, FileKind, HandlerMap, ShellOptions } from './types.ts';

export function fromFileError(error: FileError): { ok: false; error: ContractError } {
  return failure(error.code, error.message, error.problems);
}

export interface DocumentDeps {
  options: ShellOptions;
  handles: FileHandles;
  documents: DocumentRegistry;
  work: UntrustedWork;
  tracker: WorkTracker;
}

type DocumentHandlers = Pick<
  HandlerMap,
  | 'newDocument'
  | 'openDocument'
  | 'updateDocument'
  | 'saveDocument'
  | 'saveDocumentAs'
  | 'shareCopy'
  | 'closeDocument'
  | 'reloadDocument'
  | 'importJson'
  | 'exportJson'
  | 'exportReport'
  | 'exportTable'
  | 'recordRevision'
  | 'listRevisions'
  | 'diff'
  | 'diffStructures'
  | 'setScenarioInternal'
  | 'setNotePrivate'
  | 'listRecoverable'
  | 'recoverDocument'
  | 'discardRecoverable'
>;

/** Browser mode with a reused --data folder: only what belongs to the served folder (or to no file). */
export async function scopedToFolder<T>(folder: string | null, items: T[], pathOf: (item: T) => string | null): Promise<T[]> {
  if (!folder) return items;
  const kept = await Promise.all(items.map(async (item) => {
    const path = pathOf(item);
    return path === null || (await confinedPath(folder, path)) !== null ? item : null;
  }));
  return kept.filter((item): item is Awaited<T> & T => item !== null);
}

export function documentHandlers({ options, handles, documents, work, tracker }: DocumentDeps): DocumentHandlers {
  const sessionOptions = (readOnly = false, signal?: AbortSignal) => ({
    dataDir: options.dataDir,
    readOnly,
    checkFile: (path: string) => work.checkFile(path, signal),
    ...(options.userName ? { userName: options.userName } : {}),
  });

  /** Tells the window when what it shows of the document (title, marker, menu) changed, only then. */
  const changed = (entry: OpenEntry, force = false) => {
    const info = documentInfo(entry);
    const reported = JSON.stringify(info);
    if (reported === entry.reported && !force) return;
    entry.reported = reported;
    options.onDocumentChanged?.(entry.ownerId, info);
  };

  const opened = (entry: OpenEntry): OpenedDocument => {
    changed(entry, true);
    return { document: documentInfo(entry), project: entry.document.project(), metadata: entry.document.metadata() };
  };

  const find = (documentId: string, context: CallContext): Result<OpenEntry> => {
    const entry = documents.get(documentId, context.senderId);
    return entry ? success(entry) : failure('unknown-document', 'That document is not open any more. Open it again.');
  };

  /**
   * Brings the working copy up to the renderer's project, when it sent one. The project is checked
   * in a worker (a request's project is untrusted); the updates of one document are applied one
   * after another in the order they came, whatever order their checks finish in.
   */
  const applyProject = (entry: OpenEntry, project: Project | undefined, placeholders?: readonly string[]): Promise<Result<null>> => {
    const applying = entry.applying.then(async (): Promise<Result<null>> => {
      if (project === undefined) return entry.behind ? failure('invalid-project', 'The project has problems to fix before it can be written.') : success(null);
      // Bounded work before anything proportional to the project's size runs on this thread.
      const tooLarge = projectSizeProblem(project, 'The project', 'work on');
      if (tooLarge) return failure('too-large', tooLarge);
      if (entry.behind || JSON.stringify(project) !== JSON.stringify(entry.document.project())) {
        const checked = await work.checkProject(project);
        if (documents.get(entry.documentId, entry.ownerId) !== entry) return failure('unknown-document', 'That document is not open any more. Open it again.');
        const applied = checked.ok ? entry.document.apply(project, { validated: true }) : checked;
        entry.behind = !applied.ok;
        if (!applied.ok) {
          changed(entry);
          return fromFileError(applied.error);
        }
      }
      if (placeholders !== undefined) entry.document.setPlaceholders(placeholders);
      changed(entry);
      return success(null);
    });
    entry.applying = applying.catch(() => undefined);
    return applying;
  };

  /** Browser mode: the path only when it is really inside the served folder. */
  const confine = async (path: string): Promise<Result<string>> => {
    if (!options.documentsFolder) return success(path);
    const real = await confinedPath(options.documentsFolder, path);
    return real === null ? failure('forbidden', OUTSIDE_FOLDER) : success(path);
  };

  const pathOfRef = async (file: FileRef): Promise<Result<string>> => {
    const path = handles.pathOf(file);
    return path ? confine(path) : failure('unknown-file', 'That file is not on offer any more. Choose it again.');
  };

  /** A file to read: the handle given, or one the user picks in a native dialog. */
  const sourcePath = async (file: FileRef | undefined, kind: 'project' | 'json', context: CallContext): Promise<Result<string | null>> => {
    if (file) return pathOfRef(file);
    if (!options.dialogs) return failure('not-supported', 'Choose a file from the list.');
    return success(await options.dialogs.chooseOpenPath(kind, context));
  };

  /** A file to write: a listed handle, a bare name in the documents folder, or a save dialog. */
  const targetPath = async (
    target: SaveTarget | undefined,
    kind: FileKind,
    projectName: string | null | undefined,
    context: CallContext,
    suggestion?: string,
  ): Promise<Result<string | null>> => {
    if (target && 'handle' in target) {
      const path = await pathOfRef(target);
      if (!path.ok) return path;
      const problem = fileNameProblem(basename(path.value), kind);
      return problem ? failure('bad-file-name', problem) : path;
    }
    if (target) {
      if (!options.documentsFolder) return failure('not-supported', 'Choose where to save in the dialog.');
      const problem = fileNameProblem(target.name, kind);
      return problem ? failure('bad-file-name', problem) : confine(join(options.documentsFolder, target.name));
    }
    if (!options.dialogs) return failure('no-path', 'Give the file a name to save it.');
    return success(await options.dialogs.chooseSavePath(kind, suggestion ?? suggestedFileName(projectName, kind), context));
  };

  /**
   * What the round gives, evaluated in a worker as the project stands now: the scenario asked for
   * (the one on screen), else the first. An evaluation that fails for another reason than the
   * request (a limit) leaves the results out ("not recorded"), so the round is still recorded.
   */
  const roundResults = async (project: Project, structureId: string, scenarioId: string | undefined): Promise<Result<RoundResults | null>> => {
    if (!project.structures.some((s) => s.id === structureId)) return failure('unknown-structure', `There is no structure "${structureId}" in the project.`);
    const scenario = scenarioId === undefined ? project.scenarios[0] : project.scenarios.find((s) => s.id === scenarioId);
    if (!scenario) return failure('unknown-scenario', `There is no scenario "${scenarioId ?? ''}" in the project.`);
    const done = await work.evaluate(project, [{ structure: structureId, scenario: scenario.id }], { shocks: false, breakeven: false });
    const outcome = done.ok && done.value.ok ? done.value.outcomes[0] : undefined;
    return success(outcome?.ok ? roundResultsOf(outcome.evaluation, scenario.name ?? null) : null);
  };

  const register = (context: CallContext, document: ProjectDocument, recovered = false) => documents.add(context.senderId, document, recovered);

  const startFromJson = async (path: string, context: CallContext, workId: string | undefined): Promise<Result<OpenedDocument>> => {
    const tracked = tracker.start(context.senderId, workId, `Reading ${basename(path)}`);
    const parsed = await work.readJson(path, basename(path), tracked.signal).finally(tracked.end);
    if (!parsed.ok) return fromFileError(parsed.error);
    const created = await files.createDocument(parsed.value.project, sessionOptions(), parsed.value.placeholders);
    if (!created.ok) return fromFileError(created.error);
    return success(opened(register(context, created.value)));
  };

  const saveAs = async (entry: OpenEntry, target: SaveTarget | undefined, context: CallContext) => {
    const path = await targetPath(target, 'project', entry.document.project().name, context);
    if (!path.ok || path.value === null) return path.ok ? success(null) : path;
    const saved = await entry.document.saveAs(path.value);
    changed(entry);
    if (!saved.ok) return fromFileError(saved.error);
    await files.addRecentFile(options.dataDir, saved.value.path);
    return success(documentInfo(entry));
  };

  /** Only ids the file layer listed (and no open document's) reach it: an id becomes a path there. */
  const isRecoverable = async (workingCopyId: string): Promise<Result<null>> => {
    if (documents.all().some((entry) => entry.document.workingCopyId === workingCopyId)) {
      return failure('unknown-working-copy', 'That work is open in this window already.');
    }
    const copies = await files.listRecoverable(options.dataDir);
    return copies.some((copy) => copy.workingCopyId === workingCopyId)
      ? success(null)
      : failure('unknown-working-copy', 'There is no unsaved work with that id any more.');
  };

  return {
    newDocument: async ({ project, placeholders }, context) => {
      // A project from a request is untrusted: checked first in a worker, under its limits.
      const checked = await work.checkProject(project);
      if (!checked.ok) return fromFileError(checked.error);
      const created = await files.createDocument(project, { ...sessionOptions(), validated: true }, placeholders);
      if (!created.ok) return fromFileError(created.error);
      const entry = register(context, created.value);
      changed(entry);
      return success(documentInfo(entry));
    },

    openDocument: async ({ file, readOnly, work: workId }, context) => {
      const path = await sourcePath(file, 'project', context);
      if (!path.ok || path.value === null) return path.ok ? success(null) : path;
      if (extname(path.value).toLowerCase() === '.json') return startFromJson(path.value, context, workId);
      const already = documents.ownedBy(context.senderId).find((entry) => entry.document.path === path.value);
      if (already) return success(opened(already));
      const tracked = tracker.start(context.senderId, workId, `Opening ${basename(path.value)}`);
      const result = await files.openDocument(path.value, sessionOptions(readOnly ?? false, tracked.signal)).finally(tracked.end);
      if (!result.ok) return fromFileError(result.error);
      await files.addRecentFile(options.dataDir, path.value);
      return success(opened(register(context, result.value)));
    },

    updateDocument: async ({ documentId, project, placeholders }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const applied = await applyProject(entry.value, project, placeholders);
      return applied.ok ? success(documentInfo(entry.value)) : applied;
    },

    saveDocument: async ({ documentId, project, placeholders, overwrite }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const applied = await applyProject(entry.value, project, placeholders);
      if (!applied.ok) return applied;
      if (entry.value.document.path === null) return saveAs(entry.value, undefined, context);
      const saved = await entry.value.document.save({ overwrite: overwrite === true });
      changed(entry.value);
      if (!saved.ok) return fromFileError(saved.error);
      await files.addRecentFile(options.dataDir, saved.value.path);
      return success(documentInfo(entry.value));
    },

    saveDocumentAs: async ({ documentId, project, placeholders, target }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const applied = await applyProject(entry.value, project, placeholders);
      if (!applied.ok) return applied;
      return saveAs(entry.value, target, context);
    },

    shareCopy: async ({ documentId, project, placeholders, options: shareOptions, target, fileName }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const applied = await applyProject(entry.value, project, placeholders);
      if (!applied.ok) return applied;
      // The name typed in the share dialog: browser mode saves under it in the documents folder;
      // the desktop app offers it in the save dialog, which only adds where.
      const typed = fileName === undefined ? undefined : typedFileName(fileName, 'share');
      const chosen = target ?? (typed !== undefined && !options.dialogs ? { name: typed } : undefined);
      const path = await targetPath(chosen, 'share', entry.value.document.project().name, context, typed);
      if (!path.ok || path.value === null) return path.ok ? success(null) : path;
      if (path.value === entry.value.document.path) return failure('bad-file-name', 'A shared copy cannot replace the document itself; choose another name.');
      const written = await entry.value.document.saveShareCopy(path.value, shareOptions);
      return written.ok ? success({ name: basename(written.value.path) }) : fromFileError(written.error);
    },

    closeDocument: async ({ documentId }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      documents.remove(documentId);
      await entry.value.document.close();
      options.onDocumentClosed?.(context.senderId, documentId);
      return success(null);
    },

    reloadDocument: async ({ documentId, work: workId }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const { document } = entry.value;
      if (document.path === null) return failure('no-path', 'The project has never been saved, so there is no file to reload.');
      const path = document.path;
      const readOnly = document.readOnly;
      // The file as it is now is checked before the document is closed: a file that cannot be
      // opened any more (damaged, hostile, gone) or a cancelled reload leaves the document as it was.
      const tracked = tracker.start(context.senderId, workId, `Reading ${basename(path)} again`);
      const checked = await work.checkFile(path, tracked.signal).finally(tracked.end);
      if (!checked.ok) return fromFileError(checked.error);
      documents.remove(documentId);
      await document.close();
      options.onDocumentClosed?.(context.senderId, documentId);
      const reopened = await files.openDocument(path, { ...sessionOptions(readOnly), checkFile: async () => checked });
      if (!reopened.ok) return fromFileError(reopened.error);
      return success(opened(register(context, reopened.value)));
    },

    importJson: async ({ file, work: workId }, context) => {
      const path = await sourcePath(file, 'json', context);
      if (!path.ok || path.value === null) return path.ok ? success(null) : path;
      return startFromJson(path.value, context, workId);
    },

    exportJson: async ({ documentId, project, placeholders, target }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const applied = await applyProject(entry.value, project, placeholders);
      if (!applied.ok) return applied;
      const path = await targetPath(target, 'json', entry.value.document.project().name, context);
      if (!path.ok || path.value === null) return path.ok ? success(null) : path;
      const written = await files.writeTextFile(path.value, entry.value.document.exportJson());
      return written.ok ? success({ name: basename(path.value) }) : fromFileError(written.error);
    },

    exportReport: async ({ documentId, project, format, structures, scenario, target }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const applied = await applyProject(entry.value, project);
      if (!applied.ok) return applied;
      const document = entry.value.document;
      const current = document.project();
      const rounds = format === 'pdf'
        ? (await Promise.all(structures.map((id) => lastRound(document.revisions(), id, async (from, to) => document.diff(from, to))))).filter((r) => r !== null)
        : [];
      const made = await reportBytes(current, { format, structures, scenario, rounds, ...(options.fontsFolder ? { fontsFolder: options.fontsFolder } : {}) });
      if (!made.ok) return failure(made.error.code, made.error.message);
      const path = await targetPath(target, format, current.name, context);
      if (!path.ok || path.value === null) return path.ok ? success(null) : path;
      const written = writeExport(path.value, made.bytes, document.path);
      return written.ok ? success({ name: basename(path.value) }) : fromFileError(written.error);
    },

    exportTable: async ({ documentId, name, csv, target }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const project = entry.value.document.project();
      const path = await targetPath(target, 'csv', `${project.name || 'Untitled'} ${name}`, context);
      if (!path.ok || path.value === null) return path.ok ? success(null) : path;
      const written = writeExport(path.value, csv, entry.value.document.path);
      return written.ok ? success({ name: basename(path.value) }) : fromFileError(written.error);
    },

    recordRevision: async ({ documentId, structureId, scenarioId, party, note }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const project = entry.value.document.project();
      const results = await roundResults(project, structureId, scenarioId);
      if (!results.ok) return results;
      const recorded = entry.value.document.recordRevision({ structureId, party, note: note ?? null, results: results.value });
      changed(entry.value);
      return recorded.ok ? success(recorded.value) : fromFileError(recorded.error);
    },

    listRevisions: async ({ documentId, structureId }, context) => {
      const entry = find(documentId, context);
      return entry.ok ? success(entry.value.document.revisions(structureId)) : entry;
    },

    diff: async ({ documentId, from, to }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const changes = entry.value.document.diff(from, to);
      return changes.ok ? success(changes.value) : fromFileError(changes.error);
    },

    diffStructures: async ({ documentId, from, to }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const sides = entry.value.document.diffStructures(from, to);
      return sides.ok ? success(sides.value) : fromFileError(sides.error);
    },

    setScenarioInternal: async ({ documentId, scenarioId, internal }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const set = entry.value.document.setScenarioInternal(scenarioId, internal);
      changed(entry.value);
      return set.ok ? success(entry.value.document.metadata()) : fromFileError(set.error);
    },

    setNotePrivate: async ({ documentId, owner, private: isPrivate }, context) => {
      const entry = find(documentId, context);
      if (!entry.ok) return entry;
      const set = entry.value.document.setNotePrivate(owner, isPrivate);
      changed(entry.value);
      return set.ok ? success(entry.value.document.metadata()) : fromFileError(set.error);
    },

    listRecoverable: async () => {
      const live = new Set(documents.all().map((entry) => entry.document.workingCopyId));
      const copies = await scopedToFolder(options.documentsFolder, await files.listRecoverable(options.dataDir), (copy) => copy.path);
      return success(
        copies
          .filter((copy) => !live.has(copy.workingCopyId))
          .map((copy) => ({
            workingCopyId: copy.workingCopyId,
            name: copy.path ? basename(copy.path) : null,
            folder: copy.path ? dirname(copy.path) : null,
            projectName: copy.projectName,
            lastEditedAt: copy.lastEditedAt,
            unsaved: copy.unsaved,
          })),
      );
    },

    recoverDocument: async ({ workingCopyId }, context) => {
      const known = await isRecoverable(workingCopyId);
      if (!known.ok) return known;
      const recovered = await files.recoverDocument(workingCopyId, sessionOptions());
      if (!recovered.ok) return fromFileError(recovered.error);
      return success(opened(register(context, recovered.value, true)));
    },

    discardRecoverable: async ({ workingCopyId }) => {
      const known = await isRecoverable(workingCopyId);
      if (!known.ok) return known;
      await files.discardRecoverable(options.dataDir, workingCopyId);
      return success(null);
    },
  };
}
