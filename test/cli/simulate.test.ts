import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../shared/engine/arithmetic.ts';
import type { Evaluation } from '../../shared/engine/index.ts';
import { runCli } from '../support/cli.ts';
import { exampleProjectPaths } from '../support/examples.ts';

const work = mkdtempSync(join(tmpdir(), 'orebridge-simulate-'));
const write = (name: string, value: unknown) => {
  const path = join(work, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const riskBlock = {
  iterations: 300, seed: 20261130,
  variables: [
    { id: 'price', target: 'priceLevel', distribution: { type: 'lognormal', p10: 0.75, p90: 1.30 } },
    { id: 'capex', target: 'capexFactor', distribution: { type: 'pert', min: 0.95, mode: 1.05, max: 1.60 } },
    { id: 'opex', target: 'opexFactor', distribution: { type: 'triangular', min: 0.90, mode: 1.0, max: 1.30 } },
    { id: 'grade', target: 'gradeFactor', distribution: { type: 'normal', mean: 1, sd: 0.07, min: 0 } },
    { id: 'delay', target: 'delayYears', distribution: { type: 'discrete', values: [0, 1, 2], probabilities: [0.6, 0.3, 0.1] } },
  ],
  correlations: [{ a: 'price', b: 'capex', rho: 0.4 }],
  pricePath: { volatility: 0.20, persistence: 0.7 },
  disruption: { annualProbability: 0.1, years: 2 },
};
const DECIMAL = /^-?\d+(\.\d+)?$/;
const STATS = ['mean', 'sd', 'min', 'max', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'cvar5'];

interface Sample {
  iteration: number;
  values: Record<string, number>;
  overrides: Record<string, unknown>;
  npv: number;
  preTaxNpv: number;
  pv: Record<string, number>;
  npvAtHurdle: Record<string, number>;
}

describe('orebridge simulate', { timeout: 240_000 }, () => {
  for (const examplePath of exampleProjectPaths()) {
    const name = examplePath.split('/').pop()!.replace('.project.json', '');
    it(`${name}: prints the §R5 document, and the samples' overrides re-run as shocks through evaluate reproduce every party PV`, () => {
      const project: Record<string, unknown> = { ...readJson(examplePath), risk: riskBlock };
      const structure = (project.structures as { id: string }[]).at(-1)!.id;
      const projectPath = write(`${name}.json`, project);
      const samplesPath = join(work, `${name}.samples.jsonl`);
      const result = runCli(['simulate', projectPath, '--structure', structure, '--json', '--samples', samplesPath, '--workers', '2']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const doc = JSON.parse(result.stdout) as Record<string, any>;
      expect(Object.keys(doc)).toEqual(['structure', 'scenario', 'iterations', 'seed', 'venture', 'parties', 'variables']);
      expect([doc.structure, doc.iterations, doc.seed]).toEqual([structure, 300, 20261130]);
      for (const key of ['npv', 'preTaxNpv']) for (const s of STATS) expect(doc.venture[key][s]).toMatch(DECIMAL);
      expect(Number.isInteger(doc.venture.irr.none) && Number.isInteger(doc.venture.irr.several)).toBe(true);
      expect(Number.isInteger(doc.venture.governmentTake.undefined)).toBe(true);
      expect(doc.venture.probabilityNpvNegative).toMatch(DECIMAL);
      for (const party of doc.parties) {
        for (const s of STATS) expect(party.pv[s]).toMatch(DECIMAL);
        expect(Object.keys(party.sensitivity)).toEqual(['price', 'capex', 'opex', 'grade', 'delay']);
        if (party.kind === 'partner') expect(party.probabilityBelowHurdle).toMatch(DECIMAL);
        else expect(party.npvAtHurdle).toBeUndefined();
      }
      expect(doc.variables.map((v: { id: string }) => v.id)).toEqual(['price', 'capex', 'opex', 'grade', 'delay']);

      const samples = readFileSync(samplesPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Sample);
      expect(samples.map((s) => s.iteration)).toEqual(Array.from({ length: 300 }, (_, i) => i));
      expect(samples.some((s) => s.overrides.disruption !== undefined)).toBe(true);
      const shocked = write(`${name}.shocks.json`, { ...project, risk: null, shocks: samples.map((s) => ({ id: `i${s.iteration}`, overrides: s.overrides })) });
      const evaluated = runCli(['evaluate', shocked, '--structure', structure, '--json']);
      expect(evaluated.stderr).toBe('');
      const evaluation = JSON.parse(evaluated.stdout) as Evaluation;
      const basePv = new Map(evaluation.parties.map((p) => [p.id, new Dec(p.pv)]));
      let worst = 0;
      samples.forEach((sample, i) => {
        const shock = evaluation.shocks[i]!;
        const decimalPv = new Map(shock.parties.map((p) => [p.id, (basePv.get(p.id) ?? new Dec(0)).plus(p.deltaPv)]));
        const scale = Math.max(1, Math.abs(sample.preTaxNpv), ...Object.values(sample.pv).map(Math.abs));
        for (const [id, exact] of decimalPv) {
          const error = exact.minus(sample.pv[id] ?? 0).abs().toNumber() / scale;
          worst = Math.max(worst, error);
        }
        for (const id of Object.keys(sample.pv)) expect(decimalPv.has(id), `${id} in iteration ${i}`).toBe(true);
      });
      expect(worst).toBeLessThan(1e-9);
    });
  }

  it('gives byte-identical output with 1, 2 and 4 workers', () => {
    const path = write('workers.json', { ...readJson(exampleProjectPaths()[0]!), risk: { ...riskBlock, iterations: 2500 } });
    const outputs = ['1', '2', '4'].map((n) => runCli(['simulate', path, '--json', '--workers', n]).stdout);
    expect(outputs[0]).toContain('"iterations": 2500');
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('prints a readable report: per party mean, percentiles, probability of loss and of missing the hurdle, risk share; sensitivities', () => {
    const result = runCli(['simulate', exampleProjectPaths()[2]!, '--iterations', '400', '--seed', '5']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('400 iterations, seed 5 (no risk block: the default variables of the methodology)');
    expect(result.stdout).toMatch(/party\s+mean\s+P10\s+P50\s+P90\s+P\(loss\)\s+P\(below hurdle\)\s+risk share/);
    expect(result.stdout).toMatch(/government\s+[\d,.-]+\s+[\d,.-]+\s+[\d,.-]+\s+[\d,.-]+\s+\d+\.\d\d %\s+\d+\.\d\d %/);
    expect(result.stdout).toMatch(/IRR \(real\)\s+-?\d+\.\d\d %/);
    expect(result.stdout).toContain('Top sensitivities');
  });

  it('reports every risk-block mistake as "path: message" and exits with 2', () => {
    const bad = { ...riskBlock, seed: -1, correlations: [{ a: 'price', b: 'copper', rho: 0.4 }] };
    const path = write('bad.json', { ...readJson(exampleProjectPaths()[0]!), risk: bad });
    const result = runCli(['simulate', path]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'risk.seed: must be from 0 to 4294967295 (the seed of the random draws), not -1',
      'risk.correlations[0].b: "copper" is not the id of a variable in risk.variables',
    ]);
    const contradiction = write('psd.json', {
      ...readJson(exampleProjectPaths()[0]!),
      risk: { ...riskBlock, correlations: [{ a: 'price', b: 'capex', rho: 0.9 }, { a: 'capex', b: 'opex', rho: 0.9 }, { a: 'price', b: 'opex', rho: -0.9 }] },
    });
    const psd = runCli(['simulate', contradiction]);
    expect([psd.code, psd.stderr]).toEqual([2, 'risk.correlations: the correlations contradict each other: no set of variables can have them all\n']);
  });

  it('exits with 1 for an unknown structure or a bad option', () => {
    const unknown = runCli(['simulate', exampleProjectPaths()[0]!, '--structure', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/There is no structure "nope"/);
    const option = runCli(['simulate', exampleProjectPaths()[0]!, '--iterations', '0']);
    expect(option.code).toBe(1);
    expect(option.stderr).toMatch(/--iterations must be a whole number from 1 to 1,000,000/);
  });
});
