// §9 "Version 2": each rule at its path with its message, now that each v2 field's own checks
// come from the field catalogue and only the rules between fields are code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProject, type Problem } from '../../shared/engine/index.ts';
import { applyEdits, remove, set, type Edit, type JsonContainer } from '../support/json-edit.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';

const text = readFileSync(join(EXAMPLES_DIR, 'nordic-graphite-anode.project.json'), 'utf8');
const problemsAfter = (edits: readonly Edit[]): Problem[] => {
  const result = validateProject(applyEdits(JSON.parse(text) as JsonContainer, edits));
  return result.ok ? [] : result.problems;
};
const D0 = 'structures[0].terms.debt[0]';
const D1 = 'structures[1].terms.debt[0]';
const C = 'structures[1].terms.priceSupport[0]';
const F0 = 'structures[0].terms.fiscal';
const F1 = 'structures[1].terms.fiscal';

const cases: [string, Edit[], string, string][] = [
  ['an unknown lender', [set(`${D1}.lender`, 'bank')], `${D1}.lender`, 'must be a partner id of this structure or "external"'],
  ['an external lender without foreign', [set(`${D0}.foreign`, null)], `${D0}.foreign`, 'must be true or false for an external lender'],
  ['both gearing and drawdowns', [set(`${D0}.drawdowns`, [{ year: 2028, amount: 1 }])], D0, 'has both a gearing and dated drawdowns'],
  ['neither gearing nor drawdowns', [remove(`${D1}.drawdowns`)], D1, 'needs either a gearing'],
  ['a draw year without gearing', [set(`${D1}.drawFromYear`, 2027)], `${D1}.drawFromYear`, 'applies only to a tranche drawn on a gearing'],
  ['gearing above 1', [set(`${D0}.gearing`, 1.5)], `${D0}.gearing`, 'must be a fraction between 0 and 1'],
  ['a negative drawdown', [set(`${D1}.drawdowns[1].amount`, -5)], `${D1}.drawdowns[1].amount`, 'must not be negative'],
  ['a negative maximum', [set(`${D0}.maxAmount`, -1)], `${D0}.maxAmount`, 'must not be negative'],
  ['a negative interest rate', [set(`${D0}.interestRate`, -0.01)], `${D0}.interestRate`, 'must not be negative'],
  ['fractional grace years', [set(`${D0}.graceYears`, 1.5)], `${D0}.graceYears`, 'must be a whole number (years of interest only before repayments)'],
  ['a tenor of 0', [set(`${D0}.tenorYears`, 0)], `${D0}.tenorYears`, 'years over which the loan is repaid'],
  ['an unknown repayment', [set(`${D0}.repayment`, 'bullet')], `${D0}.repayment`, 'must be one of "equal-principal", "annuity"'],
  ['a missing tranche field', [remove(`${D0}.tenorYears`)], `${D0}.tenorYears`, 'is missing: a loan tranche needs it'],
  ['an unknown tranche field', [set(`${D0}.colour`, 'red')], `${D0}.colour`, 'is not a field of a loan tranche'],
  ['a support share above 1', [set(`${C}.share`, 1.2)], `${C}.share`, 'must be a fraction between 0 and 1'],
  ['a cap below the strike', [set(`${C}.capPrice`, 6000)], `${C}.capPrice`, 'must not be below the strike (7000)'],
  ['a cap without upside share', [set(`${C}.upsideShare`, null)], C, 'needs both a cap price and an upside share'],
  ['a negative holiday', [set(`${F1}.incomeTax.holidayYears`, -1)], `${F1}.incomeTax.holidayYears`, 'years without income tax from first production'],
  ['a negative allowance', [set(`${F0}.incomeTax.investmentAllowance`, -0.1)], `${F0}.incomeTax.investmentAllowance`, 'must not be negative'],
  ['an unknown depreciation method', [set(`${F0}.incomeTax.depreciation.method`, 'sum-of-digits')], `${F0}.incomeTax.depreciation.method`, 'must be one of "straight-line", "declining-balance"'],
  ['declining balance without a rate', [remove(`${F0}.incomeTax.depreciation.rate`)], `${F0}.incomeTax.depreciation.rate`, 'must be a rate above 0 and at most 1'],
  ['a depreciation rate above 1', [set(`${F0}.incomeTax.depreciation.rate`, 1.3)], `${F0}.incomeTax.depreciation.rate`, 'must be a fraction between 0 and 1'],
  ['straight line with a rate', [set(`${F0}.incomeTax.depreciation.method`, 'straight-line')], `${F0}.incomeTax.depreciation.rate`, 'applies only to declining-balance depreciation'],
  ['interest withholding above 1', [set(`${F0}.withholding.interest`, 2)], `${F0}.withholding.interest`, 'must be a fraction between 0 and 1'],
  ['a grant share above 1', [set(`${F0}.capitalGrant.share`, 2)], `${F0}.capitalGrant.share`, 'must be a fraction between 0 and 1'],
  ['a negative grant cap', [set(`${F0}.capitalGrant.cap`, -1)], `${F0}.capitalGrant.cap`, 'must not be negative'],
  ['stabilised not a flag', [set(`${F1}.stabilized`, 'yes')], `${F1}.stabilized`, 'must be true or false (whether the fiscal terms are stabilised)'],
  ['a stabilisation year without stabilisation', [set(`${F1}.stabilized`, false)], `${F1}.stabilizedUntilYear`, 'is given but the terms are not stabilised'],
  ['a fiscal change without a year', [remove('scenarios[2].overrides.fiscalChange.fromYear')], 'scenarios[2].overrides.fiscalChange.fromYear', 'is missing'],
  ['a royalty change above 1', [set('scenarios[2].overrides.fiscalChange.royaltyRateAdd', 1.5)], 'scenarios[2].overrides.fiscalChange.royaltyRateAdd', 'must be between −1 and 1'],
  ['a new tax rate above 1', [set('scenarios[2].overrides.fiscalChange.incomeTaxRate', 2)], 'scenarios[2].overrides.fiscalChange.incomeTaxRate', 'must be a fraction between 0 and 1'],
  ['a v2 field in a version-1 project', [set('version', 1)], `${D0}`.replace('.debt[0]', '.debt'), 'is a version-2 field'],
];

describe('version-2 validation (§9) through the field catalogue', () => {
  it('accepts the version-2 example', () => {
    expect(problemsAfter([])).toEqual([]);
  });

  for (const [rule, edits, path, message] of cases) {
    it(`reports ${rule}`, () => {
      const problems = problemsAfter(edits);
      const atPath = problems.filter((p) => p.path === path);
      expect(atPath.some((p) => p.message.includes(message)), JSON.stringify(problems)).toBe(true);
    });
  }

  it('reports a missing required field once', () => {
    expect(problemsAfter([remove(`${D0}.tenorYears`)]).filter((p) => p.path === `${D0}.tenorYears`)).toHaveLength(1);
  });
});
