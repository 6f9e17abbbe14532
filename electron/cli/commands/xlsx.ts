import { EXIT_FAILURE, EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { loadProject } from '../load-project.ts';
import { reportLoadFailure } from './shared.ts';

export const xlsxCommand: Command = {
  name: 'xlsx',
  summary: 'write a live Excel model of one structure under one scenario',
  help: `Usage: orebridge xlsx PROJECT -o FILE.xlsx [--structure ID] [--scenario ID]

Writes an Excel workbook whose formulas compute the structure under the scenario the way the
methodology does: an Inputs sheet (every assumption and term, the scenario's transforms applied
and listed), a Calculation sheet (every line item year by year, one formula along each row) and
a Results sheet (venture metrics and the benefit split; the shock table as values). The names
NPV, PreTaxNPV, GovernmentTake, AETR and PV_<party> point at the headline results. Change an
input and the workbook recalculates.

Options:
  -o, --output FILE   the workbook to write (required)
  --structure ID      the structure (default: the first)
  --scenario ID       the scenario (default: the first)
  -h, --help          show this help

Exit codes: 0 written; 2 the project is invalid; 1 anything else.
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['-o', '--output', '--structure', '--scenario'], []);
    const [path, ...extra] = parsed.positionals;
    const target = parsed.options.get('-o') ?? parsed.options.get('--output');
    if (path === undefined) throw new UsageError('xlsx needs a PROJECT file');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    if (target === undefined) throw new UsageError('xlsx needs -o FILE.xlsx');
    const loaded = await loadProject(path);
    if (!loaded.ok) return reportLoadFailure(loaded, io);
    const structure = parsed.options.get('--structure');
    const scenario = parsed.options.get('--scenario');
    const { workbookFile } = await import('../../reports/workbook/index.ts');
    const { writeExport } = await import('../../reports/write-export.ts');
    const built = await workbookFile(loaded.project, {
      ...(structure === undefined ? {} : { structure }),
      ...(scenario === undefined ? {} : { scenario }),
    });
    if (!built.ok) {
      io.err(`orebridge: ${built.error.message}\n`);
      return EXIT_FAILURE;
    }
    const written = writeExport(target, built.bytes, path);
    if (!written.ok) {
      io.err(`orebridge: ${written.error.message}\n`);
      return EXIT_FAILURE;
    }
    io.out(`Wrote ${target}: structure ${built.structure} under scenario ${built.scenario}.\n`);
    return EXIT_OK;
  },
};
