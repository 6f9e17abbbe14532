// Small pieces of main-process behaviour that need no Electron: the title, files named on the
// command line, and what closing a window with unsaved work does.
import { existsSync, statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import type { DocumentInfo, Result } from '../../shared/contract.ts';

export const DOCUMENT_EXTENSIONS = ['.orebridge', '.json'];

/** "• Deal.orebridge — Orebridge": the file name, a dot while there are unsaved changes. */
export function windowTitle(document: DocumentInfo | null, appName = 'Orebridge'): string {
  if (!document) return appName;
  return `${document.dirty ? '• ' : ''}${document.name}${document.readOnly ? ' (read-only)' : ''} — ${appName}`;
}

/** Project files named on a command line (the OS passes the file a user double-clicked). */
export function documentPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const paths: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-') || !DOCUMENT_EXTENSIONS.includes(extname(arg).toLowerCase())) continue;
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
    if (existsSync(path) && statSync(path).isFile() && !paths.includes(path)) paths.push(path);
  }
  return paths;
}

export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface CloseGuardDeps {
  documents: DocumentInfo[];
  /** Save / Don't save / Cancel, for the unsaved documents named. */
  ask(unsaved: DocumentInfo[]): Promise<CloseChoice>;
  save(documentId: string): Promise<Result<DocumentInfo | null>>;
  showError(message: string): Promise<void>;
}

/** Whether the window may close: true when nothing is unsaved, the user chose not to save, or
 * every unsaved document saved. A cancelled save dialog or a failed save keeps it open. */
export async function confirmClose(deps: CloseGuardDeps): Promise<boolean> {
  const unsaved = deps.documents.filter((document) => document.dirty);
  if (unsaved.length === 0) return true;
  const choice = await deps.ask(unsaved);
  if (choice === 'cancel') return false;
  if (choice === 'discard') return true;
  for (const document of unsaved) {
    const saved = await deps.save(document.documentId);
    if (!saved.ok) {
      await deps.showError(`${document.name} was not saved: ${saved.error.message}`);
      return false;
    }
    if (saved.value === null) return false;
  }
  return true;
}
