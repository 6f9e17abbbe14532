// The desktop app: windows, the app protocol, IPC, menus, dialogs, single instance and files
// opened from the OS. Everything Electron-specific arrives through `electron`, so the whole
// flow runs under Node in tests with a stand-in.
import { extname, join } from 'node:path';
import { COMMAND_CHANNEL, METHOD_NAMES, channelOf } from '../../shared/contract.ts';
import type { AppCommand, DocumentInfo, Result } from '../../shared/contract.ts';
import { createBackend, createDispatcher } from '../handlers/index.ts';
import type { CallContext, Dialogs, FileKind } from '../handlers/index.ts';
import { EXTENSIONS } from '../handlers/file-names.ts';
import type { BrowserWindowLike, ElectronLike } from './electron-like.ts';
import { buildMenuTemplate } from './menu.ts';
import { APP_HOST, APP_SCHEME, APP_START_URL, denyAllPermissions, guardContents, isExternalWebUrl, isTrustedIpcSender, secureWebPreferences } from './security.ts';
import type { IpcSender } from './security.ts';
import { readStaticFile } from './static-files.ts';
import { confirmClose, documentPathsFromArgv, windowTitle } from './window-state.ts';

export interface DesktopPaths {
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  /** The bundled preload script. */
  preloadPath: string;
  examplesDir: string;
  /** The negotiation pack's fonts (build/fonts, copied next to the packaged app). */
  fontsDir: string;
}

export interface DesktopRun {
  argv: readonly string[];
  cwd: string;
  platform: string;
}

const FILTERS: Record<FileKind, Array<{ name: string; extensions: string[] }>> = {
  project: [{ name: 'Orebridge project', extensions: ['orebridge'] }],
  share: [{ name: 'Orebridge project', extensions: ['orebridge'] }],
  json: [{ name: 'Project JSON', extensions: ['json'] }],
  xlsx: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  csv: [{ name: 'CSV table', extensions: ['csv'] }],
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
};

const ownerIdOf = (webContentsId: number) => `window-${webContentsId}`;

