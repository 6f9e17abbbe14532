// Working copies: `<dataDir>/working/<id>.sqlite` plus `<id>.json` describing it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic.ts';
import type { Fingerprint } from './fingerprint.ts';

export interface WorkingCopyMeta {
  workingCopyId: string;
  path: string | null;
  projectName: string | null;
  host: string;
  pid: number;
  openedAt: string;
  lastEditedAt: string;
  unsaved: boolean;
  readOnly: boolean;
  /** The file at `path` as this working copy last read or wrote it. */
  onDisk?: Fingerprint | null;
}

export function workingFolder(dataDir: string): string {
  return join(dataDir, 'working');
}

export function workingDatabasePath(dataDir: string, workingCopyId: string): string {
  return join(workingFolder(dataDir), `${workingCopyId}.sqlite`);
}

export function workingMetaPath(dataDir: string, workingCopyId: string): string {
  return join(workingFolder(dataDir), `${workingCopyId}.json`);
}

export function writeMeta(dataDir: string, meta: WorkingCopyMeta): void {
  const written = writeFileAtomically(workingMetaPath(dataDir, meta.workingCopyId), JSON.stringify(meta, null, 2), { createFolder: true });
  if (!written.ok) throw new Error(written.error.message);
}

function isFingerprint(value: unknown): value is Fingerprint {
  const candidate = value as Partial<Fingerprint> | null | undefined;
  return typeof candidate?.size === 'number' && typeof candidate.modifiedMs === 'number' && typeof candidate.sha256 === 'string';
}

export function readMeta(dataDir: string, workingCopyId: string): WorkingCopyMeta | null {
  try {
    const value = JSON.parse(readFileSync(workingMetaPath(dataDir, workingCopyId), 'utf8')) as Partial<WorkingCopyMeta>;
    if (typeof value.workingCopyId !== 'string' || typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return {
      workingCopyId: value.workingCopyId,
      path: typeof value.path === 'string' ? value.path : null,
      projectName: typeof value.projectName === 'string' ? value.projectName : null,
      host: value.host,
      pid: value.pid,
      openedAt: String(value.openedAt ?? ''),
      lastEditedAt: String(value.lastEditedAt ?? value.openedAt ?? ''),
      unsaved: value.unsaved === true,
      readOnly: value.readOnly === true,
      onDisk: isFingerprint(value.onDisk) ? value.onDisk : null,
    };
  } catch {
    return null;
  }
}
