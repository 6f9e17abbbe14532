// Electron's main process: finds the app's files and hands the real Electron module to
// startDesktop, where all the behaviour lives (and is tested under Node with a stand-in).
import * as electron from 'electron';
import { join } from 'node:path';
import { startDesktop } from './shell/desktop.ts';

const appPath = electron.app.getAppPath();

startDesktop(
  electron,
  {
    rendererDir: join(appPath, 'dist', 'renderer'),
    preloadPath: join(appPath, 'dist', 'electron', 'preload.cjs'),
    // Packaged: copied next to the asar by electron-builder (extraResources); from source: build/examples.
    examplesDir: electron.app.isPackaged ? join(process.resourcesPath, 'examples') : join(appPath, 'build', 'examples'),
    fontsDir: electron.app.isPackaged ? join(process.resourcesPath, 'fonts') : join(appPath, 'build', 'fonts'),
  },
  { argv: process.argv, cwd: process.cwd(), platform: process.platform },
);
