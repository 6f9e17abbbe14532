// The native menu as plain data (Electron's MenuItemConstructorOptions shape), so the
// accelerators and the wiring are tested without Electron.
import type { MenuCommand, RecentFile } from '../../shared/contract.ts';

export type MenuRole =
  | 'close'
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'help'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'windowMenu';

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator' | 'normal';
  accelerator?: string;
  /** false: show the accelerator but let the page handle the key (the workspace's own undo). */
  registerAccelerator?: boolean;
  enabled?: boolean;
  submenu?: MenuItemSpec[];
  click?: () => void;
}

export interface MenuActions {
  command(command: MenuCommand): void;
  openRecent(file: RecentFile): void;
  clearRecent(): void;
}

const separator: MenuItemSpec = { type: 'separator' };

export function buildMenuTemplate(platform: string, appName: string, recent: RecentFile[], actions: MenuActions): MenuItemSpec[] {
  const isMac = platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemSpec => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(command),
  });

  const openRecent: MenuItemSpec = {
    label: 'Open Recent',
    submenu: [
      ...(recent.length === 0 ? [{ label: 'No recent files', enabled: false }] : recent.map((file) => ({ label: file.name, click: () => actions.openRecent(file) }))),
      separator,
      { label: 'Clear Recent', enabled: recent.length > 0, click: () => actions.clearRecent() },
    ],
  };

  const quit: MenuItemSpec = { label: 'Quit', role: 'quit', accelerator: 'Ctrl+Q' };
  const file: MenuItemSpec = {
    label: 'File',
    submenu: [
      item('New', 'new', 'CmdOrCtrl+N'),
      item('Open…', 'open', 'CmdOrCtrl+O'),
      openRecent,
      separator,
      item('Save', 'save', 'CmdOrCtrl+S'),
      item('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      item('Share a Copy…', 'share-copy', 'CmdOrCtrl+Alt+S'),
      separator,
      item('Import JSON…', 'import-json', 'CmdOrCtrl+I'),
      item('Export JSON…', 'export-json', 'CmdOrCtrl+E'),
      {
        label: 'Export',
        submenu: [
          item('Excel workbook…', 'export-xlsx'),
          item('CSV…', 'export-csv'),
          item('Negotiation pack (PDF)…', 'export-pdf'),
        ],
      },
      separator,
      { label: 'Close', role: 'close', accelerator: 'CmdOrCtrl+W' },
      ...(isMac ? [] : [separator, quit]),
    ],
  };

  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: [
      // The page handles these keys itself (and leaves free-text fields their own undo), so the
      // menu only shows them: registering them too would undo twice.
      { ...item('Undo', 'undo', 'CmdOrCtrl+Z'), registerAccelerator: false },
      { ...item('Redo', 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'), registerAccelerator: false },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemSpec = {
    label: 'View',
    submenu: [
      { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
      { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      separator,
      { role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };

  const help: MenuItemSpec = { label: 'Help', role: 'help', submenu: [{ label: `About ${appName}`, role: 'about' }] };

  if (!isMac) return [file, edit, view, help];
  const appMenu: MenuItemSpec = {
    label: appName,
    submenu: [{ role: 'about' }, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  };
  const windowMenu: MenuItemSpec = { label: 'Window', role: 'windowMenu' };
  return [appMenu, file, edit, view, windowMenu, help];
}
