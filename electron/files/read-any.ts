// `evaluate` reads either kind of project file. better-sqlite3 is loaded only for databases.
import { open, readFile } from 'node:fs/promises';
import { parseProjectText, validateProject } from '../../shared/engine/index.ts';
import type { Project } from '../../shared/engine/interchange.ts';
import { PROJECT_FILE_EXTENSION } from './format.ts';
import { ioError, problemsSentence } from './messages.ts';
import type { ValidationProblem } from './types.ts';

type ReadResult =
  | { ok: true; project: Project }
  | { ok: false; error: { code: string; message: string; problems?: ValidationProblem[] } };

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

export async function readProjectFromPath(path: string): Promise<ReadResult> {
  if (path.toLowerCase().endsWith(PROJECT_FILE_EXTENSION) || (await startsLikeSqlite(path))) {
    const { loadUntrustedFile } = await import('./untrusted.ts');
    const loaded = await loadUntrustedFile(path);
    return loaded.ok ? { ok: true, project: loaded.value.project } : loaded;
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, error: ioError(error, path, 'read') };
  }
  let parsed: unknown;
  try {
    parsed = parseProjectText(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'not-json', message: `The file ${path} is not valid JSON (${detail}).` } };
  }
  const validation = validateProject(parsed);
  if (!validation.ok) {
    return { ok: false, error: { code: 'invalid-project', message: problemsSentence(validation.problems, 'The project'), problems: validation.problems } };
  }
  return { ok: true, project: validation.project };
}
