// The browser the end-to-end tests and the UI benchmark drive: one the machine has (named by
// OREBRIDGE_BROWSER, Debian/Ubuntu Chromium, Google Chrome, playwright's own download), else the
// Chromium that comes with the `@sparticuz/chromium` dev-dependency (Linux x64), so that
// `npm install && npm test` works on a machine with no browser at all.
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { isExecutable, MissingToolError } from './system-tool.ts';

export const BROWSER_ENV = 'OREBRIDGE_BROWSER';

export interface BrowserLookup {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  arch: string;
  home: string;
  isExecutable: (path: string) => boolean;
  listFolder: (path: string) => string[];
}

const machine: BrowserLookup = {
  env: process.env,
  platform: process.platform,
  arch: process.arch,
  home: homedir(),
  isExecutable,
  listFolder: (path) => {
    try {
      return readdirSync(path);
    } catch {
      return [];
    }
  },
};

export type BrowserChoice = { kind: 'installed'; path: string } | { kind: 'bundled' };

function installedPaths(lookup: BrowserLookup): string[] {
  const { platform, env } = lookup;
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      join(lookup.home, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return roots.map((root) => join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
  ];
}

function playwrightCache(lookup: BrowserLookup): string {
  if (lookup.env.PLAYWRIGHT_BROWSERS_PATH) return lookup.env.PLAYWRIGHT_BROWSERS_PATH;
  if (lookup.platform === 'darwin') return join(lookup.home, 'Library', 'Caches', 'ms-playwright');
  if (lookup.platform === 'win32') return join(lookup.env.LOCALAPPDATA ?? join(lookup.home, 'AppData', 'Local'), 'ms-playwright');
  return join(lookup.home, '.cache', 'ms-playwright');
}

/** Executables inside playwright's download folder, newest revision first. */
function playwrightPaths(lookup: BrowserLookup): string[] {
  const cache = playwrightCache(lookup);
  const revision = (folder: string) => Number(/-(\d+)$/.exec(folder)?.[1] ?? 0);
  const folders = lookup.listFolder(cache).filter((folder) => /^chromium(_headless_shell)?-\d+$/.test(folder));
  folders.sort((a, b) => revision(b) - revision(a));
  const inside = (folder: string): string[] => {
    const shell = folder.startsWith('chromium_headless_shell');
    if (lookup.platform === 'darwin') {
      return shell
        ? ['chrome-mac/headless_shell', 'chrome-headless-shell-mac-arm64/chrome-headless-shell', 'chrome-headless-shell-mac-x64/chrome-headless-shell']
        : ['chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'];
    }
    if (lookup.platform === 'win32') return shell ? ['chrome-win/headless_shell.exe', 'chrome-headless-shell-win64/chrome-headless-shell.exe'] : ['chrome-win/chrome.exe', 'chrome-win64/chrome.exe'];
    return shell ? ['chrome-linux/headless_shell', 'chrome-headless-shell-linux64/chrome-headless-shell'] : ['chrome-linux/chrome', 'chrome-linux64/chrome'];
  };
  return folders.flatMap((folder) => inside(folder).map((path) => join(cache, folder, path)));
}

export function bundledChromiumRuns(lookup: Pick<BrowserLookup, 'platform' | 'arch'>): boolean {
  return lookup.platform === 'linux' && lookup.arch === 'x64';
}

export function noBrowserMessage(): string {
  return `No Chromium or Chrome found for the end-to-end tests: install Chromium (Debian/Ubuntu: apt-get install chromium) or Google Chrome, or set ${BROWSER_ENV} to a Chromium-based browser's executable.`;
}

/** Which browser to use, in order: the env var, an installed Chromium or Chrome, playwright's cache, the bundled one. */
export function chooseBrowser(lookup: BrowserLookup = machine): BrowserChoice {
  const named = lookup.env[BROWSER_ENV];
  if (named) {
    if (lookup.isExecutable(named)) return { kind: 'installed', path: named };
    throw new MissingToolError(`${BROWSER_ENV}=${named} is not an executable file; point it at Chromium or Chrome, or unset it.`);
  }
  const found = [...installedPaths(lookup), ...playwrightPaths(lookup)].find((path) => lookup.isExecutable(path));
  if (found) return { kind: 'installed', path: found };
  if (bundledChromiumRuns(lookup)) return { kind: 'bundled' };
  throw new MissingToolError(noBrowserMessage());
}


async function withLock<T>(work: () => Promise<T>): Promise<T> {
  const LOCK = join(tmpdir(), 'orebridge-bundled-chromium.lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than three minutes belongs to a run that was killed while unpacking.
      const age = existsSync(LOCK) ? Date.now() - statSync(LOCK).mtimeMs : 0;
      if (age > 180_000) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${LOCK}: another test run is unpacking the bundled Chromium.`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmdirSync(LOCK);
  }
}

/**
 * Unpacks `@sparticuz/chromium` into the temporary folder once. Test files run in parallel
 * workers, so the unpacking is serialised by a lock folder, and a binary left half-written by
 * a killed run (no completion mark) is unpacked again.
 */
export async function bundledChromiumPath(): Promise<string> {
  const { default: bundled } = await import('@sparticuz/chromium');
  return withLock(async () => {
    const binary = join(tmpdir(), 'chromium');
    const unpackedMark = join(tmpdir(), 'orebridge-bundled-chromium.unpacked');
    if (!existsSync(binary) || !existsSync(unpackedMark)) {
      rmSync(unpackedMark, { force: true });
      rmSync(binary, { force: true });
    }
    const path = await bundled.executablePath();
    writeFileSync(unpackedMark, path);
    return path;
  });
}

export async function testBrowserPath(): Promise<string> {
  const choice = chooseBrowser();
  return choice.kind === 'installed' ? choice.path : bundledChromiumPath();
}

export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Launches headless Chromium through playwright-core; fails with one line when there is none. */
export async function launchTestBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await testBrowserPath(), args: BROWSER_ARGS });
}
