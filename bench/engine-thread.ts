// The renderer's engine worker (renderer/engine/engine.worker.ts) in a Node worker thread, for the
// benchmark: `self` is a stand-in Web Worker scope over the thread's port.
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('bench/engine-thread.ts runs as a worker thread');
const port = parentPort;
const scope: { onmessage: ((event: { data: unknown }) => void) | null; postMessage(message: unknown): void } = {
  onmessage: null,
  postMessage: (message) => port.postMessage(message),
};
(globalThis as { self?: unknown }).self = scope;
await import('../renderer/engine/engine.worker.ts');
// Messages wait on the port until this listener is attached, so none is lost while the engine loads.
port.on('message', (data: unknown) => scope.onmessage?.({ data }));
