// `npm run web`: Orebridge in a browser. Serves the built renderer and the contract on
// 127.0.0.1 only, with a secret token in the address it prints.
//   --port N      listen on port N (default: a free port)
//   --folder DIR  the folder files are opened from and saved to (default: the current folder)
//   --data DIR    private data: working copies, recent files, settings (default: ~/.orebridge/browser-mode)
//   --build       rebuild the renderer even when dist/renderer exists
//   --renderer DIR  serve an already built renderer from DIR instead of dist/renderer
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startWebServer } from '../electron/web/server.ts';
import { buildRenderer } from './lib/build.ts';
import { EXAMPLES_DIR, RENDERER_OUT, ROOT } from './lib/paths.ts';

function fail(message: string): never {
  console.error(`Orebridge: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      folder: { type: 'string' },
      data: { type: 'string' },
      build: { type: 'boolean' },
      renderer: { type: 'string' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

if (values.help) {
  console.log('npm run web -- [--port N] [--folder DIR] [--data DIR] [--build] [--renderer DIR]');
  process.exit(0);
}

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port needs a whole number from 0 to 65535, not "${values.port}".`);
const documentsFolder = resolve(values.folder ?? process.cwd());
if (!existsSync(documentsFolder) || !statSync(documentsFolder).isDirectory()) fail(`--folder ${documentsFolder} is not a folder.`);
const dataDir = resolve(values.data ?? join(homedir(), '.orebridge', 'browser-mode'));
mkdirSync(dataDir, { recursive: true });

const rendererDir = values.renderer ? resolve(values.renderer) : RENDERER_OUT;
if (values.renderer && !existsSync(join(rendererDir, 'index.html'))) fail(`--renderer ${rendererDir} has no index.html.`);
if (!values.renderer && (values.build || !existsSync(join(RENDERER_OUT, 'index.html')))) {
  console.log('Building the renderer…');
  await buildRenderer();
}

const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
let server;
try {
  server = await startWebServer({ port, rendererDir, documentsFolder, dataDir, examplesDir: EXAMPLES_DIR, version, faviconPath: join(ROOT, 'build', 'icons', 'app.ico') });
} catch (error) {
  fail(`could not listen on 127.0.0.1:${port} (${error instanceof Error ? error.message : String(error)}).`);
}

console.log(`Orebridge is running at ${server.url}`);
console.log(`Files are opened from and saved to ${documentsFolder}. Only this computer can connect. Press Ctrl+C to stop.`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
