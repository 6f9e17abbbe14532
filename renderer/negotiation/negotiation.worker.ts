// The negotiation worker: one job per worker (the page starts a worker for a job and terminates
// it when the answer is in or the user cancels), so goal seeks and maps never hold up typing.
import type { NegotiationReply, NegotiationWorkerRequest } from './protocol.ts';
import { runNegotiationJob } from './runJob.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<NegotiationWorkerRequest>) => void) | null;
  postMessage(message: NegotiationReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  try {
    const outcome = runNegotiationJob(event.data.job, (done, total) => scope.postMessage({ kind: 'progress', done, total }));
    scope.postMessage(outcome.ok ? { kind: 'done', result: outcome.result } : { kind: 'error', message: outcome.message });
  } catch (error) {
    scope.postMessage({ kind: 'error', message: `The calculation engine stopped (${error instanceof Error ? error.message : String(error)}).` });
  }
};
