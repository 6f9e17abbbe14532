// Writes a database to a user's file so that the file is at every moment either the old one or
// the new one: VACUUM INTO a temporary file in the same folder, flush it, rename it over the
// target, flush the folder.
import { randomBytes } from 'node:crypto';
import { chmod, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ioError } from './messages.ts';
import type { Database } from './sqlite.ts';
import type { FileResult } from './types.ts';

const TEMPORARY_SUFFIX = '.orebridge-saving';

/** `.<name>.<pid>-<random>.orebridge-saving` next to the target. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`);
}

async function flushFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function flushFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch {
    return; // Windows cannot open a folder; its rename is durable on NTFS once the file is flushed.
  }
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the rename has happened either way.
  } finally {
    await handle.close();
  }
}

/** VACUUM INTO a temporary file, flush, rename over `target`, flush the folder. */
export async function saveDatabaseAtomically(db: Database, target: string): Promise<FileResult<{ path: string }>> {
  // Through a symbolic link to the file it points at, so the link stays a link.
  const destination = await realpath(target).catch(() => target);
  const temporary = temporaryPathFor(destination);
  try {
    const existing = await stat(destination).catch(() => null);
    if (existing?.isDirectory()) return { ok: false, error: { code: 'not-a-file', message: `The path ${target} is a folder, so the project cannot be saved there.` } };
    db.prepare('VACUUM INTO ?').run(temporary);
    if (existing) await chmod(temporary, existing.mode & 0o777);
    await flushFile(temporary);
    await rename(temporary, destination);
    await flushFolder(dirname(destination));
    return { ok: true, value: { path: target } };
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    return { ok: false, error: ioError(error, target, 'save to') };
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes temporary files of saves that were interrupted (their process is gone, or they are
 * more than a day old) from the folder of each given path.
 */
export async function removeInterruptedSaves(folders: string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = /\.(\d+)-[0-9a-f]{12}\.orebridge-saving$/.exec(name);
      if (!match || !name.startsWith('.')) continue;
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      const old = info !== null && Date.now() - info.mtimeMs > 24 * 3600 * 1000;
      if (!processIsAlive(Number(match[1])) || old) {
        await unlink(path).then(
          () => removed.push(path),
          () => undefined,
        );
      }
    }
  }
  return removed;
}

export { processIsAlive };
