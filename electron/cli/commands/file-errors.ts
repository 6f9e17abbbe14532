// How the file commands report a refused file: problems as "path: message" lines (exit 2), or
// one line (exit 1).
import type { FileError } from '../../files/index.ts';
import { EXIT_FAILURE, EXIT_INVALID, type CommandIO } from '../io.ts';

const INVALID_CODES = new Set(['invalid-project', 'unexpected-schema']);

export function reportFileError(error: FileError, io: CommandIO): number {
  if (error.problems && error.problems.length > 0) {
    io.err(`orebridge: ${error.message}\n`);
    for (const problem of error.problems) io.err(`${problem.path}: ${problem.message}\n`);
    return EXIT_INVALID;
  }
  io.err(`orebridge: ${error.message}\n`);
  return INVALID_CODES.has(error.code) ? EXIT_INVALID : EXIT_FAILURE;
}

/** `a,b` → ['a', 'b'] (blank entries dropped). */
export function idList(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((id) => id.trim()).filter((id) => id !== '');
}
