// "Who has it open": a lock file next to the document, created exclusively, holding the owner.
import { homedir, hostname, userInfo } from 'node:os';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
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

/**
 * Hard links give one file several names, in any folders of its file system, which no lock beside
 * a name can see. So a second lock is keyed by the file's identity, its device and inode, in one
 * folder per user that every Orebridge of that user (windows, processes, browser-mode servers)
 * shares. Another user's Orebridge reaching the file through a hard link is seen by neither lock.
 */
export function identityLocksFolder(): string {
  return join(homedir(), '.orebridge', 'locks');
}

async function identityOf(path: string): Promise<string | null> {
  try {
    const info = await stat(path, { bigint: true });
    return `${info.dev}-${info.ino}`;
  } catch {
    return null;
  }
}

/** The identity lock of the file at `documentPath`, or null when there is no file there (yet). */
async function identityLockPathFor(documentPath: string, folder: string): Promise<string | null> {
  const identity = await identityOf(documentPath);
  return identity ? join(folder, `${identity}.lock`) : null;
}

/**
 * An identity lock names the path it was taken through. When that path no longer leads to the
 * same device and inode (the file was deleted or replaced and the inode number given to another
 * file), the lock guards nothing any more.
 */
async function identityLockOutlived(lockPath: string): Promise<boolean> {
  try {
    const record = JSON.parse(await readFile(lockPath, 'utf8')) as { path?: unknown };
    if (typeof record.path !== 'string') return true;
    return `${await identityOf(record.path)}.lock` !== basename(lockPath);
  } catch {
    return true;
  }
}

export interface HeldLock {
  owner: LockOwner;
  release(): Promise<void>;
  /**
   * After a save replaced the file (a new inode under the same name), moves the identity lock to
   * the new file. The old inode now belongs only to names that no longer reach this document.
   */
  rekey(): Promise<void>;
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

/** The live owner of the lock on `documentPath` (under this name or any other), or null when there is none (or it is stale). */
export async function readLiveLock(documentPath: string, identityFolder: string = identityLocksFolder()): Promise<LockOwner | null> {
  const identity = await identityLockPathFor(documentPath, identityFolder);
  const owner = await readOwner(lockPathFor(documentPath));
  if (owner !== null && owner !== 'unreadable' && !isStale(owner)) return owner;
  if (!identity) return null;
  const other = await readOwner(identity);
  if (other === null || other === 'unreadable' || isStale(other) || (await identityLockOutlived(identity))) return null;
  return other;
}

export function lockedMessage(documentPath: string, owner: LockOwner, underAnotherName = false): string {
  const where = owner.host === hostname() ? (owner.pid === process.pid ? 'in another window of this Orebridge' : 'in another Orebridge on this computer') : `on ${owner.host}`;
  const how = underAnotherName ? ' under another name (a hard link to the same file)' : '';
  return `The file ${basename(documentPath)} is already open${how} by ${owner.user} ${where} since ${owner.since.replace('T', ' ').slice(0, 16)} UTC; you can open it read-only.`;
}

type LockFileTaken = { kind: 'taken' } | { kind: 'held'; owner: LockOwner } | { kind: 'busy' } | { kind: 'failed'; error: unknown };

/**
 * Creates `lockPath` exclusively for `owner`, replacing a stale lock once. `goneStale` tells a
 * lock stale for a reason of its own besides its process being gone.
 */
async function takeLockFile(lockPath: string, owner: LockOwner, record: object = owner, goneStale: () => Promise<boolean> = async () => false): Promise<LockFileTaken> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(JSON.stringify(record));
      } finally {
        await handle.close();
      }
      return { kind: 'taken' };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') return { kind: 'failed', error };
      const current = await readOwner(lockPath);
      if (current === null) continue;
      if (!isStale(current) && !(await goneStale())) return { kind: 'held', owner: current as LockOwner };
      await unlink(lockPath).catch(() => undefined);
    }
  }
  return { kind: 'busy' };
}

/**
 * The identity lock (device and inode) of `documentPath`, or null where it cannot be kept (no file
 * yet, no writable home folder): the lock beside the name still holds then.
 */
async function takeIdentityLock(documentPath: string, owner: LockOwner, folder: string): Promise<{ path: string } | { heldBy: LockOwner } | null> {
  const lockPath = await identityLockPathFor(documentPath, folder);
  if (!lockPath) return null;
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  } catch {
    return null;
  }
  const taken = await takeLockFile(lockPath, owner, { ...owner, path: documentPath }, () => identityLockOutlived(lockPath));
  if (taken.kind === 'taken') return { path: lockPath };
  if (taken.kind === 'held') return { heldBy: taken.owner };
  return null;
}

/** Takes the lock on `documentPath` (beside its real name, and on its identity), replacing stale ones. */
export async function acquireLock(
  documentPath: string,
  userName?: string,
  purpose: 'open' | 'save' = 'open',
  identityFolder: string = identityLocksFolder(),
): Promise<FileResult<HeldLock>> {
  const lockPath = lockPathFor(documentPath);
  const started = processStartTime(process.pid);
  const owner: LockOwner = {
    user: userName ?? defaultUserName(),
    host: hostname(),
    pid: process.pid,
    since: new Date().toISOString(),
    ...(started !== null ? { started } : {}),
  };
  const taken = await takeLockFile(lockPath, owner);
  if (taken.kind === 'busy') {
    return { ok: false, error: { code: 'locked', message: `${basename(documentPath)} is being opened by another Orebridge at this moment; try again.` } };
  }
  if (taken.kind === 'held') return { ok: false, error: { code: 'locked', message: lockedMessage(documentPath, taken.owner), lockedBy: taken.owner } };
  if (taken.kind === 'failed') {
    const code = (taken.error as { code?: string }).code;
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
    return { ok: false, error: ioError(taken.error, documentPath, 'open') };
  }

  const identity = await takeIdentityLock(documentPath, owner, identityFolder);
  if (identity && 'heldBy' in identity) {
    await releaseLock(lockPath, owner);
    return { ok: false, error: { code: 'locked', message: lockedMessage(documentPath, identity.heldBy, true), lockedBy: identity.heldBy } };
  }
  let identityPath = identity?.path ?? null;
  return {
    ok: true,
    value: {
      owner,
      release: async () => {
        if (identityPath) await releaseLock(identityPath, owner);
        await releaseLock(lockPath, owner);
      },
      rekey: async () => {
        const next = await identityLockPathFor(documentPath, identityFolder);
        if (next === identityPath) return;
        if (identityPath) await releaseLock(identityPath, owner);
        const retaken = await takeIdentityLock(documentPath, owner, identityFolder);
        identityPath = retaken && 'path' in retaken ? retaken.path : null;
      },
    },
  };
}

async function releaseLock(lockPath: string, owner: LockOwner): Promise<void> {
  const current = await readOwner(lockPath);
  if (current !== null && current !== 'unreadable' && current.pid === owner.pid && current.since === owner.since && current.host === owner.host) {
    await unlink(lockPath).catch(() => undefined);
  }
}
