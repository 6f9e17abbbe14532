import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../shared/engine/arithmetic.ts';
import type { Project } from '../../shared/engine/index.ts';
import { writeTerm } from '../../shared/fields/index.ts';
import { goalSeek } from '../../shared/negotiation/index.ts';
import { decimalEvaluation, floatMetrics } from '../../shared/negotiation/metrics.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'examples');
const load = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.project.json`), 'utf8')) as Project;
const ROYALTY = 'terms.fiscal.royalty.bands[0].rate';

describe('goal seek for a target of 0', () => {
  it('finds the royalty rate at which the venture NPV is 0 (ndpr-strategic-reserve), met within 1e-9 of the NPV\'s scale', () => {
    const project = load('ndpr-strategic-reserve');
    const structure = project.structures[0]!.id;
    const answer = goalSeek(project, { structure, term: ROYALTY, metric: 'venture.npv', target: '0' });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.solutions).toHaveLength(1);
    const { value, achieved } = answer.value.solutions[0]!;
    // The NPV changes sign across the value, in the float schedule too: a crossing, not a jump.
    const npvAt = (x: number) => {
      const written = writeTerm(project, structure, ROYALTY, new Dec(x).toString());
      if (!written.ok) throw new Error(written.error.message);
      return floatMetrics(written.value, { structure })({ metric: 'venture.npv', party: null })!;
    };
    expect(npvAt(Number(value) - 1e-6)).toBeGreaterThan(0);
    expect(npvAt(Number(value) + 1e-6)).toBeLessThan(0);
    const written = writeTerm(project, structure, ROYALTY, value);
    if (!written.ok) throw new Error(written.error.message);
    expect(decimalEvaluation(written.value, { structure })?.venture.npv).toBe(achieved);
    const scale = Dec.max(new Dec(answer.value.metricRange!.min).abs(), new Dec(answer.value.metricRange!.max).abs());
    expect(new Dec(achieved).abs().div(scale).toNumber()).toBeLessThan(1e-9);
  });

  it('a target beyond the metric\'s range still has no solution', () => {
    const project = load('ndpr-strategic-reserve');
    const answer = goalSeek(project, { structure: project.structures[0]!.id, term: ROYALTY, metric: 'venture.governmentTake', target: '0.95' });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.solutions).toEqual([]);
    expect(answer.value.message).toMatch(/never reaches 95 %$/);
  });
});
