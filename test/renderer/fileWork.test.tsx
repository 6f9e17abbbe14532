// @vitest-environment jsdom
// Opening a file the back end takes long over: the workspace shows what it is doing and for how
// long, Cancel asks the back end to stop it, and the document on screen stays as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import type { OrebridgeApi } from '../../shared/contract.ts';
import { loadExample, renderApp, testWorkspace } from './helpers.tsx';

afterEach(cleanup);

/** A back end whose openDocument runs until cancelled, and which reports it as the real one does. */
function slowOpeningApi(calls: string[]): OrebridgeApi {
  const started = Date.now();
  const running = new Map<string, (reply: unknown) => void>();
  return new Proxy({} as OrebridgeApi, {
    get(_, name: string) {
      if (name === 'onCommand') return () => () => {};
      return (request: Record<string, unknown>) => {
        calls.push(name);
        if (name === 'openExample') return Promise.resolve({ ok: true, value: { document: { documentId: 'doc-1', name: 'Northern Spodumene JV', folder: null, untitled: true, dirty: false, readOnly: false, recovered: false }, project: loadExample('northern-spodumene'), metadata: { internalScenarios: [], privateNotes: [], placeholders: [] } } });
        if (name === 'openDocument') return new Promise((resolve) => running.set(String(request.work), resolve));
        if (name === 'workStatus') return Promise.resolve({ ok: true, value: running.has(String(request.work)) ? { label: 'Opening hostile.orebridge', elapsedMs: Date.now() - started + 3000 } : null });
        if (name === 'cancelWork') {
          running.get(String(request.work))?.({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
          running.delete(String(request.work));
          return Promise.resolve({ ok: true, value: null });
        }
        if (name === 'updateDocument') return Promise.resolve({ ok: true, value: { documentId: 'doc-1', name: 'Northern Spodumene JV', folder: null, untitled: true, dirty: false, readOnly: false, recovered: false } });
        return Promise.resolve({ ok: false, error: { code: 'not-supported', message: `${name} is not available here` } });
      };
    },
  });
}

describe('work on a file from outside', () => {
  it('shows the file and the time elapsed, and Cancel leaves the document on screen as it was', async () => {
    const calls: string[] = [];
    const workspace = testWorkspace(slowOpeningApi(calls));
    await renderApp(workspace);
    await act(() => workspace.commands.openExample('northern-spodumene'));
    const before = workspace.store.getState().project;

    let opening: Promise<void> = Promise.resolve();
    act(() => {
      opening = workspace.commands.openFile('handle-1');
    });
    const status = await screen.findByText('Opening hostile.orebridge…', {}, { timeout: 3000 });
    expect(status.getAttribute('role')).toBe('status');
    expect(screen.getByTestId('file-work').textContent).toMatch(/\d+ s/);

    await act(async () => {
      screen.getByRole('button', { name: 'Cancel' }).click();
      await opening;
    });
    expect(calls).toContain('cancelWork');
    await waitFor(() => expect(screen.queryByTestId('file-work')).toBeNull());
    expect(screen.getByText('Cancelled: nothing was opened, and your work is as it was.')).toBeTruthy();
    expect(workspace.store.getState().project).toBe(before);
    expect(workspace.store.getState().document?.documentId).toBe('doc-1');
    expect(calls).not.toContain('closeDocument');
  });
});
