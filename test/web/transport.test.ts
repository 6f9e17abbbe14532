// @vitest-environment jsdom
// The renderer's transport in browser mode: where the desktop app would open a native dialog,
// it asks the in-app picker and sends the server only a listed handle or a bare name.
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, failure, success } from '../../shared/contract.ts';
import type { FileEntry, OrebridgeApi } from '../../shared/contract.ts';
import { createBrowserApi, keyboardCommands } from '../../renderer/transport/browser-api.ts';
import { createDomFilePicker, withExtension } from '../../renderer/transport/file-picker.ts';
import type { FilePicker } from '../../renderer/transport/file-picker.ts';
import { connectTransport, takeToken } from '../../renderer/transport/index.ts';

const files: FileEntry[] = [
  { file: { handle: 'h-project' }, name: 'deal.orebridge', folder: '/docs', kind: 'project', modifiedAt: '2026-01-01T00:00:00.000Z' },
  { file: { handle: 'h-json' }, name: 'deal.json', folder: '/docs', kind: 'json', modifiedAt: '2026-01-01T00:00:00.000Z' },
];

function fakeServer() {
  const calls: Array<[string, unknown]> = [];
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    api[method] = async (request: unknown) => {
      calls.push([method, request]);
      if (method === 'listFiles') return success(files);
      if (method === 'getAppInfo') return success({ version: '1', mode: 'browser', platform: 'linux', documentsFolder: '/docs' });
      if (method === 'saveDocument') return failure('no-path', 'Give the file a name to save it.');
      return success(null);
    };
  }
  api.onCommand = () => () => {};
  return { api: api as OrebridgeApi, calls };
}

function scriptedPicker(answers: { file?: string | null; name?: string | null }) {
  const shown: unknown[] = [];
  const picker: FilePicker = {
    chooseFile: async (options) => {
      shown.push({ title: options.title, names: options.files.map((f) => f.name) });
      const chosen = answers.file === undefined || answers.file === null ? undefined : options.files[0];
      return chosen ? chosen.file : null;
    },
    chooseSaveTarget: async (options) => {
      shown.push({ title: options.title, suggestedName: options.suggestedName, folder: options.folder });
      return answers.name ? { name: answers.name } : null;
    },
  };
  return { picker, shown };
}

