// Browser mode serves one folder: every file it reads or writes must really be in it, whatever
// name reached it (symbolic links, `..`, letter case, a link swapped in after listing).
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

async function realPathOf(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') return null;
    // A file to be created: its folder must be real, and the name must not be a dangling link.
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch {
      return null;
    }
  }
}

/**
 * The real path of `path` when it is a file directly inside `folder` (after resolving both), or
 * null. A dangling symbolic link counts as outside: saving through it would create a file elsewhere.
 */
export async function confinedPath(folder: string, path: string): Promise<string | null> {
  const realFolder = await realPathOf(folder);
  const real = await realPathOf(path);
  if (realFolder === null || real === null) return null;
  if (dirname(real) !== realFolder) return null;
  const link = await lstat(real).catch(() => null);
  if (link?.isSymbolicLink()) return null;
  return real;
}

export const OUTSIDE_FOLDER = 'That file is not in the folder this browser-mode session serves, so Orebridge does not open or write it.';
