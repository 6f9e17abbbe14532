import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { exampleProjectPaths } from '../support/examples.ts';

const example = exampleProjectPaths().find((p) => p.includes('nickel-cobalt-hpal'))!;

describe('orebridge xlsx', () => {
  it('writes the workbook of the chosen structure and scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orebridge-xlsx-'));
    const target = join(dir, 'model.xlsx');
    const run = runCli(['xlsx', example, '-o', target, '--structure', 'higher-carry', '--scenario', 'capex-overrun']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('structure higher-carry under scenario capex-overrun');
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('names an unknown scenario in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orebridge-xlsx-'));
    const run = runCli(['xlsx', example, '-o', join(dir, 'model.xlsx'), '--scenario', 'nope']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('There is no scenario "nope"');
  });

  it('refuses to overwrite the project it was made from, and leaves it as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orebridge-xlsx-'));
    const copy = join(dir, 'deal.json');
    writeFileSync(copy, readFileSync(example));
    const before = statSync(copy).size;
    const run = runCli(['xlsx', copy, '-o', copy]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^orebridge: The export would overwrite the project file .*deal\.json; choose another file name\.\n$/);
    expect(statSync(copy).size).toBe(before);
  });

  it('says in one sentence when the folder cannot be written', () => {
    const run = runCli(['xlsx', example, '-o', join(tmpdir(), 'no-such-folder-orebridge', 'model.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
