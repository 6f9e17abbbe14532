import type { Problem, Project } from '../../shared/engine/index.ts';
import { projectFileKind } from '../files/read-any.ts';
import type { FileError } from '../files/types.ts';
import { createWorkPool, FILE_LIMITS } from '../work/pool.ts';

export type LoadOutcome =
  | { ok: true; project: Project }
  | { ok: false; kind: 'invalid'; problems: Problem[]; problemCount: number }
  | { ok: false; kind: 'unreadable'; message: string };

function refused(error: Pick<FileError, 'message' | 'problems' | 'problemCount'>): LoadOutcome {
  const { problems, problemCount } = error;
  if (problems && problems.length > 0) return { ok: false, kind: 'invalid', problems, problemCount: problemCount ?? problems.length };
  return { ok: false, kind: 'unreadable', message: error.message };
}

/**
 * Reads a validated project from an interchange JSON file or an .orebridge file. The file is
 * untrusted: it is read and checked in a worker thread under the same time and memory limits as
 * in the app, so a hostile file is refused in one line rather than running the command out of
 * time or memory. Invalid projects come back with their problems (the first 1000 and a count).
 */
export async function loadProject(path: string): Promise<LoadOutcome> {
  const pool = createWorkPool({ size: 1 });
  try {
    const task = (await projectFileKind(path)) === 'sqlite' ? ({ kind: 'check-file', path } as const) : ({ kind: 'read-json', path, what: `The file ${path}` } as const);
    const done = await pool.run(task, { limits: FILE_LIMITS, refusal: `The file ${path} is too large to open safely` });
    if (!done.ok) return refused(done.error);
    return done.value.ok ? { ok: true, project: done.value.value.project } : refused(done.value.error);
  } finally {
    await pool.close();
  }
}
