import { describe, expect, it } from 'vitest';
import { evaluateProject } from '../../shared/engine/index.ts';
import { differences } from '../support/compare.ts';
import { exampleCases, loadExample } from '../support/examples.ts';

describe('the methodology examples', () => {
  for (const c of exampleCases()) {
    it(`${c.name} / ${c.structure} / ${c.scenario} matches its expected evaluation within 1e-9 relative`, () => {
      const outcome = evaluateProject(loadExample(c.projectPath), { structure: c.structure, scenario: c.scenario });
      if (!outcome.ok) throw new Error(outcome.error.message);
      expect(differences(c.expected, outcome.evaluation, 1e-9, 1e-12)).toEqual([]);
      // Same parties, in the same order, as the reference.
      expect(outcome.evaluation.parties.map((p) => p.id)).toEqual(c.expected.parties.map((p) => p.id));
    });
  }
});
