// Crash recovery and start-up housekeeping of the app data folder.
import { existsSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { removeInterruptedSaves } from './atomic.ts';
import { processIsAlive } from './process-identity.ts';
import type { RecoverableCopy } from './types.ts';
import { readMeta, workingDatabasePath, workingFolder, workingMetaPath, type WorkingCopyMeta } from './working.ts';

const WORKING_COPY_ID = /^[0-9a-f-]{36}$/;

async function allMetas(dataDir: string): Promise<{ ids: string[]; metas: WorkingCopyMeta[] }> {
  let names: string[];
  try {
    names = await readdir(workingFolder(dataDir));
  } catch {
    return { ids: [], metas: [] };
  }
  const ids = [...new Set(names.map((name) => name.split('.')[0] ?? '').filter((id) => WORKING_COPY_ID.test(id)))];
  const metas = ids.map((id) => readMeta(dataDir, id)).filter((meta): meta is WorkingCopyMeta => meta !== null);
  return { ids, metas };
}

/** A working copy whose session is still running (here or in another instance on this computer). */
function isInUse(meta: WorkingCopyMeta): boolean {
  return meta.host === hostname() && processIsAlive(meta.pid);
}

export async function listRecoverableCopies(dataDir: string): Promise<RecoverableCopy[]> {
  const { metas } = await allMetas(dataDir);
  return metas
    .filter((meta) => meta.unsaved && !isInUse(meta) && existsSync(workingDatabasePath(dataDir, meta.workingCopyId)))
    .sort((a, b) => b.lastEditedAt.localeCompare(a.lastEditedAt))
    .map((meta) => ({
      workingCopyId: meta.workingCopyId,
      path: meta.path,
      projectName: meta.projectName,
      lastEditedAt: meta.lastEditedAt,
      unsaved: meta.unsaved,
    }));
}

export async function discardWorkingCopy(dataDir: string, workingCopyId: string): Promise<void> {
  if (!WORKING_COPY_ID.test(workingCopyId)) return;
  const database = workingDatabasePath(dataDir, workingCopyId);
  for (const path of [database, `${database}-journal`, `${database}-wal`, `${database}-shm`, workingMetaPath(dataDir, workingCopyId)]) {
    await unlink(path).catch(() => undefined);
  }
}

/**
 * Removes interrupted saves next to the given documents and in the data folder, and working
 * copies of finished sessions that hold nothing unsaved (or that lost their description).
 */
export async function removeLeftovers(dataDir: string, documentPaths: string[]): Promise<void> {
  await removeInterruptedSaves([workingFolder(dataDir), ...documentPaths.map((path) => dirname(path))]);
  const { ids, metas } = await allMetas(dataDir);
  const described = new Map(metas.map((meta) => [meta.workingCopyId, meta]));
  for (const id of ids) {
    const meta = described.get(id);
    if (meta && isInUse(meta)) continue;
    const hasDatabase = existsSync(workingDatabasePath(dataDir, id));
    if (!meta || !meta.unsaved || !hasDatabase) await discardWorkingCopy(dataDir, id);
  }
}
