import { closeSync, openSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MAX_ITERATIONS, MAX_SEED, mergeColumns, sampleLine, setUpSimulation, simulationDocument } from '../../../shared/risk/index.ts';
import { runChunks } from '../../../shared/risk/parallel.ts';
import { EXIT_FAILURE, EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { loadProject } from '../load-project.ts';
import { startSimulationPool } from '../simulate-pool.ts';
import { renderSimulationReport } from '../simulate-report.ts';
import { reportLoadFailure } from './shared.ts';

function wholeNumber(option: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, not "${value}"`);
  return Number(value);
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Monte Carlo simulation: how likely each party is to lose, and who bears the risk',
  help: `Usage: orebridge simulate PROJECT [--structure ID] [--scenario ID] [--iterations N] [--seed S]
                         [--workers N] [--json] [--samples FILE]

Simulates a deal structure of PROJECT under a scenario with the project's risk block (or the
methodology's defaults when it has none): per party the mean, P10, P50 and P90 of its PV, the
probability of a loss and of missing its hurdle, and its share of the venture's risk; the
venture's NPV and IRR percentiles; the variables that move each party most.

Options:
  --structure ID   the structure to simulate (default: the first)
  --scenario ID    the scenario the draws apply to (default: the first)
  --iterations N   iterations (default: the risk block's, else 10,000)
  --seed S         seed of the random draws (default: the risk block's, else 1)
  --workers N      worker threads (default: one per core); results are the same for any number
  --json           print the simulation document instead of a report
  --samples FILE   also write one JSON line per iteration: its draws, overrides and results
  -h, --help       show this help

Exit codes: 0 simulated; 2 the project is invalid (every problem on stderr as "path: message");
1 anything else (unreadable file, unknown structure or scenario, bad option).
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['--structure', '--scenario', '--iterations', '--seed', '--workers', '--samples'], ['--json']);
    const [path, ...extra] = parsed.positionals;
    if (path === undefined) throw new UsageError('simulate needs a PROJECT file');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const iterations = wholeNumber('--iterations', parsed.options.get('--iterations'), 1, MAX_ITERATIONS);
    const seed = wholeNumber('--seed', parsed.options.get('--seed'), 0, MAX_SEED);
    const workerCount = wholeNumber('--workers', parsed.options.get('--workers'), 1, 64) ?? availableParallelism();
    const loaded = await loadProject(path);
    if (!loaded.ok) return reportLoadFailure(loaded, io);
    const structure = parsed.options.get('--structure');
    const scenario = parsed.options.get('--scenario');
    const request = {
      project: loaded.project,
      ...(structure === undefined ? {} : { structure }),
      ...(scenario === undefined ? {} : { scenario }),
      ...(iterations === undefined ? {} : { iterations }),
      ...(seed === undefined ? {} : { seed }),
    };
    const outcome = setUpSimulation(request);
    if (!outcome.ok) {
      io.err(`orebridge: ${outcome.error.message}\n`);
      return EXIT_FAILURE;
    }
    const setup = outcome.setup;
    const total = setup.iterations;
    const showProgress = process.stderr.isTTY === true;
    const pool = startSimulationPool(Math.min(workerCount, Math.ceil(total / 1000)), { ...request, seed: setup.seed });
    let shown = -1;
    let chunks;
    try {
      chunks = await runChunks(total, pool.runners, (done) => {
        const percentDone = Math.floor((100 * done) / total);
        if (showProgress && percentDone !== shown) {
          shown = percentDone;
          io.err(`\rsimulating: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} iterations (${percentDone} %)`);
        }
      });
    } finally {
      await pool.close();
    }
    if (showProgress) io.err('\n');
    const columns = mergeColumns(chunks!);
    const samplesPath = parsed.options.get('--samples');
    if (samplesPath !== undefined) {
      const fd = openSync(samplesPath, 'w');
      try {
        let buffer = '';
        for (let r = 0; r < columns.count; r++) {
          buffer += `${sampleLine(setup, columns, r)}\n`;
          if (buffer.length > 1 << 20) {
            writeSync(fd, buffer);
            buffer = '';
          }
        }
        writeSync(fd, buffer);
      } finally {
        closeSync(fd);
      }
    }
    const document = simulationDocument(setup, columns);
    io.out(parsed.flags.has('--json') ? `${JSON.stringify(document, null, 2)}\n` : renderSimulationReport(loaded.project, document));
    return EXIT_OK;
  },
};

