// File-layer benchmarks: open + validate (+ evaluate) and save of a project with 50 structures
// × 5 scenarios. Run by bench/run.ts (`npm run bench -- --only files`), or on its own:
// node bench/files.ts [--json] [--iterations N]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEvaluator, evaluateProject } from '../shared/engine/index.ts';
import { importJsonFile, loadProjectFile, openDocument } from '../electron/files/index.ts';
import { untrustedWork } from '../electron/handlers/untrusted-work.ts';
import { createWorkPool } from '../electron/work/pool.ts';
import { jobFor } from '../renderer/engine/resultsController.ts';
import type { ResultKind } from '../renderer/engine/resultsStore.ts';
import { runEngineJob } from '../renderer/engine/runJob.ts';
import { createWorkerRunner, type EngineRunner } from '../renderer/engine/engineClient.ts';
import { createSplitRunner } from '../renderer/engine/splitRunner.ts';
import { Worker as ThreadWorker } from 'node:worker_threads';
import { summarise, type BenchResult } from './measure.ts';

const EXAMPLE = join(import.meta.dirname, '..', 'test', 'fixtures', 'examples', 'northern-spodumene.project.json');

interface Document {
  structures: { id: string; name?: string; terms: { partners: { equity: unknown }[] } }[];
  scenarios: { id: string; name?: string; overrides: Record<string, unknown> }[];
}

/** A compare matrix's cases: base evaluations without the audit lines, which the matrix never shows. */
const MATRIX_OPTIONS = { shocks: false, breakeven: false, auditLines: false } as const;

/** The spodumene example grown to 50 structures (equity varied) and 5 scenarios. */
function largeProjectText(): string {
  const document = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Document;
  const templates = document.structures;
  document.structures = Array.from({ length: 50 }, (_, i) => {
    const copy = structuredClone(templates[i % templates.length]!);
    copy.id = `structure-${i + 1}`;
    copy.name = `Structure ${i + 1}`;
    const state = (10 + (i % 10)) / 100;
    copy.terms.partners[0]!.equity = state;
    copy.terms.partners[1]!.equity = `${(0.7 - state).toFixed(2)}`;
    copy.terms.partners[2]!.equity = 0.3;
    return copy;
  });
  const factors = [1, 0.75, 0.9, 1.1, 1.25];
  document.scenarios = factors.map((priceFactor, i) => ({ id: `scenario-${i + 1}`, name: `Prices × ${priceFactor}`, overrides: { priceFactor } }));
  return JSON.stringify(document);
}

/** The renderer's engine worker as the app starts it, in a Node worker thread (bench/engine-thread.ts). */
function engineThread(): Worker {
  const thread = new ThreadWorker(new URL('./engine-thread.ts', import.meta.url));
  const worker = {
    onmessage: null as ((event: { data: unknown }) => void) | null,
    onerror: null as ((event: { message: string }) => void) | null,
    postMessage: (message: unknown) => thread.postMessage(message),
    terminate: () => void thread.terminate(),
  };
  thread.on('message', (data: unknown) => worker.onmessage?.({ data }));
  thread.on('error', (error: Error) => worker.onerror?.({ message: error.message }));
  return worker as unknown as Worker;
}

