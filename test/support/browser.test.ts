import { describe, expect, it } from 'vitest';
import { BROWSER_ENV, chooseBrowser, noBrowserMessage, type BrowserLookup } from './browser.ts';

function browserLookup(options: { executables?: string[]; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; arch?: string; folders?: Record<string, string[]> }): BrowserLookup {
  return {
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    arch: options.arch ?? 'x64',
    home: '/home/ana',
    isExecutable: (path) => (options.executables ?? []).includes(path),
    listFolder: (path) => options.folders?.[path] ?? [],
  };
}

describe('chooseBrowser', () => {
  it('uses the browser named by the environment variable first', () => {
    const lookup = browserLookup({ executables: ['/usr/bin/chromium', '/opt/chrome'], env: { [BROWSER_ENV]: '/opt/chrome' } });
    expect(chooseBrowser(lookup)).toEqual({ kind: 'installed', path: '/opt/chrome' });
  });

  it('uses Debian Chromium, then Google Chrome', () => {
    expect(chooseBrowser(browserLookup({ executables: ['/usr/bin/google-chrome', '/usr/bin/chromium'] }))).toEqual({ kind: 'installed', path: '/usr/bin/chromium' });
    expect(chooseBrowser(browserLookup({ executables: ['/usr/bin/google-chrome'] }))).toEqual({ kind: 'installed', path: '/usr/bin/google-chrome' });
  });

  it("uses the newest Chromium in playwright's download folder", () => {
    const cache = '/home/ana/.cache/ms-playwright';
    const lookup = browserLookup({
      folders: { [cache]: ['chromium-1100', 'chromium-1200', 'ffmpeg-1010'] },
      executables: [`${cache}/chromium-1100/chrome-linux/chrome`, `${cache}/chromium-1200/chrome-linux64/chrome`],
    });
    expect(chooseBrowser(lookup)).toEqual({ kind: 'installed', path: `${cache}/chromium-1200/chrome-linux64/chrome` });
  });

  it('falls back to the bundled Chromium on Linux x64 with nothing installed', () => {
    expect(chooseBrowser(browserLookup({}))).toEqual({ kind: 'bundled' });
  });

  it('fails with one line saying what to install where the bundled Chromium cannot run', () => {
    expect(() => chooseBrowser(browserLookup({ platform: 'darwin', arch: 'arm64' }))).toThrow(noBrowserMessage());
    expect(noBrowserMessage()).not.toContain('\n');
  });

  it('finds Chrome on macOS and Windows', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(chooseBrowser(browserLookup({ platform: 'darwin', executables: [mac] }))).toEqual({ kind: 'installed', path: mac });
    const windows = browserLookup({ platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files' }, executables: [] });
    windows.isExecutable = (path) => path.includes('Chrome') && path.endsWith('chrome.exe');
    expect(chooseBrowser(windows).kind).toBe('installed');
  });
});
