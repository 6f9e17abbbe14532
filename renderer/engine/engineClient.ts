import { checkWorkerReply, type EngineJob, type EngineResponse, type WorkerRequest } from './protocol.ts';
import { runEngineJob } from './runJob.ts';

/** Runs engine jobs somewhere: a Web Worker in the app, in-line in component tests. */
export interface EngineRunner {
  run(job: EngineJob): Promise<EngineResponse>;
  dispose(): void;
}

/**
 * One job at a time per worker; each reply is matched to its request by id. A worker that
 * crashes answers its jobs with the failure (not as problems of the inputs) and is replaced, so
 * the next edit is computed again.
 */
export function createWorkerRunner(createWorker: () => Worker): EngineRunner {
  const waiting = new Map<number, (response: EngineResponse) => void>();
  let nextId = 1;
  const start = (): Worker => {
    const started = createWorker();
    started.onmessage = (event: MessageEvent<unknown>) => {
      const checked = checkWorkerReply(event.data);
      if (!checked.ok) {
        for (const resolve of waiting.values()) resolve({ valid: null, failure: checked.message });
        waiting.clear();
        return;
      }
      const resolve = waiting.get(checked.reply.id);
      waiting.delete(checked.reply.id);
      resolve?.(checked.reply.response);
    };
    started.onerror = (event) => {
      event.preventDefault?.();
      const message = event.message || 'the engine worker stopped';
      for (const resolve of waiting.values()) resolve({ valid: null, failure: message });
      waiting.clear();
      started.terminate();
      worker = start();
    };
    return started;
  };
  let worker = start();
  return {
    run(job) {
      const id = nextId;
      nextId += 1;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        const request: WorkerRequest = { id, job };
        worker.postMessage(request);
      });
    },
    dispose() {
      worker.terminate();
    },
  };
}

export function createEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

/** Runs the engine on the calling thread: for tests, where there is no worker. */
export function createInlineRunner(): EngineRunner {
  return {
    run: (job) => Promise.resolve(runEngineJob(job)),
    dispose() {},
  };
}
