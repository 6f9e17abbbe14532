// The untrusted-work pool's worker, slowed down for tests of progress and cancel: checking or
// reading a file whose name starts with "slow" first keeps the thread busy for a minute, as a
// file that takes very long to check would (busy, not waiting, so only stopping the thread ends it).
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('slow-untrusted-worker.ts runs as a worker thread');
export const SLOW_FOR_MS = 60_000;

const listen = port.on.bind(port);
port.on = ((event: string, listener: (message: { task?: { path?: string } }) => void) =>
  listen(event, event !== 'message' ? listener : (message: { task?: { path?: string } }) => {
    const path = message.task?.path;
    if (path && basename(path).startsWith('slow')) {
      const until = Date.now() + SLOW_FOR_MS;
      while (Date.now() < until);
    }
    listener(message);
  })) as typeof port.on;

await import('../../electron/work/untrusted-worker.ts');
