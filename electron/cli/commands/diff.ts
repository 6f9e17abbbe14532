import type { DiffSide } from '../../files/index.ts';
import { EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { reportFileError } from './file-errors.ts';

/** `@3` is revision 3; anything else is a structure id. */
export function diffSide(text: string): DiffSide {
  const revision = /^@(\d+)$/.exec(text);
  return revision ? { kind: 'revision', id: Number(revision[1]) } : { kind: 'structure', id: text };
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'term-by-term changes between two structures or revisions',
  help: `Usage: orebridge diff FILE.orebridge A B [--json]

Lists every deal term that differs from A to B (equity, royalty, carry, offtake floor, …) with
its old and new value. A and B are structure ids, or @N for revision N (see "orebridge
revisions").

Options:
  --json       print a JSON array of { path, label, change, before, after }
  -h, --help   show this help

Exit codes: 0 compared (with or without differences); 2 the file holds an invalid project;
1 anything else (unreadable file, unknown structure or revision).
`,
  async run(args, io) {
    const parsed = parseArgs(args, [], ['--json']);
    const [path, a, b, ...extra] = parsed.positionals;
    if (path === undefined || a === undefined || b === undefined) throw new UsageError('diff needs FILE.orebridge A B');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const files = await import('../../files/index.ts');
    const compared = await files.diffInFile(path, diffSide(a), diffSide(b));
    if (!compared.ok) return reportFileError(compared.error, io);
    if (parsed.flags.has('--json')) {
      io.out(`${JSON.stringify(compared.value, null, 2)}\n`);
      return EXIT_OK;
    }
    if (compared.value.length === 0) {
      io.out(`No differences between ${a} and ${b}.\n`);
      return EXIT_OK;
    }
    for (const change of compared.value) {
      if (change.change === 'added') io.out(`+ ${change.label}: ${change.after ?? ''}\n`);
      else if (change.change === 'removed') io.out(`- ${change.label}: ${change.before ?? ''}\n`);
      else io.out(`~ ${change.label}: ${change.before ?? ''} → ${change.after ?? ''}\n`);
    }
    return EXIT_OK;
  },
};