export function startDesktop<MenuT, WindowT extends BrowserWindowLike>(electron: ElectronLike<MenuT, WindowT>, paths: DesktopPaths, run: DesktopRun): void {
  const { app, BrowserWindow, ipcMain, protocol, dialog, Menu, shell, session } = electron;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Every renderer sandboxed, whatever a window's preferences say.
  app.enableSandbox();
  // Windows ties recent documents and the taskbar to this id (the installer's appId).
  if (run.platform === 'win32') app.setAppUserModelId('com.orebridge.desktop');

  // Must happen before ready: the renderer is served on app://orebridge, never from file://.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);

  const windows = new Map<string, WindowT>();
  const appContentsIds = new Set<number>();
  const pendingPaths: string[] = documentPathsFromArgv(run.argv, run.cwd);
  let ready = false;

  const openExternal = (url: string) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
  };
  app.on('web-contents-created', (_event, contents) => guardContents(contents, openExternal));

  const windowOf = (context: CallContext): WindowT | null => windows.get(context.senderId) ?? null;

  const dialogs: Dialogs = {
    chooseOpenPath: async (kind, context) => {
      const window = windowOf(context);
      if (!window) return null;
      const result = await dialog.showOpenDialog(window, {
        title: kind === 'json' ? 'Import a JSON project' : 'Open a project',
        properties: ['openFile'],
        filters: kind === 'json' ? FILTERS.json : [...FILTERS.project, ...FILTERS.json],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseSavePath: async (kind, suggestedName, context) => {
      const window = windowOf(context);
      if (!window) return null;
      const titles: Record<FileKind, string> = {
        project: 'Save as', share: 'Share a copy', json: 'Export JSON', xlsx: 'Export Excel workbook', csv: 'Export CSV', pdf: 'Export negotiation pack',
      };
      const result = await dialog.showSaveDialog(window, {
        title: titles[kind],
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: FILTERS[kind],
      });
      if (result.canceled || !result.filePath) return null;
      const extension = EXTENSIONS[kind];
      return extname(result.filePath).toLowerCase() === extension ? result.filePath : `${result.filePath}${extension}`;
    },
  };

  const send = (window: WindowT, command: AppCommand) => {
    if (!window.isDestroyed()) window.webContents.send(COMMAND_CHANNEL, command);
  };

  const backend = createBackend({
    mode: 'desktop',
    version: app.getVersion(),
    platform: run.platform,
    dataDir: app.getPath('userData'),
    documentsFolder: null,
    examplesFolder: paths.examplesDir,
    fontsFolder: paths.fontsDir,
    dialogs,
    onDocumentChanged: (ownerId, document) => showDocument(ownerId, document),
    onDocumentClosed: (ownerId) => showDocument(ownerId, backend.documentsOf(ownerId).at(-1) ?? null),
  });

  function showDocument(ownerId: string, document: DocumentInfo | null): void {
    const window = windows.get(ownerId);
    if (!window || window.isDestroyed()) return;
    window.setTitle(windowTitle(document));
    const path = document?.folder ? join(document.folder, document.name) : null;
    if (run.platform === 'darwin') {
      window.setDocumentEdited(document?.dirty ?? false);
      window.setRepresentedFilename(path ?? '');
    }
    if (path) app.addRecentDocument(path);
    void refreshMenu();
  }

  const dispatch = createDispatcher<IpcSender>({
    handlers: backend.handlers,
    isTrustedSender: (sender) => isTrustedIpcSender(sender, appContentsIds),
    contextOf: (sender) => ({ senderId: ownerIdOf(sender.webContentsId) }),
    onInternalError: (method, error) => console.error(`Orebridge: ${method} failed`, error),
  });

  const focusedOrFirstWindow = (): WindowT | null => [...windows.values()].find((window) => !window.isDestroyed()) ?? null;

  const openPath = (path: string) => {
    const window = focusedOrFirstWindow() ?? createWindow();
    const command: AppCommand = { type: 'open-file', file: backend.fileRefFor(path) };
    if (window.webContents.isLoading()) window.webContents.once('did-finish-load', () => send(window, command));
    else send(window, command);
    if (window.isMinimized()) window.restore();
    window.focus();
  };

  const sendToFocused = (command: AppCommand) => {
    const window = focusedOrFirstWindow();
    if (window) send(window, command);
  };

  async function refreshMenu(): Promise<void> {
    const recent = await backend.handlers.listRecent({}, { senderId: 'menu' });
    const template = buildMenuTemplate(run.platform, 'Orebridge', recent.ok ? recent.value : [], {
      command: (command) => sendToFocused({ type: 'menu', command }),
      openRecent: (recent) => sendToFocused({ type: 'open-file', file: recent.file }),
      clearRecent: () => {
        app.clearRecentDocuments();
        void backend.handlers.clearRecent({}, { senderId: 'menu' }).then(refreshMenu);
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  const askAboutUnsaved = async (window: WindowT, unsaved: DocumentInfo[]) => {
    const names = unsaved.map((document) => document.name).join(', ');
    const { response } = await dialog.showMessageBox(window, {
      type: 'warning',
      message: `Do you want to save the changes to ${names}?`,
      detail: 'Your changes will be lost if you don’t save them.',
      buttons: ['Save', 'Don’t Save', 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
  };

  function createWindow(): WindowT {
    const window = new BrowserWindow({
      width: 1360,
      height: 860,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Orebridge',
      backgroundColor: '#1f2328',
      webPreferences: secureWebPreferences(paths.preloadPath),
    });
    const contentsId = window.webContents.id;
    const ownerId = ownerIdOf(contentsId);
    windows.set(ownerId, window);
    appContentsIds.add(contentsId);
    let mayClose = false;

    window.once('ready-to-show', () => window.show());
    // The title is main's: the file name and the unsaved marker, not the page's <title>.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.on('close', (event) => {
      if (mayClose) return;
      const documents = backend.documentsOf(ownerId);
      if (!documents.some((document) => document.dirty)) return;
      event.preventDefault();
      void confirmClose({
        documents,
        ask: (unsaved) => askAboutUnsaved(window, unsaved),
        save: async (documentId): Promise<Result<DocumentInfo | null>> => {
          const saved = await backend.handlers.saveDocument({ documentId }, { senderId: ownerId });
          if (saved.ok && saved.value) send(window, { type: 'document-changed', document: saved.value });
          return saved;
        },
        showError: async (message) => {
          await dialog.showMessageBox(window, { type: 'error', message: 'Not saved', detail: message, buttons: ['OK'], defaultId: 0, cancelId: 0, noLink: true });
        },
      }).then((proceed) => {
        if (!proceed) return;
        mayClose = true;
        window.close();
      });
    });
    window.on('closed', () => {
      windows.delete(ownerId);
      appContentsIds.delete(contentsId);
      void backend.closeAllOf(ownerId);
    });
    void window.loadURL(APP_START_URL);
    return window;
  }

  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (ready) openPath(path);
    else pendingPaths.push(path);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const paths = documentPathsFromArgv(argv, workingDirectory);
    if (paths.length === 0) {
      const window = focusedOrFirstWindow() ?? createWindow();
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    for (const path of paths) openPath(path);
  });

  app.on('window-all-closed', () => {
    if (run.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (ready && windows.size === 0) createWindow();
  });

  void app.whenReady().then(() => {
    void backend.startUp().catch((error: unknown) => console.error('Orebridge: start-up housekeeping failed', error));
    denyAllPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
      const file = await readStaticFile(paths.rendererDir, url.pathname);
      return new Response(new Uint8Array(typeof file.body === 'string' ? Buffer.from(file.body) : file.body), { status: file.status, headers: file.headers });
    });
    for (const method of METHOD_NAMES) {
      ipcMain.handle(channelOf(method), (event, payload) =>
        dispatch(method, payload, {
          webContentsId: event.sender.id,
          frameUrl: event.senderFrame?.url ?? null,
          isMainFrame: event.senderFrame !== null && event.senderFrame.parent === null,
        }),
      );
    }
    app.setAboutPanelOptions({ applicationName: 'Orebridge', applicationVersion: app.getVersion() });
    void refreshMenu();
    ready = true;
    createWindow();
    for (const path of pendingPaths.splice(0)) openPath(path);
  });
}
