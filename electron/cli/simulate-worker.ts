// A worker thread of `orebridge simulate`: runs the ranges of iterations it is sent.
import { parentPort } from 'node:worker_threads';
import type { Project } from '../../shared/engine/index.ts';
import { runIterations, setUpSimulation, type SimulationColumns, type SimulationSetup } from '../../shared/risk/index.ts';

export interface WorkerSetupMessage {
  kind: 'setup';
  project: Project;
  structure?: string;
  scenario?: string;
  seed: number;
}
export interface WorkerRunMessage {
  kind: 'run';
  from: number;
  to: number;
}
export type WorkerReply = { kind: 'progress'; done: number } | { kind: 'result'; columns: SimulationColumns } | { kind: 'error'; message: string };

const port = parentPort!;
let setup: SimulationSetup | null = null;

const transferables = (c: SimulationColumns): ArrayBuffer[] =>
  [...c.values, c.npv, c.preTaxNpv, c.irr, c.irrRootCount, c.governmentTake, c.aetr, ...c.pv, ...c.npvAtHurdle, c.freeCashFlow]
    .map((array) => array.buffer as ArrayBuffer);

port.on('message', (message: WorkerSetupMessage | WorkerRunMessage) => {
  try {
    if (message.kind === 'setup') {
      const outcome = setUpSimulation(message);
      if (!outcome.ok) throw new Error(outcome.error.message);
      setup = outcome.setup;
      return;
    }
    if (!setup) throw new Error('the worker was not set up');
    const columns = runIterations(setup, message.from, message.to, (done) => port.postMessage({ kind: 'progress', done } satisfies WorkerReply));
    port.postMessage({ kind: 'result', columns } satisfies WorkerReply, transferables(columns));
  } catch (error) {
    port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
