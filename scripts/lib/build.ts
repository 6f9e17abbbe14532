// Builds the two things the shell runs: the renderer (Vite, the workspace's own config) and
// Electron's main and preload (esbuild; Electron does not run TypeScript).
import { join } from 'node:path';
import { ELECTRON_OUT, RENDERER_CONFIG, RENDERER_OUT, ROOT } from './paths.ts';

export async function buildRenderer(outDir: string = RENDERER_OUT): Promise<string> {
  const { build } = await import('vite');
  await build({ configFile: RENDERER_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function buildElectron(outDir: string = ELECTRON_OUT): Promise<{ main: string; preload: string }> {
  const esbuild = await import('esbuild');
  const main = join(outDir, 'main.mjs');
  const preload = join(outDir, 'preload.cjs');
  const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', absWorkingDir: ROOT } as const;
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, 'electron', 'main.ts')],
    outfile: main,
    format: 'esm',
    // better-sqlite3 is a native module: loaded from node_modules (unpacked from the asar).
    external: ['electron', 'better-sqlite3'],
    // Bundled CommonJS code may call require(); give it Node's.
    banner: { js: "import { createRequire as __orebridgeCreateRequire } from 'node:module'; const require = __orebridgeCreateRequire(import.meta.url);" },
  });
  // The untrusted-work pool's worker thread, beside main.mjs (electron/work/pool.ts finds it there).
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, 'electron', 'work', 'untrusted-worker.ts')],
    outfile: join(outDir, 'untrusted-worker.mjs'),
    format: 'esm',
    external: ['electron', 'better-sqlite3'],
    banner: { js: "import { createRequire as __orebridgeCreateRequire } from 'node:module'; const require = __orebridgeCreateRequire(import.meta.url);" },
  });
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, 'electron', 'preload.ts')],
    outfile: preload,
    // A sandboxed preload is a classic script that may require only 'electron'.
    format: 'cjs',
    external: ['electron'],
  });
  return { main, preload };
}
