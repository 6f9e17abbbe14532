// A stand-in for the `electron` module: records what main does and lets a test play the
// user and the operating system (events, dialogs, IPC messages).
import type { BrowserWindowLike, ElectronLike, IpcMainEventLike, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions, WebContentsLike, WindowOptions } from '../../electron/shell/electron-like.ts';
import type { MenuItemSpec } from '../../electron/shell/menu.ts';
import type { PreventableEvent } from '../../electron/shell/security.ts';

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped = ((...args: never[]) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export class FakeEvent implements PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextContentsId = 1;

export class FakeWebContents extends Emitter implements WebContentsLike {
  readonly id = nextContentsId++;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string; disposition?: string }) => { action: 'deny' }) | null = null;
  loading = true;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isLoading(): boolean {
    return this.loading;
  }
  setWindowOpenHandler(handler: (details: { url: string; disposition?: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  finishLoad(): void {
    this.loading = false;
    this.emit('did-finish-load');
  }
}

export class FakeWindow extends Emitter implements BrowserWindowLike {
  readonly webContents = new FakeWebContents();
  title = '';
  loadedUrl: string | null = null;
  destroyed = false;
  shown = false;
  edited = false;
  readonly options: WindowOptions;
  constructor(options: WindowOptions, onCreate: (window: FakeWindow) => void) {
    super();
    this.options = options;
    onCreate(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setDocumentEdited(edited: boolean): void {
    this.edited = edited;
  }
  setRepresentedFilename(): void {}
}

export interface FakeElectronOptions {
  singleInstance?: boolean;
  userData: string;
  documents: string;
  /** What the next message box answers (button index), in order. */
  messageBoxAnswers?: number[];
  savePaths?: Array<string | null>;
  openPaths?: Array<string | null>;
}

export function createFakeElectron(options: FakeElectronOptions) {
  const windows: FakeWindow[] = [];
  const app = new Emitter();
  const ipcHandlers = new Map<string, (event: IpcMainEventLike, payload: unknown) => Promise<unknown>>();
  const calls: string[] = [];
  const externalOpens: string[] = [];
  const messageBoxes: MessageBoxOptions[] = [];
  const dialogsShown: Array<OpenDialogOptions | SaveDialogOptions> = [];
  let ready: () => void = () => {};
  let isReady = false;
  const whenReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  let protocolHandler: ((request: Request) => Promise<Response>) | null = null;
  const privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }> = [];
  let permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  let permissionCheck: ((contents: unknown, permission: string) => boolean) | null = null;
  let menu: MenuItemSpec[] = [];
  const recentDocuments: string[] = [];

  class BrowserWindow extends FakeWindow {
    constructor(windowOptions: WindowOptions) {
      super(windowOptions, (window) => {
        windows.push(window);
        // What Electron does for every new WebContents.
        app.emit('web-contents-created', new FakeEvent(), window.webContents);
      });
    }
  }

  const electron: ElectronLike<MenuItemSpec[], FakeWindow> = {
    app: Object.assign(app, {
      isPackaged: false,
      requestSingleInstanceLock: () => options.singleInstance ?? true,
      enableSandbox: () => {
        calls.push('enableSandbox');
      },
      setAppUserModelId: (id: string) => {
        calls.push(`setAppUserModelId:${id}`);
      },
      quit: () => {
        calls.push('quit');
      },
      whenReady: () => whenReady,
      getPath: (name: 'userData' | 'documents') => (name === 'userData' ? options.userData : options.documents),
      getVersion: () => '0.1.0',
      getName: () => 'Orebridge',
      addRecentDocument: (path: string) => {
        recentDocuments.push(path);
      },
      clearRecentDocuments: () => {
        recentDocuments.length = 0;
      },
      setAboutPanelOptions: () => {},
    }) as unknown as ElectronLike<MenuItemSpec[], FakeWindow>['app'],
    BrowserWindow,
    ipcMain: {
      handle: (channel, listener) => {
        ipcHandlers.set(channel, listener);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => {
        calls.push(`registerSchemesAsPrivileged:${isReady ? 'after-ready' : 'before-ready'}`);
        privilegedSchemes.push(...schemes);
      },
      handle: (_scheme, handler) => {
        protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler) => {
          permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler) => {
          permissionCheck = handler;
        },
      },
    },
    Menu: {
      buildFromTemplate: (template) => template,
      setApplicationMenu: (built) => {
        menu = built ?? [];
      },
    },
    dialog: {
      showOpenDialog: async (_window, dialogOptions) => {
        dialogsShown.push(dialogOptions);
        const path = options.openPaths?.shift() ?? null;
        return path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] };
      },
      showSaveDialog: async (_window, dialogOptions) => {
        dialogsShown.push(dialogOptions);
        const path = options.savePaths?.shift() ?? null;
        return path ? { canceled: false, filePath: path } : { canceled: true };
      },
      showMessageBox: async (_window, boxOptions) => {
        messageBoxes.push(boxOptions);
        return { response: options.messageBoxAnswers?.shift() ?? boxOptions.cancelId };
      },
    },
    shell: {
      openExternal: async (url) => {
        externalOpens.push(url);
      },
    },
  };

  return {
    electron,
    windows,
    app,
    calls,
    externalOpens,
    messageBoxes,
    dialogsShown,
    privilegedSchemes,
    recentDocuments,
    get menu() {
      return menu;
    },
    get protocolHandler() {
      return protocolHandler;
    },
    get permissionRequest() {
      return permissionRequest;
    },
    get permissionCheck() {
      return permissionCheck;
    },
    async becomeReady(): Promise<void> {
      isReady = true;
      ready();
      await whenReady;
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    /** Sends an IPC message as a renderer would. */
    invoke(method: string, payload: unknown, from: { contentsId: number; frameUrl: string | null; subframe?: boolean }): Promise<unknown> {
      const handler = ipcHandlers.get(`orebridge:${method}`);
      if (!handler) throw new Error(`no IPC handler for ${method}`);
      const senderFrame = from.frameUrl === null ? null : { url: from.frameUrl, parent: from.subframe ? { url: 'app://orebridge/index.html' } : null };
      return handler({ sender: { id: from.contentsId }, senderFrame }, payload);
    },
    ipcChannels: () => [...ipcHandlers.keys()],
  };
}