async function time(name: string, iterations: number, fn: () => Promise<unknown>, warmups = 3): Promise<BenchResult> {
  for (let i = 0; i < Math.min(warmups, iterations); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return summarise(name, times);
}

export async function run(options: { iterations: number }): Promise<BenchResult[]> {
  const iterations = Math.max(1, Math.min(options.iterations, 30));
  const dir = mkdtempSync(join(tmpdir(), 'orebridge-bench-'));
  try {
    const json = join(dir, 'large.json');
    writeFileSync(json, largeProjectText());
    const path = join(dir, 'large.orebridge');
    const imported = await importJsonFile(json, path);
    if (!imported.ok) throw new Error(imported.error.message);
    const dataDir = join(dir, 'data');
    const results: BenchResult[] = [];

    results.push(
      await time('files: open + validate (50 structures × 5 scenarios)', iterations, async () => {
        const loaded = await loadProjectFile(path);
        if (!loaded.ok) throw new Error(loaded.error.message);
      }),
    );
    results.push(
      await time('files: open + validate + evaluate one case (50 × 5)', iterations, async () => {
        const opened = await openDocument(path, { dataDir });
        if (!opened.ok) throw new Error(opened.error.message);
        const evaluated = evaluateProject(opened.value.project(), { structure: 'structure-1', scenario: 'scenario-1' });
        if (!evaluated.ok) throw new Error(evaluated.error.message);
        await opened.value.close();
      }),
    );
    results.push(
      await time('files: open + validate + evaluate all 250 cases, base only (50 × 5)', Math.min(iterations, 10), async () => {
        const opened = await openDocument(path, { dataDir });
        if (!opened.ok) throw new Error(opened.error.message);
        const project = opened.value.project();
        const evaluate = createEvaluator(project);
        for (const structure of project.structures) {
          for (const scenario of project.scenarios) {
            const evaluated = evaluate({ structure: structure.id, scenario: scenario.id }, MATRIX_OPTIONS);
            if (!evaluated.ok) throw new Error(evaluated.error.message);
          }
        }
        await opened.value.close();
      }, 2),
    );

    // What the app does: the file opened and checked, then the renderer's engine worker runs the
    // controller's compare job (it validates the project again, then evaluates every case).
    const appCompare = (kind: ResultKind) => async () => {
      const opened = await openDocument(path, { dataDir });
      if (!opened.ok) throw new Error(opened.error.message);
      const project = opened.value.project();
      const cases = project.structures.flatMap((structure) => project.scenarios.map((scenario) => ({ structure: structure.id, scenario: scenario.id })));
      const response = runEngineJob(jobFor(kind, project, cases));
      if (response.valid !== true) throw new Error('the project did not validate');
      const evaluated = response.results.filter((result) => result.ok).length;
      if (evaluated !== 250) throw new Error(`${evaluated} of 250 cases evaluated`);
      await opened.value.close();
    };
    results.push(await time("files: open + validate + the app's compare job, lean pass, all 250 cases (runEngineJob, 50 × 5)", Math.min(iterations, 10), appCompare('lean'), 2));
    results.push(await time("files: open + validate + the app's compare job, breakeven pass, all 250 cases (runEngineJob, 50 × 5)", Math.min(iterations, 3), appCompare('lean-breakeven'), 1));

    // The same job as the app's slow lane runs it: split over two engine workers (renderer/main.tsx),
    // the replies cloned back and checked as the renderer checks them.
    const runners: EngineRunner[] = [createWorkerRunner(engineThread), createWorkerRunner(engineThread)];
    const onWorkers = (lane: EngineRunner) => async () => {
      const opened = await openDocument(path, { dataDir });
      if (!opened.ok) throw new Error(opened.error.message);
      const project = opened.value.project();
      const cases = project.structures.flatMap((structure) => project.scenarios.map((scenario) => ({ structure: structure.id, scenario: scenario.id })));
      const response = await lane.run(jobFor('lean', project, cases));
      if (response.valid !== true) throw new Error('the project did not validate');
      const evaluated = response.results.filter((result) => result.ok).length;
      if (evaluated !== 250) throw new Error(`${evaluated} of 250 cases evaluated`);
      await opened.value.close();
    };
    const slowLane = createSplitRunner(runners);
    try {
      results.push(await time("files: open + validate + the app's compare job, lean pass, all 250 cases, one engine worker (50 × 5)", Math.min(iterations, 10), onWorkers(runners[0]!), 4));
      results.push(await time("files: open + validate + the app's compare job, lean pass, all 250 cases, both cores (two engine workers, 50 × 5)", Math.min(iterations, 10), onWorkers(slowLane), 4));
    } finally {
      slowLane.dispose();
    }

    // The file checked in a worker thread, the matrix split over both cores.
    const pool = createWorkPool({ size: 2 });
    await pool.warm();
    const work = untrustedWork(pool);
    try {
      results.push(
        await time('files: open + validate + evaluate all 250 cases, base only, both cores (worker pool, 50 × 5)', Math.min(iterations, 10), async () => {
          const opened = await openDocument(path, { dataDir, checkFile: work.checkFile });
          if (!opened.ok) throw new Error(opened.error.message);
          const project = opened.value.project();
          // Scenario by scenario, so that each worker meets as few of the scenarios' ventures as it can.
          const cases = project.scenarios.flatMap((scenario) => project.structures.map((structure) => ({ structure: structure.id, scenario: scenario.id })));
          const half = Math.ceil(cases.length / 2);
          const halves = await Promise.all([cases.slice(0, half), cases.slice(half)].map((part) => work.evaluate(project, part, MATRIX_OPTIONS)));
          let evaluated = 0;
          for (const done of halves) {
            if (!done.ok || !done.value.ok) throw new Error('the matrix was not evaluated');
            evaluated += done.value.outcomes.filter((outcome) => outcome.ok).length;
          }
          if (evaluated !== 250) throw new Error(`${evaluated} of 250 cases evaluated`);
          await opened.value.close();
        }, 2),
      );
    } finally {
      await pool.close();
    }

    const document = await openDocument(path, { dataDir });
    if (!document.ok) throw new Error(document.error.message);
    const project = document.value.project();
    results.push(
      await time('files: save (50 × 5)', iterations, async () => {
        const saved = await document.value.save();
        if (!saved.ok) throw new Error(saved.error.message);
      }),
    );
    results.push(
      await time('files: apply an edited project (50 × 5)', iterations, async () => {
        const applied = document.value.apply(project);
        if (!applied.ok) throw new Error(applied.error.message);
      }),
    );
    await document.value.close();
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--iterations');
  const results = await run({ iterations: at >= 0 ? Number(args[at + 1]) : 20 });
  for (const r of results) {
    if (args.includes('--json')) console.log(JSON.stringify({ case: r.case, medianMs: r.medianMs, p95Ms: r.p95Ms }));
    else console.log(`${r.case}: median ${r.medianMs.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, worst ${r.worstMs.toFixed(1)} ms`);
  }
}
