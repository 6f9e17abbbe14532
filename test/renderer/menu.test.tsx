// @vitest-environment jsdom
// The native menu (desktop) reaches the workspace as commands: Edit ▸ Undo and Redo run the same
// editor commands as the keyboard and the buttons.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import type { AppCommand, OrebridgeApi } from '../../shared/contract.ts';
import { loadExample, renderApp, testWorkspace } from './helpers.tsx';

afterEach(cleanup);

/** A back end that refuses every call but lets the test send menu commands. */
function menuOnlyApi() {
  const listeners: ((command: AppCommand) => void)[] = [];
  const api = new Proxy({} as OrebridgeApi, {
    get(_, name) {
      if (name === 'onCommand') {
        return (listener: (command: AppCommand) => void) => {
          listeners.push(listener);
          return () => listeners.splice(listeners.indexOf(listener), 1);
        };
      }
      return () => Promise.resolve({ ok: false, error: { code: 'not-supported', message: `${String(name)} is not available in this test` } });
    },
  });
  return { api, send: (command: AppCommand) => act(() => listeners.forEach((listener) => listener(command))) };
}

describe('menu commands', () => {
  it('undo and redo from the Edit menu', async () => {
    const { api, send } = menuOnlyApi();
    const workspace = testWorkspace(api);
    workspace.editor.loadProject(loadExample('northern-spodumene'));
    await renderApp(workspace);
    act(() => workspace.editor.setAssumption('inflation', '0.03'));
    expect(screen.getByRole('textbox', { name: 'Inflation' })).toHaveProperty('value', '3');
    send({ type: 'menu', command: 'undo' });
    expect(workspace.store.getState().project!.assumptions.inflation).toBe(0.02);
    expect(screen.getByRole('textbox', { name: 'Inflation' })).toHaveProperty('value', '2');
    send({ type: 'menu', command: 'redo' });
    expect(workspace.store.getState().project!.assumptions.inflation).toBe('0.03');
  });

  it('opens the share dialog from the File menu', async () => {
    const { api, send } = menuOnlyApi();
    const workspace = testWorkspace(api);
    workspace.editor.newVenture(2027);
    await renderApp(workspace);
    send({ type: 'menu', command: 'share-copy' });
    expect(screen.getByRole('dialog', { name: 'Share a copy' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Base deal' })).toHaveProperty('checked', true);
  });
});
