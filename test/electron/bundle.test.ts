// The bundles Electron actually runs: dist's main.mjs, loaded by plain Node with `electron`
// resolved to a stand-in, opens an example and saves it through its IPC handlers
// (so the bundle's imports, better-sqlite3 among them, resolve as they will under Electron).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/lib/build.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const FAKE_ELECTRON = `
export const windows = [];
export const ipc = new Map();
const listeners = new Map();
let markReady;
const readyPromise = new Promise((resolve) => { markReady = resolve; });
let nextId = 1;
export const app = {
  isPackaged: false,
  getAppPath: () => process.env.OREBRIDGE_APP_PATH,
  requestSingleInstanceLock: () => true,
  enableSandbox: () => {},
  setAppUserModelId: () => {},
  quit: () => {},
  whenReady: () => readyPromise,
  getPath: (name) => process.env.OREBRIDGE_SCRATCH + '/' + name,
  getVersion: () => '0.0.0-bundle',
  getName: () => 'Orebridge',
  addRecentDocument: () => {},
  clearRecentDocuments: () => {},
  setAboutPanelOptions: () => {},
  on: (event, listener) => listeners.set(event, listener),
};
export class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = { id: nextId++, send: () => {}, once: () => {}, isLoading: () => false, on: () => {}, setWindowOpenHandler: () => {} };
    listeners.get('web-contents-created')?.({ preventDefault() {} }, this.webContents);
    windows.push(this);
  }
  async loadURL(url) { this.url = url; }
  on() {} once() {} show() {} focus() {} close() {} restore() {}
  isMinimized() { return false; } isDestroyed() { return false; }
  setTitle(title) { this.title = title; } setDocumentEdited() {} setRepresentedFilename() {}
}
export const ipcMain = { handle: (channel, handler) => ipc.set(channel, handler) };
export const protocol = { registerSchemesAsPrivileged: () => {}, handle: () => {} };
export const session = { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} } };
export const Menu = { buildFromTemplate: (template) => template, setApplicationMenu: () => {} };
export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: false, filePath: process.env.OREBRIDGE_SCRATCH + '/Saved by the bundle' }),
  showMessageBox: async () => ({ response: 2 }),
};
export const shell = { openExternal: async () => {} };
export async function ready() {
  markReady();
  await readyPromise;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
`;

const RUNNER = (fakeUrl: string, mainUrl: string) => `
import { registerHooks } from 'node:module';
registerHooks({
  resolve(specifier, context, nextResolve) {
    return specifier === 'electron' ? { url: ${JSON.stringify(fakeUrl)}, shortCircuit: true } : nextResolve(specifier, context);
  },
});
const fake = await import(${JSON.stringify(fakeUrl)});
await import(${JSON.stringify(mainUrl)});
await fake.ready();
const window = fake.windows[0];
const from = { sender: { id: window.webContents.id }, senderFrame: { url: 'app://orebridge/index.html', parent: null } };
const call = (method, payload) => fake.ipc.get('orebridge:' + method)(from, payload);
const examples = await call('listExamples', {});
const opened = await call('openExample', { exampleId: 'northern-spodumene' });
const saved = await call('saveDocument', { documentId: opened.value.document.documentId });
console.log(JSON.stringify({
  examples: examples.value.map((example) => example.id),
  years: opened.value.project.assumptions.years,
  saved: saved.value.name,
  title: window.title,
  url: window.url,
  preferences: window.options.webPreferences,
}));
process.exit(0);
`;

describe('the built main process', () => {
  // Inside the repository, so the bundle finds node_modules (better-sqlite3) as it will in the app.
  const outDir = join(ROOT, 'dist', `bundle-test-${process.pid}`);
  const scratch = mkdtempSync(join(tmpdir(), 'orebridge-bundle-'));
  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('starts under a stand-in Electron and serves the contract from the bundle', async () => {
    const { main, preload } = await buildElectron(outDir);
    expect(existsSync(preload)).toBe(true);
    mkdirSync(join(scratch, 'userData'));
    const fake = join(scratch, 'fake-electron.mjs');
    const runner = join(scratch, 'runner.mjs');
    writeFileSync(fake, FAKE_ELECTRON);
    writeFileSync(runner, RUNNER(pathToFileURL(fake).href, pathToFileURL(main).href));
    const result = spawnSync(process.execPath, [runner], {
      encoding: 'utf8',
      env: { ...process.env, OREBRIDGE_APP_PATH: ROOT, OREBRIDGE_SCRATCH: scratch },
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(report.examples).toEqual(['ndpr-separation', 'ndpr-strategic-reserve', 'nickel-cobalt-hpal', 'nordic-graphite-anode', 'northern-spodumene']);
    expect(report.years).toBe(14);
    expect(report.saved).toBe('Saved by the bundle.orebridge');
    expect(existsSync(join(scratch, 'Saved by the bundle.orebridge'))).toBe(true);
    expect(report.title).toBe('Saved by the bundle.orebridge — Orebridge');
    expect(report.url).toBe('app://orebridge/index.html');
    expect(report.preferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: join(ROOT, 'dist', 'electron', 'preload.cjs') });
  });
});
