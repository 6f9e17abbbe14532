// The slice of Electron's main-process API that desktop.ts uses. main.ts passes the real
// module (the type checker holds it to this shape); tests pass a stand-in.
import type { MenuItemSpec } from './menu.ts';
import type { GuardedContents, PermissionSession, PreventableEvent } from './security.ts';

export interface WebContentsLike extends GuardedContents {
  readonly id: number;
  send(channel: string, payload: unknown): void;
  once(event: 'did-finish-load', listener: () => void): unknown;
  isLoading(): boolean;
}

export interface WindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: Record<string, unknown>;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  on(event: 'page-title-updated', listener: (event: PreventableEvent) => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  close(): void;
  isMinimized(): boolean;
  restore(): void;
  isDestroyed(): boolean;
  setTitle(title: string): void;
  setDocumentEdited(edited: boolean): void;
  setRepresentedFilename(path: string): void;
}

export interface IpcMainEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface OpenDialogOptions {
  title: string;
  properties: Array<'openFile'>;
  filters: Array<{ name: string; extensions: string[] }>;
}

export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

export interface MessageBoxOptions {
  type: 'warning' | 'error' | 'info';
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}

export interface ElectronLike<MenuT = unknown, WindowT extends BrowserWindowLike = BrowserWindowLike> {
  app: {
    readonly isPackaged: boolean;
    requestSingleInstanceLock(): boolean;
    enableSandbox(): void;
    setAppUserModelId(id: string): void;
    quit(): void;
    whenReady(): Promise<unknown>;
    getPath(name: 'userData' | 'documents'): string;
    getVersion(): string;
    getName(): string;
    addRecentDocument(path: string): void;
    clearRecentDocuments(): void;
    setAboutPanelOptions(options: { applicationName: string; applicationVersion: string; copyright?: string }): void;
    on(event: 'open-file', listener: (event: PreventableEvent, path: string) => void): unknown;
    on(event: 'second-instance', listener: (event: PreventableEvent, argv: string[], workingDirectory: string) => void): unknown;
    on(event: 'web-contents-created', listener: (event: PreventableEvent, contents: GuardedContents) => void): unknown;
    on(event: 'window-all-closed' | 'activate', listener: () => void): unknown;
  };
  BrowserWindow: {
    new (options: WindowOptions): WindowT;
  };
  ipcMain: {
    handle(channel: string, listener: (event: IpcMainEventLike, payload: unknown) => Promise<unknown>): void;
  };
  protocol: {
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  session: { readonly defaultSession: PermissionSession };
  Menu: {
    buildFromTemplate(template: MenuItemSpec[]): MenuT;
    setApplicationMenu(menu: MenuT | null): void;
  };
  dialog: {
    showOpenDialog(window: WindowT, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
    showSaveDialog(window: WindowT, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
    showMessageBox(window: WindowT, options: MessageBoxOptions): Promise<{ response: number }>;
  };
  shell: { openExternal(url: string): Promise<void> };
}
