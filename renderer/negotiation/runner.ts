// Runs negotiation jobs off the page's thread: a Web Worker per job in the app (cancel terminates
// it at once), in-line where there is no Worker (component tests under jsdom).
import type { NegotiationJob, NegotiationReply, NegotiationResult } from './protocol.ts';
import { runNegotiationJob } from './runJob.ts';

export type NegotiationOutcome = { kind: 'done'; result: NegotiationResult } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export interface NegotiationRun {
  outcome: Promise<NegotiationOutcome>;
  cancel(): void;
}

export type NegotiationRunner = (job: NegotiationJob, onProgress: (done: number, total: number) => void) => NegotiationRun;

export function createNegotiationWorker(): Worker {
  return new Worker(new URL('./negotiation.worker.ts', import.meta.url), { type: 'module' });
}

export function createWorkerNegotiationRunner(createWorker: () => Worker = createNegotiationWorker): NegotiationRunner {
  return (job, onProgress) => {
    const worker = createWorker();
    let settle: (outcome: NegotiationOutcome) => void = () => {};
    const outcome = new Promise<NegotiationOutcome>((resolve) => {
      settle = (value) => {
        worker.terminate();
        resolve(value);
      };
    });
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const reply = checkReply(event.data);
      if (reply === null) settle({ kind: 'failed', message: 'The calculation engine stopped (its answer could not be read).' });
      else if (reply.kind === 'progress') onProgress(reply.done, reply.total);
      else if (reply.kind === 'done') settle({ kind: 'done', result: reply.result });
      else settle({ kind: 'failed', message: reply.message });
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      settle({ kind: 'failed', message: `The calculation engine stopped (${event.message || 'the negotiation worker failed'}).` });
    };
    worker.postMessage({ job });
    return { outcome, cancel: () => settle({ kind: 'cancelled' }) };
  };
}

/** A reply of the worker, or null when it is not one (a malformed reply is an engine failure, never a result). */
function checkReply(data: unknown): NegotiationReply | null {
  if (typeof data !== 'object' || data === null) return null;
  const reply = data as Partial<Record<string, unknown>>;
  if (reply.kind === 'progress') return typeof reply.done === 'number' && typeof reply.total === 'number' ? (data as NegotiationReply) : null;
  if (reply.kind === 'error') return typeof reply.message === 'string' ? (data as NegotiationReply) : null;
  if (reply.kind === 'done') {
    const result = reply.result as { kind?: unknown; result?: { ok?: unknown } } | undefined;
    return result && ['solve', 'map', 'sweep'].includes(String(result.kind)) && typeof result.result?.ok === 'boolean' ? (data as NegotiationReply) : null;
  }
  return null;
}

/** Runs the job on the page's thread after the current task: for tests, where there is no Worker. */
export function createInlineNegotiationRunner(): NegotiationRunner {
  return (job, onProgress) => {
    let cancelled = false;
    let settle: (outcome: NegotiationOutcome) => void = () => {};
    const outcome = new Promise<NegotiationOutcome>((resolve) => {
      settle = resolve;
    });
    setTimeout(() => {
      if (cancelled) return;
      try {
        const result = runNegotiationJob(job, onProgress);
        settle(result.ok ? { kind: 'done', result: result.result } : { kind: 'failed', message: result.message });
      } catch (error) {
        settle({ kind: 'failed', message: `The calculation engine stopped (${error instanceof Error ? error.message : String(error)}).` });
      }
    }, 0);
    return {
      outcome,
      cancel() {
        cancelled = true;
        settle({ kind: 'cancelled' });
      },
    };
  };
}

/** The app's runner: a Web Worker per job wherever the page has Workers. */
export function defaultNegotiationRunner(): NegotiationRunner {
  return typeof Worker === 'function' ? createWorkerNegotiationRunner() : createInlineNegotiationRunner();
}
