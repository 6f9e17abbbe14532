// `npm start`: build, then launch the desktop app with Electron. Electron's package fetches its
// binary on first use, so a fresh install downloads it here; where that is impossible
// (ELECTRON_SKIP_BINARY_DOWNLOAD, no network) it says so in one line instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildElectron, buildRenderer } from './lib/build.ts';
import { MISSING_ELECTRON_MESSAGE, electronBinary } from './lib/electron-binary.ts';
import { ROOT } from './lib/paths.ts';

function downloadElectron(): string | null {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  let installer: string;
  try {
    installer = createRequire(`${ROOT}/package.json`).resolve('electron/install.js');
  } catch {
    return null;
  }
  console.log("Downloading Electron's binary (first start)…");
  const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', timeout: 15 * 60_000 });
  return result.status === 0 ? null : (result.stderr.trim().split('\n')[0] ?? 'the download failed');
}

let binary = electronBinary();
if (!binary) {
  const failure = downloadElectron();
  binary = electronBinary();
  if (!binary) {
    console.error(failure ? `${MISSING_ELECTRON_MESSAGE} (The download failed: ${failure}.)` : MISSING_ELECTRON_MESSAGE);
    process.exit(1);
  }
}

await buildRenderer();
await buildElectron();
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
