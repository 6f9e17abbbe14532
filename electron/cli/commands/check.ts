import { problemLines } from './file-errors.ts';
import type { CheckReport } from '../../files/types.ts';
import { EXIT_FAILURE, EXIT_INVALID, EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'check an .orebridge file: integrity, version, validation',
  help: `Usage: orebridge check FILE.orebridge [--json]

Checks FILE.orebridge as Orebridge checks any file someone sent: the header and application id,
the file format version, SQLite's integrity check, the schema (no triggers, views or tables
Orebridge did not create), and the engine's validation of every row.

Options:
  --json       print the report as one JSON object
  -h, --help   show this help

Exit codes: 0 valid; 2 invalid (the problems on stderr as "path: message"); 1 unreadable.
`,
  async run(args, io) {
    const parsed = parseArgs(args, [], ['--json']);
    const [path, ...extra] = parsed.positionals;
    if (path === undefined) throw new UsageError('check needs a FILE.orebridge');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    // Checked in a worker thread under the app's time and memory limits (see electron/work).
    const { createWorkPool, FILE_LIMITS } = await import('../../work/pool.ts');
    const pool = createWorkPool({ size: 1 });
    const done = await pool.run({ kind: 'check-report', path }, { limits: FILE_LIMITS, refusal: 'This file is too large to open safely' }).finally(() => pool.close());
    const report: CheckReport = done.ok
      ? done.value
      : { status: 'unreadable', formatVersion: null, message: done.error.message, problems: [], problemCount: 0, structures: 0, scenarios: 0, revisions: 0 };
    const code = report.status === 'valid' ? EXIT_OK : report.status === 'invalid' ? EXIT_INVALID : EXIT_FAILURE;
    if (parsed.flags.has('--json')) {
      io.out(`${JSON.stringify(report)}\n`);
      return code;
    }
    if (report.status === 'valid') {
      io.out(`${path}: ${report.message} ${report.structures} structure(s), ${report.scenarios} scenario(s), ${report.revisions} revision(s).\n`);
    } else {
      io.err(`orebridge: ${path}: ${report.message}\n`);
      io.err(problemLines(report.problems, report.problemCount));
    }
    return code;
  },
};
