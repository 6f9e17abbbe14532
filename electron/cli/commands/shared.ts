import { EXIT_FAILURE, EXIT_INVALID, type CommandIO } from '../io.ts';
import type { LoadOutcome } from '../load-project.ts';

/** Invalid input: every problem on stderr as "path: message" (exit 2); otherwise one line (exit 1). */
export function reportLoadFailure(outcome: Exclude<LoadOutcome, { ok: true }>, io: CommandIO): number {
  if (outcome.kind === 'invalid') {
    for (const problem of outcome.problems) io.err(`${problem.path}: ${problem.message}\n`);
    return EXIT_INVALID;
  }
  io.err(`orebridge: ${outcome.message}\n`);
  return EXIT_FAILURE;
}
