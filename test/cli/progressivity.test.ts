// orebridge progressivity: each point is what `orebridge evaluate` prints for that structure under
// a scenario with that price factor.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Evaluation, Project } from '../../shared/engine/index.ts';
import { PRICE_FACTORS, preTaxIrrOf, scenarioAtPriceFactor, type ProgressivityPoint } from '../../shared/negotiation/index.ts';
import { runCli } from '../support/cli.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';

const spodumene = join(EXAMPLES_DIR, 'northern-spodumene.project.json');
const dir = mkdtempSync(join(tmpdir(), 'orebridge-progressivity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('orebridge progressivity', () => {
  const result = runCli(['progressivity', spodumene, '--scenario', 'low-price', '--json']);
  const doc = JSON.parse(result.stdout) as { scenario: string; priceFactors: string[]; points: ProgressivityPoint[] };

  it('gives every structure at every price factor from 0.3× to 3×', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(doc.scenario).toBe('low-price');
    expect(doc.priceFactors).toEqual(PRICE_FACTORS);
    expect(doc.points).toHaveLength(2 * PRICE_FACTORS.length);
    expect(doc.points[0]!.priceFactor).toBe('0.3');
    expect(doc.points.at(-1)!.priceFactor).toBe('3');
  });

  it('equals orebridge evaluate at the same inputs (the price factor applied as a scenario)', () => {
    const project = JSON.parse(readFileSync(spodumene, 'utf8')) as Project;
    const base = project.scenarios.find((s) => s.id === 'low-price')!;
    for (const factor of ['0.3', '1', '2.5']) {
      const file = join(dir, `at-${factor}.json`);
      writeFileSync(file, JSON.stringify({ ...project, scenarios: [...project.scenarios, scenarioAtPriceFactor(base, factor, 'at-factor')] }));
      for (const structure of project.structures.map((s) => s.id)) {
        const evaluated = runCli(['evaluate', file, '--structure', structure, '--scenario', 'at-factor', '--json']);
        expect(evaluated.code, evaluated.stderr).toBe(0);
        const evaluation = JSON.parse(evaluated.stdout) as Evaluation;
        const point = doc.points.find((p) => p.structure === structure && p.priceFactor === factor)!;
        expect(point.governmentTake).toBe(evaluation.venture.governmentTake);
        expect(point.aetr).toBe(evaluation.venture.aetr);
        expect(point.preTaxNpv).toBe(evaluation.venture.preTaxNpv);
        expect(point.preTaxIrr).toBe(preTaxIrrOf(evaluation));
        // At 0.3 × 0.75 of the deck the pre-tax cash flow never turns positive: no IRR.
        expect(point.preTaxIrr === null).toBe(factor === '0.3');
      }
    }
  }, 120_000);

  it('prints a readable table, and an unknown structure is one line (exit 1)', () => {
    const text = runCli(['progressivity', spodumene, '--structures', 'sliding-royalty']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Progressivity under scenario base/);
    expect(text.stdout).toMatch(/\n\s+3×\s+-?\d+\.\d\d %\s+\d+\.\d\d %\s+\d+\.\d\d %\n/);
    const bad = runCli(['progressivity', spodumene, '--structures', 'nothing']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
