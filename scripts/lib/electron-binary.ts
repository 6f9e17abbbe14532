import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ROOT } from './paths.ts';

/** The Electron executable the `electron` package installed, or null when there is none. Reads
 * the package's path.txt the way its index.js does, without requiring it: requiring it starts
 * a download when the binary is missing. */
export function electronBinary(root: string = ROOT, env: NodeJS.ProcessEnv = process.env): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = override ? join(override, executable || 'electron') : executable ? join(packageDir, 'dist', executable) : null;
  return full && existsSync(full) ? full : null;
}

export const MISSING_ELECTRON_MESSAGE =
  "Orebridge: Electron's binary is not installed here, so the desktop app cannot start. " +
  '`npm start` downloads it on a machine with network access (unless ELECTRON_SKIP_BINARY_DOWNLOAD is set); ' +
  'to use Orebridge without Electron, run `npm run web`.';
