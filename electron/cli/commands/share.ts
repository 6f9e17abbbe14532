import { EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { idList, reportFileError } from './file-errors.ts';

export const shareCommand: Command = {
  name: 'share',
  summary: 'write a copy for the other side with only the chosen structures and scenarios',
  help: `Usage: orebridge share FILE.orebridge -o COPY.orebridge --structures A,B [--scenarios X,Y]
                      [--keep-notes] [--keep-revisions] [--keep-reservations]

Writes COPY.orebridge with only the structures A, B and the scenarios X, Y (default: every
scenario not marked internal). Notes, revisions and the parties' reservation values are left
out unless kept; private notes are always left out. The copy is built from scratch, so nothing removed survives in its bytes.

Options:
  -o, --output FILE      the copy to write (required)
  --structures IDS       comma-separated structure ids to keep (required)
  --scenarios IDS        comma-separated scenario ids to keep
  --keep-notes           keep notes that are not private
  --keep-revisions       keep the revisions of the kept structures
  --keep-reservations    keep the parties' reservation values (confidential by default)
  -h, --help             show this help

Exit codes: 0 written; 2 the file holds an invalid project; 1 anything else.
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['-o', '--output', '--structures', '--scenarios'], ['--keep-notes', '--keep-revisions', '--keep-reservations']);
    const [source, ...extra] = parsed.positionals;
    const target = parsed.options.get('-o') ?? parsed.options.get('--output');
    const structures = idList(parsed.options.get('--structures'));
    const scenarios = idList(parsed.options.get('--scenarios'));
    if (source === undefined) throw new UsageError('share needs a FILE.orebridge');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    if (target === undefined) throw new UsageError('share needs -o COPY.orebridge');
    if (structures === undefined) throw new UsageError('share needs --structures A,B');
    const files = await import('../../files/index.ts');
    const shared = await files.shareFile(source, target, {
      structures,
      ...(scenarios === undefined ? {} : { scenarios }),
      keepNotes: parsed.flags.has('--keep-notes'),
      keepRevisions: parsed.flags.has('--keep-revisions'),
      keepReservations: parsed.flags.has('--keep-reservations'),
    });
    if (!shared.ok) return reportFileError(shared.error, io);
    io.out(`Wrote ${shared.value.path} with structure(s) ${structures.join(', ')}.\n`);
    return EXIT_OK;
  },
};
