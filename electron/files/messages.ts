// Turns what went wrong into one plain sentence for the user.
import type { FileError, ValidationProblem } from './types.ts';

/** Problems reported in one reply or on the command line: the first this many, and a count. */
export const MAX_REPORTED_PROBLEMS = 1000;

/** The first MAX_REPORTED_PROBLEMS problems (the sentence and `total` give the count). */
export function reportedProblems(problems: ValidationProblem[]): ValidationProblem[] {
  return problems.length > MAX_REPORTED_PROBLEMS ? problems.slice(0, MAX_REPORTED_PROBLEMS) : problems;
}

/** `total`: how many problems there are when `problems` holds only the first of them. */
export function problemsSentence(problems: ValidationProblem[], what = 'The project in the file', total = problems.length): string {
  const first = problems[0];
  if (!first) return `${what} is not valid.`;
  const where = first.path === '' ? '' : ` at ${first.path}`;
  const more = total > 1 ? ` (and ${(total - 1).toLocaleString('en-US')} more problem${total > 2 ? 's' : ''})` : '';
  return `${what} is not valid: ${first.message}${where}${more}.`;
}

/** An invalid project as a file error: one sentence, the first problems, and their count. */
export function invalidProjectError(problems: ValidationProblem[], what?: string): FileError {
  const shown = reportedProblems(problems);
  return {
    code: 'invalid-project',
    message: problemsSentence(problems, what),
    problems: shown,
    ...(shown.length < problems.length ? { problemCount: problems.length } : {}),
  };
}

export function ioError(error: unknown, path: string, doing: string): FileError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'ENOENT') return { code: 'not-found', message: `There is no file at ${path}.` };
  if (code === 'EISDIR') return { code: 'not-a-file', message: `The path ${path} is a folder, not a project file.` };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'io', message: `Orebridge is not allowed to ${doing} ${path} (permission denied).` };
  if (code === 'ENOSPC') return { code: 'io', message: `There is no space left on the disk to ${doing} ${path}.` };
  if (code === 'EROFS') return { code: 'io', message: `Orebridge cannot ${doing} ${path} because the disk is read-only.` };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'io', message: `Orebridge could not ${doing} ${path}: ${detail}.` };
}
