// The one way Orebridge writes a file (projects, exports, the recent list, settings, working-copy
// descriptions): write a temporary file in the same folder, flush it, rename it over the target,
// flush the folder. The target is at every moment either the old file or the new one.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ioError } from './messages.ts';
import { processIsAlive } from './process-identity.ts';
import type { Database } from './sqlite.ts';
import type { FileResult } from './types.ts';

const TEMPORARY_SUFFIX = '.orebridge-saving';
/** What SQLite may leave beside a database: a stale one beside a saved file changes what other tools read. */
export const SQLITE_SIDE_FILES = ['-journal', '-wal', '-shm'] as const;
const INTERRUPTED_SAVE = /^\.(?:.*)\.(\d+)-[0-9a-f]{12}\.orebridge-saving(?:-journal|-wal|-shm)?$/;

/** `.<name>.<pid>-<random>.orebridge-saving` next to the target. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`);
}

function flushFile(path: string): void {
  const descriptor = openSync(path, 'r+');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

function flushFolder(folder: string): void {
  let descriptor: number;
  try {
    descriptor = openSync(folder, 'r');
  } catch {
    return; // Windows cannot open a folder; its rename is durable on NTFS once the file is flushed.
  }
  try {
    fsyncSync(descriptor);
  } catch {
    // Some file systems refuse fsync on a folder; the rename has happened either way.
  } finally {
    closeSync(descriptor);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/**
 * Replaces `target` with what `writeTemporary` writes to the temporary path it is given: the
 * write, a flush, a rename over the target (through a symbolic link to the file it points at, so
 * the link stays a link), a flush of the folder. Synchronous, so nothing else runs between the
 * steps; the files written are small (a project is a few hundred KiB).
 */
export function replaceAtomically(target: string, writeTemporary: (temporary: string) => void, options: { createFolder?: boolean } = {}): FileResult<{ path: string }> {
  let destination = target;
  try {
    destination = realpathSync(target);
  } catch {
    // A new file.
  }
  const temporary = temporaryPathFor(destination);
  try {
    if (options.createFolder) mkdirSync(dirname(destination), { recursive: true });
    const existing = statOrNull(destination);
    if (existing?.isDirectory()) return { ok: false, error: { code: 'not-a-file', message: `The path ${target} is a folder, so nothing can be saved there.` } };
    writeTemporary(temporary);
    if (existing) chmodSync(temporary, existing.mode & 0o777);
    flushFile(temporary);
    renameSync(temporary, destination);
    flushFolder(dirname(destination));
    return { ok: true, value: { path: target } };
  } catch (error) {
    for (const suffix of ['', ...SQLITE_SIDE_FILES]) removeQuietly(`${temporary}${suffix}`);
    return { ok: false, error: ioError(error, target, 'save to') };
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Text or bytes to `target`, atomically. */
export function writeFileAtomically(target: string, data: string | Uint8Array, options: { createFolder?: boolean } = {}): FileResult<{ path: string }> {
  return replaceAtomically(target, (temporary) => writeFileSync(temporary, data, { flag: 'wx' }), options);
}

/**
 * A database to a user's file (VACUUM INTO the temporary file). A `-journal`, `-wal` or `-shm`
 * left beside the target belongs to the file being replaced; SQLite would replay it over the
 * new file, so it is removed.
 */
export async function saveDatabaseAtomically(db: Database, target: string): Promise<FileResult<{ path: string }>> {
  const saved = replaceAtomically(target, (temporary) => {
    db.prepare('VACUUM INTO ?').run(temporary);
    for (const suffix of SQLITE_SIDE_FILES) removeQuietly(`${temporary}${suffix}`);
    removeStaleSideFiles(target);
  });
  if (saved.ok) removeStaleSideFiles(target);
  return saved;
}

export function removeStaleSideFiles(target: string): void {
  let destination = target;
  try {
    destination = realpathSync(target);
  } catch {
    return;
  }
  for (const suffix of SQLITE_SIDE_FILES) removeQuietly(`${destination}${suffix}`);
}

/**
 * Removes temporary files of saves that were interrupted (their process is gone, or they are
 * more than a day old), with any journal SQLite left beside them, from each given folder.
 */
export async function removeInterruptedSaves(folders: string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = INTERRUPTED_SAVE.exec(name);
      if (!match) continue;
      const path = join(folder, name);
      const info = statOrNull(path);
      const old = info !== null && Date.now() - info.mtimeMs > 24 * 3600 * 1000;
      if (!processIsAlive(Number(match[1])) || old) {
        try {
          unlinkSync(path);
          removed.push(path);
        } catch {
          // Gone already, or not ours to remove.
        }
      }
    }
  }
  return removed;
}

