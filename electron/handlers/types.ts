// What the handlers need from their host (Electron main or the browser-mode server), passed in
// so that the same handlers run under Electron, behind HTTP, and in plain Node tests.
import type { WorkPool } from '../work/pool.ts';
import type { DocumentInfo, MethodName, ParsedRequestOf, ResponseOf, Result } from '../../shared/contract.ts';

export type FileKind = 'project' | 'json' | 'share' | 'xlsx' | 'csv' | 'pdf';

/** Native file dialogs (desktop only). Each returns an absolute path the user chose, or null. */
export interface Dialogs {
  chooseOpenPath(kind: 'project' | 'json', context: CallContext): Promise<string | null>;
  chooseSavePath(kind: FileKind, suggestedName: string, context: CallContext): Promise<string | null>;
}

export interface ShellOptions {
  mode: 'desktop' | 'browser';
  version: string;
  platform: string;
  /** Private app data: working copies, recent files, settings. */
  dataDir: string;
  /** Browser mode: the one folder files are listed from and saved to by name. Desktop: null. */
  documentsFolder: string | null;
  /** The bundled example projects (`*.project.json`). */
  examplesFolder: string;
  /** The negotiation pack's fonts (default: build/fonts of the source tree). */
  fontsFolder?: string;
  /** Native dialogs, or null where there are none (browser mode: the renderer's picker). */
  dialogs: Dialogs | null;
  userName?: string;
  /** The worker threads untrusted work runs in (open, check, import, evaluate); one is made when absent. */
  work?: WorkPool;
  /** Called whenever a document's name, dirty or read-only state may have changed. */
  onDocumentChanged?: (ownerId: string, document: DocumentInfo) => void;
  /** Called after the renderer closed a document. */
  onDocumentClosed?: (ownerId: string, documentId: string) => void;
}

/** Who is calling: a window's id (desktop) or the browser session; documents belong to it. */
export interface CallContext {
  senderId: string;
}

export type Handler<M extends MethodName> = (request: ParsedRequestOf<M>, context: CallContext) => Promise<Result<ResponseOf<M>>>;
export type HandlerMap = { [M in MethodName]: Handler<M> };
