import type { Problem, Project } from '../../shared/engine/index.ts';
import { readProjectFromFile } from '../files/index.ts';

export type LoadOutcome =
  | { ok: true; project: Project }
  | { ok: false; kind: 'invalid'; problems: Problem[]; problemCount: number }
  | { ok: false; kind: 'unreadable'; message: string };

/**
 * Reads a validated project from an interchange JSON file or an .orebridge file (the file layer
 * loads SQLite only for the latter). Invalid projects come back with every problem.
 */
export async function loadProject(path: string): Promise<LoadOutcome> {
  const result = await readProjectFromFile(path);
  if (result.ok) return { ok: true, project: result.project };
  const { problems, problemCount } = result.error as { problems?: Problem[]; problemCount?: number };
  if (problems && problems.length > 0) return { ok: false, kind: 'invalid', problems, problemCount: problemCount ?? problems.length };
  return { ok: false, kind: 'unreadable', message: result.error.message };
}
