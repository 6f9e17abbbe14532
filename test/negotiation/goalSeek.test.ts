import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../shared/engine/arithmetic.ts';
import { evaluateProject, type Project } from '../../shared/engine/index.ts';
import { dealTerms, writeTerm } from '../../shared/fields/index.ts';
import { goalSeek } from '../../shared/negotiation/index.ts';
import { decimalEvaluation, metricOfEvaluation, type MetricChoice } from '../../shared/negotiation/metrics.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'examples');
const examples = readdirSync(dir).filter((f) => f.endsWith('.project.json')).map((f) => ({ name: f, project: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Project }));

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const METRICS: MetricChoice[] = [
  { metric: 'venture.npv', party: null },
  { metric: 'venture.governmentTake', party: null },
  { metric: 'venture.aetr', party: null },
];

function metricAfter(project: Project, structure: string, path: string, value: string, choice: MetricChoice, balanceWith?: string) {
  const written = writeTerm(project, structure, path, value, balanceWith ? { balanceWith } : {});
  if (!written.ok) throw new Error(written.error.message);
  const outcome = evaluateProject(written.value, { structure });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return metricOfEvaluation(outcome.evaluation, choice);
}

describe('goal seek', () => {
  for (const { name, project } of examples) {
    it(`${name}: a target reached at a sampled term value is solved back within 1e-9 relative`, () => {
      const next = random(name.length * 7919);
      const structure = project.structures[0]!.id;
      const terms = dealTerms(project, structure);
      if (!terms.ok) throw new Error(terms.error.message);
      const candidates = terms.value.filter((t) => t.path.startsWith('terms.') && t.range.max !== null && t.range.min !== null && !new Dec(t.range.max).eq(t.range.min));
      const partner = project.structures[0]!.terms.partners[0]!.id;
      const choices: MetricChoice[] = [...METRICS, { metric: 'pv', party: partner }];
      for (let round = 0; round < 2; round++) {
        const term = candidates[Math.floor(next() * candidates.length)]!;
        const choice = choices[Math.floor(next() * choices.length)]!;
        const lo = new Dec(term.range.min!);
        const hi = new Dec(term.range.max!);
        const sample = lo.plus(hi.minus(lo).times(0.1 + 0.8 * next())).toSignificantDigits(6);
        const target = metricAfter(project, structure, term.path, sample.toString(), choice);
        if (target === null) continue;
        const answer = goalSeek(project, { structure, term: term.path, metric: choice.metric, party: choice.party, target: target.toString() });
        if (!answer.ok) throw new Error(answer.error.message);
        const { solutions } = answer.value;
        // Where the metric does not move with the term, the target is met everywhere or nowhere.
        if (solutions.length === 0) {
          expect(answer.value.message).toMatch(/stays between/);
          continue;
        }
        expect(solutions.map((s) => new Dec(s.value).toNumber())).toEqual([...solutions.map((s) => new Dec(s.value).toNumber())].sort((a, b) => a - b));
        for (const solution of solutions) {
          const achieved = metricAfter(project, structure, term.path, solution.value, choice)!;
          expect(achieved.toString()).toBe(solution.achieved);
          expect(achieved.minus(target).abs().div(Dec.max(target.abs(), 1)).toNumber(), `${term.path} ${choice.metric}`).toBeLessThan(1e-9);
        }
      }
    }, 120_000);
  }

  const spodumene = examples.find((e) => e.name.startsWith('northern-spodumene'))!.project;
  const structure = spodumene.structures[0]!.id;

  it('solves the royalty rate for a government take of 55 %', () => {
    const answer = goalSeek(spodumene, { structure, term: 'terms.fiscal.royalty.bands[0].rate', metric: 'venture.governmentTake', target: '0.55' });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.solutions).toHaveLength(1);
    const achieved = new Dec(answer.value.solutions[0]!.achieved);
    expect(achieved.minus('0.55').abs().toNumber()).toBeLessThan(0.55e-9);
    const written = writeTerm(spodumene, structure, 'terms.fiscal.royalty.bands[0].rate', answer.value.solutions[0]!.value);
    if (!written.ok) throw new Error(written.error.message);
    expect(decimalEvaluation(written.value, { structure })?.venture.governmentTake).toBe(answer.value.solutions[0]!.achieved);
  });

  it('solves a partner equity balanced by the miner, and equity still sums to 1', () => {
    const answer = goalSeek(spodumene, { structure, term: 'terms.partners[0].equity', balanceWith: 'miner', metric: 'pv', party: spodumene.structures[0]!.terms.partners[0]!.id, target: '60000000' });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.solutions.length).toBeGreaterThan(0);
    const written = writeTerm(spodumene, structure, 'terms.partners[0].equity', answer.value.solutions[0]!.value, { balanceWith: 'miner' });
    if (!written.ok) throw new Error(written.error.message);
    const sum = written.value.structures[0]!.terms.partners.reduce((s, p) => s.plus(String(p.equity)), new Dec(0));
    expect(sum.toString()).toBe('1');
  });

  it('an unreachable target is said with the metric range over the interval', () => {
    const answer = goalSeek(spodumene, { structure, term: 'terms.fiscal.royalty.bands[0].rate', metric: 'venture.governmentTake', target: '-5', max: '0.2' });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.solutions).toEqual([]);
    expect(answer.value.message).toMatch(/^government take stays between \d+(\.\d+)? % and \d+(\.\d+)? % for .* 0 %–20 %: it never reaches −500 %$/);
    expect(new Dec(answer.value.metricRange!.min).lt(answer.value.metricRange!.max)).toBe(true);
  });

  it('solutions are listed smallest first and include the value the target was taken from', () => {
    const path = 'terms.fiscal.royalty.bands[0].rate';
    const at = (v: string) => metricAfter(spodumene, structure, path, v, { metric: 'venture.governmentTake', party: null })!;
    const target = at('0.1');
    const answer = goalSeek(spodumene, { structure, term: path, metric: 'venture.governmentTake', target: target.toString(), min: '0', max: '1' });
    if (!answer.ok) throw new Error(answer.error.message);
    const values = answer.value.solutions.map((s) => Number(s.value));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.some((v) => Math.abs(v - 0.1) < 1e-9)).toBe(true);
  });

  it('several crossings are all listed, smallest first (government take is U-shaped in the licence royalty)', () => {
    const path = 'terms.technology[0].royaltyRate';
    const answer = goalSeek(spodumene, { structure: 'sliding-royalty', term: path, metric: 'venture.governmentTake', target: '0.3' });
    if (!answer.ok) throw new Error(answer.error.message);
    const values = answer.value.solutions.map((s) => new Dec(s.value));
    expect(values.length).toBe(2);
    expect(values[0]!.lt(values[1]!)).toBe(true);
    for (const solution of answer.value.solutions) {
      const achieved = metricAfter(spodumene, 'sliding-royalty', path, solution.value, { metric: 'venture.governmentTake', party: null })!;
      expect(achieved.minus('0.3').abs().toNumber()).toBeLessThan(0.3e-9);
    }
  });

  it('a term outside the catalogue or an unknown metric names the valid ones', () => {
    const badTerm = goalSeek(spodumene, { structure, term: 'terms.nonsense', metric: 'venture.npv', target: '0' });
    expect(!badTerm.ok && badTerm.error.message).toMatch(/the terms are: .*terms\.partners\[0\]\.equity/);
    const badMetric = goalSeek(spodumene, { structure, term: 'terms.partners[0].equity', metric: 'venture.nonsense', target: '0' });
    expect(!badMetric.ok && badMetric.error.message).toMatch(/the metrics are: venture\.npv, .*npvAtHurdle, irr/);
  });
});
