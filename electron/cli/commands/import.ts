import { existsSync } from 'node:fs';
import { EXIT_FAILURE, EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { reportFileError } from './file-errors.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'turn a JSON project into an .orebridge project file',
  help: `Usage: orebridge import PROJECT.json -o FILE.orebridge [--force]

Validates the interchange project PROJECT.json and writes it to FILE.orebridge, a project file
that keeps every number exactly as written. The file is written whole or not at all.

Options:
  -o, --output FILE   the project file to write (required)
  --force             replace FILE if it exists
  -h, --help          show this help

Exit codes: 0 imported; 2 the project is invalid (every problem on stderr as "path: message");
1 anything else (unreadable, not JSON, FILE exists, cannot write).
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['-o', '--output'], ['--force']);
    const [source, ...extra] = parsed.positionals;
    const target = parsed.options.get('-o') ?? parsed.options.get('--output');
    if (source === undefined) throw new UsageError('import needs a PROJECT.json file');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    if (target === undefined) throw new UsageError('import needs -o FILE.orebridge');
    if (existsSync(target) && !parsed.flags.has('--force')) {
      io.err(`orebridge: ${target} already exists; add --force to replace it.\n`);
      return EXIT_FAILURE;
    }
    const files = await import('../../files/index.ts');
    const imported = await files.importJsonFile(source, target);
    if (!imported.ok) return reportFileError(imported.error, io);
    io.out(`Imported ${source} into ${imported.value.path}.\n`);
    return EXIT_OK;
  },
};
