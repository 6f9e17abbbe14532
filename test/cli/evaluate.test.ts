import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { differences } from '../support/compare.ts';
import { applyEdits, push, set, type JsonContainer } from '../support/json-edit.ts';
import { runCli } from '../support/cli.ts';
import { EXAMPLES_DIR, exampleCases } from '../support/examples.ts';

const spodumene = join(EXAMPLES_DIR, 'northern-spodumene.project.json');
const readSpodumene = () => JSON.parse(readFileSync(spodumene, 'utf8')) as JsonContainer;
const work = mkdtempSync(join(tmpdir(), 'orebridge-cli-'));
const write = (name: string, text: string) => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};

describe('orebridge evaluate', () => {
  it('prints the evaluation document with --json, equal to the expected example', () => {
    const c = exampleCases().find((x) => x.name === 'nickel-cobalt-hpal' && x.structure === 'state-carry-rrt' && x.scenario === 'capex-overrun')!;
    const result = runCli(['evaluate', c.projectPath, '--structure', c.structure, '--scenario', c.scenario, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(differences(c.expected, JSON.parse(result.stdout) as unknown, 1e-9, 1e-12)).toEqual([]);
  });

  it('defaults to the first structure and the first scenario', () => {
    const result = runCli(['evaluate', spodumene, '--json']);
    const doc = JSON.parse(result.stdout) as { structure: string; scenario: string };
    expect([doc.structure, doc.scenario]).toEqual(['state-carry-offtake', 'base']);
  });

  it('prints a readable report: venture metrics, benefit split, partners and shocks', () => {
    const result = runCli(['evaluate', spodumene, '--scenario', 'low-price']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('scenario "Spodumene at 75% of the deck" (low-price)');
    expect(out).toMatch(/NPV \(after tax\)\s+-?[\d,]+\.\d\d/);
    expect(out).toMatch(/IRR \(real\)\s+0\.41 %/);
    expect(out).toContain('Benefit split');
    expect(out).toMatch(/government\s+127\.28\s+4,358\.34 %\s+249\.27/);
    expect(out).toContain('Partners');
    expect(out).toMatch(/miner\s+-?[\d,.]+\s+-2\.12 %/);
    expect(out).toContain('Who bears each shock');
    expect(out).toContain('disruption-2y');
  });

  it('exits 1 with one line for an unknown structure', () => {
    const result = runCli(['evaluate', spodumene, '--structure', 'nope']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('There is no structure "nope"');
  });

  it('exits 1 with one line, never a stack trace, for a file that is not JSON', () => {
    const result = runCli(['evaluate', write('broken.json', '{"format": "orebridge-project", ')]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^orebridge: The file .*broken\.json is not valid JSON/);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('exits 1 with one line for a missing file and for a folder', () => {
    const missing = runCli(['evaluate', join(work, 'nowhere.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^orebridge: There is no file at .*nowhere\.json\.$/);
    const folder = runCli(['evaluate', work]);
    expect(folder.code).toBe(1);
    expect(folder.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 with one line per problem, each with its full path', () => {
    const doc = applyEdits(readSpodumene(), [set('assumptions.production.grade[4]', 1.2), set('structures[0].terms.partners[1].equity', 0.5)]);
    const result = runCli(['evaluate', write('bad.json', JSON.stringify(doc))]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'assumptions.production.grade[4]: must be a fraction between 0 and 1 (0.05 means 5 %), not 1.2',
      "structures[0].terms.partners: the partners' equities must add up to exactly 1 (100 %); they add up to 0.95",
    ]);
  });

  it('reports an unknown option as a usage error', () => {
    const result = runCli(['evaluate', spodumene, '--colour', 'red']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('orebridge evaluate: unknown option --colour (see orebridge evaluate --help)');
  });
});

describe('orebridge validate', () => {
  it('says a valid project is valid', () => {
    const result = runCli(['validate', spodumene]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('is a valid project: 2 structure(s), 3 scenario(s), 14 years from 2027');
  });

  it('lists one clear line per mistake for a project with a mistake in every section, exit 2', () => {
    const doc = applyEdits(readSpodumene(), [
      set('assumptions.discounting', 'continuous'),                       // assumptions
      set('assumptions.production.recovery[5]', 1.72),                    // production
      set('assumptions.prices[3]', -1200),                                // prices
      push('assumptions.costs.fixed', 1),                                 // costs
      set('assumptions.capex.initial[0]', 'lots'),                        // capex
      set('structures[0].terms.partners[2].equity', 0.4),                 // partners
      set('structures[0].terms.fiscal.royalty.bands[0].fromPrice', 10),   // royalty
      set('structures[0].terms.fiscal.incomeTax.depreciationYears', 0),   // income tax
      set('structures[0].terms.technology[0].licensor', 'acme'),          // technology
      set('structures[0].terms.offtake[0].offtaker', 'nobody'),           // offtake
      set('scenarios[1].overrides.delayYears', 0.5),                      // scenarios
      set('shocks', [{ id: 'x', overrides: { capexFactor: -1 } }]),       // shocks
    ]);
    const result = runCli(['validate', write('every-section.json', JSON.stringify(doc))]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'assumptions.discounting',
      'assumptions.prices[3]',
      'assumptions.production.recovery[5]',
      'assumptions.costs.fixed',
      'assumptions.capex.initial[0]',
      'structures[0].terms.partners',
      'structures[0].terms.fiscal.royalty.bands[0].fromPrice',
      'structures[0].terms.fiscal.incomeTax.depreciationYears',
      'structures[0].terms.technology[0].licensor',
      'structures[0].terms.offtake[0].offtaker',
      'scenarios[1].overrides.delayYears',
      'shocks[0].overrides.capexFactor',
    ]);
    for (const line of lines) expect(line).toMatch(/^[\w.[\]]+: \S.{10,}$/);
  });
});

describe('orebridge --help', () => {
  it('lists the commands', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: orebridge COMMAND \[options\]/);
    expect(result.stdout).toMatch(/\n {2}evaluate {2,}evaluate one structure under one scenario/);
    expect(result.stdout).toMatch(/\n {2}validate {2,}/);
  });

  it('shows a command\'s help with COMMAND --help', () => {
    const result = runCli(['evaluate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: orebridge evaluate PROJECT \[--structure ID\] \[--scenario ID\] \[--json\]/);
  });

  it('rejects an unknown command in one line', () => {
    const result = runCli(['frobnicate']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
