// "Edit a term → results on screen" in browser mode: the built renderer in Chromium, talking to
// the real browser-mode server, with the largest example open. Each sample types a new income
// tax rate into its field and times until the new venture NPV has been drawn (the frame after the
// DOM shows it). Prints median and p95; with --json, one line { case, medianMs, p95Ms }.
//   node bench/ui.ts [--json] [--samples N]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchTestBrowser } from '../test/support/browser.ts';
import { startWebServer } from '../electron/web/server.ts';
import { buildRenderer } from '../scripts/lib/build.ts';
import { EXAMPLES_DIR } from '../scripts/lib/paths.ts';
import { summarise, type BenchResult } from './measure.ts';

export interface UiBenchmarkResult {
  case: string;
  medianMs: number;
  p95Ms: number;
  samples: number[];
}

function quantile(sorted: number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export async function runUiBenchmark(options: { samples?: number; warmup?: number } = {}): Promise<UiBenchmarkResult> {
  const samples = options.samples ?? 40;
  const warmup = options.warmup ?? 8;
  const scratch = mkdtempSync(join(tmpdir(), 'orebridge-bench-ui-'));
  const documentsFolder = join(scratch, 'documents');
  const dataDir = join(scratch, 'data');
  mkdirSync(documentsFolder);
  mkdirSync(dataDir);
  const rendererDir = await buildRenderer(join(scratch, 'renderer'));
  const server = await startWebServer({ port: 0, rendererDir, documentsFolder, dataDir, examplesDir: EXAMPLES_DIR, version: 'bench' });
  const browser = await launchTestBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })).newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: /Nickel-Cobalt/ }).click();
    await page.getByRole('status').filter({ hasText: 'Up to date' }).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Fiscal terms', exact: true }).click();
    const field = page.getByRole('textbox', { name: 'Income tax rate', exact: true });
    await field.focus();
    const timings: number[] = [];
    for (let run = 0; run < warmup + samples; run += 1) {
      // Alternate between two rates far enough apart that the NPV shown always changes.
      const text = run % 2 === 0 ? '25' : '35';
      const elapsed = await field.evaluate(
        (input, value) =>
          new Promise<number>((resolve, reject) => {
            const npv = document.querySelector('[data-testid="venture-npv"]');
            if (!npv) return reject(new Error('no venture NPV on screen'));
            const before = npv.textContent;
            const observer = new MutationObserver(() => {
              if (npv.textContent === before) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - start));
            });
            observer.observe(npv, { childList: true, characterData: true, subtree: true });
            const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
            const start = performance.now();
            setValue.call(input, value);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            setTimeout(() => reject(new Error('the results did not change within 10 s')), 10_000);
          }),
        text,
      );
      if (run >= warmup) timings.push(elapsed);
      // Let the slow lane (shocks, breakeven) finish, as a user pausing between edits would.
      await page.getByRole('status').filter({ hasText: 'Up to date' }).waitFor();
      await page.waitForTimeout(150);
    }
    const sorted = [...timings].sort((a, b) => a - b);
    return { case: 'ui-edit-term-largest-example', medianMs: round(quantile(sorted, 0.5)), p95Ms: round(quantile(sorted, 0.95)), samples: timings.map(round) };
  } finally {
    await browser.close();
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** For bench/run.ts: one case, `iterations` timed edits. */
export async function run(options: { iterations: number }): Promise<BenchResult[]> {
  const result = await runUiBenchmark({ samples: options.iterations });
  return [summarise(result.case, result.samples)];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, samples: { type: 'string' } } });
  const result = await runUiBenchmark(values.samples ? { samples: Number(values.samples) } : {});
  if (values.json) console.log(JSON.stringify({ case: result.case, medianMs: result.medianMs, p95Ms: result.p95Ms }));
  else console.log(`${result.case}: median ${result.medianMs} ms, p95 ${result.p95Ms} ms over ${result.samples.length} edits (Nickel-Cobalt HPAL, 20 years, browser mode in Chromium)`);
}
