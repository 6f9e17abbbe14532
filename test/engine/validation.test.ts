import { describe, expect, it } from 'vitest';
import { parseProjectText, validateProject, type Problem } from '../../shared/engine/index.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';
import { readFileSync } from 'node:fs';
import { applyEdits, getAt, push, remove, set, type Edit, type JsonContainer } from '../support/json-edit.ts';
import { join } from 'node:path';

const baseText = readFileSync(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), 'utf8');
const fresh = (): JsonContainer => JSON.parse(baseText) as JsonContainer;

function problemsAfter(edits: readonly Edit[]): Problem[] {
  const result = validateProject(applyEdits(fresh(), edits));
  return result.ok ? [] : result.problems;
}

/** [rule, edit, path, message fragment] */
const cases: [string, Edit[], string, string | RegExp][] = [
  ['a missing field', [remove('assumptions.discountRate')], 'assumptions.discountRate', 'is missing'],
  ['an unknown field', [set('structures[0].terms.partners[0].colour', 'red')], 'structures[0].terms.partners[0].colour', 'is not a field of a partner'],
  ['a series of the wrong length', [remove('assumptions.production.grade[13]')], 'assumptions.production.grade', 'must have one value per year: 14 values, not 13'],
  ['a grade above 1', [set('assumptions.production.grade[4]', 1.2)], 'assumptions.production.grade[4]', 'must be a fraction between 0 and 1'],
  ['a recovery below 0', [set('assumptions.production.recovery[3]', -0.1)], 'assumptions.production.recovery[3]', 'between 0 and 1'],
  ['payability above 1', [set('assumptions.production.payability', 1.5)], 'assumptions.production.payability', 'between 0 and 1'],
  ['a working-capital rate above 1', [set('assumptions.workingCapitalRate', '1.01')], 'assumptions.workingCapitalRate', 'between 0 and 1'],
  ['an equity above 1', [set('structures[0].terms.partners[1].equity', 1.55), set('structures[0].terms.partners[2].equity', -0.7)], 'structures[0].terms.partners[1].equity', 'between 0 and 1'],
  ['a repayment share above 1', [set('structures[0].terms.partners[0].carried.repaymentShare', 2)], 'structures[0].terms.partners[0].carried.repaymentShare', 'between 0 and 1'],
  ['a band rate above 1', [set('structures[1].terms.fiscal.royalty.bands[2].rate', 7)], 'structures[1].terms.fiscal.royalty.bands[2].rate', 'between 0 and 1'],
  ['an income tax rate above 1', [set('structures[0].terms.fiscal.incomeTax.rate', 30)], 'structures[0].terms.fiscal.incomeTax.rate', 'between 0 and 1'],
  ['a resource rent tax rate above 1', [set('structures[0].terms.fiscal.resourceRentTax', { rate: 1.25, thresholdRate: 0.1 })], 'structures[0].terms.fiscal.resourceRentTax.rate', 'between 0 and 1'],
  ['a dividend withholding rate above 1', [set('structures[0].terms.fiscal.withholding.dividends', 10)], 'structures[0].terms.fiscal.withholding.dividends', 'between 0 and 1'],
  ['a technology withholding rate below 0', [set('structures[0].terms.fiscal.withholding.technology', -0.1)], 'structures[0].terms.fiscal.withholding.technology', 'between 0 and 1'],
  ['a community share above 1', [set('structures[0].terms.fiscal.communityShare', 1.5)], 'structures[0].terms.fiscal.communityShare', 'between 0 and 1'],
  ['a recovery uplift above 1', [set('structures[0].terms.technology[0].recoveryUplift', 3)], 'structures[0].terms.technology[0].recoveryUplift', 'between 0 and 1'],
  ['a technology royalty rate above 1', [set('structures[0].terms.technology[0].royaltyRate', 1.5)], 'structures[0].terms.technology[0].royaltyRate', 'between 0 and 1'],
  ['an offtake share above 1', [set('structures[0].terms.offtake[0].share', 1.2)], 'structures[0].terms.offtake[0].share', 'between 0 and 1'],
  ['an offtake discount above 1', [set('structures[0].terms.offtake[0].discount', 3)], 'structures[0].terms.offtake[0].discount', 'between 0 and 1'],
  ['negative tonnes of ore', [set('assumptions.production.oreMined[2]', -5)], 'assumptions.production.oreMined[2]', 'must not be negative'],
  ['negative waste', [set('assumptions.production.wasteMined[2]', -5)], 'assumptions.production.wasteMined[2]', 'must not be negative'],
  ['a negative price', [set('assumptions.prices[0]', -1100)], 'assumptions.prices[0]', 'must not be negative'],
  ['a negative mining cost', [set('assumptions.costs.miningPerTonne', -3.6)], 'assumptions.costs.miningPerTonne', 'must not be negative'],
  ['a negative processing cost', [set('assumptions.costs.processingPerTonneOre', -1)], 'assumptions.costs.processingPerTonneOre', 'must not be negative'],
  ['a negative fixed cost', [set('assumptions.costs.fixed[1]', -1)], 'assumptions.costs.fixed[1]', 'must not be negative'],
  ['a negative selling cost', [set('assumptions.costs.sellingPerUnit', -1)], 'assumptions.costs.sellingPerUnit', 'must not be negative'],
  ['negative capex', [set('assumptions.capex.initial[0]', -1)], 'assumptions.capex.initial[0]', 'must not be negative'],
  ['negative closure cost', [set('assumptions.capex.closure[13]', -1)], 'assumptions.capex.closure[13]', 'must not be negative'],
  ['a negative product factor', [set('assumptions.production.productFactor', -1)], 'assumptions.production.productFactor', 'must not be negative'],
  ['a negative fee', [set('structures[0].terms.technology[0].fees[0].amount', -4)], 'structures[0].terms.technology[0].fees[0].amount', 'must not be negative'],
  ['a negative funding cap', [set('structures[0].terms.partners[2].fundingCap', -1)], 'structures[0].terms.partners[2].fundingCap', 'must not be negative'],
  ['a negative royalty cap', [set('structures[0].terms.technology[0].royaltyCapPerYear', -1)], 'structures[0].terms.technology[0].royaltyCapPerYear', 'must not be negative'],
  ['a negative floor', [set('structures[0].terms.offtake[0].floor', -1)], 'structures[0].terms.offtake[0].floor', 'must not be negative'],
  ['a negative ceiling', [set('structures[0].terms.offtake[0].ceiling', -1)], 'structures[0].terms.offtake[0].ceiling', 'must not be negative'],
  ['a negative deemed value', [set('structures[0].terms.deemedValue', -1)], 'structures[0].terms.deemedValue', 'must not be negative'],
  ['a negative factor', [set('scenarios[1].overrides.priceFactor', -0.75)], 'scenarios[1].overrides.priceFactor', 'must not be negative'],
  ['a discount rate of −100 %', [set('assumptions.discountRate', -1)], 'assumptions.discountRate', 'must be a rate above −1'],
  ['inflation below −100 %', [set('assumptions.inflation', -2)], 'assumptions.inflation', 'must be a rate above −1'],
  ['a hurdle rate of −100 %', [set('structures[0].terms.partners[1].hurdleRate', '-1')], 'structures[0].terms.partners[1].hurdleRate', 'must be a rate above −1'],
  ['a carry interest rate of −100 %', [set('structures[0].terms.partners[0].carried.interestRate', -1)], 'structures[0].terms.partners[0].carried.interestRate', 'must be a rate above −1'],
  ['an RRT threshold rate of −100 %', [set('structures[0].terms.fiscal.resourceRentTax', { rate: 0.25, thresholdRate: -1 })], 'structures[0].terms.fiscal.resourceRentTax.thresholdRate', 'must be a rate above −1'],
  ['equities that do not sum to 1', [set('structures[0].terms.partners[1].equity', 0.5)], 'structures[0].terms.partners', /must add up to exactly 1 \(100 %\); they add up to 0\.95/],
  ['no funding partner with equity', [
    set('structures[0].terms.partners[0].equity', 1), set('structures[0].terms.partners[1].equity', 0), set('structures[0].terms.partners[2].equity', 0),
  ], 'structures[0].terms.partners', 'at least one partner without carried terms must hold equity above 0'],
  ['an unknown offtaker', [set('structures[0].terms.offtake[0].offtaker', 'nobody')], 'structures[0].terms.offtake[0].offtaker', '"nobody" is not a partner of this structure'],
  ['an unknown licensor', [set('structures[0].terms.technology[0].licensor', 'acme')], 'structures[0].terms.technology[0].licensor', '"acme" is not a partner of this structure'],
  ['a duplicate partner id', [set('structures[0].terms.partners[2].id', 'miner')], 'structures[0].terms.partners[2].id', '"miner" is already the id of structures[0].terms.partners[1]'],
  ['a duplicate structure id', [set('structures[1].id', 'state-carry-offtake')], 'structures[1].id', 'ids must be unique'],
  ['a duplicate scenario id', [set('scenarios[2].id', 'base')], 'scenarios[2].id', 'ids must be unique'],
  ['a reserved partner id', [set('structures[0].terms.partners[1].id', 'government')], 'structures[0].terms.partners[1].id', '"government" is reserved'],
  ['offtake shares above 1 in a year', [(d) => {
    const first = getAt(d, 'structures[0].terms.offtake[0]') as Record<string, unknown>;
    push('structures[0].terms.offtake', { ...first, id: 'second', share: 0.5, fromYear: 2031, toYear: 2032 })(d);
  }], 'structures[0].terms.offtake', 'offtake shares add up to 1.1 in 2031'],
  ['bands not strictly ascending', [set('structures[1].terms.fiscal.royalty.bands[2].fromPrice', 1300)], 'structures[1].terms.fiscal.royalty.bands[2].fromPrice', 'bands must be strictly ascending'],
  ['bands not starting at 0', [set('structures[1].terms.fiscal.royalty.bands[0].fromPrice', 100)], 'structures[1].terms.fiscal.royalty.bands[0].fromPrice', 'the first band must start at price 0'],
  ['years above 100', [set('assumptions.years', 101)], 'assumptions.years', 'must be from 1 to 100'],
  ['years of 0', [set('assumptions.years', 0)], 'assumptions.years', 'must be from 1 to 100'],
  ['depreciation years below 1', [set('structures[0].terms.fiscal.incomeTax.depreciationYears', 0)], 'structures[0].terms.fiscal.incomeTax.depreciationYears', 'must be at least 1'],
  ['a fractional delay', [set('scenarios[2].overrides.delayYears', 1.5)], 'scenarios[2].overrides.delayYears', 'must be a whole number'],
  ['a negative delay', [set('scenarios[2].overrides.delayYears', -1)], 'scenarios[2].overrides.delayYears', 'must be at least 0'],
  ['a fractional loss carry-forward', [set('structures[1].terms.fiscal.incomeTax.lossCarryForwardYears', 2.5)], 'structures[1].terms.fiscal.incomeTax.lossCarryForwardYears', 'must be a whole number'],
  ['a negative loss carry-forward', [set('structures[1].terms.fiscal.incomeTax.lossCarryForwardYears', -1)], 'structures[1].terms.fiscal.incomeTax.lossCarryForwardYears', 'must be at least 0'],
  ['an unknown partner kind', [set('structures[0].terms.partners[1].kind', 'pirate')], 'structures[0].terms.partners[1].kind', 'must be one of "state", "private"'],
  ['an unknown discounting convention', [set('assumptions.discounting', 'continuous')], 'assumptions.discounting', 'must be one of "end-year", "mid-year"'],
  ['an unknown royalty base', [set('structures[0].terms.fiscal.royalty.base', 'profit')], 'structures[0].terms.fiscal.royalty.base', 'must be one of "gross", "net"'],
  ['empty structures', [set('structures', [])], 'structures', 'must not be empty'],
  ['empty scenarios', [set('scenarios', [])], 'scenarios', 'must not be empty'],
  ['empty partners', [set('structures[0].terms.partners', []), set('structures[0].terms.offtake', [])], 'structures[0].terms.partners', 'must not be empty'],
  ['empty bands', [set('structures[0].terms.fiscal.royalty.bands', [])], 'structures[0].terms.fiscal.royalty.bands', 'must not be empty'],
  ['an external licensor without a foreign flag', [remove('structures[0].terms.technology[0].foreign')], 'structures[0].terms.technology[0].foreign', 'an external licensor needs a foreign flag'],
  ['a number that is not a decimal', [set('assumptions.inflation', 'two percent')], 'assumptions.inflation', 'must be a number (a JSON number or a decimal string'],
  ['a wrong format tag', [set('format', 'something-else')], 'format', 'must be "orebridge-project"'],
  ['an unknown document version', [set('version', 3)], 'version', 'must be 1 or 2'],
  ['an override price deck of the wrong length', [set('scenarios[1].overrides.prices', [1, 2, 3])], 'scenarios[1].overrides.prices', 'must have one value per year: 14 values, not 3'],
  ['a duplicate shock id', [set('shocks', [{ id: 's', overrides: {} }, { id: 's', overrides: { priceFactor: 0.5 } }])], 'shocks[1].id', 'ids must be unique'],
];

