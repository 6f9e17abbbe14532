// `npm start`: build, then launch the desktop app with Electron. Where Electron's binary is
// missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, or the download failed) it says so in
// one line instead of a stack trace.
import { spawn } from 'node:child_process';
import { buildElectron, buildRenderer } from './lib/build.ts';
import { MISSING_ELECTRON_MESSAGE, electronBinary } from './lib/electron-binary.ts';
import { ROOT } from './lib/paths.ts';

const binary = electronBinary();
if (!binary) {
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}

await buildRenderer();
await buildElectron();
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
