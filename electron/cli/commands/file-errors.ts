// How the file commands report a refused file: problems as "path: message" lines (exit 2), or
// one line (exit 1).
import type { FileError, Problem } from '../../files/index.ts';
import { MAX_REPORTED_PROBLEMS } from '../../files/messages.ts';
import { EXIT_FAILURE, EXIT_INVALID, type CommandIO } from '../io.ts';

const INVALID_CODES = new Set(['invalid-project', 'unexpected-schema']);

export function reportFileError(error: FileError, io: CommandIO): number {
  if (error.problems && error.problems.length > 0) {
    io.err(`orebridge: ${error.message}\n`);
    io.err(problemLines(error.problems, error.problemCount));
    return EXIT_INVALID;
  }
  io.err(`orebridge: ${error.message}\n`);
  return INVALID_CODES.has(error.code) ? EXIT_INVALID : EXIT_FAILURE;
}

/**
 * "path: message" lines for the first MAX_REPORTED_PROBLEMS problems and one line counting the
 * rest, as one text (millions of small writes to a pipe are what made the command line crash).
 */
export function problemLines(problems: readonly Problem[], total = problems.length): string {
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
  const lines = shown.map((problem) => `${problem.path}: ${problem.message}\n`);
  if (total > shown.length) lines.push(`… and ${total - shown.length} more problems (${total} in all; the first ${shown.length} are shown).\n`);
  return lines.join('');
}

/** `a,b` → ['a', 'b'] (blank entries dropped). */
export function idList(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((id) => id.trim()).filter((id) => id !== '');
}
