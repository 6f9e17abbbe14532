// Per-run state of the handlers: which files the renderer may name (by opaque handle) and which
// documents are open for which window. One registry per back end, never module-level.
import { randomUUID } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import type { DocumentInfo, FileRef } from '../../shared/contract.ts';
import type { ProjectDocument } from '../files/index.ts';

export interface OpenEntry {
  documentId: string;
  ownerId: string;
  document: ProjectDocument;
  recovered: boolean;
  /** The renderer's last project did not validate, so the working copy is behind it. */
  behind: boolean;
  /** What the window was last told about this document (title, unsaved marker, menu), as JSON:
   * an edit that changes none of it tells it nothing. */
  reported: string | null;
  /** The last update of the working copy from the renderer's project (they are applied in order). */
  applying: Promise<unknown>;
}

export function createFileHandles() {
  const byHandle = new Map<string, string>();
  const byPath = new Map<string, string>();
  return {
    /** The handle for an absolute path; the same path always gets the same handle in one run. */
    refFor(path: string): FileRef {
      const absolute = resolve(path);
      let handle = byPath.get(absolute);
      if (!handle) {
        handle = randomUUID();
        byPath.set(absolute, handle);
        byHandle.set(handle, absolute);
      }
      return { handle };
    },
    pathOf(ref: FileRef): string | null {
      return byHandle.get(ref.handle) ?? null;
    },
  };
}
export type FileHandles = ReturnType<typeof createFileHandles>;

export function documentInfo(entry: OpenEntry): DocumentInfo {
  const { document } = entry;
  const path = document.path;
  let projectName: string | null = null;
  if (path === null) {
    try {
      projectName = document.project().name ?? null;
    } catch {
      projectName = null;
    }
  }
  return {
    documentId: entry.documentId,
    name: path ? basename(path) : projectName?.trim() || 'Untitled',
    folder: path ? dirname(path) : null,
    untitled: path === null,
    // The file layer compares the working copy with what was last saved (a content hash), so
    // undoing back to the saved state is clean; a new, untouched document is clean too.
    dirty: document.dirty || entry.behind,
    readOnly: document.readOnly,
    recovered: entry.recovered,
  };
}

export function createDocumentRegistry() {
  const entries = new Map<string, OpenEntry>();
  return {
    add(ownerId: string, document: ProjectDocument, recovered = false): OpenEntry {
      const entry: OpenEntry = { documentId: randomUUID(), ownerId, document, recovered, behind: false, reported: null, applying: Promise.resolve() };
      entries.set(entry.documentId, entry);
      return entry;
    },
    /** Only the window that opened a document may use it. */
    get(documentId: string, ownerId: string): OpenEntry | null {
      const entry = entries.get(documentId);
      return entry && entry.ownerId === ownerId ? entry : null;
    },
    remove(documentId: string): void {
      entries.delete(documentId);
    },
    ownedBy(ownerId: string): OpenEntry[] {
      return [...entries.values()].filter((entry) => entry.ownerId === ownerId);
    },
    all(): OpenEntry[] {
      return [...entries.values()];
    },
  };
}
export type DocumentRegistry = ReturnType<typeof createDocumentRegistry>;
