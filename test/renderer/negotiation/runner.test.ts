// The negotiation runner's Web Worker plumbing, with a stand-in Worker: the job posted once,
// progress passed on, the answer taken, the worker terminated when the answer is in or at Cancel,
// and a crash or a malformed reply reported as an engine failure.
import { describe, expect, it } from 'vitest';
import { createWorkerNegotiationRunner } from '../../../renderer/negotiation/runner.ts';
import type { NegotiationJob } from '../../../renderer/negotiation/protocol.ts';
import { loadExample } from '../helpers.tsx';

class StandInWorker {
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault?: () => void }) => void) | null = null;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: unknown) {
    this.onmessage?.({ data });
  }
}

function setUp() {
  const workers: StandInWorker[] = [];
  const runner = createWorkerNegotiationRunner(() => {
    const worker = new StandInWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  const job: NegotiationJob = {
    kind: 'map', project: loadExample('northern-spodumene'),
    request: { structure: 'state-carry-offtake', x: { term: 'terms.fiscal.royalty.bands[0].rate' }, y: { term: 'terms.partners[0].equity' }, steps: 3 },
  };
  return { workers, runner, job };
}

describe('the negotiation runner', () => {
  it('posts the job to a fresh worker, passes progress on, and ends the worker with the answer', async () => {
    const { workers, runner, job } = setUp();
    const progress: [number, number][] = [];
    const run = runner(job, (done, total) => progress.push([done, total]));
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted).toEqual([{ job }]);
    workers[0]!.reply({ kind: 'progress', done: 1, total: 3 });
    const answer = { kind: 'map', result: { ok: false, error: { code: 'same-term', message: 'choose two different terms' } } };
    workers[0]!.reply({ kind: 'done', result: answer });
    expect(await run.outcome).toEqual({ kind: 'done', result: answer });
    expect(progress).toEqual([[1, 3]]);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('cancels by ending the worker at once', async () => {
    const { workers, runner, job } = setUp();
    const run = runner(job, () => {});
    run.cancel();
    expect(await run.outcome).toEqual({ kind: 'cancelled' });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('reports a crash and a malformed reply as an engine failure, not as an answer', async () => {
    const { workers, runner, job } = setUp();
    const crashed = runner(job, () => {});
    workers[0]!.onerror?.({ message: 'out of memory', preventDefault: () => {} });
    expect(await crashed.outcome).toEqual({ kind: 'failed', message: 'The calculation engine stopped (out of memory).' });
    const garbled = runner(job, () => {});
    workers[1]!.reply({ kind: 'done', result: { kind: 'map' } });
    expect(await garbled.outcome).toEqual({ kind: 'failed', message: 'The calculation engine stopped (its answer could not be read).' });
    expect(workers[1]!.terminated).toBe(true);
  });
});
