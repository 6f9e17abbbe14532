// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { App } from '../../renderer/app/App.tsx';
import { WorkspaceProvider } from '../../renderer/app/context.tsx';
import { createWorkerRunner, STOPPED_BY_USER, type EngineRunner } from '../../renderer/engine/engineClient.ts';
import { createWorkspace } from '../../renderer/app/createWorkspace.ts';
import type { EngineJob, WorkerReply } from '../../renderer/engine/protocol.ts';
import { runEngineJob } from '../../renderer/engine/runJob.ts';
import { renderApp, settle } from './helpers.tsx';

afterEach(cleanup);

/** Stand-in Workers: the first two jobs crash their worker, later jobs are answered. */
function crashingWorkers() {
  const created: string[] = [];
  let posted = 0;
  const factory = () => {
    const worker = {
      onmessage: null as ((event: MessageEvent<WorkerReply>) => void) | null,
      onerror: null as ((event: ErrorEvent) => void) | null,
      postMessage(request: { id: number; job: EngineJob }) {
        posted += 1;
        const crash = posted <= 2;
        setTimeout(() => {
          if (crash) worker.onerror?.({ message: 'out of memory' } as ErrorEvent);
          else worker.onmessage?.({ data: { id: request.id, response: runEngineJob(request.job) } } as MessageEvent<WorkerReply>);
        }, 0);
      },
      terminate() {},
    };
    created.push('worker');
    return worker as unknown as Worker;
  };
  return { factory, created };
}

describe('an engine crash', () => {
  it('is shown as what it is, never as problems to fix, and the engine comes back at the next edit', async () => {
    const workers = crashingWorkers();
    const runner: EngineRunner = createWorkerRunner(workers.factory);
    const workspace = createWorkspace({ api: null, locale: 'en-US', fastRunner: runner, slowRunner: runner });
    workspace.editor.newVenture(2027);
    await renderApp(workspace);
    expect(workspace.results.getState().engineFailure).toBe('out of memory');
    expect(workspace.results.getState().problems).toEqual([]);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent).join(' ')).toContain('The calculation engine stopped (out of memory). Your inputs are kept');
    expect(workers.created.length).toBeGreaterThan(1);
    workspace.editor.setAssumption('discountRate', '0.09');
    await settle(workspace);
    expect(workspace.results.getState().engineFailure).toBeNull();
    expect(screen.queryByText(/calculation engine stopped/)).toBeNull();
  });
});

describe('an engine job past its time limit', () => {
  it('is stopped, reported as what it is, and the next job runs on a fresh worker', async () => {
    const created: { terminated: boolean }[] = [];
    const factory = () => {
      const state = { terminated: false };
      created.push(state);
      const worker = {
        onmessage: null as ((event: MessageEvent<WorkerReply>) => void) | null,
        onerror: null as ((event: ErrorEvent) => void) | null,
        postMessage(request: { id: number; job: EngineJob }) {
          // The first worker never answers (a job that would run for minutes); later ones do.
          if (created.length > 1) setTimeout(() => worker.onmessage?.({ data: { id: request.id, response: runEngineJob(request.job) } } as MessageEvent<WorkerReply>), 0);
        },
        terminate() {
          state.terminated = true;
        },
      };
      return worker as unknown as Worker;
    };
    const runner = createWorkerRunner(factory, 30);
    const job = { project: { bad: true } as never, selections: [], options: { shocks: false, breakeven: false } };
    expect(await runner.run(job)).toEqual({ valid: null, failure: 'the project is too large to evaluate safely: it takes longer than 0.03 s' });
    expect(created[0]?.terminated).toBe(true);
    const next = await runner.run(job);
    expect(next.valid).not.toBeNull();
    runner.dispose();
  });
});

describe('a long calculation', () => {
  it('shows how long it has run with Stop, which stops the worker; the next edit computes again', async () => {
    const created: { terminated: boolean }[] = [];
    let hang = true;
    const factory = () => {
      const state = { terminated: false };
      created.push(state);
      const worker = {
        onmessage: null as ((event: MessageEvent<WorkerReply>) => void) | null,
        onerror: null as ((event: ErrorEvent) => void) | null,
        postMessage(request: { id: number; job: EngineJob }) {
          // Until Stop, the worker never answers (a calculation that would run long).
          if (!hang) setTimeout(() => worker.onmessage?.({ data: { id: request.id, response: runEngineJob(request.job) } } as MessageEvent<WorkerReply>), 0);
        },
        terminate() {
          state.terminated = true;
        },
      };
      return worker as unknown as Worker;
    };
    const runner = createWorkerRunner(factory);
    const workspace = createWorkspace({ api: null, locale: 'en-US', fastRunner: runner, slowRunner: runner });
    workspace.editor.newVenture(2027);
    // Not renderApp: it waits for the results, which this calculation never gives until stopped.
    render(
      <WorkspaceProvider workspace={workspace}>
        <App />
      </WorkspaceProvider>,
    );
    const stop = await screen.findByRole('button', { name: 'Stop' }, { timeout: 5000 });
    expect(screen.getByTestId('calculation-progress').textContent).toMatch(/^Calculating for \d+ s/);
    hang = false;
    await act(async () => {
      stop.click();
      await settle(workspace);
    });
    expect(created[0]?.terminated).toBe(true);
    expect(workspace.results.getState().engineFailure).toBe(STOPPED_BY_USER);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent).join(' ')).toContain('The calculation engine stopped (you stopped it). Your inputs are kept');
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    await act(async () => {
      workspace.editor.setAssumption('discountRate', '0.09');
      await settle(workspace);
    });
    expect(workspace.results.getState().engineFailure).toBeNull();
    runner.dispose();
  });
});
