// npm run bench [-- --json] [-- --only engine,files,ui,reports] [-- --iterations N]
// Prints median, p95 and worst milliseconds per case; with --json one JSON object per line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { engineBenchmarks } from './engine.ts';
import type { BenchResult } from './measure.ts';

interface Suite {
  name: string;
  /** A module under bench/ exporting `run(options): Promise<BenchResult[]>`, or a function here. */
  run: (iterations: number) => Promise<BenchResult[]>;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').split(',')) : null;
const iterationsAt = args.indexOf('--iterations');
const iterations = iterationsAt >= 0 ? Number(args[iterationsAt + 1]) : 50;

const moduleSuite = (name: string, file: string): Suite => ({
  name,
  run: async (n) => {
    const path = join(import.meta.dirname, file);
    if (!existsSync(path)) return [];
    const mod = (await import(path)) as { run: (options: { iterations: number }) => Promise<BenchResult[]> };
    return mod.run({ iterations: n });
  },
});

const suites: Suite[] = [
  { name: 'engine', run: async (n) => engineBenchmarks(n) },
  moduleSuite('files', 'files.ts'),
  moduleSuite('ui', 'ui.ts'),
  moduleSuite('reports', 'reports.ts'),
  moduleSuite('risk', 'risk.ts'),
  moduleSuite('negotiation', 'negotiation.ts'),
];

function printTable(results: readonly BenchResult[]): void {
  const width = Math.max(...results.map((r) => r.case.length), 4);
  console.log(`${'case'.padEnd(width)}  ${'median ms'.padStart(9)}  ${'p95 ms'.padStart(8)}  ${'worst ms'.padStart(8)}`);
  for (const r of results) {
    console.log(`${r.case.padEnd(width)}  ${r.medianMs.toFixed(2).padStart(9)}  ${r.p95Ms.toFixed(2).padStart(8)}  ${r.worstMs.toFixed(2).padStart(8)}`);
  }
}

const all: BenchResult[] = [];
for (const suite of suites) {
  if (only && !only.has(suite.name)) continue;
  const results = await suite.run(iterations);
  all.push(...results);
  if (json) for (const r of results) console.log(JSON.stringify({ case: r.case, medianMs: r.medianMs, p95Ms: r.p95Ms }));
  else if (results.length > 0) {
    console.log(`\n== ${suite.name} ==`);
    printTable(results);
  }
}

if (!json) {
  const full = all.filter((r) => r.case.startsWith('evaluate ') && r.case.endsWith('(full)'));
  const base = all.filter((r) => r.case.startsWith('evaluate ') && r.case.endsWith('(base only)'));
  if (full.length > 0) {
    const slowest = full.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
    const worstBase = base.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
    console.log(`\nFull evaluation (shocks and breakeven): slowest median ${slowest.medianMs.toFixed(2)} ms (${slowest.case}); goal 16 ms, limit 50 ms.`);
    console.log(`Base evaluation: slowest median ${worstBase.medianMs.toFixed(2)} ms (${worstBase.case}); limit 5 ms.`);
  }
}
