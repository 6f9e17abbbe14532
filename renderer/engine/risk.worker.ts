// A Web Worker of the simulation: set up once per run, then ranges of iterations, then (on one
// worker) the statistics, so the page's thread only draws.
import { freeCashFlowFan, mergeColumns, runIterations, setUpSimulation, simulationDocument, type SimulationSetup } from '../../shared/risk/index.ts';
import { columnBuffers, type RiskWorkerReply, type RiskWorkerRequest } from './riskProtocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<RiskWorkerRequest>) => void) | null;
  postMessage(message: RiskWorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let setup: SimulationSetup | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  try {
    if (message.kind === 'setup') {
      const outcome = setUpSimulation(message.request);
      if (!outcome.ok) throw new Error(outcome.error.message);
      setup = outcome.setup;
      scope.postMessage({ kind: 'ready', iterations: setup.iterations });
      return;
    }
    if (!setup) throw new Error('the simulation worker was not set up');
    if (message.kind === 'run') {
      const columns = runIterations(setup, message.from, message.to, (done) => scope.postMessage({ kind: 'progress', done }), 250);
      scope.postMessage({ kind: 'chunk', columns }, columnBuffers(columns));
      return;
    }
    const columns = mergeColumns(message.chunks);
    const partyValues = setup.prepared.slots.map((slot, s) => ({
      id: slot.id, values: columns.pv[s]!.map((x) => (Number.isNaN(x) ? 0 : x)),
      ...(slot.partnerIndex >= 0 ? { atHurdle: columns.npvAtHurdle[slot.partnerIndex]! } : {}),
    }));
    scope.postMessage({
      kind: 'summary',
      summary: { document: simulationDocument(setup, columns), fan: freeCashFlowFan(setup, columns), partyValues, npv: columns.npv },
    });
  } catch (error) {
    scope.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
