// The preload exposes exactly the contract: one function per method on that method's own
// channel, plus onCommand, and nothing else (no generic send or invoke).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNEL, EVENT_NAMES, METHOD_NAMES, methods } from '../../shared/contract.ts';
import { buildPreloadApi } from '../../electron/preload-api.ts';
import type { IpcRendererLike } from '../../electron/preload-api.ts';
import { buildElectron } from '../../scripts/lib/build.ts';

const exposed: Array<{ key: string; api: Record<string, unknown> }> = [];
const fakeIpc = { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn() };
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }) },
  ipcRenderer: fakeIpc,
}));

const contractSurface = [...METHOD_NAMES, ...EVENT_NAMES].sort();

function recordingIpc() {
  const invoked: Array<[string, unknown]> = [];
  let deliver: (payload: unknown) => void = () => {};
  const ipc: IpcRendererLike = {
    invoke: async (channel, payload) => {
      invoked.push([channel, payload]);
      return { ok: true, value: null };
    },
    on: (channel, listener) => {
      expect(channel).toBe(COMMAND_CHANNEL);
      deliver = (payload) => listener({ sender: 'the raw IPC event' }, payload);
    },
  };
  return { ipc, invoked, deliver: (payload: unknown) => deliver(payload) };
}

describe('the preload surface', () => {
  it('is the contract’s methods plus onCommand, each a function', () => {
    const api = buildPreloadApi(recordingIpc().ipc);
    expect(Object.keys(api).sort()).toEqual(contractSurface);
    expect(Object.keys(methods).sort()).toEqual([...METHOD_NAMES].sort());
    for (const key of contractSurface) expect(typeof api[key as keyof typeof api], key).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    for (const generic of ['send', 'invoke', 'on', 'ipcRenderer', 'require', 'process']) expect(api).not.toHaveProperty(generic);
  });

  it('sends each method on its own channel with the request as given', async () => {
    const { ipc, invoked } = recordingIpc();
    const api = buildPreloadApi(ipc);
    for (const method of METHOD_NAMES) await api[method]({ probe: method });
    expect(invoked).toEqual(METHOD_NAMES.map((method) => [`orebridge:${method}`, { probe: method }]));
  });

  it('delivers commands without the IPC event, keeping those that arrive before anyone listens', () => {
    const { ipc, deliver } = recordingIpc();
    const api = buildPreloadApi(ipc);
    deliver({ type: 'open-file', file: { handle: 'h1' } });
    const received: unknown[] = [];
    const unsubscribe = api.onCommand((command) => received.push(command));
    expect(received).toEqual([{ type: 'open-file', file: { handle: 'h1' } }]);
    deliver({ type: 'menu', command: 'save' });
    unsubscribe();
    deliver({ type: 'menu', command: 'open' });
    expect(received).toEqual([{ type: 'open-file', file: { handle: 'h1' } }, { type: 'menu', command: 'save' }]);
    expect(() => api.onCommand('not a function' as unknown as () => void)).toThrow(TypeError);
  });

  it('electron/preload.ts exposes that surface as window.orebridge', async () => {
    await import('../../electron/preload.ts');
    expect(exposed.map((entry) => entry.key)).toEqual(['orebridge']);
    expect(Object.keys(exposed[0]!.api).sort()).toEqual(contractSurface);
  });
});

describe('the bundled preload', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'orebridge-preload-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('runs as a sandboxed classic script that requires only electron, and exposes the same surface', async () => {
    const { preload } = await buildElectron(outDir);
    const code = readFileSync(preload, 'utf8');
    const exposedHere: Array<{ key: string; api: Record<string, unknown> }> = [];
    const requested: string[] = [];
    const sandboxRequire = (name: string) => {
      requested.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return {
        contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposedHere.push({ key, api }) },
        ipcRenderer: { invoke: async () => null, on: () => undefined },
      };
    };
    const module = { exports: {} };
    runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
    expect(requested).toEqual(['electron']);
    expect(exposedHere.map((entry) => entry.key)).toEqual(['orebridge']);
    expect(Object.keys(exposedHere[0]!.api).sort()).toEqual(contractSurface);
    // Small: the names and a loop, not the schemas.
    expect(code).not.toContain('zod');
  });
});
