// Packaging needs the network, so no test runs electron-builder; these check its configuration
// with electron-builder's own validator, and the pieces it refers to.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MISSING_ELECTRON_MESSAGE, electronBinary } from '../../scripts/lib/electron-binary.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILD = join(ROOT, 'build');
interface BuilderConfig {
  appId: string;
  productName: string;
  linux: { target: string[]; icon: string; mimeTypes: string[] };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  nsis: { perMachine: boolean };
  fileAssociations: Array<{ icon: string }>;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  extraResources: unknown;
  electronFuses: unknown;
}
interface PackageJson {
  main: string;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
}
const config = JSON.parse(readFileSync(join(BUILD, 'electron-builder.json'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const requireHere = createRequire(join(ROOT, 'package.json'));

describe('electron-builder configuration', () => {
  it('is valid for electron-builder itself', async () => {
    const { validateConfiguration } = requireHere('app-builder-lib/out/util/config/config') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
    const { DebugLogger } = requireHere('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), linux: { target: 'AppImage', bogus: true } }, new DebugLogger(false))).rejects.toThrow();
  });

  it('names the app and builds AppImage and deb, nsis, and dmg', () => {
    expect(config.appId).toBe('com.orebridge.desktop');
    expect(config.productName).toBe('Orebridge');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    // Windows registers file associations only for per-machine installs.
    expect(config.nsis.perMachine).toBe(true);
  });

  it('associates .orebridge files with the app, their icon and MIME type', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'orebridge', mimeType: 'application/x-orebridge-project', icon: 'icons/document', role: 'Editor' }),
    ]);
    expect(config.linux.mimeTypes).toContain('application/x-orebridge-project');
    const icon = config.fileAssociations[0]!.icon;
    const icns = readFileSync(join(BUILD, `${icon}.icns`));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const ico = readFileSync(join(BUILD, `${icon}.ico`));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4);
  });

  it('has the app icons each platform needs', () => {
    expect(readFileSync(join(BUILD, config.win.icon)).readUInt16LE(2)).toBe(1);
    expect(readFileSync(join(BUILD, config.mac.icon)).subarray(0, 4).toString('ascii')).toBe('icns');
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const png = readFileSync(join(BUILD, config.linux.icon, `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('keeps native modules out of the asar so they can load', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/*.node']));
    expect(packageJson.dependencies).toHaveProperty('better-sqlite3');
  });

  it('packs the built main, preload and renderer, and ships the examples beside the asar', () => {
    expect(packageJson.main).toBe('dist/electron/main.mjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']));
    expect(config.extraResources).toEqual([
      { from: 'build/examples', to: 'examples', filter: ['*.project.json'] },
      { from: 'build/fonts', to: 'fonts', filter: ['*.ttf', '*.txt'] },
    ]);
    const main = readFileSync(join(ROOT, 'electron', 'main.ts'), 'utf8');
    expect(main).toContain("join(process.resourcesPath, 'examples')");
    expect(main).toContain("'preload.cjs'");
  });

  it('sets the recommended fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has scripts that build installers for each platform with this configuration', () => {
    for (const script of ['dist', 'dist:linux', 'dist:win', 'dist:mac']) expect(packageJson.scripts[script]!).toContain('--config build/electron-builder.json');
    expect(packageJson.scripts.start).toBe('node scripts/start.ts');
    expect(packageJson.scripts.web).toBe('node scripts/web.ts');
  });
});

describe('npm start without Electron’s binary', () => {
  it('finds the binary only where the electron package recorded one that exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'orebridge-electron-'));
    try {
      const packageDir = join(root, 'node_modules', 'electron');
      mkdirSync(join(packageDir, 'dist'), { recursive: true });
      writeFileSync(join(root, 'package.json'), '{}');
      // Requiring the real package would start a download; nothing here may be required.
      writeFileSync(join(packageDir, 'index.js'), "throw new Error('must not be required');");
      writeFileSync(join(packageDir, 'package.json'), '{"name":"electron","main":"index.js"}');
      expect(electronBinary(root, {})).toBeNull();
      writeFileSync(join(packageDir, 'path.txt'), 'electron');
      expect(electronBinary(root, {})).toBeNull();
      writeFileSync(join(packageDir, 'dist', 'electron'), '');
      expect(electronBinary(root, {})).toBe(join(packageDir, 'dist', 'electron'));
      expect(electronBinary(tmpdir(), {})).toBeNull();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.runIf(electronBinary() === null)('prints one clear line and no stack trace', () => {
    // Without the skip, `npm start` would first try to download the binary.
    const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.ts')], { cwd: ROOT, encoding: 'utf8', env });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(MISSING_ELECTRON_MESSAGE);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
