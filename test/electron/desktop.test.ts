// Electron main's behaviour with a stand-in for the `electron` module: secure windows, blocked
// navigation, permissions, trusted IPC only, the app protocol, single instance, files from the
// OS, the title, and closing with unsaved changes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract.ts';
import type { DocumentInfo, OpenedDocument, Result } from '../../shared/contract.ts';
import { startDesktop } from '../../electron/shell/desktop.ts';
import { APP_START_URL } from '../../electron/shell/security.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/static-files.ts';
import { FakeEvent, createFakeElectron } from './fake-electron.ts';
import type { FakeElectronOptions } from './fake-electron.ts';

const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'build', 'examples');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orebridge-desktop-'));
  made.push(dir);
  return dir;
}

function launch(options: Partial<FakeElectronOptions> = {}, argv: string[] = ['electron', '.']) {
  const root = tempDir();
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Orebridge</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'not for the renderer');
  const fake = createFakeElectron({ userData: join(root, 'userData'), documents: join(root, 'documents'), ...options });
  mkdirSync(join(root, 'documents'), { recursive: true });
  startDesktop(fake.electron, { rendererDir, preloadPath: join(root, 'preload.cjs'), examplesDir: EXAMPLES_DIR, fontsDir: join(root, 'fonts') }, { argv, cwd: root, platform: 'linux' });
  return { fake, root };
}

