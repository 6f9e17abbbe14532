// What the preload exposes as `window.orebridge`: one function per contract method, each
// invoking that method's own channel, and `onCommand`. Nothing generic (no send/invoke of an
// arbitrary channel), no Node, no Electron objects. Kept free of `electron` so it is tested
// under Node; preload.ts passes in ipcRenderer.
import { COMMAND_CHANNEL, METHOD_NAMES, channelOf } from '../shared/contract/names.ts';
import type { MethodName } from '../shared/contract/names.ts';

export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

type Listener = (command: unknown) => void;

export type PreloadApi = Record<MethodName, (request: unknown) => Promise<unknown>> & {
  onCommand(listener: Listener): () => void;
};

export function buildPreloadApi(ipc: IpcRendererLike): PreloadApi {
  const listeners = new Set<Listener>();
  // Commands that arrive before the page subscribes (a file opened from the OS at start-up)
  // wait here and are delivered to the first listener.
  const waiting: unknown[] = [];
  ipc.on(COMMAND_CHANNEL, (_event, command) => {
    if (listeners.size === 0) waiting.push(command);
    for (const listener of listeners) listener(command);
  });

  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    const channel = channelOf(method);
    api[method] = (request: unknown) => ipc.invoke(channel, request);
  }
  api.onCommand = (listener: Listener) => {
    if (typeof listener !== 'function') throw new TypeError('onCommand needs a function.');
    listeners.add(listener);
    for (const command of waiting.splice(0)) listener(command);
    return () => {
      listeners.delete(listener);
    };
  };
  return Object.freeze(api) as PreloadApi;
}
