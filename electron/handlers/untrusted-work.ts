// The handlers' untrusted work, run in the worker pool under its limits.
import type { Project } from '../../shared/engine/interchange.ts';
import type { EvaluateOptions } from '../../shared/engine/index.ts';
import type { CheckedFileContent, FileResult } from '../files/index.ts';
import { parseWithLiterals } from '../files/literal-json.ts';
import { problemsSentence } from '../files/messages.ts';
import { projectSizeProblem } from '../files/json-depth.ts';
import { EVALUATION_LIMITS, FILE_LIMITS, type WorkPool } from '../work/pool.ts';
import type { CaseRequest, EvaluationOutcome, Invalid } from '../work/tasks.ts';

/** How many seals of recently validated projects are kept (the open documents' and their latest edits'). */
const KEPT_SEALS = 8;

export function untrustedWork(pool: WorkPool) {
  // Seals of projects a worker found valid (work/seal.ts): sent with an evaluation, they spare the
  // worker validating again a project that has not changed since. They never leave this process.
  const seals: string[] = [];
  const keep = (seal: string | null) => {
    if (seal === null || seals.includes(seal)) return;
    seals.unshift(seal);
    seals.length = Math.min(seals.length, KEPT_SEALS);
  };
  return {
    /** The session's file check, in a worker: a hostile file can stall or exhaust only that thread. */
    async checkFile(path: string, signal?: AbortSignal): Promise<FileResult<CheckedFileContent>> {
      const done = await pool.run({ kind: 'check-file', path }, { limits: FILE_LIMITS, refusal: 'This file is too large to open safely', ...(signal ? { signal } : {}) });
      if (!done.ok) return done;
      if (!done.value.ok) return done.value;
      const { treeText, metadata, revisions, fingerprint, seal } = done.value.value;
      keep(seal);
      return { ok: true, value: { content: { tree: parseWithLiterals(treeText), metadata, revisions }, fingerprint } };
    },

    /** A JSON project document and the placeholder marks its notes carried. */
    async readJson(path: string, what: string, signal?: AbortSignal): Promise<FileResult<{ project: Project; placeholders: string[] }>> {
      const done = await pool.run({ kind: 'read-json', path, what }, { limits: FILE_LIMITS, refusal: `${what} is too large to open safely`, ...(signal ? { signal } : {}) });
      if (!done.ok) return done;
      return done.value.ok ? { ok: true, value: { project: done.value.value.project, placeholders: done.value.value.placeholders } } : done.value;
    },

    /**
     * A project from a request, checked by the engine in a worker: the main process or the server
     * only parses the request and hands the project on, so no project can stall it.
     */
    async checkProject(project: unknown, what = 'The project'): Promise<FileResult<Project>> {
      // Bounded on this thread, so that handing an oversized project to a worker costs nothing.
      const tooLarge = projectSizeProblem(project, what, 'work on');
      if (tooLarge) return { ok: false, error: { code: 'too-large', message: tooLarge } };
      const done = await pool.run({ kind: 'validate', project }, { limits: EVALUATION_LIMITS, refusal: 'This project is too large to check safely' });
      if (!done.ok) return done;
      if (done.value.ok) {
        keep(done.value.seal);
        return { ok: true, value: done.value.project };
      }
      if ('tooLarge' in done.value) return { ok: false, error: { code: 'too-large', message: done.value.tooLarge } };
      const { problems, problemCount } = done.value;
      return {
        ok: false,
        error: { code: 'invalid-project', message: problemsSentence(problems, what, problemCount), problems, ...(problemCount > problems.length ? { problemCount } : {}) },
      };
    },

    async evaluate(project: unknown, cases: CaseRequest[], options: EvaluateOptions): Promise<FileResult<{ ok: true; outcomes: EvaluationOutcome[] } | Invalid>> {
      const done = await pool.run({ kind: 'evaluate', project, cases, options, seals: [...seals] }, { limits: EVALUATION_LIMITS, refusal: 'This project is too large to evaluate safely' });
      return done.ok ? { ok: true, value: done.value } : done;
    },
  };
}
export type UntrustedWork = ReturnType<typeof untrustedWork>;
