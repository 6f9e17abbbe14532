// The Electron security checklist as plain data and functions, applied by desktop.ts.
import type { Dispatch } from '../handlers/index.ts';

/** The app's own origin: the renderer is served on this scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'orebridge';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Every BrowserWindow gets exactly these. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  } as const;
}

export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Only web links leave the app, and only to the user's browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

export interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of a WebContents the guards touch. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string; disposition?: string }) => { action: 'deny' }): void;
}

/** No navigation away from the app, no new windows, no webviews. A web link the user clicked
 * (a plain link or one opening a new window) goes to the system browser instead. */
export function guardContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  const keepInApp = (event: PreventableEvent, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isExternalWebUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-redirect', (event: PreventableEvent, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event: PreventableEvent) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export interface PermissionSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** Orebridge needs no camera, microphone, notifications, geolocation or anything else. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Who sent an IPC message: the WebContents id, the URL of the frame, and whether it is the
 * top frame of its page. */
export interface IpcSender {
  webContentsId: number;
  frameUrl: string | null;
  isMainFrame: boolean;
}

/** Only the main frame of one of the app's own windows, showing the app's own page. */
export function isTrustedIpcSender(sender: IpcSender, appWindowContentsIds: ReadonlySet<number>): boolean {
  return sender.isMainFrame && appWindowContentsIds.has(sender.webContentsId) && isAppUrl(sender.frameUrl);
}

export type IpcDispatch = Dispatch<IpcSender>;
