// Tests that need a program from the machine (LibreOffice, pdftotext, a browser) find it here or
// fail with one line that says what to install. They are never skipped: a green run means the
// test ran.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface ToolRequirement {
  /** The command looked up on PATH, e.g. `soffice`. */
  command: string;
  /** What a person calls it, e.g. `LibreOffice Calc`. */
  name: string;
  /** How to get it, e.g. `apt-get install libreoffice-calc-nogui`. */
  install: string;
  /** An environment variable that may name the executable instead (checked first). */
  envVar?: string;
}

export interface ToolLookup {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  isExecutable: (path: string) => boolean;
}

export const machineLookup: ToolLookup = { env: process.env, platform: process.platform, isExecutable };

/** A one-line failure: vitest prints the message alone, without a stack of our helper's frames. */
export class MissingToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingToolError';
    this.stack = `${this.name}: ${message}`;
  }
}

export function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `command` on PATH, or undefined. */
export function findOnPath(command: string, lookup: ToolLookup = machineLookup): string | undefined {
  const extensions = lookup.platform === 'win32' ? ['', ...(lookup.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const folder of (lookup.env.PATH ?? '').split(delimiter)) {
    if (!folder) continue;
    for (const extension of extensions) {
      const candidate = join(folder, command + extension);
      if (lookup.isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export function missingToolMessage(tool: ToolRequirement): string {
  const orEnv = tool.envVar ? ` (or set ${tool.envVar} to its executable)` : '';
  return `${tool.name} is needed by this test and was not found: ${tool.install}${orEnv}.`;
}

/** The path of the tool, or throws a one-line MissingToolError saying what to install. */
export function requireTool(tool: ToolRequirement, lookup: ToolLookup = machineLookup): string {
  const named = tool.envVar ? lookup.env[tool.envVar] : undefined;
  if (named) {
    if (lookup.isExecutable(named)) return named;
    throw new MissingToolError(`${tool.envVar}=${named} is not an executable file; point it at ${tool.name} or unset it.`);
  }
  const found = findOnPath(tool.command, lookup);
  if (found) return found;
  throw new MissingToolError(missingToolMessage(tool));
}

/** The system tools tests use, with the one place that says how to get each. */
export const LIBREOFFICE: ToolRequirement = {
  command: 'soffice',
  name: 'LibreOffice Calc (soffice)',
  install: 'install it with `apt-get install libreoffice-calc-nogui` (Debian/Ubuntu) or from libreoffice.org',
  envVar: 'OREBRIDGE_SOFFICE',
};

export const PDFTOTEXT: ToolRequirement = {
  command: 'pdftotext',
  name: 'pdftotext (Poppler)',
  install: 'install it with `apt-get install poppler-utils` (Debian/Ubuntu) or `brew install poppler` (macOS)',
  envVar: 'OREBRIDGE_PDFTOTEXT',
};

export const PDFTOPPM: ToolRequirement = {
  command: 'pdftoppm',
  name: 'pdftoppm (Poppler)',
  install: PDFTOTEXT.install,
  envVar: 'OREBRIDGE_PDFTOPPM',
};
