// @vitest-environment jsdom
// Replacing the document on screen (New, Open, an example, Import, Recover) never drops unsaved
// changes without asking, and the back end closes the document that was replaced.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import type { OrebridgeApi } from '../../shared/contract.ts';
import { loadExample, renderApp, testWorkspace } from './helpers.tsx';

afterEach(cleanup);

function recordingApi(calls: string[]): OrebridgeApi {
  let next = 1;
  const saved = new Map<string, string>();
  const info = (name: string) => ({ documentId: `doc-${next++}`, name, folder: null, untitled: true, dirty: false, readOnly: false, recovered: false });
  return new Proxy({} as OrebridgeApi, {
    get(_, name: string) {
      if (name === 'onCommand') return () => () => {};
      return (request: Record<string, unknown>) => {
        if (!/^(list|getSettings|getAppInfo|updateDocument)/.test(name)) calls.push(`${name}${request && 'documentId' in request ? ` ${String(request.documentId)}` : ''}`);
        if (name === 'newDocument') {
          const created = info('Untitled');
          saved.set(created.documentId, JSON.stringify(request.project));
          return Promise.resolve({ ok: true, value: created });
        }
        if (name === 'openExample') return Promise.resolve({ ok: true, value: { document: info('Northern Spodumene JV'), project: loadExample('northern-spodumene'), metadata: { internalScenarios: [], privateNotes: [], placeholders: [] } } });
        if (name === 'closeDocument') return Promise.resolve({ ok: true, value: null });
        // Main compares the project with what was last saved.
        if (name === 'updateDocument') {
          const dirty = JSON.stringify(request.project) !== saved.get(String(request.documentId));
          return Promise.resolve({ ok: true, value: { documentId: request.documentId, name: 'Untitled', folder: null, untitled: true, dirty, readOnly: false, recovered: false } });
        }
        return Promise.resolve({ ok: false, error: { code: 'not-supported', message: `${name} is not available here` } });
      };
    },
  });
}

describe('replacing the document on screen', () => {
  it('asks before unsaved changes are dropped, and keeps them when the answer is no', async () => {
    const calls: string[] = [];
    const questions: string[] = [];
    let answer = false;
    const workspace = testWorkspace(recordingApi(calls), (question) => {
      questions.push(question);
      return answer;
    });
    await renderApp(workspace);
    await act(() => workspace.commands.newVenture());
    expect(questions).toEqual([]);
    expect(calls).toEqual(['newDocument']);
    // An untouched new venture is replaced without a question.
    await act(() => workspace.commands.newVenture());
    expect(questions).toEqual([]);
    expect(calls).toEqual(['newDocument', 'newDocument', 'closeDocument doc-1']);
    act(() => workspace.editor.setAssumption('inflation', '0.03'));

    await act(() => workspace.commands.openExample('northern-spodumene'));
    expect(questions).toEqual(['Discard the unsaved changes to “New venture”?']);
    expect(workspace.store.getState().project!.assumptions.inflation).toBe('0.03');
    expect(calls).not.toContain('openExample');

    answer = true;
    await act(() => workspace.commands.openExample('northern-spodumene'));
    expect(workspace.store.getState().project!.name).toBe('Northern Spodumene JV');
    expect(workspace.store.getState().document!.documentId).toBe('doc-3');
    expect(calls.slice(-2)).toEqual(['openExample', 'closeDocument doc-2']);
  });

  it('starts a new venture in a new document, never in the one on screen', async () => {
    const calls: string[] = [];
    const workspace = testWorkspace(recordingApi(calls), () => true);
    await renderApp(workspace);
    await act(() => workspace.commands.openExample('northern-spodumene'));
    act(() => workspace.editor.setAssumption('inflation', '0.03'));
    await act(() => workspace.commands.newVenture());
    expect(workspace.store.getState().document!.documentId).toBe('doc-2');
    expect(workspace.store.getState().project!.name).toBe('New venture');
    expect(calls).toEqual(['openExample', 'newDocument', 'closeDocument doc-1']);
  });
});
