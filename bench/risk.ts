// npm run bench -- --only risk: 100,000 Monte Carlo iterations on every core (worker threads, as
// `orebridge simulate` runs them) for the largest example and a generated 30-year, 8-partner
// venture (wall time: the median of three runs); iterations per second on one worker; memory. Goal 2 s, limit 5 s.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { parseProjectText, validateProject, type Project } from '../shared/engine/index.ts';
import { mergeColumns, runIterations, setUpSimulation, simulationDocument } from '../shared/risk/index.ts';
import { runChunks } from '../shared/risk/parallel.ts';
import { startSimulationPool } from '../electron/cli/simulate-pool.ts';
import type { BenchResult } from './measure.ts';
import { thirtyYearEightPartnerProject } from './risk-projects.ts';

const ITERATIONS = 100_000;
const EXAMPLES = join(import.meta.dirname, '..', 'test', 'fixtures', 'examples');

function load(name: string): Project {
  const result = validateProject(parseProjectText(readFileSync(join(EXAMPLES, `${name}.project.json`), 'utf8')));
  if (!result.ok) throw new Error(`${name} is invalid`);
  return result.project;
}

/** The largest example: the most years, then the most partners. */
function largestExample(): { name: string; project: Project } {
  const names = ['northern-spodumene', 'nickel-cobalt-hpal', 'ndpr-separation'];
  return names.map((name) => ({ name, project: load(name) }))
    .sort((a, b) => b.project.assumptions.years - a.project.assumptions.years || b.project.structures[0]!.terms.partners.length - a.project.structures[0]!.terms.partners.length)[0]!;
}

/** Wall time, and the CPU time of all threads (what the wall time is on an otherwise idle machine, × workers). */
async function parallelRun(project: Project, workers: number): Promise<{ wallMs: number; cpuMs: number }> {
  const outcome = setUpSimulation({ project, iterations: ITERATIONS });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const pool = startSimulationPool(workers, { project, seed: outcome.setup.seed });
  try {
    const chunks = await runChunks(ITERATIONS, pool.runners, () => {});
    simulationDocument(outcome.setup, mergeColumns(chunks!));
  } finally {
    await pool.close();
  }
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

function oneWorkerRate(project: Project, iterations = 20_000): number {
  const outcome = setUpSimulation({ project, iterations });
  if (!outcome.ok) throw new Error(outcome.error.message);
  runIterations(outcome.setup, 0, 1_000);
  const cpu = process.cpuUsage();
  runIterations(outcome.setup, 0, iterations);
  const used = process.cpuUsage(cpu);
  return iterations / ((used.user + used.system) / 1e6);
}

export async function run(): Promise<BenchResult[]> {
  const workers = availableParallelism();
  const largest = largestExample();
  const generated = thirtyYearEightPartnerProject(load('nickel-cobalt-hpal'));
  const results: BenchResult[] = [];
  for (const [label, project] of [[`${largest.name} (largest example)`, largest.project], ['30 years, 8 partners (generated)', generated]] as const) {
    const runs = [await parallelRun(project, workers), await parallelRun(project, workers), await parallelRun(project, workers)];
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const times = runs.map((r) => r.wallMs);
    const best = median(times);
    const cpuPerWorker = median(runs.map((r) => r.cpuMs)) / workers;
    const rate = oneWorkerRate(project);
    console.log(`risk: ${label}: 100,000 iterations on ${workers} workers in ${(best / 1000).toFixed(2)} s wall (median of 3), ${(cpuPerWorker / 1000).toFixed(2)} s of CPU per worker (goal 2 s, limit 5 s); one worker ${Math.round(rate).toLocaleString('en-US')} iterations per CPU second (${(1e6 / rate).toFixed(1)} µs each)`);
    results.push({ case: `simulate 100,000 × ${label}, ${workers} workers`, medianMs: best, p95Ms: Math.max(...times), worstMs: Math.max(...times), runs: times.length });
  }
  const v2 = oneWorkerRate(load('ndpr-strategic-reserve'));
  console.log(`risk: ndpr-strategic-reserve (methodology v2: loans, price support, grant, holiday): one worker ${Math.round(v2).toLocaleString('en-US')} iterations per CPU second (${(1e6 / v2).toFixed(1)} µs each)`);
  console.log(`risk: peak memory of the process (main and worker threads): ${Math.round(resourceUsage().maxRSS / 1024)} MiB`);
  return results;
}

if (import.meta.main) await run();
