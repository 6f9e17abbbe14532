// The concessions table: each change between two structures with what it does to every party,
// every number equal to the engine's evaluation (what `orebridge evaluate` prints) of the same
// structures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../shared/engine/arithmetic.ts';
import { evaluateProject, type Evaluation, type Project } from '../../shared/engine/index.ts';
import { projectValueContext, writeTerm } from '../../shared/fields/index.ts';
import { concessions } from '../../shared/negotiation/index.ts';

const spodumene = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'examples', 'northern-spodumene.project.json'), 'utf8')) as Project;
const [before, after] = spodumene.structures as [Project['structures'][number], Project['structures'][number]];
const scenario = 'low-price';
const evaluate = (project: Project, structure: string): Evaluation => {
  const outcome = evaluateProject(project, { structure, scenario }, { shocks: false, breakeven: false });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.evaluation;
};
const pv = (evaluation: Evaluation, party: string) => new Dec(evaluation.parties.find((p) => p.id === party)?.pv ?? 0);

describe('concessions', () => {
  const table = concessions(spodumene, before, after, { scenario, context: projectValueContext(spodumene.assumptions) })!;
  const base = evaluate(spodumene, before.id);

  it('lists each change as users type it, equities moved together', () => {
    const labels = table.rows.map((r) => r.label);
    expect(labels).toContain('Equity of National Lithium Corporation: 15 % → 10 %; Equity of Boreal Minerals plc: 55 % → 60 %');
    expect(labels).toContain('Deemed value of contributed assets: US$ 60,000,000 → US$ 0');
    expect(table.parties.slice(0, 4)).toEqual(['lithco', 'miner', 'cellmaker', 'government']);
  });

  it('the whole move equals the evaluation of the later structure minus the earlier one, for every party and the government take', () => {
    const later = evaluate(spodumene, after.id);
    for (const party of table.parties) expect(table.total.effect!.pv[party]).toBe(pv(later, party).minus(pv(base, party)).toString());
    expect(table.total.effect!.governmentTake).toBe(new Dec(later.venture.governmentTake!).minus(base.venture.governmentTake!).toString());
  });

  it('a change alone equals the evaluation of the earlier structure with that term written (the catalogue\'s writeTerm)', () => {
    const cases = [
      { label: 'Equity of National Lithium Corporation', path: 'terms.partners[0].equity', value: '0.10', balanceWith: 'miner' },
      { label: 'Deemed value of contributed assets', path: 'terms.deemedValue', value: '0' },
    ];
    for (const c of cases) {
      const written = writeTerm(spodumene, before.id, c.path, c.value, c.balanceWith ? { balanceWith: c.balanceWith } : {});
      if (!written.ok) throw new Error(written.error.message);
      const moved = evaluate(written.value, before.id);
      const row = table.rows.find((r) => r.label.startsWith(c.label))!;
      for (const party of table.parties) expect(row.effect!.pv[party], `${c.label}: ${party}`).toBe(pv(moved, party).minus(pv(base, party)).toString());
      expect(row.effect!.governmentTake).toBe(new Dec(moved.venture.governmentTake!).minus(base.venture.governmentTake!).toString());
    }
  });

  it('a change that cannot stand alone says why instead of showing a number', () => {
    const added = { ...after, terms: { ...after.terms, partners: [...after.terms.partners, { ...after.terms.partners[2]!, id: 'newco', name: 'NewCo', equity: 0.1 }] } };
    const withNewPartner = concessions(spodumene, before, added, { scenario })!;
    const row = withNewPartner.rows.find((r) => r.label.startsWith('Partner NewCo added'))!;
    expect(row.effect).toBeNull();
    expect(row.problem).toMatch(/makes the structure invalid/);
  });
});
