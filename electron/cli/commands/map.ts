import { dealSpace, type BargainingPoint } from '../../../shared/negotiation/index.ts';
import { EXIT_FAILURE, EXIT_INVALID, EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { loadProject } from '../load-project.ts';
import { reportLoadFailure } from './shared.ts';

export const mapCommand: Command = {
  name: 'map',
  summary: 'map the deal space of two terms: every party’s PV, the agreement zone, Nash and Kalai–Smorodinsky points',
  help: `Usage: orebridge map PROJECT --x PATH --y PATH [--steps N] [--x-balance-with ID] [--y-balance-with ID]
                    [--metric METRIC [--party ID]] [--structure ID] [--scenario ID] [--json]

Sweeps two deal terms over a grid (default 41 × 41) and evaluates every point: each party's PV
and, with --metric, that metric. The zone of possible agreement is where every party's
reservation holds: the project's recorded reservation values (its "negotiation" block: a minimum
PV, IRR, NPV at hurdle or government take per party), and a PV of at least 0 for a partner or
the government without one. On the zone: the Nash bargaining point (the largest product of the
parties' gains over their minimum PVs, each to the power of its weight) and the
Kalai–Smorodinsky point, each confirmed in decimal with every party's PV. When the zone is
empty, says which party's reservation cannot be met.

Options:
  --x PATH, --y PATH     the two terms, by their paths relative to the structure
  --x-balance-with ID    for an equity on the x axis: the partner that balances it (also --y-…)
  --steps N              grid points per axis, 2 to 401 (default 41)
  --metric METRIC        a metric to map as well (see orebridge solve --help); --party for a party's
  --structure ID         the structure (default: the first)
  --scenario ID          the scenario (default: the first)
  --json                 print the grid, the zone and the points as JSON (decimal strings for points)
  -h, --help             show this help

Exit codes: 0 mapped (also when the zone is empty); 2 the project is invalid, or an unknown term,
metric or party, or bad steps; 1 anything else.
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['--x', '--y', '--steps', '--x-balance-with', '--y-balance-with', '--metric', '--party', '--structure', '--scenario'], ['--json']);
    const [path, ...extra] = parsed.positionals;
    if (path === undefined) throw new UsageError('map needs a PROJECT file');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    for (const required of ['--x', '--y']) if (!parsed.options.has(required)) throw new UsageError(`map needs ${required}`);
    const steps = parsed.options.has('--steps') ? Number(parsed.options.get('--steps')) : undefined;
    const loaded = await loadProject(path);
    if (!loaded.ok) return reportLoadFailure(loaded, io);
    const option = (name: string) => parsed.options.get(name);
    const axis = (term: string, balance: string | undefined) => ({ term, ...(balance === undefined ? {} : { balanceWith: balance }) });
    const result = dealSpace(loaded.project, {
      structure: option('--structure') ?? loaded.project.structures[0]!.id,
      x: axis(option('--x')!, option('--x-balance-with')),
      y: axis(option('--y')!, option('--y-balance-with')),
      ...(steps === undefined ? {} : { steps }),
      ...(option('--scenario') === undefined ? {} : { scenario: option('--scenario')! }),
      ...(option('--metric') === undefined ? {} : { metric: option('--metric')!, party: option('--party') ?? null }),
    });
    if (!result.ok) {
      io.err(`orebridge map: ${result.error.message}\n`);
      return result.error.code === 'unknown-structure' || result.error.code === 'unknown-scenario' ? EXIT_FAILURE : EXIT_INVALID;
    }
    const space = result.value;
    if (parsed.flags.has('--json')) {
      io.out(`${JSON.stringify({
        x: { term: space.x.path, values: space.xs },
        y: { term: space.y.path, values: space.ys },
        parties: space.parties,
        reservations: space.reservations,
        metric: space.choice,
        points: space.points,
        zone: { count: space.zoneCount, empty: space.emptyZone },
        nash: space.nash,
        kalaiSmorodinsky: space.kalaiSmorodinsky,
      }, null, 2)}\n`);
      return EXIT_OK;
    }
    const point = (name: string, p: BargainingPoint | null) => (p === null ? [] : [
      `${name}: ${space.x.label} ${p.x}, ${space.y.label} ${p.y}`,
      ...Object.entries(p.pv).map(([id, pv]) => `  ${id.padEnd(14)} PV ${Number(pv).toFixed(2)}`),
    ]);
    const lines = [
      `${space.x.label} × ${space.y.label}: ${space.xs.length} × ${space.ys.length} points`,
      space.emptyZone === null ? `Agreement zone: ${space.zoneCount} of ${space.points.length} points` : `Agreement zone: empty (${space.emptyZone})`,
      ...point('Nash bargaining point', space.nash),
      ...point('Kalai–Smorodinsky point', space.kalaiSmorodinsky),
    ];
    io.out(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
