import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateProject, parseProjectText, validateProject, type Problem } from '../../shared/engine/index.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';
import { applyEdits, getAt, push, set, type Edit, type JsonContainer } from '../support/json-edit.ts';

// The settled readings at the end of venture-model.md §9 and in interchange.md: one test each,
// with the message the user reads.

const baseText = readFileSync(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), 'utf8');
const fresh = (): JsonContainer => JSON.parse(baseText) as JsonContainer;
const edited = (edits: readonly Edit[]) => applyEdits(fresh(), edits);
const problemsOf = (doc: unknown): Problem[] => {
  const result = validateProject(doc);
  return result.ok ? [] : result.problems;
};
const evaluated = (doc: unknown, scenario?: string) => {
  const result = validateProject(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const outcome = evaluateProject(result.project, { scenario }, { shocks: false, breakeven: false });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.evaluation;
};

describe('§9 settled readings', () => {
  it('an offtake window that ends before it starts is empty, not a problem: the offtake never applies', () => {
    const doc = edited([set('structures[0].terms.offtake[0].fromYear', 2035), set('structures[0].terms.offtake[0].toYear', 2031)]);
    expect(problemsOf(doc)).toEqual([]);
    const withoutOfftake = evaluated(edited([set('structures[0].terms.offtake', [])]));
    expect(evaluated(doc).venture.npv).toBe(withoutOfftake.venture.npv);
  });

  it('a royalty window that ends before it starts is empty: no running royalty is paid', () => {
    const doc = edited([set('structures[0].terms.technology[0].royaltyFromYear', 2036), set('structures[0].terms.technology[0].royaltyToYear', 2030)]);
    expect(problemsOf(doc)).toEqual([]);
    const noRoyalty = evaluated(edited([set('structures[0].terms.technology[0].royaltyRate', 0)]));
    expect(evaluated(doc).venture.npv).toBe(noRoyalty.venture.npv);
  });

  it('a disruption that ends before it starts is empty: nothing is disrupted', () => {
    const doc = edited([set('scenarios[0].overrides.disruption', { fromYear: 2033, toYear: 2031 })]);
    expect(problemsOf(doc)).toEqual([]);
    expect(evaluated(doc).venture.npv).toBe(evaluated(fresh()).venture.npv);
  });

  it('an id must be a non-empty string; any non-empty string is an id', () => {
    expect(problemsOf(edited([set('structures[0].terms.partners[1].id', '')]))).toContainEqual(
      { path: 'structures[0].terms.partners[1].id', message: 'must not be empty: every item needs an id' });
    expect(problemsOf(edited([set('scenarios[1].id', '')]))).toContainEqual({ path: 'scenarios[1].id', message: 'must not be empty: every item needs an id' });
    expect(problemsOf(edited([set('scenarios[1].id', ' ')]))).toEqual([]);
    expect(problemsOf(edited([set('structures[1].id', 42)]))).toContainEqual({ path: 'structures[1].id', message: 'must be text (an id), not 42' });
  });

  it('a decimal string follows the strict grammar: no spaces around it, no + sign, digits on both sides of the point', () => {
    const message = (shown: string) => `must be a number (a JSON number or a decimal string such as "0.05", without spaces or a + sign), not ${shown}`;
    for (const text of [' 0.1 ', '0.1 ', '+0.1', '.5', '5.', '1e', '0x10', '1_000', '5 %']) {
      expect(problemsOf(edited([set('assumptions.inflation', text)])), text).toEqual([{ path: 'assumptions.inflation', message: message(JSON.stringify(text)) }]);
    }
    for (const text of ['-0.5', '5', '5.25', '1e-3', '1E+2', '2.5e-1', '007']) {
      expect(problemsOf(edited([set('assumptions.discountRate', text === '1E+2' ? '1E-2' : text === '5' ? '0' : text)])), text).toEqual([]);
    }
    expect(problemsOf(edited([set('assumptions.years', ' 5 ')]))).toContainEqual(
      { path: 'assumptions.years', message: 'must be a whole number (the number of annual periods), not " 5 "' });
  });

  it('" 5 " and " 0.1 " are refused by validation and therefore by evaluation alike', () => {
    for (const edit of [set('assumptions.years', ' 5 '), set('assumptions.prices[3]', ' 0.1 ')]) {
      const doc = edited([edit]);
      expect(validateProject(doc).ok).toBe(false);
      expect(() => evaluated(doc)).toThrow(/must be/);
    }
  });

  it('version may be written as a number or as a decimal string', () => {
    expect(problemsOf(edited([set('version', '1')]))).toEqual([]);
    expect(problemsOf(edited([set('version', '1.0')]))).toEqual([]);
    expect(problemsOf(edited([set('version', 1)]))).toEqual([]);
    expect(problemsOf(edited([set('version', ' 1')])).map((p) => p.path)).toEqual(['version']);
    expect(problemsOf(edited([set('version', 'one')])).map((p) => p.path)).toEqual(['version']);
  });

  it('the optional strings may be null', () => {
    const doc = edited([
      set('name', null), set('notes', null), set('assumptions.commodity', null), set('assumptions.productUnit', null), set('assumptions.currency', null),
      set('structures[0].name', null), set('structures[0].notes', null), set('structures[0].terms.partners[0].name', null),
      set('structures[0].terms.partners[0].country', null), set('scenarios[0].name', null), set('scenarios[0].notes', null),
    ]);
    expect(problemsOf(doc)).toEqual([]);
  });

  it('notes may appear on the project, each structure and each scenario, and nowhere else', () => {
    const doc = edited([set('notes', 'project note'), set('structures[1].notes', 'structure note'), set('scenarios[2].notes', 'scenario note')]);
    expect(problemsOf(doc)).toEqual([]);
    expect(problemsOf(edited([set('structures[0].terms.partners[0].notes', 'x')]))).toEqual([
      { path: 'structures[0].terms.partners[0].notes', message: 'is not a field of a partner' },
    ]);
  });

  it('a list-level problem is reported as well as the problems of its entries: equities', () => {
    const problems = problemsOf(edited([set('structures[0].terms.partners[1].equity', 'half'), set('structures[0].terms.partners[2].equity', 0.5)]));
    expect(problems.map((p) => p.path)).toEqual(['structures[0].terms.partners[1].equity', 'structures[0].terms.partners']);
    expect(problems[1]!.message).toBe("the partners' equities must add up to exactly 1 (100 %); those that can be read add up to 0.65");
    const outOfRange = problemsOf(edited([set('structures[0].terms.partners[1].equity', 1.2)]));
    expect(outOfRange.map((p) => p.message)).toEqual([
      'must be a fraction between 0 and 1 (0.05 means 5 %), not 1.2',
      "the partners' equities must add up to exactly 1 (100 %); they add up to 1.65",
    ]);
  });

  it('a list-level problem is reported as well as the problems of its entries: offtake shares', () => {
    const problems = problemsOf(edited([(d) => {
      const first = getAt(d, 'structures[0].terms.offtake[0]') as Record<string, unknown>;
      push('structures[0].terms.offtake', { ...first, id: 'second', share: 0.7, fromYear: 2031, toYear: 2031 })(d);
      push('structures[0].terms.offtake', { ...first, id: 'broken', share: 'most' })(d);
      push('structures[0].terms.offtake', 'not an offtake')(d);
    }]));
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'structures[0].terms.offtake[2].share: must be a number (a JSON number or a decimal string such as "0.05", without spaces or a + sign), not "most"',
      'structures[0].terms.offtake[3]: must be an offtake contract (an object), not "not an offtake"',
      'structures[0].terms.offtake: offtake shares add up to 1.3 in 2031: at most the whole output (1) can be sold under offtakes',
    ]);
  });

  it('an integer beyond the documented limit gets a message naming the limit', () => {
    const text = baseText.replace('"depreciationYears": 8', '"depreciationYears": 9007199254740993');
    expect(text).not.toBe(baseText);
    expect(problemsOf(parseProjectText(text))).toEqual([{
      path: 'structures[0].terms.fiscal.incomeTax.depreciationYears',
      message: 'must be at most 1000 (years of straight-line depreciation), not 9007199254740993',
    }]);
    expect(problemsOf(edited([set('scenarios[2].overrides.delayYears', 1001)]))).toEqual([
      { path: 'scenarios[2].overrides.delayYears', message: 'must be at most 1000 (years by which production starts later), not 1001' },
    ]);
    expect(problemsOf(edited([set('structures[1].terms.fiscal.incomeTax.lossCarryForwardYears', '2e3')]))).toEqual([
      { path: 'structures[1].terms.fiscal.incomeTax.lossCarryForwardYears', message: 'must be at most 1000 (years a loss may be carried forward), not 2000' },
    ]);
    expect(problemsOf(edited([set('structures[1].terms.fiscal.incomeTax.depreciationYears', 1000)]))).toEqual([]);
  });
});
