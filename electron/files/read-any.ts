// `evaluate` reads either kind of project file. better-sqlite3 is loaded only for databases.
import { open } from 'node:fs/promises';
import type { Project } from '../../shared/engine/interchange.ts';
import { PROJECT_FILE_EXTENSION } from './format.ts';
import type { ValidationProblem } from './types.ts';

type ReadResult =
  | { ok: true; project: Project }
  | { ok: false; error: { code: string; message: string; problems?: ValidationProblem[]; problemCount?: number } };

async function startsLikeSqlite(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(16);
      await handle.read(buffer, 0, 16, 0);
      return buffer.toString('latin1') === 'SQLite format 3\u0000';
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** How a path is read: as a project database (by its extension or SQLite's magic bytes) or as JSON. */
export async function projectFileKind(path: string): Promise<'sqlite' | 'json'> {
  return path.toLowerCase().endsWith(PROJECT_FILE_EXTENSION) || (await startsLikeSqlite(path)) ? 'sqlite' : 'json';
}

export async function readProjectFromPath(path: string): Promise<ReadResult> {
  if ((await projectFileKind(path)) === 'sqlite') {
    const { loadUntrustedFile } = await import('./untrusted.ts');
    const loaded = await loadUntrustedFile(path);
    return loaded.ok ? { ok: true, project: loaded.value.project } : loaded;
  }
  const { readJsonProject } = await import('./json-text.ts');
  const read = await readJsonProject(path);
  return read.ok ? { ok: true, project: read.value.project } : read;
}
