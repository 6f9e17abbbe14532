// Negotiation (issue 12): a 41 × 41 deal-space map of the largest example (goal: under 1 s) and a
// goal seek with and without a crossing (goal: under 100 ms each).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../shared/engine/index.ts';
import { dealTerms } from '../shared/fields/index.ts';
import { dealSpace, goalSeek } from '../shared/negotiation/index.ts';
import { measure, type BenchResult } from './measure.ts';

const EXAMPLES = join(import.meta.dirname, '..', 'test', 'fixtures', 'examples');

export async function run(options: { iterations: number }): Promise<BenchResult[]> {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.project.json'));
  const largest = files.map((f) => join(EXAMPLES, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  const project = JSON.parse(readFileSync(largest, 'utf8')) as Project;
  const structure = project.structures[0]!.id;
  const terms = dealTerms(project, structure);
  if (!terms.ok) throw new Error(terms.error.message);
  const rate = terms.value.find((t) => t.path === 'terms.fiscal.royalty.bands[0].rate') ?? terms.value.find((t) => t.path === 'terms.fiscal.incomeTax.rate')!;
  const equity = terms.value.find((t) => t.path === 'terms.partners[0].equity')!;
  const name = largest.split('/').pop()!.replace('.project.json', '');
  const iterations = Math.max(1, Math.min(options.iterations, 5));
  return [
    measure(`negotiation: 41 × 41 map of ${name} (${rate.path} × ${equity.path})`, iterations, () => {
      const map = dealSpace(project, { structure, x: { term: rate.path }, y: { term: equity.path } });
      if (!map.ok) throw new Error(map.error.message);
    }),
    // Goal seeks (issue 12): one whose target is crossed (refined and confirmed in decimal) and one
    // out of reach (the 201-point scan and the metric's range in decimal); each checked to be so.
    measure(`negotiation: goal seek on ${name}, a crossing (${rate.path} for a venture NPV of 0)`, iterations, () => {
      const answer = goalSeek(project, { structure, term: rate.path, metric: 'venture.npv', target: '0' });
      if (!answer.ok) throw new Error(answer.error.message);
      if (answer.value.solutions.length === 0) throw new Error('the crossing goal seek found no solution');
    }),
    measure(`negotiation: goal seek on ${name}, no crossing (${rate.path} for a government take of 95 %)`, iterations, () => {
      const answer = goalSeek(project, { structure, term: rate.path, metric: 'venture.governmentTake', target: '0.95' });
      if (!answer.ok) throw new Error(answer.error.message);
      if (answer.value.solutions.length > 0) throw new Error('the goal seek without a crossing found a solution');
    }),
  ];
}
