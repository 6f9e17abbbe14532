import { EXIT_FAILURE, EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { reportFileError } from './file-errors.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: 'print or write the JSON project of an .orebridge file',
  help: `Usage: orebridge export FILE.orebridge [-o PROJECT.json]

Checks FILE.orebridge like "orebridge check" and writes its interchange project, numbers exactly
as they were imported, to PROJECT.json (or to standard output).

Options:
  -o, --output FILE   the JSON file to write (default: standard output)
  -h, --help          show this help

Exit codes: 0 exported; 2 the file holds an invalid project; 1 anything else.
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['-o', '--output'], []);
    const [source, ...extra] = parsed.positionals;
    const target = parsed.options.get('-o') ?? parsed.options.get('--output');
    if (source === undefined) throw new UsageError('export needs a FILE.orebridge');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const files = await import('../../files/index.ts');
    const exported = await files.exportJsonText(source);
    if (!exported.ok) return reportFileError(exported.error, io);
    if (target === undefined) {
      io.out(exported.value);
      return EXIT_OK;
    }
    const written = await files.writeTextFile(target, exported.value);
    if (!written.ok) {
      io.err(`orebridge: ${written.error.message}\n`);
      return EXIT_FAILURE;
    }
    io.out(`Exported ${source} to ${target}.\n`);
    return EXIT_OK;
  },
};
