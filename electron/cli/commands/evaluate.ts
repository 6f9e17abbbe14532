import { evaluateProject } from '../../../shared/engine/index.ts';
import { EXIT_FAILURE, EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { loadProject, placeholderNote } from '../load-project.ts';
import { renderReport } from '../report.ts';
import { reportLoadFailure } from './shared.ts';
import { toCsv } from '../../../shared/reports/table.ts';
import { yearlyTable } from '../../../shared/reports/yearly.ts';
import { reportUnits } from '../../../shared/reports/units.ts';

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'evaluate one structure under one scenario',
  help: `Usage: orebridge evaluate PROJECT [--structure ID] [--scenario ID] [--json] [--csv]

Evaluates a deal structure of PROJECT (an interchange .json file or an .orebridge file) under a
scenario, following the methodology: venture metrics, the benefit split by party, partner
metrics and the risk-sharing shocks.

Options:
  --structure ID   the structure to evaluate (default: the first)
  --scenario ID    the scenario to apply (default: the first)
  --json           print the evaluation document (interchange format) instead of a report
  --csv            print the yearly table as CSV: every line of the evaluation, every partner's
                   participating interest and every party's flow, one column per year, exact
  -h, --help       show this help

Exit codes: 0 evaluated; 2 the project is invalid (every problem on stderr as "path: message");
1 anything else (unreadable file, not JSON, unknown structure or scenario).
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['--structure', '--scenario'], ['--json', '--csv']);
    if (parsed.flags.has('--json') && parsed.flags.has('--csv')) throw new UsageError('choose one of --json and --csv');
    const [path, ...extra] = parsed.positionals;
    if (path === undefined) throw new UsageError('evaluate needs a PROJECT file');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const loaded = await loadProject(path);
    if (!loaded.ok) return reportLoadFailure(loaded, io);
    const note = placeholderNote(loaded.placeholders);
    if (note) io.err(note);
    const structure = parsed.options.get('--structure');
    const scenario = parsed.options.get('--scenario');
    const outcome = evaluateProject(loaded.project, {
      ...(structure === undefined ? {} : { structure }),
      ...(scenario === undefined ? {} : { scenario }),
    });
    if (!outcome.ok) {
      io.err(`orebridge: ${outcome.error.message}\n`);
      return EXIT_FAILURE;
    }
    if (parsed.flags.has('--csv')) {
      io.out(toCsv(yearlyTable(outcome.evaluation, reportUnits(loaded.project))));
      return EXIT_OK;
    }
    io.out(parsed.flags.has('--json') ? `${JSON.stringify(outcome.evaluation, null, 2)}\n` : renderReport(loaded.project, outcome.evaluation));
    return EXIT_OK;
  },
};

