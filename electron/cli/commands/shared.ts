import { EXIT_FAILURE, EXIT_INVALID, type CommandIO } from '../io.ts';
import type { LoadOutcome } from '../load-project.ts';
import { problemLines } from './file-errors.ts';

/** Invalid input: every problem on stderr as "path: message" (exit 2); otherwise one line (exit 1). */
export function reportLoadFailure(outcome: Exclude<LoadOutcome, { ok: true }>, io: CommandIO): number {
  if (outcome.kind === 'invalid') {
    io.err(problemLines(outcome.problems, outcome.problemCount));
    return EXIT_INVALID;
  }
  io.err(`orebridge: ${outcome.message}\n`);
  return EXIT_FAILURE;
}
