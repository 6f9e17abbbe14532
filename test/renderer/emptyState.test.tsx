// @vitest-environment jsdom
// The empty state: New venture, Open…, the bundled examples, recent files, and unsaved work a
// crash left behind.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OrebridgeApi } from '../../shared/contract.ts';
import { loadExample, renderApp, testWorkspace } from './helpers.tsx';

afterEach(cleanup);

function fakeApi(calls: string[]): OrebridgeApi {
  const document = { documentId: 'doc-1', name: 'Untitled', folder: null, untitled: true, dirty: true, readOnly: false, recovered: true };
  const replies: Record<string, unknown> = {
    listExamples: [{ id: 'northern-spodumene', name: 'Northern Spodumene JV', notes: 'Open-pit spodumene', commodity: 'lithium' }],
    listRecent: [{ file: { handle: 'h1' }, name: 'Round 2.orebridge', folder: '/deals' }],
    listRecoverable: [{ workingCopyId: 'wc-1', name: null, folder: null, projectName: 'Salar JV', lastEditedAt: '2026-11-20T10:00:00Z', unsaved: true }],
    recoverDocument: { document, project: { ...loadExample('northern-spodumene'), name: 'Salar JV' }, metadata: { internalScenarios: [], privateNotes: [], placeholders: [] } },
    discardRecoverable: null,
    getSettings: { theme: 'system' },
  };
  return new Proxy({} as OrebridgeApi, {
    get(_, name: string) {
      if (name === 'onCommand') return () => () => {};
      return (request: unknown) => {
        calls.push(`${name} ${JSON.stringify(request)}`);
        if (name === 'openDocument') {
          const readOnly = (request as { readOnly?: boolean }).readOnly === true;
          return Promise.resolve(
            readOnly
              ? { ok: true, value: { document: { ...document, name: 'Round 2.orebridge', untitled: false, recovered: false, dirty: false, readOnly: true }, project: loadExample('northern-spodumene'), metadata: { internalScenarios: [], privateNotes: [], placeholders: [] } } }
              : { ok: false, error: { code: 'locked', message: 'Round 2.orebridge is open in another Orebridge window.' } },
          );
        }
        return Promise.resolve(name in replies ? { ok: true, value: replies[name] } : { ok: false, error: { code: 'not-supported', message: `${name} is not available here` } });
      };
    },
  });
}

describe('the empty state', () => {
  it('offers a new venture, opening a file and the bundled examples and recent files', async () => {
    const calls: string[] = [];
    await renderApp(testWorkspace(fakeApi(calls)));
    expect(screen.getByRole('button', { name: 'New venture' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open…' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: /Northern Spodumene JV/ })).toBeTruthy());
    expect(screen.getByRole('button', { name: /Round 2\.orebridge/ })).toBeTruthy();
  });

  it('offers to recover unsaved work, and opens it marked unsaved', async () => {
    const calls: string[] = [];
    const user = userEvent.setup();
    const { workspace } = await renderApp(testWorkspace(fakeApi(calls)));
    await user.click(await screen.findByRole('button', { name: 'Recover Salar JV' }));
    await waitFor(() => expect(workspace.store.getState().project?.name).toBe('Salar JV'));
    expect(calls).toContain('recoverDocument {"workingCopyId":"wc-1"}');
    expect(screen.getByLabelText('Unsaved changes')).toBeTruthy();
  });

  it('discards unsaved work when asked', async () => {
    const calls: string[] = [];
    const user = userEvent.setup();
    await renderApp(testWorkspace(fakeApi(calls)));
    await user.click(await screen.findByRole('button', { name: 'Discard Salar JV' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Recover Salar JV' })).toBeNull());
    expect(calls).toContain('discardRecoverable {"workingCopyId":"wc-1"}');
  });

  it('offers to open a file another window holds read-only', async () => {
    const calls: string[] = [];
    const user = userEvent.setup();
    const { workspace } = await renderApp(testWorkspace(fakeApi(calls)));
    await user.click(await screen.findByRole('button', { name: /Round 2\.orebridge/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('open in another Orebridge window');
    await user.click(screen.getByRole('button', { name: 'Open read-only' }));
    await waitFor(() => expect(workspace.store.getState().document?.readOnly).toBe(true));
    const opened = calls.filter((c) => c.startsWith('openDocument ')).map((c) => {
      const { work: _work, ...request } = JSON.parse(c.slice('openDocument '.length)) as Record<string, unknown>;
      return request;
    });
    expect(opened).toContainEqual({ file: { handle: 'h1' }, readOnly: true });
    expect(screen.getByText('read-only')).toBeTruthy();
    expect(screen.queryByLabelText('Unsaved changes')).toBeNull();
  });
});
