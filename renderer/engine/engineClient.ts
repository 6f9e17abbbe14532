import { checkWorkerReply, type EngineJob, type EngineResponse, type WorkerRequest } from './protocol.ts';
import { runEngineJob } from './runJob.ts';
import { WORK_TIME_LIMIT_MS } from '../../shared/limits.ts';

/** Runs engine jobs somewhere: a Web Worker in the app, in-line in component tests. */
export interface EngineRunner {
  run(job: EngineJob): Promise<EngineResponse>;
  /** Stops what it is computing now (the worker itself): its jobs answer with the failure STOPPED_BY_USER. */
  cancel?(): void;
  dispose(): void;
}

/** The failure a job answers when the user stopped the calculation. */
export const STOPPED_BY_USER = 'you stopped it';

/**
 * One job at a time per worker; each reply is matched to its request by id. A worker that
 * crashes, or takes longer than the time limit for a job, answers its jobs with the failure (not
 * as problems of the inputs) and is replaced, so the next edit is computed again.
 */
export function createWorkerRunner(createWorker: () => Worker, timeLimitMs: number = WORK_TIME_LIMIT_MS): EngineRunner {
  const waiting = new Map<number, (response: EngineResponse) => void>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let nextId = 1;
  const failAll = (message: string) => {
    for (const resolve of waiting.values()) resolve({ valid: null, failure: message });
    waiting.clear();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
  const start = (): Worker => {
    const started = createWorker();
    started.onmessage = (event: MessageEvent<unknown>) => {
      const checked = checkWorkerReply(event.data);
      if (!checked.ok) return failAll(checked.message);
      const resolve = waiting.get(checked.reply.id);
      waiting.delete(checked.reply.id);
      clearTimeout(timers.get(checked.reply.id));
      timers.delete(checked.reply.id);
      resolve?.(checked.reply.response);
    };
    started.onerror = (event) => {
      event.preventDefault?.();
      failAll(event.message || 'the engine worker stopped');
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
        timers.set(
          id,
          setTimeout(() => {
            failAll(`the project is too large to evaluate safely: it takes longer than ${timeLimitMs / 1000} s`);
            worker.terminate();
            worker = start();
          }, timeLimitMs),
        );
        const request: WorkerRequest = { id, job };
        worker.postMessage(request);
      });
    },
    cancel() {
      if (waiting.size === 0) return;
      failAll(STOPPED_BY_USER);
      worker.terminate();
      worker = start();
    },
    dispose() {
      failAll('the workspace closed');
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
