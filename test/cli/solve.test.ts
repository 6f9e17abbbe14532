import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../shared/engine/arithmetic.ts';
import type { Evaluation, Project } from '../../shared/engine/index.ts';
import { dealTerms, writeTerm } from '../../shared/fields/index.ts';
import { runCli } from '../support/cli.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';

const work = mkdtempSync(join(tmpdir(), 'orebridge-solve-'));
const spodumene = join(EXAMPLES_DIR, 'northern-spodumene.project.json');
const projects = ['northern-spodumene', 'nickel-cobalt-hpal', 'ndpr-separation', 'ndpr-strategic-reserve', 'nordic-graphite-anode'];

interface SolveJson { term: string; metric: string; party: string | null; target: string; range: { min: string; max: string }; solutions: { value: string; achieved: string }[]; metricRange: { min: string; max: string } | null }

/** Writes the solved value into the project and reads the metric back from `orebridge evaluate --json`. */
function evaluateWith(project: Project, name: string, structure: string, term: string, value: string, read: (e: Evaluation) => string | null | undefined, balanceWith?: string): Dec {
  const written = writeTerm(project, structure, term, value, balanceWith ? { balanceWith } : {});
  if (!written.ok) throw new Error(written.error.message);
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(written.value));
  const result = runCli(['evaluate', path, '--structure', structure, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return new Dec(read(JSON.parse(result.stdout) as Evaluation)!);
}

describe('orebridge solve', () => {
  for (const [index, name] of projects.entries()) {
    it(`${name}: the solved value, written into the project, evaluates to the target within 1e-9`, () => {
      const file = join(EXAMPLES_DIR, `${name}.project.json`);
      const project = JSON.parse(readFileSync(file, 'utf8')) as Project;
      const structure = project.structures[index % project.structures.length]!.id;
      const terms = dealTerms(project, structure);
      if (!terms.ok) throw new Error(terms.error.message);
      const royalty = terms.value.find((t) => t.path === 'terms.fiscal.royalty.bands[0].rate') ?? terms.value.find((t) => t.path === 'terms.fiscal.incomeTax.rate')!;
      // The target: the venture NPV at 1.5 × the current rate (reachable by construction).
      const sample = new Dec(royalty.value!).times(1.5).plus('0.01').toSignificantDigits(6).toString();
      const target = evaluateWith(project, `${name}-sample`, structure, royalty.path, sample, (e) => e.venture.npv);
      const result = runCli(['solve', file, '--structure', structure, '--term', royalty.path, '--metric', 'venture.npv', '--target', target.toString(), '--json']);
      expect(result.code, result.stderr).toBe(0);
      const answer = JSON.parse(result.stdout) as SolveJson;
      expect(answer).toMatchObject({ term: royalty.path, metric: 'venture.npv', party: null, target: target.toString() });
      expect(answer.solutions.length).toBeGreaterThan(0);
      for (const solution of answer.solutions) {
        const achieved = evaluateWith(project, `${name}-solved`, structure, royalty.path, solution.value, (e) => e.venture.npv);
        expect(achieved.toString()).toBe(solution.achieved);
        expect(achieved.minus(target).abs().div(target.abs()).toNumber()).toBeLessThan(1e-9);
      }
    }, 120_000);
  }

  it("solves the state's equity for a PV of 60 m, balanced by the miner", () => {
    const project = JSON.parse(readFileSync(spodumene, 'utf8')) as Project;
    const result = runCli(['solve', spodumene, '--term', 'terms.partners[0].equity', '--balance-with', 'miner', '--metric', 'pv', '--party', 'lithco', '--target', '60000000', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout) as SolveJson;
    expect(answer.solutions).toHaveLength(1);
    const pv = evaluateWith(project, 'equity', 'state-carry-offtake', 'terms.partners[0].equity', answer.solutions[0]!.value, (e) => e.parties.find((p) => p.id === 'lithco')!.pv, 'miner');
    expect(pv.minus(60_000_000).abs().div(60_000_000).toNumber()).toBeLessThan(1e-9);
  }, 60_000);

  it('lists several crossings, smallest first', () => {
    const result = runCli(['solve', spodumene, '--structure', 'sliding-royalty', '--term', 'terms.technology[0].royaltyRate', '--metric', 'venture.governmentTake', '--target', '0.3', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const values = (JSON.parse(result.stdout) as SolveJson).solutions.map((s) => Number(s.value));
    expect(values).toHaveLength(2);
    expect(values[0]).toBeLessThan(values[1]!);
  }, 60_000);

  it('an unreachable target gets the message with the metric range', () => {
    const text = runCli(['solve', spodumene, '--term', 'terms.fiscal.royalty.bands[0].rate', '--metric', 'venture.governmentTake', '--target', '0.95', '--max', '0.2']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/government take stays between 37\.09 % and 76\.14 % for .* 0 %–20 %: it never reaches 95 %/);
    const json = JSON.parse(runCli(['solve', spodumene, '--term', 'terms.fiscal.royalty.bands[0].rate', '--metric', 'venture.governmentTake', '--target', '0.95', '--max', '0.2', '--json']).stdout) as SolveJson;
    expect(json.solutions).toEqual([]);
    expect(json.range).toEqual({ min: '0', max: '0.2' });
    expect(Number(json.metricRange!.min)).toBeCloseTo(0.3709, 4);
  }, 60_000);

  it('an unknown term or metric is one line naming the valid ones (exit 2)', () => {
    const term = runCli(['solve', spodumene, '--term', 'terms.nothing', '--metric', 'venture.npv', '--target', '0']);
    expect(term.code).toBe(2);
    expect(term.stderr.trim().split('\n')).toHaveLength(1);
    expect(term.stderr).toContain('the terms are: assumptions.discountRate');
    const metric = runCli(['solve', spodumene, '--term', 'terms.partners[0].equity', '--metric', 'venture.nothing', '--target', '0']);
    expect(metric.code).toBe(2);
    expect(metric.stderr).toMatch(/the metrics are: venture\.npv, venture\.irr, venture\.governmentTake, venture\.aetr, venture\.preTaxNpv/);
    const missing = runCli(['solve', spodumene, '--term', 'terms.partners[0].equity', '--metric', 'venture.npv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('solve needs --target');
  }, 60_000);
});
