import type { Problem, Project } from '../../shared/engine/index.ts';
import { projectFileKind } from '../files/read-any.ts';
import type { FileError } from '../files/types.ts';
import { createWorkPool, FILE_LIMITS } from '../work/pool.ts';

export type LoadOutcome =
  | { ok: true; project: Project; /** Inputs that still hold the new-venture template's invented values (the file's marks). */ placeholders: string[] }
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
    if (!done.value.ok) return refused(done.value.error);
    const value = done.value.value;
    return { ok: true, project: value.project, placeholders: 'metadata' in value ? value.metadata.placeholders : value.placeholders };
  } finally {
    await pool.close();
  }
}

/** One line for stderr when the project still holds the template's placeholders, else null. */
export function placeholderNote(placeholders: readonly string[]): string | null {
  if (placeholders.length === 0) return null;
  const shown = placeholders.slice(0, 5).join(', ');
  const more = placeholders.length > 5 ? ` and ${placeholders.length - 5} more` : '';
  return `orebridge: note: ${placeholders.length === 1 ? '1 input still holds' : `${placeholders.length} inputs still hold`} the new-venture template's placeholders (${shown}${more}), so the figures are illustrative until they are replaced.\n`;
}
