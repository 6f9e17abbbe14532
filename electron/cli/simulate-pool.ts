import { Worker } from 'node:worker_threads';
import type { Project } from '../../shared/engine/index.ts';
import type { ChunkRunner } from '../../shared/risk/parallel.ts';
import type { WorkerReply, WorkerRunMessage, WorkerSetupMessage } from './simulate-worker.ts';

export interface SimulationPool {
  runners: ChunkRunner[];
  close(): Promise<void>;
}

/** `count` worker threads, each set up once with the project, running ranges on request. */
export function startSimulationPool(count: number, setup: Omit<WorkerSetupMessage, 'kind'>): SimulationPool {
  const workers = Array.from({ length: count }, () => new Worker(new URL('./simulate-worker.ts', import.meta.url)));
  for (const worker of workers) worker.postMessage({ kind: 'setup', ...setup } satisfies WorkerSetupMessage);
  const runners: ChunkRunner[] = workers.map((worker) => (from, to, onProgress) => new Promise((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.kind === 'progress') onProgress(reply.done);
      else {
        worker.off('message', onMessage);
        worker.off('error', reject);
        if (reply.kind === 'result') resolve(reply.columns);
        else reject(new Error(reply.message));
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage({ kind: 'run', from, to } satisfies WorkerRunMessage);
  }));
  return { runners, close: async () => { await Promise.all(workers.map((w) => w.terminate())); } };
}

export type { Project };
