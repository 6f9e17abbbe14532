// Runs every hostile case through the command line in a child process and measures it. Used by
// the test (test/security/hostile.test.ts) and by `npm run security`, which prints the figures.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_CASES, type HostileCase } from './corpus.ts';

export const TIME_BUDGET_MS = 5000;
export const MEMORY_BUDGET_MB = 1024;

export interface CaseFigures {
  name: string;
  command: string;
  code: number | null;
  firstLine: string;
  lines: number;
  ms: number;
  maxRssMb: number;
  refused: boolean;
}

const RUN_CLI = join(import.meta.dirname, 'run-cli.ts');

function runCase(args: string[]): Promise<{ code: number | null; firstLine: string; lines: number; maxRssMb: number; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [RUN_CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', () => {
      clearTimeout(killer);
      const ms = performance.now() - started;
      try {
        const report = JSON.parse(out) as { code: number; firstLine: string; lines: number; maxRssMb: number };
        resolve({ ...report, ms });
      } catch {
        resolve({ code: null, firstLine: err.split('\n')[0] ?? '', lines: 0, maxRssMb: Number.NaN, ms });
      }
    });
  });
}

export async function runSuite(cases: HostileCase[] = HOSTILE_CASES): Promise<CaseFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'orebridge-security-'));
  try {
    // One untimed run first, so the first hostile case is not charged for a cold module cache
    // (on a loaded machine that alone came near the budget).
    await runCase(['--help']);
    const figures: CaseFigures[] = [];
    for (const hostile of cases) {
      const path = await hostile.make(dir);
      const args = hostile.command === 'import' ? ['import', path, '-o', join(dir, 'imported.orebridge'), '--force'] : [hostile.command, path];
      const result = await runCase(args);
      figures.push({ name: hostile.name, command: hostile.command, ...result, refused: result.code === 1 || result.code === 2 });
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function summary(figures: CaseFigures[]): string {
  const refused = figures.filter((f) => f.refused).length;
  const slowest = Math.max(...figures.map((f) => f.ms));
  const largest = Math.max(...figures.map((f) => f.maxRssMb));
  return `${figures.length} hostile inputs tried, ${refused} refused; slowest ${(slowest / 1000).toFixed(2)} s (budget ${TIME_BUDGET_MS / 1000} s), most memory ${largest.toFixed(0)} MB (budget ${MEMORY_BUDGET_MB} MB)`;
}
