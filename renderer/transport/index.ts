// The one interface the renderer uses for everything outside the page: `window.orebridge` from
// the preload in the desktop app, or the HTTP client (with the in-app file picker) in browser mode.
import type { OrebridgeApi } from '../../shared/contract.ts';
import { createBrowserApi, keyboardCommands } from './browser-api.ts';
import { createCheckedDesktopApi } from './desktop-api.ts';
import { createDomFilePicker } from './file-picker.ts';
import { createHttpClient } from './http-client.ts';

export type * from './types.ts';
export { createHttpClient, TOKEN_HEADER } from './http-client.ts';
export { createBrowserApi } from './browser-api.ts';

const TOKEN_KEY = 'orebridge-token';

/** Browser mode's address carries the run's token as `#token=…`; keep it for this tab only and
 * take it out of the address bar. */
export function takeToken(win: Window): string | null {
  const fromHash = new URLSearchParams(win.location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    win.sessionStorage.setItem(TOKEN_KEY, fromHash);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    return fromHash;
  }
  return win.sessionStorage.getItem(TOKEN_KEY);
}

export function connectTransport(win: Window = window): OrebridgeApi {
  const desktop = (win as Window & { orebridge?: OrebridgeApi }).orebridge;
  if (desktop) return createCheckedDesktopApi(desktop);
  const token = takeToken(win) ?? '';
  const server = createHttpClient({ baseUrl: win.location.origin, token, subscribeCommands: keyboardCommands(win) });
  return createBrowserApi(server, createDomFilePicker(win.document));
}
