// File operations on the back end through the contract: new, open, save, save as, share a copy,
// import and export JSON, examples. Each reports failures as a notice and keeps the user's work.
import type { DocumentInfo, DocumentMetadata, NoteOwner, OpenedDocument, OrebridgeApi, ReportFormat, Result } from '../../shared/contract.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import type { Editor } from '../store/editor.ts';
import type { DocumentRef } from '../store/types.ts';
import type { WorkspaceStore } from '../store/workspaceStore.ts';
import { selectIsDirty } from '../store/selectors.ts';
import { createFileWork } from './fileWork.ts';
import { openPlaceholders } from '../model/placeholders.ts';

export function toDocumentRef(info: DocumentInfo): DocumentRef {
  return { documentId: info.documentId, name: info.name, untitled: info.untitled, readOnly: info.readOnly, dirty: info.dirty };
}

export type DocumentCommands = ReturnType<typeof createDocumentCommands>;

/** Asks the user a yes/no question; the app uses the window's confirm box. */
export type Confirm = (question: string) => boolean;

const windowConfirm: Confirm = (question) => typeof window !== 'undefined' && typeof window.confirm === 'function' && window.confirm(question);

export function createDocumentCommands(store: WorkspaceStore, editor: Editor, api: OrebridgeApi | null, confirm: Confirm = windowConfirm) {
  const fileWork = api ? createFileWork(store, api) : null;

  /**
   * Before another document replaces this one: unsaved changes are dropped only when the user
   * says so. Main decides what is unsaved, so it is told the latest project first.
   */
  async function mayReplace(): Promise<boolean> {
    const before = store.getState();
    if (!before.project) return true;
    if (before.document && api) await sync();
    const state = store.getState();
    const project = state.project;
    if (!project || !selectIsDirty(state)) return true;
    return confirm(`Discard the unsaved changes to “${project.name || 'Untitled venture'}”?`);
  }

  /** Runs `replace`; when it put another document on screen, the back end closes the old one. */
  async function replacing(replace: () => Promise<boolean>): Promise<void> {
    if (!(await mayReplace())) return;
    const old = store.getState().document;
    const replaced = await replace();
    const current = store.getState().document;
    if (replaced && api && old && old.documentId !== current?.documentId) await api.closeDocument({ documentId: old.documentId });
  }

  /** The template's placeholders still open: the back end keeps them in the file with the project. */
  function placeholders(): string[] {
    const state = store.getState();
    return openPlaceholders(state.project, state.placeholders, state.confirmedPlaceholders);
  }

  function fail(error: { message: string; problems?: { path: string; message: string }[] }): void {
    const detail = error.problems && error.problems.length > 0 ? ` (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}: fix them first)` : '';
    editor.notify({ kind: 'error', message: `${error.message}${detail}` });
  }

  /** Shows an opened document. It counts as unchanged unless it holds recovered, unsaved work. */
  function opened(result: Result<OpenedDocument | null>): boolean {
    if (!result.ok) {
      if (result.error.code === 'cancelled') editor.notify({ kind: 'info', message: 'Cancelled: nothing was opened, and your work is as it was.' });
      else fail(result.error);
      return false;
    }
    if (result.value === null) return false;
    editor.loadProject(result.value.project, toDocumentRef(result.value.document), !result.value.document.recovered, result.value.metadata);
    return true;
  }

  /** Tells the back end the current project (unsaved marker, recovery copy, revisions). */
  async function sync(): Promise<boolean> {
    const state = store.getState();
    const document = state.document;
    if (!api || !state.project || !document) return false;
    const result = await api.updateDocument({ documentId: document.documentId, project: state.project, placeholders: placeholders() });
    const current = store.getState().document;
    if (current?.documentId !== document.documentId) return result.ok;
    if (result.ok) {
      if (current.dirty !== result.value.dirty || current.name !== result.value.name) editor.attachDocument(toDocumentRef(result.value));
    } else if (result.error.code === 'invalid-project') {
      // Main keeps the last valid project and counts the document unsaved until it gets a valid one.
      if (current.dirty !== true) editor.attachDocument({ ...current, dirty: true });
    } else {
      if (current.dirty !== true) editor.attachDocument({ ...current, dirty: true });
      editor.notify({ kind: 'error', persist: true, message: `Orebridge could not keep its recovery copy of your latest changes: ${result.error.message} Your changes are still here on screen; save them to keep them.` });
    }
    return result.ok;
  }

  async function ensureDocument(project: Project): Promise<DocumentRef | null> {
    const existing = store.getState().document;
    if (existing) return existing;
    if (!api) return null;
    const created = await api.newDocument({ project, placeholders: placeholders() });
    if (!created.ok) {
      fail(created.error);
      return null;
    }
    const ref = toDocumentRef(created.value);
    editor.attachDocument(ref);
    return ref;
  }

  async function save(as: boolean, overwrite = false): Promise<void> {
    const project = store.getState().project;
    if (!api || !project) return;
    const document = await ensureDocument(project);
    if (!document) return;
    const result = as ? await api.saveDocumentAs({ documentId: document.documentId, project, placeholders: placeholders() }) : await api.saveDocument({ documentId: document.documentId, project, placeholders: placeholders(), ...(overwrite ? { overwrite } : {}) });
    if (!result.ok && result.error.code === 'changed-on-disk') {
      // Nothing is written until the user chooses: their version as a copy, theirs over the file, or the file's.
      editor.notify({
        kind: 'error',
        message: result.error.message,
        persist: true,
        choices: [
          { label: 'Save as a copy…', command: 'save-copy' },
          { label: 'Overwrite', command: 'overwrite' },
          { label: 'Reload from disk', command: 'reload' },
        ],
      });
      return;
    }
    if (!result.ok) return fail(result.error);
    if (result.value === null) return;
    editor.markSaved(toDocumentRef(result.value), project);
    editor.notify({ kind: 'info', message: `Saved ${result.value.name}.` });
  }

  return {
    async newVenture(): Promise<void> {
      await replacing(async () => {
        editor.newVenture();
        const project = store.getState().project;
        if (api && project) await ensureDocument(project);
        return true;
      });
    },
    async open(): Promise<void> {
      if (!api || !fileWork) return;
      await replacing(async () => opened(await fileWork.follow((work) => api.openDocument({ work }))));
    },
    async openFile(handle: string, readOnly = false): Promise<void> {
      if (!api || !fileWork) return;
      await replacing(async () => {
        const result = await fileWork.follow((work) => api.openDocument({ file: { handle }, work, ...(readOnly ? { readOnly: true } : {}) }));
        if (!result.ok && result.error.code === 'locked') {
          editor.notify({ kind: 'error', message: result.error.message, action: { label: 'Open read-only', command: 'open-read-only', handle } });
          return false;
        }
        return opened(result);
      });
    },
    async openExample(exampleId: string): Promise<void> {
      if (!api) return;
      await replacing(async () => opened(await api.openExample({ exampleId })));
    },
    /** Reopens unsaved work left by a session that did not close (a crash, a power cut). */
    async recover(workingCopyId: string): Promise<void> {
      if (!api) return;
      await replacing(async () => {
        const recovered = opened(await api.recoverDocument({ workingCopyId }));
        if (recovered) editor.notify({ kind: 'info', message: 'Recovered the unsaved changes. Save them to keep them.' });
        return recovered;
      });
    },
    async discardRecoverable(workingCopyId: string): Promise<boolean> {
      if (!api) return false;
      const result = await api.discardRecoverable({ workingCopyId });
      if (!result.ok) fail(result.error);
      return result.ok;
    },
    async importJson(): Promise<void> {
      if (!api || !fileWork) return;
      await replacing(async () => opened(await fileWork.follow((work) => api.importJson({ work }))));
    },
    /** Stops the opening or import on screen (its worker thread is stopped); the workspace stays as it was. */
    async cancelFileWork(): Promise<void> {
      await fileWork?.cancel();
    },
    save: () => save(false),
    saveAs: () => save(true),
    /** The user chose to replace a file another program changed. */
    overwrite: () => save(false, true),
    /** The user chose the file's version over their unsaved changes. */
    async reload(): Promise<void> {
      const document = store.getState().document;
      if (!api || !document || !fileWork) return;
      const result = await fileWork.follow((work) => api.reloadDocument({ documentId: document.documentId, work }));
      if (opened(result)) editor.notify({ kind: 'info', message: `Reloaded ${document.name} as it is on disk.` });
    },
    async exportJson(): Promise<void> {
      const project = store.getState().project;
      if (!api || !project) return;
      const document = await ensureDocument(project);
      if (!document) return;
      const result = await api.exportJson({ documentId: document.documentId, project, placeholders: placeholders() });
      if (!result.ok) return fail(result.error);
      if (result.value) editor.notify({ kind: 'info', message: `Exported ${result.value.name}.` });
    },
    /**
     * The live workbook or the CSV table of the structure and scenario on screen, or the
     * negotiation pack of it and the structures chosen in Compare.
     */
    async exportReport(format: ReportFormat): Promise<void> {
      const state = store.getState();
      const project = state.project;
      if (!api || !project) return;
      const structure = state.structureId ?? project.structures[0]?.id;
      const scenario = state.scenarioId ?? project.scenarios[0]?.id;
      if (!structure || !scenario) return;
      const compared = state.compare.structures.filter((id) => id !== structure && project.structures.some((s) => s.id === id));
      const structures = format === 'pdf' ? [structure, ...compared] : [structure];
      const document = await ensureDocument(project);
      if (!document) return;
      const result = await api.exportReport({ documentId: document.documentId, project, format, structures, scenario });
      if (!result.ok) return fail(result.error);
      if (result.value) editor.notify({ kind: 'info', message: `Exported ${result.value.name}.` });
    },
    /** Saves a table of the workspace, laid out as shown, as a CSV file. */
    async exportTable(name: string, csv: string): Promise<void> {
      const project = store.getState().project;
      if (!api || !project) return;
      const document = await ensureDocument(project);
      if (!document) return;
      const result = await api.exportTable({ documentId: document.documentId, name, csv });
      if (!result.ok) return fail(result.error);
      if (result.value) editor.notify({ kind: 'info', message: `Saved ${result.value.name}.` });
    },
    /** Writes a reduced copy; by default of every structure, without notes. */
    async shareCopy(options: { structures?: string[]; scenarios?: string[]; keepNotes?: boolean; keepRevisions?: boolean; keepReservations?: boolean; fileName?: string } = {}): Promise<void> {
      const project = store.getState().project;
      if (!api || !project) return;
      const document = await ensureDocument(project);
      if (!document) return;
      const structures = options.structures ?? project.structures.map((s) => s.id);
      const result = await api.shareCopy({ documentId: document.documentId, project, placeholders: placeholders(), options: { structures, ...(options.scenarios ? { scenarios: options.scenarios } : {}), keepNotes: options.keepNotes ?? false, keepRevisions: options.keepRevisions ?? false, keepReservations: options.keepReservations ?? false }, ...(options.fileName?.trim() ? { fileName: options.fileName.trim() } : {}) });
      if (!result.ok) return fail(result.error);
      if (result.value) editor.notify({ kind: 'info', message: `Wrote a copy to share: ${result.value.name}.` });
    },
    async close(): Promise<void> {
      if (!(await mayReplace())) return;
      const document = store.getState().document;
      if (api && document) await api.closeDocument({ documentId: document.documentId });
      editor.closeProject();
    },
    sync,
    ensureDocument,
    /** Marks a scenario internal (left out of shared copies unless picked) or not. */
    async setScenarioInternal(scenarioId: string, internal: boolean): Promise<void> {
      const others = store.getState().metadata.internalScenarios.filter((id) => id !== scenarioId);
      await updateMetadata(
        (metadata) => ({ ...metadata, internalScenarios: internal ? [...others, scenarioId] : others }),
        (documentId) => api!.setScenarioInternal({ documentId, scenarioId, internal }),
      );
    },
    /** Marks the notes of the project, a structure or a scenario private (never shared) or not. */
    async setNotePrivate(owner: NoteOwner, isPrivate: boolean): Promise<void> {
      const others = store.getState().metadata.privateNotes.filter((note) => note.kind !== owner.kind || note.id !== owner.id);
      await updateMetadata(
        (metadata) => ({ ...metadata, privateNotes: isPrivate ? [...others, owner] : others }),
        (documentId) => api!.setNotePrivate({ documentId, owner, private: isPrivate }),
      );
    },
  };

  /** Shows the change at once, then asks the back end; its answer (or the old flags) wins. */
  async function updateMetadata(optimistic: (metadata: DocumentMetadata) => DocumentMetadata, call: (documentId: string) => Promise<Result<DocumentMetadata>>): Promise<void> {
    const { project, metadata: before } = store.getState();
    if (!api || !project) return;
    editor.setMetadata(optimistic(before));
    const revert = (error: { message: string }) => {
      editor.setMetadata(before);
      fail(error);
    };
    const document = await ensureDocument(project);
    if (!document) return editor.setMetadata(before);
    // The back end's copy must know the scenario or note first.
    const synced = await api.updateDocument({ documentId: document.documentId, project, placeholders: placeholders() });
    if (!synced.ok) return revert(synced.error);
    const result = await call(document.documentId);
    if (!result.ok) return revert(result.error);
    editor.setMetadata(result.value);
  }
}