describe('the browser-mode transport', () => {
  it('opens through the picker, offering only project files, and sends the server a handle', async () => {
    const server = fakeServer();
    const { picker, shown } = scriptedPicker({ file: 'first offered' });
    const api = createBrowserApi(server.api, picker);
    await api.openDocument({});
    expect(shown).toEqual([{ title: 'Open a project', names: ['deal.orebridge'] }]);
    expect(server.calls.at(-1)).toEqual(['openDocument', { file: { handle: 'h-project' } }]);
    await api.importJson({});
    expect(shown.at(-1)).toEqual({ title: 'Import a JSON project', names: ['deal.json'] });
    expect(server.calls.at(-1)).toEqual(['importJson', { file: { handle: 'h-json' } }]);
  });

  it('a cancelled picker is a null result and no call', async () => {
    const server = fakeServer();
    const api = createBrowserApi(server.api, scriptedPicker({}).picker);
    expect(await api.openDocument({})).toEqual({ ok: true, value: null });
    expect(await api.exportJson({ documentId: 'd' })).toEqual({ ok: true, value: null });
    expect(server.calls.map(([method]) => method)).not.toContain('openDocument');
    expect(server.calls.map(([method]) => method)).not.toContain('exportJson');
  });

  it('saving an untitled document asks for a name in the documents folder and saves as that', async () => {
    const server = fakeServer();
    const { picker, shown } = scriptedPicker({ name: 'Deal.orebridge' });
    const api = createBrowserApi(server.api, picker);
    const project = { name: 'Lithium / JV' } as never;
    await api.saveDocument({ documentId: 'd', project });
    expect(shown).toEqual([{ title: 'Save as', suggestedName: 'Lithium JV.orebridge', folder: '/docs' }]);
    expect(server.calls.at(-1)).toEqual(['saveDocumentAs', { documentId: 'd', project, target: { name: 'Deal.orebridge' } }]);
  });

  it('passes calls that name their file straight through', async () => {
    const server = fakeServer();
    const { picker, shown } = scriptedPicker({});
    const api = createBrowserApi(server.api, picker);
    await api.openDocument({ file: { handle: 'recent' } });
    await api.shareCopy({ documentId: 'd', options: { structures: ['a'] }, target: { name: 'x.orebridge' } });
    expect(shown).toEqual([]);
    expect(server.calls).toEqual([
      ['openDocument', { file: { handle: 'recent' } }],
      ['shareCopy', { documentId: 'd', options: { structures: ['a'] }, target: { name: 'x.orebridge' } }],
    ]);
  });

  it('maps Ctrl+S, Ctrl+Shift+S and Ctrl+O to menu commands', () => {
    const received: unknown[] = [];
    const unsubscribe = keyboardCommands(window)((command) => received.push(command));
    const press = (key: string, init: KeyboardEventInit = {}) => {
      const event = new KeyboardEvent('keydown', { key, ctrlKey: true, cancelable: true, ...init });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(press('s')).toBe(true);
    expect(press('S', { shiftKey: true })).toBe(true);
    expect(press('o')).toBe(true);
    expect(press('q')).toBe(false);
    unsubscribe();
    press('s');
    expect(received).toEqual([
      { type: 'menu', command: 'save' },
      { type: 'menu', command: 'save-as' },
      { type: 'menu', command: 'open' },
    ]);
  });

  it('takes the token from the address into session storage and out of the address bar', () => {
    window.history.replaceState(null, '', '/#token=abc123');
    expect(takeToken(window)).toBe('abc123');
    expect(window.location.hash).toBe('');
    expect(window.sessionStorage.getItem('orebridge-token')).toBe('abc123');
    expect(takeToken(window)).toBe('abc123');
  });

  it('uses the preload’s window.orebridge when there is one, its replies checked against the contract', async () => {
    const desktop = fakeServer().api;
    (window as Window & { orebridge?: OrebridgeApi }).orebridge = desktop;
    const api = connectTransport(window);
    expect(await api.getAppInfo({})).toEqual(await desktop.getAppInfo({}));
    delete (window as Window & { orebridge?: OrebridgeApi }).orebridge;
    const browser = connectTransport(window);
    expect(browser.getAppInfo).not.toBe(api.getAppInfo);
  });
});

describe('the in-app picker', () => {
  it('lists files as buttons in a dialog and resolves with the chosen handle', async () => {
    const picker = createDomFilePicker(document);
    const choice = picker.chooseFile({ title: 'Open a project', files, emptyMessage: 'none' });
    const dialog = document.querySelector('dialog')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')!.id);
    const buttons = [...dialog.querySelectorAll('button')].map((button) => button.textContent);
    expect(buttons).toEqual(['deal.orebridge', 'deal.json', 'Cancel']);
    (dialog.querySelector('button') as HTMLButtonElement).click();
    expect(await choice).toEqual({ handle: 'h-project' });
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('asks for a file name and adds the extension', async () => {
    const picker = createDomFilePicker(document);
    const choice = picker.chooseSaveTarget({ title: 'Export JSON', suggestedName: 'Deal.json', extension: '.json', folder: '/docs' });
    const input = document.querySelector('dialog input') as HTMLInputElement;
    expect(input.value).toBe('Deal.json');
    input.value = 'Second offer';
    (document.querySelector('dialog form') as HTMLFormElement).requestSubmit();
    expect(await choice).toEqual({ name: 'Second offer.json' });
    expect(withExtension('deal.orebridge', '.json')).toBe('deal.orebridge');
    expect(withExtension('Offer v1.2', '.orebridge')).toBe('Offer v1.2.orebridge');
  });
});
