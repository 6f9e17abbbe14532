import { Dec } from '../../../shared/engine/arithmetic.ts';
import { PRICE_FACTORS, progressivity, type ProgressivityPoint } from '../../../shared/negotiation/index.ts';
import { EXIT_FAILURE, EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { loadProject } from '../load-project.ts';
import { idList } from './file-errors.ts';
import { reportLoadFailure } from './shared.ts';

const percent = (value: string | null) => (value === null ? '—' : `${new Dec(value).times(100).toDecimalPlaces(2).toFixed(2)} %`);

export const progressivityCommand: Command = {
  name: 'progressivity',
  summary: 'government take and AETR of every structure at price factors 0.3× to 3× the deck, against the pre-tax IRR',
  help: `Usage: orebridge progressivity PROJECT [--structures A,B] [--scenario ID] [--json]

Evaluates every structure (or those named) at ${PRICE_FACTORS.length} price factors from ${PRICE_FACTORS[0]}× to ${PRICE_FACTORS[PRICE_FACTORS.length - 1]}× the
price deck, each applied as a scenario (the chosen scenario's price factor multiplied by it),
and prints for each the venture's pre-tax IRR, the government take and the AETR: how progressive
each regime is. Each number is what \`orebridge evaluate\` prints for that structure under a
scenario with that price factor.

Options:
  --structures IDS       comma-separated structure ids (default: every structure)
  --scenario ID          the scenario the price factors are applied to (default: the first)
  --json                 print { "scenario", "priceFactors", "points": [ { "structure",
                         "priceFactor", "preTaxIrr", "governmentTake", "aetr", "preTaxNpv" } ] }
                         with decimal strings (null where a metric is undefined)
  -h, --help             show this help

Exit codes: 0 printed; 2 the project is invalid; 1 anything else (unknown structure or scenario).
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['--structures', '--scenario'], ['--json']);
    const [path, ...extra] = parsed.positionals;
    if (path === undefined) throw new UsageError('progressivity needs a PROJECT file');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const loaded = await loadProject(path);
    if (!loaded.ok) return reportLoadFailure(loaded, io);
    const structures = idList(parsed.options.get('--structures'));
    const scenario = parsed.options.get('--scenario');
    const result = progressivity(loaded.project, { ...(structures === undefined ? {} : { structures }), ...(scenario === undefined ? {} : { scenario }) });
    if (!result.ok) {
      io.err(`orebridge: ${result.error.message}\n`);
      return EXIT_FAILURE;
    }
    const { base, points } = result.value;
    if (parsed.flags.has('--json')) {
      io.out(`${JSON.stringify({ scenario: base, priceFactors: PRICE_FACTORS, points }, null, 2)}\n`);
      return EXIT_OK;
    }
    const byStructure = new Map<string, ProgressivityPoint[]>();
    for (const point of points) byStructure.set(point.structure, [...(byStructure.get(point.structure) ?? []), point]);
    const lines = [`Progressivity under scenario ${base} (price factor × the deck)`];
    for (const [structure, rows] of byStructure) {
      const name = loaded.project.structures.find((s) => s.id === structure)?.name ?? structure;
      lines.push('', `${name}`, `  ${'price'.padStart(6)}  ${'pre-tax IRR'.padStart(11)}  ${'gov. take'.padStart(10)}  ${'AETR'.padStart(10)}`);
      for (const row of rows) lines.push(`  ${`${row.priceFactor}×`.padStart(6)}  ${percent(row.preTaxIrr).padStart(11)}  ${percent(row.governmentTake).padStart(10)}  ${percent(row.aetr).padStart(10)}`);
    }
    io.out(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
