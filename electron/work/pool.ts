// A pool of worker threads for untrusted work, shared by the desktop main process, the
// browser-mode server and the command line. Each task runs under a time limit and a memory limit
// (resourceLimits); hitting one stops that worker (a fresh one takes its place) and the caller
// gets one plain sentence. Callers may follow progress and cancel.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { WORK_MEMORY_LIMIT_MB, WORK_TIME_LIMIT_MS } from '../../shared/limits.ts';
import { newSealKey } from './seal.ts';
import type { Answer, Task, WorkerMessage } from './tasks.ts';

export interface WorkLimits {
  /** Wall-clock time a task may take. */
  timeMs: number;
  /** The worker's JavaScript heap (old generation), in MB. */
  memoryMb: number;
}

/** Open, check, import: a project file or document of any size Orebridge writes takes well under a second. */
export const FILE_LIMITS: WorkLimits = { timeMs: WORK_TIME_LIMIT_MS, memoryMb: WORK_MEMORY_LIMIT_MB };
/** One evaluation takes milliseconds; a compare matrix of hundreds of cases well under a second. */
export const EVALUATION_LIMITS: WorkLimits = { timeMs: WORK_TIME_LIMIT_MS, memoryMb: WORK_MEMORY_LIMIT_MB };

export type WorkFailure = { ok: false; error: { code: 'too-large' | 'cancelled' | 'internal'; message: string } };
export type WorkResult<T> = { ok: true; value: T } | WorkFailure;

export interface RunOptions {
  limits?: WorkLimits;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The start of the sentence when a limit is hit, e.g. "This file is too large to open safely". */
  refusal?: string;
}

export interface WorkPool {
  readonly size: number;
  run<T extends Task>(task: T, options?: RunOptions): Promise<WorkResult<Answer<T>>>;
  /** Starts every worker now, so the first task does not wait for one to load. */
  warm(limits?: WorkLimits): Promise<void>;
  close(): Promise<void>;
}

/** The worker's script: the TypeScript source under Node, the bundled file beside Electron's main. */
export function defaultWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./untrusted-worker.ts', import.meta.url) : new URL('./untrusted-worker.mjs', import.meta.url);
}

interface Slot {
  worker: Worker;
  /** Resolves once the worker has loaded its modules (or failed to). */
  ready: Promise<void>;
  memoryMb: number;
  busy: boolean;
}

interface Pending {
  task: Task;
  options: RunOptions;
  resolve: (result: WorkResult<unknown>) => void;
}

/** Two workers on a two-core machine: the compare matrix uses both; one stays for the main thread's own work otherwise. */
export function createWorkPool(options: { size?: number; workerUrl?: URL } = {}): WorkPool {
  const size = Math.max(1, options.size ?? Math.min(4, Math.max(2, availableParallelism())));
  const url = options.workerUrl ?? defaultWorkerUrl();
  const slots: (Slot | null)[] = Array.from({ length: size }, () => null);
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;
  // Held by this pool and its workers only: a seal (seal.ts) cannot be made anywhere else.
  const sealKey = newSealKey();

  const spawn = (memoryMb: number): Slot => {
    // A host started from a string (`node --input-type=module -e …`) passes a flag a worker file refuses.
    const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--input-type'));
    const worker = new Worker(url, { execArgv, workerData: { sealKey }, resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64 }, stdout: false, stderr: false });
    worker.unref();
    const ready = new Promise<void>((resolve) => {
      const onReady = (message: WorkerMessage) => {
        if (message.kind !== 'ready') return;
        worker.off('message', onReady);
        resolve();
      };
      worker.on('message', onReady);
      worker.once('error', () => resolve());
      worker.once('exit', () => resolve());
    });
    return { worker, ready, memoryMb, busy: false };
  };

  const pump = (): void => {
    while (queue.length > 0 && !closed) {
      const index = slots.findIndex((slot) => slot === null || !slot.busy);
      if (index < 0) return;
      const pending = queue.shift()!;
      const limits = pending.options.limits ?? FILE_LIMITS;
      let slot = slots[index];
      if (!slot || slot.memoryMb !== limits.memoryMb) {
        void slot?.worker.terminate();
        slot = spawn(limits.memoryMb);
        slots[index] = slot;
      }
      runOn(index, slot, pending, limits);
    }
  };

  const runOn = (index: number, slot: Slot, pending: Pending, limits: WorkLimits): void => {
    slot.busy = true;
    const id = nextId++;
    const { worker } = slot;
    const refusal = pending.options.refusal ?? 'This file is too large to open safely';
    let finished = false;
    const finish = (result: WorkResult<unknown>, stopWorker: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      pending.options.signal?.removeEventListener('abort', onAbort);
      if (stopWorker) {
        slots[index] = null;
        void worker.terminate();
      } else slot.busy = false;
      pending.resolve(result);
      pump();
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.id !== id) return;
      if (message.kind === 'progress') pending.options.onProgress?.(message.done, message.total);
      else if (message.kind === 'answer') finish({ ok: true, value: message.answer }, false);
    };
    const onError = (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(
        memory
          ? { ok: false, error: { code: 'too-large', message: `${refusal}: it needs more than ${limits.memoryMb} MB of memory.` } }
          : { ok: false, error: { code: 'internal', message: `Orebridge could not complete the work: ${error.message.split('\n')[0]}.` } },
        true,
      );
    };
    const onExit = () => finish({ ok: false, error: { code: 'internal', message: 'Orebridge could not complete the work: its worker stopped.' } }, true);
    const onAbort = () => finish({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } }, true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    // Stopped before it reached the worker: the worker has nothing of it and stays.
    if (pending.options.signal?.aborted) return finish({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } }, false);
    pending.options.signal?.addEventListener('abort', onAbort, { once: true });
    void slot.ready.then(() => {
      if (finished) return;
      timer = setTimeout(
        () => finish({ ok: false, error: { code: 'too-large', message: `${refusal}: it takes longer than ${limits.timeMs / 1000} s.` } }, true),
        limits.timeMs,
      );
      worker.postMessage({ id, task: pending.task });
    });
  };

  return {
    size,
    run: (task, runOptions = {}) =>
      new Promise((resolve) => {
        if (closed) {
          resolve({ ok: false, error: { code: 'cancelled', message: 'Orebridge is closing.' } });
          return;
        }
        const pending: Pending = { task, options: runOptions, resolve: resolve as Pending['resolve'] };
        queue.push(pending);
        runOptions.signal?.addEventListener(
          'abort',
          () => {
            const waiting = queue.indexOf(pending);
            if (waiting < 0) return;
            queue.splice(waiting, 1);
            resolve({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
          },
          { once: true },
        );
        pump();
      }),
    warm: async (limits = FILE_LIMITS) => {
      await Promise.all(
        slots.map(async (slot, index) => {
          if (slot) return;
          const fresh = spawn(limits.memoryMb);
          slots[index] = fresh;
          await fresh.ready;
        }),
      );
    },
    close: async () => {
      closed = true;
      for (const pending of queue.splice(0)) pending.resolve({ ok: false, error: { code: 'cancelled', message: 'Orebridge is closing.' } });
      await Promise.all(slots.map((slot) => slot?.worker.terminate()));
    },
  };
}
