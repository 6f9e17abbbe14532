// `npm start`: build, then launch the desktop app with Electron. Where Electron's binary is
// missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, or the download failed) it says so in
// one line instead of a stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildElectron, buildRenderer } from './lib/build.ts';
import { ROOT } from './lib/paths.ts';

export function electronBinary(): string | null {
  try {
    const found: unknown = createRequire(import.meta.url)('electron');
    return typeof found === 'string' ? found : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.error(
    "Orebridge: Electron's binary is not installed here, so the desktop app cannot start. " +
      'On a machine with network access run `node node_modules/electron/install.js` (or `npm install` without ELECTRON_SKIP_BINARY_DOWNLOAD); ' +
      'to use Orebridge without Electron, run `npm run web`.',
  );
  process.exit(1);
}

await buildRenderer();
await buildElectron();
const child = spawn(binary, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