describe('validation (§9): every rule, with its path and message', () => {
  it('accepts every example project', () => {
    for (const name of ['northern-spodumene', 'nickel-cobalt-hpal', 'ndpr-separation']) {
      const result = validateProject(parseProjectText(readFileSync(join(EXAMPLES_DIR, `${name}.project.json`), 'utf8')));
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
  });

  for (const [rule, edits, path, message] of cases) {
    it(`reports ${rule}`, () => {
      const problems = problemsAfter(edits);
      const atPath = problems.filter((p) => p.path === path);
      expect(atPath, `problems: ${JSON.stringify(problems)}`).not.toEqual([]);
      expect(atPath.some((p) => (typeof message === 'string' ? p.message.includes(message) : message.test(p.message))), JSON.stringify(atPath)).toBe(true);
    });
  }

  it('checks series lengths only when years is valid', () => {
    const problems = problemsAfter([set('assumptions.years', 'many')]);
    expect(problems.map((p) => p.path)).toEqual(['assumptions.years']);
  });

  it('reports every problem at once, one per mistake', () => {
    const problems = problemsAfter([
      set('assumptions.production.grade[4]', 1.4),
      set('structures[0].terms.partners[1].equity', 0.5),
      set('structures[1].terms.fiscal.royalty.base', 'profit'),
      set('scenarios[1].overrides.delayYears', -2),
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      'assumptions.production.grade[4]',
      'structures[0].terms.partners',
      'structures[1].terms.fiscal.royalty.base',
      'scenarios[1].overrides.delayYears',
    ]);
  });

  it('reads numbers written as decimal strings, including exponents, exactly', () => {
    const doc = applyEdits(fresh(), [set('assumptions.inflation', '2e-2'), set('assumptions.discountRate', '0.08'), set('structures[0].terms.partners[0].equity', '0.15')]);
    expect(validateProject(doc).ok).toBe(true);
  });

  it('accepts optional fields that are null or absent', () => {
    const doc = applyEdits(fresh(), [
      remove('structures[0].terms.partners[1].carried'), remove('structures[0].terms.partners[1].fundingCap'),
      set('structures[0].terms.technology[0].royaltyCapPerYear', null), remove('shocks'),
    ]);
    expect(validateProject(doc).ok).toBe(true);
  });

  it('rejects something that is not a project at all with one problem', () => {
    const result = validateProject([1, 2, 3]);
    expect(result.ok ? [] : result.problems).toEqual([{ path: '(document)', message: 'must be a project (an object), not a list' }]);
  });
});

describe('parseProjectText', () => {
  it('keeps number literals a double cannot hold as their decimal text', () => {
    const doc = parseProjectText('{"a": 0.1, "b": 12345678901234567890.123456789, "c": 1e-3}') as Record<string, unknown>;
    expect(doc).toEqual({ a: 0.1, b: '12345678901234567890.123456789', c: 0.001 });
  });
  it('throws a SyntaxError on malformed JSON', () => {
    expect(() => parseProjectText('{"a": ')).toThrow(SyntaxError);
  });
});
