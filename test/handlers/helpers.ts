// A back end on real temporary folders, called through the dispatcher exactly as Electron IPC
// and the HTTP server call it, with a fake sender.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { methods, parseResult } from '../../shared/contract.ts';
import type { DocumentInfo, MethodName, RequestOf, ResponseOf, Result } from '../../shared/contract.ts';
import { createBackend, createDispatcher } from '../../electron/handlers/index.ts';
import type { Backend, Dialogs, ShellOptions } from '../../electron/handlers/index.ts';

export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'build', 'examples');

export interface FakeSender {
  window: string;
  trusted: boolean;
}

export interface Harness {
  backend: Backend;
  dataDir: string;
  documentsFolder: string;
  changes: Array<{ ownerId: string; document: DocumentInfo }>;
  /** Calls a method as the given window; the reply is checked against the contract. */
  call<M extends MethodName>(method: M, request: RequestOf<M>, sender?: Partial<FakeSender>): Promise<Result<ResponseOf<M>>>;
  raw(method: string, payload: unknown, sender?: Partial<FakeSender>): Promise<Result<unknown>>;
}

export function useTempDirs(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'orebridge-shell-'));
    made.push(dir);
    return dir;
  };
}

export function makeHarness(
  tempDir: () => string,
  overrides: Partial<ShellOptions> & { dialogs?: Dialogs | null } = {},
  folders: { dataDir?: string; documentsFolder?: string } = {},
): Harness {
  const dataDir = folders.dataDir ?? tempDir();
  const documentsFolder = folders.documentsFolder ?? tempDir();
  const changes: Harness['changes'] = [];
  const backend = createBackend({
    mode: 'browser',
    version: '0.1.0-test',
    platform: 'linux',
    dataDir,
    documentsFolder,
    examplesFolder: EXAMPLES_DIR,
    dialogs: null,
    userName: 'tester',
    onDocumentChanged: (ownerId, document) => changes.push({ ownerId, document }),
    ...overrides,
  });
  const dispatch = createDispatcher<FakeSender>({
    handlers: backend.handlers,
    isTrustedSender: (sender) => sender.trusted,
    contextOf: (sender) => ({ senderId: sender.window }),
  });
  afterEach(async () => {
    await backend.shutdown();
  });
  const raw = (method: string, payload: unknown, sender: Partial<FakeSender> = {}) =>
    dispatch(method, payload, { window: 'window-1', trusted: true, ...sender });
  return {
    backend,
    dataDir,
    documentsFolder,
    changes,
    raw,
    call: async (method, request, sender) => {
      const result = await raw(method, request, sender);
      // Every reply must match the contract: structured cloning and JSON carry nothing else.
      const checked = parseResult(method, JSON.parse(JSON.stringify(result)));
      if (result.ok && !checked.ok) throw new Error(`${method} replied outside the contract: ${checked.error.message}`);
      if (result.ok) methods[method].response.parse(result.value);
      return result as Result<ResponseOf<typeof method>>;
    },
  };
}

export function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function errorOf<T>(result: Result<T>): { code: string; message: string; problems?: unknown[] } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}
