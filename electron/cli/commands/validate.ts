import { EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { loadProject } from '../load-project.ts';
import { reportLoadFailure } from './shared.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'list every problem of a project, or say it is valid',
  help: `Usage: orebridge validate PROJECT

Checks PROJECT (an interchange .json file or an .orebridge file) against the methodology's
validation rules and lists every problem at once, one per line as "path: message", with the full
path from the document root.

Options:
  -h, --help   show this help

Exit codes: 0 valid; 2 invalid (the problems on stderr); 1 unreadable or not JSON.
`,
  async run(args, io) {
    const { positionals } = parseArgs(args, [], []);
    const [path, ...extra] = positionals;
    if (path === undefined) throw new UsageError('validate needs a PROJECT file');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const loaded = await loadProject(path);
    if (!loaded.ok) return reportLoadFailure(loaded, io);
    const p = loaded.project;
    io.out(`${path} is a valid project: ${p.structures.length} structure(s), ${p.scenarios.length} scenario(s), ${p.assumptions.years} years from ${p.assumptions.startYear}.\n`);
    return EXIT_OK;
  },
};