const APP_FRAME = 'app://orebridge/index.html';

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('windows', () => {
  it('creates every window with the secure preferences and loads the app protocol, never file://', async () => {
    const { fake } = launch();
    await fake.becomeReady();
    expect(fake.windows).toHaveLength(1);
    for (const window of fake.windows) {
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
      });
      expect(String(window.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
      expect(window.loadedUrl).toBe(APP_START_URL);
    }
    expect(fake.calls).toContain('registerSchemesAsPrivileged:before-ready');
    expect(fake.calls).toContain('enableSandbox');
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('blocks navigation away from the app and every new window; web links the user clicks go to the browser', async () => {
    const { fake } = launch();
    await fake.becomeReady();
    const contents = fake.windows[0]!.webContents;
    const navigate = (url: string) => {
      const event = new FakeEvent();
      contents.emit('will-navigate', event, url);
      return event.defaultPrevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('javascript:alert(1)')).toBe(true);
    expect(navigate('app://orebridge/index.html')).toBe(false);
    const redirect = new FakeEvent();
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.defaultPrevented).toBe(true);
    const webview = new FakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);

    expect(contents.windowOpenHandler?.({ url: 'https://www.electronjs.org/docs' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://orebridge/index.html' })).toEqual({ action: 'deny' });
    expect(fake.externalOpens).toEqual(['https://example.com/', 'https://www.electronjs.org/docs']);
  });

  it('denies every permission request and check', async () => {
    const { fake } = launch();
    await fake.becomeReady();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      fake.permissionRequest?.(null, permission, (answer) => {
        granted = answer;
      });
      expect(granted, permission).toBe(false);
      expect(fake.permissionCheck?.(null, permission)).toBe(false);
    }
  });

  it('serves the renderer on app:// with the Content-Security-Policy, and nothing outside it', async () => {
    const { fake } = launch();
    await fake.becomeReady();
    const serve = fake.protocolHandler!;
    const index = await serve(new Request('app://orebridge/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('<title>Orebridge</title>');
    const script = await serve(new Request('app://orebridge/assets/app.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await serve(new Request('app://orebridge/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
    for (const url of ['app://orebridge/../secret.txt', 'app://orebridge/%2e%2e/secret.txt', 'app://orebridge/assets/..%2f..%2fsecret.txt', 'app://other/index.html']) {
      expect((await serve(new Request(url))).status, url).toBe(404);
    }
  });
});

describe('IPC', () => {
  it('answers exactly the contract’s methods, and only the app’s own window on the app’s own page', async () => {
    const { fake } = launch();
    await fake.becomeReady();
    expect(fake.ipcChannels().sort()).toEqual(METHOD_NAMES.map((m) => `orebridge:${m}`).sort());
    const window = fake.windows[0]!;
    const fromApp = (await fake.invoke('listExamples', {}, { contentsId: window.webContents.id, frameUrl: APP_FRAME })) as Result<unknown[]>;
    expect(fromApp.ok && fromApp.value.length).toBe(5);
    const fromElsewhere = (await fake.invoke('listExamples', {}, { contentsId: window.webContents.id, frameUrl: 'https://evil.example/' })) as Result<unknown>;
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fromFile = (await fake.invoke('listExamples', {}, { contentsId: window.webContents.id, frameUrl: 'file:///tmp/x.html' })) as Result<unknown>;
    expect(fromFile).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fromStranger = (await fake.invoke('listExamples', {}, { contentsId: 9999, frameUrl: APP_FRAME })) as Result<unknown>;
    expect(fromStranger).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fromSubframe = (await fake.invoke('listExamples', {}, { contentsId: window.webContents.id, frameUrl: APP_FRAME, subframe: true })) as Result<unknown>;
    expect(fromSubframe).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const noFrame = (await fake.invoke('listExamples', {}, { contentsId: window.webContents.id, frameUrl: null })) as Result<unknown>;
    expect(noFrame).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('opens files through main’s dialog, so the renderer never names a path', async () => {
    const { fake, root } = launch();
    await fake.becomeReady();
    const window = fake.windows[0]!;
    const from = { contentsId: window.webContents.id, frameUrl: APP_FRAME };
    const opened = (await fake.invoke('openExample', { exampleId: 'northern-spodumene' }, from)) as Result<OpenedDocument>;
    if (!opened.ok) throw new Error(opened.error.message);
    fake.electron.dialog.showSaveDialog = async () => ({ canceled: false, filePath: join(root, 'documents', 'Spodumene') });
    const saved = (await fake.invoke('saveDocument', { documentId: opened.value.document.documentId }, from)) as Result<DocumentInfo>;
    expect(saved).toMatchObject({ ok: true, value: { name: 'Spodumene.orebridge', dirty: false } });
    expect(window.title).toBe('Spodumene.orebridge — Orebridge');
    expect(fake.recentDocuments).toContain(join(root, 'documents', 'Spodumene.orebridge'));
    const pathInstead = (await fake.invoke('openDocument', { file: join(root, 'documents', 'Spodumene.orebridge') }, from)) as Result<unknown>;
    expect(pathInstead).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await fake.invoke('closeDocument', { documentId: opened.value.document.documentId }, from);
    expect(window.title).toBe('Orebridge');
  });
});

describe('the application', () => {
  it('quits at once when another instance is running, creating no window', async () => {
    const { fake } = launch({ singleInstance: false });
    await fake.becomeReady();
    expect(fake.calls).toContain('quit');
    expect(fake.windows).toHaveLength(0);
  });

  it('opens a .orebridge named on the command line, from open-file and from a second instance', async () => {
    const root = tempDir();
    const first = join(root, 'first.orebridge');
    const second = join(root, 'second.orebridge');
    const third = join(root, 'third.json');
    for (const path of [first, second, third]) writeFileSync(path, 'x');
    const { fake } = launch({}, ['orebridge', '--flag', first, join(root, 'missing.orebridge'), join(root, 'notes.txt')]);
    fake.app.emit('open-file', new FakeEvent(), second);
    await fake.becomeReady();
    const window = fake.windows[0]!;
    expect(window.webContents.sent).toEqual([]);
    window.webContents.finishLoad();
    const sent = () => window.webContents.sent.map((message) => message.payload as { type: string; file?: { handle: string } });
    expect(sent().map((command) => command.type)).toEqual(['open-file', 'open-file']);
    expect(window.webContents.sent.every((message) => message.channel === 'orebridge:command')).toBe(true);

    fake.app.emit('second-instance', new FakeEvent(), ['orebridge', third], root);
    expect(sent()).toHaveLength(3);
    expect(fake.windows).toHaveLength(1);

    // The handles open those files (and only those) through the contract.
    const handle = sent()[0]!.file!;
    const opened = (await fake.invoke('openDocument', { file: handle }, { contentsId: window.webContents.id, frameUrl: APP_FRAME })) as Result<unknown>;
    expect(opened).toMatchObject({ ok: false, error: { code: 'not-sqlite' } });
  });

  it('has the usual menus and accelerators, and sends menu choices to the renderer', async () => {
    const { fake } = launch();
    await fake.becomeReady();
    await settle();
    const labels = fake.menu.map((menu) => menu.label);
    expect(labels).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = fake.menu[0]!.submenu!;
    const save = file.find((item) => item.label === 'Save')!;
    expect(save.accelerator).toBe('CmdOrCtrl+S');
    const accelerators = Object.fromEntries(fake.menu.flatMap((menu) => menu.submenu ?? []).filter((item) => item.accelerator).map((item) => [item.label ?? item.role, item.accelerator]));
    expect(accelerators).toMatchObject({
      New: 'CmdOrCtrl+N',
      'Open…': 'CmdOrCtrl+O',
      'Save As…': 'CmdOrCtrl+Shift+S',
      'Import JSON…': 'CmdOrCtrl+I',
      'Export JSON…': 'CmdOrCtrl+E',
      Close: 'CmdOrCtrl+W',
      Undo: 'CmdOrCtrl+Z',
      Redo: 'Ctrl+Y',
      resetZoom: 'CmdOrCtrl+0',
      zoomIn: 'CmdOrCtrl+Plus',
      zoomOut: 'CmdOrCtrl+-',
      togglefullscreen: 'F11',
    });
    expect(file.find((item) => item.label === 'Open Recent')?.submenu?.[0]).toMatchObject({ label: 'No recent files', enabled: false });
    expect(fake.menu[3]!.submenu).toEqual([expect.objectContaining({ role: 'about' })]);
    const window = fake.windows[0]!;
    window.webContents.finishLoad();
    save.click?.();
    expect(window.webContents.sent.at(-1)?.payload).toEqual({ type: 'menu', command: 'save' });
  });
});

describe('closing with unsaved changes', () => {
  async function withUnsavedDocument(answers: number[], savePaths: Array<string | null> = []) {
    const { fake, root } = launch({ messageBoxAnswers: answers, savePaths });
    await fake.becomeReady();
    const window = fake.windows[0]!;
    const from = { contentsId: window.webContents.id, frameUrl: APP_FRAME };
    const opened = (await fake.invoke('openExample', { exampleId: 'ndpr-separation' }, from)) as Result<OpenedDocument>;
    if (!opened.ok) throw new Error(opened.error.message);
    const edited = (await fake.invoke('updateDocument', { documentId: opened.value.document.documentId, project: { ...opened.value.project, name: 'Changed' } }, from)) as Result<DocumentInfo>;
    expect(edited).toMatchObject({ ok: true, value: { dirty: true } });
    expect(window.title).toBe('• Changed — Orebridge');
    const pageTitle = new FakeEvent();
    window.emit('page-title-updated', pageTitle, 'Something else');
    expect(pageTitle.defaultPrevented).toBe(true);
    return { fake, window, root };
  }

  it('Cancel keeps the window open', async () => {
    const { fake, window } = await withUnsavedDocument([2]);
    window.close();
    await settle();
    expect(window.isDestroyed()).toBe(false);
    expect(fake.messageBoxes[0]).toMatchObject({ buttons: ['Save', 'Don’t Save', 'Cancel'], message: expect.stringContaining('Changed') });
  });

  it('Don’t Save closes without writing anything', async () => {
    const { fake, window, root } = await withUnsavedDocument([1]);
    window.close();
    await settle();
    expect(window.isDestroyed()).toBe(true);
    expect(fake.dialogsShown).toEqual([]);
    expect(fake.recentDocuments).toEqual([]);
    expect(root).toBeTruthy();
  });

  it('Save asks where (the document is untitled), saves, then closes; a cancelled save dialog keeps it open', async () => {
    const cancelled = await withUnsavedDocument([0], [null]);
    cancelled.window.close();
    await settle();
    expect(cancelled.window.isDestroyed()).toBe(false);

    const { fake, window, root } = await withUnsavedDocument([0]);
    const target = join(root, 'documents', 'kept.orebridge');
    fake.electron.dialog.showSaveDialog = async () => ({ canceled: false, filePath: target });
    window.close();
    await settle();
    expect(window.isDestroyed()).toBe(true);
    expect(fake.recentDocuments).toContain(target);
  });
});
