import { runChunks, type ChunkRunner } from '../../shared/risk/parallel.ts';
import type { SimulationRequest } from '../../shared/risk/index.ts';
import type { RiskSummary, RiskWorkerReply, RiskWorkerRequest } from './riskProtocol.ts';

export type RiskOutcome = { kind: 'done'; summary: RiskSummary } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

export interface RiskRun {
  outcome: Promise<RiskOutcome>;
  cancel(): void;
}

export function createRiskWorker(): Worker {
  return new Worker(new URL('./risk.worker.ts', import.meta.url), { type: 'module' });
}

/** The number of Web Workers a run uses: one per core the browser reports, at least one. */
export const riskWorkerCount = () => Math.max(1, Math.min(8, globalThis.navigator?.hardwareConcurrency ?? 2));

/**
 * Runs a simulation on `workerCount` Web Workers: each is set up with the request, ranges of
 * iterations go to whichever is free (shared/risk/parallel.ts), and the first worker computes the
 * statistics. Cancel terminates the workers at once. Results are the same for any worker count.
 */
export function startRiskRun(
  request: SimulationRequest, onProgress: (done: number, total: number) => void,
  workerCount = riskWorkerCount(), createWorker: () => Worker = createRiskWorker,
): RiskRun {
  let cancelled = false;
  const workers: Worker[] = [];
  const stop = () => {
    for (const worker of workers) worker.terminate();
  };
  const ask = (worker: Worker, message: RiskWorkerRequest, onProgressDone?: (done: number) => void) =>
    new Promise<RiskWorkerReply>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<RiskWorkerReply>) => {
        const reply = event.data;
        if (reply.kind === 'progress') onProgressDone?.(reply.done);
        else if (reply.kind === 'error') reject(new Error(reply.message));
        else resolve(reply);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        reject(new Error(event.message || 'the simulation worker stopped'));
      };
      worker.postMessage(message);
    });
  let cancelRun: () => void = () => {};
  const cancelledPromise = new Promise<RiskOutcome>((resolve) => {
    cancelRun = () => resolve({ kind: 'cancelled' });
  });
  const work = (async (): Promise<RiskOutcome> => {
    for (let i = 0; i < workerCount; i++) workers.push(createWorker());
    const ready = await Promise.all(workers.map((worker) => ask(worker, { kind: 'setup', request })));
    const total = ready[0]!.kind === 'ready' ? ready[0]!.iterations : 0;
    onProgress(0, total);
    const runners: ChunkRunner[] = workers.map((worker) => async (from, to, progress) => {
      const reply = await ask(worker, { kind: 'run', from, to }, progress);
      if (reply.kind !== 'chunk') throw new Error('the simulation worker answered out of turn');
      return reply.columns;
    });
    const chunkSize = Math.max(250, Math.min(2_000, Math.ceil(total / (workerCount * 4))));
    const chunks = await runChunks(total, runners, (done) => onProgress(done, total), () => cancelled, chunkSize);
    if (!chunks) return { kind: 'cancelled' };
    const reply = await ask(workers[0]!, { kind: 'summarise', chunks });
    if (reply.kind !== 'summary') throw new Error('the simulation worker answered out of turn');
    return { kind: 'done', summary: reply.summary };
  })().catch((error: unknown): RiskOutcome => (cancelled ? { kind: 'cancelled' } : { kind: 'failed', message: error instanceof Error ? error.message : String(error) }))
    .finally(stop);
  return {
    outcome: Promise.race([work, cancelledPromise]),
    cancel() {
      cancelled = true;
      stop();
      cancelRun();
    },
  };
}
