// The contract implemented on the file layer and the engine, for Electron main and browser mode.
import { join } from 'node:path';
import type { DocumentInfo } from '../../shared/contract.ts';
import * as files from '../files/index.ts';
import { documentHandlers } from './documents.ts';
import { libraryHandlers } from './library.ts';
import { createDocumentRegistry, createFileHandles, documentInfo } from './registry.ts';
import type { HandlerMap, ShellOptions } from './types.ts';
import { untrustedWork } from './untrusted-work.ts';
import { createWorkPool } from '../work/pool.ts';
import { createWorkTracker, workHandlers } from './work.ts';

export type * from './types.ts';
export { createDispatcher } from './dispatch.ts';
export type { Dispatch, DispatchOptions } from './dispatch.ts';
export { fileNameProblem, suggestedFileName } from './file-names.ts';

export interface Backend {
  handlers: HandlerMap;
  /** A handle for a path the back end itself chose (argv, open-file, Open Recent in the menu). */
  fileRefFor(path: string): { handle: string };
  /** The documents a window has open, for the close prompt and the title. */
  documentsOf(ownerId: string): DocumentInfo[];
  /** Closes every document of a window (after the user chose what to do with unsaved work). */
  closeAllOf(ownerId: string): Promise<void>;
  closeAll(): Promise<void>;
  /** Closes every document and stops the worker threads. */
  shutdown(): Promise<void>;
  /** Start-up housekeeping: removes files of saves a crash interrupted, in the data folder, next
   * to recent files and in the documents folder. Unsaved work is kept for listRecoverable. */
  startUp(): Promise<void>;
}

export function createBackend(options: ShellOptions): Backend {
  const handles = createFileHandles();
  const pool = options.work ?? createWorkPool();
  const work = untrustedWork(pool);
  const documents = createDocumentRegistry();
  const tracker = createWorkTracker();
  const handlers: HandlerMap = {
    ...documentHandlers({ options, handles, documents, work, tracker }),
    ...workHandlers(tracker),
    ...libraryHandlers({ options, handles, documents }),
  };
  const closeEntries = async (entries: ReturnType<typeof documents.all>) => {
    for (const entry of entries) {
      documents.remove(entry.documentId);
      await entry.document.close();
    }
  };
  return {
    handlers,
    fileRefFor: (path) => handles.refFor(path),
    documentsOf: (ownerId) => documents.ownedBy(ownerId).map(documentInfo),
    closeAllOf: (ownerId) => closeEntries(documents.ownedBy(ownerId)),
    closeAll: () => closeEntries(documents.all()),
    shutdown: async () => {
      await closeEntries(documents.all());
      if (!options.work) await pool.close();
    },
    startUp: async () => {
      const recent = await files.recentFiles(options.dataDir);
      const inDocumentsFolder = options.documentsFolder ? [join(options.documentsFolder, 'any.orebridge')] : [];
      await files.cleanLeftovers(options.dataDir, [...recent, ...inDocumentsFolder]);
    },
  };
}
