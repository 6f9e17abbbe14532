import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemLines } from '../../electron/cli/commands/file-errors.ts';
import { BIN } from '../support/cli.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';

const work = mkdtempSync(join(tmpdir(), 'orebridge-cli-limits-'));

/** Runs the command with stderr read through a pipe in small bites, as `| less` would. */
function runThroughPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      child.stderr.pause();
      setTimeout(() => child.stderr.resume(), 1);
    });
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(chunks).toString('utf8') }));
  });
}

describe('the command line with very many problems', () => {
  it('reports the first 1000 problems and a count, through a slow pipe, with exit 2', async () => {
    const project = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), 'utf8')) as { assumptions: { prices: unknown[] } };
    project.assumptions.prices = Array.from({ length: 9000 }, () => 'x');
    const path = join(work, 'many-problems.json');
    writeFileSync(path, JSON.stringify(project));
    const result = await runThroughPipe(['validate', path]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1001);
    expect(lines.at(-1)).toBe('… and 8001 more problems (9001 in all; the first 1000 are shown).');
    expect(result.stderr).not.toMatch(/EINVAL|at .*\.ts:\d+/);
  });

  it('formats millions of problems as one bounded text', () => {
    const problems = Array.from({ length: 3_000_000 }, (_, i) => ({ path: `assumptions.prices[${i}]`, message: 'must be a number' }));
    const text = problemLines(problems);
    expect(text.split('\n')).toHaveLength(1002);
    expect(text).toContain('… and 2999000 more problems');
  });

  it('refuses a list longer than any project holds before validating it (exit 1, one line)', async () => {
    const project = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), 'utf8')) as { assumptions: { prices: unknown[] } };
    project.assumptions.prices = Array.from({ length: 2_000_000 }, () => 'x');
    const path = join(work, 'long-list.json');
    writeFileSync(path, JSON.stringify(project));
    const result = await runThroughPipe(['validate', path]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/has a list of more than 10,000 entries/)]);
  });
});
