import { readFile, stat } from 'node:fs/promises';
import { parseProjectText, validateProject, type Problem, type Project } from '../../shared/engine/index.ts';

export type LoadOutcome =
  | { ok: true; project: Project }
  | { ok: false; kind: 'invalid'; problems: Problem[] }
  | { ok: false; kind: 'unreadable'; message: string };

const isProjectFile = (path: string) => path.toLowerCase().endsWith('.orebridge');

/** Reads a project from an interchange JSON file or an .orebridge file, validated. */
export async function loadProject(path: string): Promise<LoadOutcome> {
  if (isProjectFile(path)) return loadProjectFile(path);
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, kind: 'unreadable', message: `${path} is a folder, not a project file` };
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, kind: 'unreadable', message: `cannot read ${path}: ${describeFsError(error)}` };
  }
  let document: unknown;
  try {
    document = parseProjectText(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: 'unreadable', message: `${path} is not valid JSON (${reason})` };
  }
  const result = validateProject(document);
  return result.ok ? { ok: true, project: result.project } : { ok: false, kind: 'invalid', problems: result.problems };
}

async function loadProjectFile(path: string): Promise<LoadOutcome> {
  const files = await import('../files/index.ts');
  const result = await files.readProjectFromFile(path);
  if (result.ok) return { ok: true, project: result.project };
  const problems = (result.error as { problems?: Problem[] }).problems;
  if (problems && problems.length > 0) return { ok: false, kind: 'invalid', problems };
  return { ok: false, kind: 'unreadable', message: result.error.message };
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
