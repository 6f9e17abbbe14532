// Working copies: `<dataDir>/working/<id>.sqlite` plus `<id>.json` describing it.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
  mkdirSync(workingFolder(dataDir), { recursive: true });
  const target = workingMetaPath(dataDir, meta.workingCopyId);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(meta, null, 2));
  renameSync(temporary, target);
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
    };
  } catch {
    return null;
  }
}
