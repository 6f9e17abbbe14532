import { runEngineJob } from './runJob.ts';
import type { WorkerReply, WorkerRequest } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, job } = event.data;
  let reply: WorkerReply;
  try {
    reply = { id, response: runEngineJob(job) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply = { id, response: { valid: false, problems: [{ path: '', message: `The engine failed: ${message}` }] } };
  }
  scope.postMessage(reply);
};
