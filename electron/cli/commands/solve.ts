import { Dec } from '../../../shared/engine/arithmetic.ts';
import { formatDecimal } from '../../../shared/fields/index.ts';
import { formatMetric, goalSeek, metricLabel } from '../../../shared/negotiation/index.ts';
import { EXIT_FAILURE, EXIT_INVALID, EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { loadProject } from '../load-project.ts';
import { reportLoadFailure } from './shared.ts';

export const solveCommand: Command = {
  name: 'solve',
  summary: 'find the values of one deal term at which a metric reaches a target',
  help: `Usage: orebridge solve PROJECT --term PATH [--balance-with PARTNER] --metric METRIC --target VALUE
                      [--party ID] [--min A --max B] [--structure ID] [--scenario ID] [--json]

Goal seek: finds every value of one deal term of a structure at which a metric equals a
target ("which royalty rate brings government take to 55 %?"), smallest first. The term's
interval is scanned, every crossing refined and confirmed in decimal; the metric reported is the
exact evaluation of the project with that value. When the target is never reached, says so with
the metric's range over the interval.

Options:
  --term PATH            the term, by its interchange path relative to the structure
                         (terms.fiscal.royalty.bands[0].rate, terms.partners[1].equity) or an
                         assumption (assumptions.discountRate)
  --balance-with ID      for an equity: the partner whose equity moves the other way (default:
                         the other partner with the largest equity)
  --metric METRIC        venture.npv, venture.irr, venture.governmentTake, venture.aetr,
                         venture.preTaxNpv, or per party (with --party) pv, share, npvAtHurdle, irr
  --party ID             the party of a per-party metric
  --target VALUE         the target, as stored: fractions as decimals (0.55 for 55 %), money in
                         the project's currency
  --min A, --max B       search only this interval (default: the term's valid range)
  --structure ID         the structure (default: the first)
  --scenario ID          the scenario (default: the first)
  --json                 print { term, metric, party, target, range, solutions, metricRange }
  -h, --help             show this help

Exit codes: 0 solved (or the target is out of reach: the answer says so); 2 the project is
invalid, or an unknown term, metric or party, or a target or interval that is not a number
(one line naming the valid ones); 1 anything else (unreadable file, unknown structure or scenario).
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['--term', '--balance-with', '--metric', '--target', '--party', '--min', '--max', '--structure', '--scenario'], ['--json']);
    const [path, ...extra] = parsed.positionals;
    if (path === undefined) throw new UsageError('solve needs a PROJECT file');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    for (const required of ['--term', '--metric', '--target']) {
      if (!parsed.options.has(required)) throw new UsageError(`solve needs ${required}`);
    }
    const loaded = await loadProject(path);
    if (!loaded.ok) return reportLoadFailure(loaded, io);
    const project = loaded.project;
    const structure = parsed.options.get('--structure') ?? project.structures[0]!.id;
    const option = (name: string) => parsed.options.get(name);
    const result = goalSeek(project, {
      structure,
      term: option('--term')!,
      metric: option('--metric')!,
      target: option('--target')!,
      party: option('--party') ?? null,
      ...(option('--scenario') === undefined ? {} : { scenario: option('--scenario')! }),
      ...(option('--balance-with') === undefined ? {} : { balanceWith: option('--balance-with')! }),
      ...(option('--min') === undefined ? {} : { min: option('--min')! }),
      ...(option('--max') === undefined ? {} : { max: option('--max')! }),
    });
    if (!result.ok) {
      io.err(`orebridge solve: ${result.error.message}\n`);
      return result.error.code === 'unknown-structure' || result.error.code === 'unknown-scenario' ? EXIT_FAILURE : EXIT_INVALID;
    }
    const answer = result.value;
    if (parsed.flags.has('--json')) {
      io.out(`${JSON.stringify({
        term: answer.term.path,
        metric: answer.choice.metric,
        party: answer.choice.party,
        target: answer.target,
        range: answer.range,
        solutions: answer.solutions,
        metricRange: answer.metricRange,
      }, null, 2)}\n`);
      return EXIT_OK;
    }
    const term = answer.term;
    const termText = (value: string) => (term.kind === 'fraction' || term.kind === 'rate' ? `${formatDecimal(new Dec(value).times(100))} %` : `${formatDecimal(new Dec(value))}${term.unit ? ` ${term.unit}` : ''}`);
    const lines = [`${term.label}${term.balancedBy ? ` (balanced by ${term.balancedBy})` : ''} for ${metricLabel(answer.choice)} = ${formatMetric(answer.choice, new Dec(answer.target))}:`];
    if (answer.solutions.length === 0) lines.push(`  none: ${answer.message}`);
    for (const solution of answer.solutions) lines.push(`  ${termText(solution.value)} gives ${metricLabel(answer.choice)} ${formatMetric(answer.choice, new Dec(solution.achieved))} (exactly ${solution.achieved})`);
    io.out(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
