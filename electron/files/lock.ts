// "Who has it open": a lock file next to the document, created exclusively, holding the owner.
import { hostname, userInfo } from 'node:os';
import { open, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { realpathSync } from 'node:fs';
import { processStartTime, sameProcessRuns } from './process-identity.ts';
import { ioError } from './messages.ts';
import type { FileResult, LockOwner } from './types.ts';

/**
 * The lock of a file is keyed by the file itself, not the name it was reached by: next to its
 * real path (symbolic links, `..` and letter case resolved), so two names for one file share one
 * lock. A file that does not exist yet is keyed by its real folder.
 */
export function lockPathFor(documentPath: string): string {
  const real = realPathOf(documentPath);
  return join(dirname(real), `.${basename(real)}.lock`);
}

function realPathOf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    try {
      return join(realpathSync.native(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

export interface HeldLock {
  owner: LockOwner;
  release(): Promise<void>;
}

function defaultUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'another user';
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | 'unreadable' | null> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT' ? null : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.user === 'string' && typeof value.host === 'string' && typeof value.pid === 'number' && typeof value.since === 'string') {
      return { user: value.user, host: value.host, pid: value.pid, since: value.since, ...(typeof value.started === 'string' ? { started: value.started } : {}) };
    }
  } catch {
    // A lock file cut short by a crash while it was written.
  }
  return 'unreadable';
}

function isStale(owner: LockOwner | 'unreadable'): boolean {
  if (owner === 'unreadable') return true;
  // Stale only when the process that took it is gone: its pid no longer runs, or runs a process
  // that started at another time (a reused pid).
  return owner.host === hostname() && !sameProcessRuns(owner.pid, owner.started);
}

/** The live owner of the lock on `documentPath`, or null when there is none (or it is stale). */
export async function readLiveLock(documentPath: string): Promise<LockOwner | null> {
  const owner = await readOwner(lockPathFor(documentPath));
  if (owner === null || owner === 'unreadable' || isStale(owner)) return null;
  return owner;
}

export function lockedMessage(documentPath: string, owner: LockOwner): string {
  const where = owner.host === hostname() ? (owner.pid === process.pid ? 'in another window of this Orebridge' : 'in another Orebridge on this computer') : `on ${owner.host}`;
  return `The file ${basename(documentPath)} is already open by ${owner.user} ${where} since ${owner.since.replace('T', ' ').slice(0, 16)} UTC; you can open it read-only.`;
}

/** Takes the lock on `documentPath`, replacing a stale one. */
export async function acquireLock(documentPath: string, userName?: string, purpose: 'open' | 'save' = 'open'): Promise<FileResult<HeldLock>> {
  const lockPath = lockPathFor(documentPath);
  const started = processStartTime(process.pid);
  const owner: LockOwner = {
    user: userName ?? defaultUserName(),
    host: hostname(),
    pid: process.pid,
    since: new Date().toISOString(),
    ...(started !== null ? { started } : {}),
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(JSON.stringify(owner));
      } finally {
        await handle.close();
      }
      return { ok: true, value: { owner, release: () => releaseLock(lockPath, owner) } };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        const message =
          purpose === 'open'
            ? `Orebridge cannot write in the folder of ${basename(documentPath)}, so the file can only be opened read-only.`
            : `Orebridge cannot write in the folder ${dirname(documentPath)} (permission denied); choose another folder.`;
        return { ok: false, error: { code: purpose === 'open' ? 'read-only' : 'io', message } };
      }
      if (code === 'ENOENT') {
        const message = purpose === 'open' ? `There is no file at ${documentPath}.` : `The folder ${dirname(documentPath)} does not exist.`;
        return { ok: false, error: { code: 'not-found', message } };
      }
      if (code !== 'EEXIST') return { ok: false, error: ioError(error, documentPath, 'open') };
      const current = await readOwner(lockPath);
      if (current === null) continue;
      if (!isStale(current)) {
        const live = current as LockOwner;
        return { ok: false, error: { code: 'locked', message: lockedMessage(documentPath, live), lockedBy: live } };
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  return { ok: false, error: { code: 'locked', message: `${basename(documentPath)} is being opened by another Orebridge at this moment; try again.` } };
}

async function releaseLock(lockPath: string, owner: LockOwner): Promise<void> {
  const current = await readOwner(lockPath);
  if (current !== null && current !== 'unreadable' && current.pid === owner.pid && current.since === owner.since && current.host === owner.host) {
    await unlink(lockPath).catch(() => undefined);
  }
}
