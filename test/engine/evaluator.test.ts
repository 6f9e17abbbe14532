import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluateProject, validateProject, type EvaluateOptions, type Project } from '../../shared/engine/index.ts';
import type { Structure } from '../../shared/engine/interchange.ts';
import { arbitraryProject } from '../support/arbitrary-project.ts';
import { arbitraryVersion2Project } from '../support/arbitrary-v2.ts';
import { exampleProjectPaths, loadExample } from '../support/examples.ts';

/** Every case of the project through one shared evaluator, in the order given, as JSON text. */
function sharedAndPlain(project: Project, options: EvaluateOptions, reversed = false) {
  const cases = project.structures.flatMap((structure) => project.scenarios.map((scenario) => ({ structure: structure.id, scenario: scenario.id })));
  const order = reversed ? [...cases].reverse() : cases;
  const evaluate = createEvaluator(project);
  for (const selection of order) {
    const shared = JSON.stringify(evaluate(selection, options));
    const plain = JSON.stringify(evaluateProject(project, selection, options));
    expect(shared, `${selection.structure} / ${selection.scenario}`).toBe(plain);
  }
}

/**
 * The random project's structure and variants of it: partners' terms changed (the venture is
 * shared), a partner's foreign flag flipped (a licensor's withholding changes: not shared) and a
 * royalty changed (not shared).
 */
function withVariants(project: Project): Project {
  const original = project.structures[0]!;
  const variant = (id: string, change: (s: Structure) => void): Structure => {
    const copy = structuredClone(original);
    copy.id = id;
    change(copy);
    return copy;
  };
  const structures = [
    original,
    variant('partners-changed', (s) => {
      const partners = s.terms.partners;
      if (partners.length > 1) [partners[0]!.equity, partners[1]!.equity] = [partners[1]!.equity, partners[0]!.equity];
      for (const p of partners) {
        p.hurdleRate = '0.123';
        p.carried = null;
        p.fundingCap = null;
      }
      s.terms.dilution = !s.terms.dilution;
    }),
    variant('foreign-flipped', (s) => {
      for (const p of s.terms.partners) p.foreign = !p.foreign;
    }),
    variant('royalty-changed', (s) => {
      const band = s.terms.fiscal.royalty.bands[0]!;
      band.rate = String(Math.min(0.9, Number(band.rate) + 0.01));
    }),
  ];
  return { ...project, structures };
}

/** Every case without the audit lines is the full evaluation less the partners' audit lines and the reconciliation, as JSON text. */
function withoutAuditLines(project: Project, options: EvaluateOptions) {
  const evaluate = createEvaluator(project);
  for (const structure of project.structures) {
    for (const scenario of project.scenarios) {
      const selection = { structure: structure.id, scenario: scenario.id };
      const full = evaluate(selection, options);
      const lean = evaluate(selection, { ...options, auditLines: false });
      if (full.ok) {
        delete full.evaluation.reconciliation;
        for (const year of full.evaluation.years) {
          expect(year.partners, 'the full evaluation has partner audit lines').toBeDefined();
          delete year.partners;
        }
      }
      expect(JSON.stringify(lean), `${selection.structure} / ${selection.scenario}`).toBe(JSON.stringify(full));
    }
  }
}

function valid(project: Project): Project {
  const checked = validateProject(project);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.project;
}

describe('one evaluator for many cases gives exactly what evaluateProject gives for each', () => {
  for (const path of exampleProjectPaths()) {
    it(`${path.split('/').pop()}: every case, in full and base only, in two orders`, () => {
      const project = loadExample(path);
      sharedAndPlain(project, {});
      sharedAndPlain(project, { shocks: false, breakeven: false }, true);
    });
  }

  it('without the audit lines (a compare matrix): the same evaluation less the partners\' audit lines and the reconciliation, for every example case and random v1 and v2 projects', () => {
    for (const path of exampleProjectPaths()) withoutAuditLines(loadExample(path), { shocks: false, breakeven: false });
    withoutAuditLines(loadExample(exampleProjectPaths()[0]!), {});
    fc.assert(fc.property(fc.oneof(arbitraryProject(), arbitraryVersion2Project()), (project) => {
      withoutAuditLines(valid(withVariants(project)), { shocks: false, breakeven: false });
    }), { numRuns: 30 });
  });

  it('random version-1 projects with structures that share the venture and ones that do not (fast-check)', () => {
    fc.assert(fc.property(arbitraryProject(), fc.boolean(), (project, reversed) => {
      sharedAndPlain(valid(withVariants(project)), { shocks: false, breakeven: false }, reversed);
    }), { numRuns: 40 });
  });

  it('random v1 and v2 projects with the shocks, whose shocked venture is shared like the base one (fast-check)', () => {
    fc.assert(fc.property(fc.oneof(arbitraryProject(), arbitraryVersion2Project()), fc.boolean(), (project, reversed) => {
      sharedAndPlain(valid(withVariants(project)), { breakeven: false }, reversed);
    }), { numRuns: 20 });
  });

  it('random version-2 projects likewise (fast-check)', () => {
    fc.assert(fc.property(arbitraryVersion2Project(), fc.boolean(), (project, reversed) => {
      sharedAndPlain(valid(withVariants(project)), { shocks: false, breakeven: false }, reversed);
    }), { numRuns: 40 });
  });
});
