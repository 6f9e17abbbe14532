import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDecimalText, type NumberKind } from '../../shared/engine/decimal-text.ts';
import { parseProjectText, validateProject, type Problem } from '../../shared/engine/index.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';
import { applyEdits, set, type Edit, type JsonContainer } from '../support/json-edit.ts';

// Every input number is a finite decimal within documented limits, checked on its text before
// any Decimal is built or any message written (issue 9, item 1). These cases used to expand the
// number digit by digit (minutes, gigabytes); each must now be refused at once.

const baseText = readFileSync(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), 'utf8');
const problemsAfter = (edits: readonly Edit[]): Problem[] => {
  const result = validateProject(applyEdits(JSON.parse(baseText) as JsonContainer, edits));
  return result.ok ? [] : result.problems;
};
const hundredThousandDigits = '7'.repeat(100_000);

describe('number bounds on the text, with path and message', () => {
  const cases: [string, string, unknown, string][] = [
    ['a price of 1e999999', 'assumptions.prices[2]', '1e999999', 'must be below 10^15, not 1e999999'],
    ['initial capex of 1e100000000', 'assumptions.capex.initial[0]', '1e100000000', 'must be below 10^15, not 1e100000000'],
    ['a unit cost of 1e-999999', 'assumptions.costs.miningPerTonne', '1e-999999', 'must have no digit beyond the 30th decimal place, not 1e-999999'],
    ['a 100,000-digit price', 'assumptions.prices[4]', hundredThousandDigits, 'must be below 10^15, not 77777777777777777777777777777777… (100,000 characters)'],
    ['a price with 100,000 decimals', 'assumptions.prices[4]', `0.${hundredThousandDigits}`, 'must have no digit beyond the 30th decimal place, not 0.777777777777777777777777777777… (100,002 characters)'],
    ['31 significant digits', 'assumptions.costs.fixed[3]', '1234567890.123456789012345678901', 'must have at most 30 significant digits, not 1234567890.123456789012345678901'],
    ['a negative amount beyond the bound', 'assumptions.costs.fixed[3]', '-1e20', 'must not be negative, not -1e20'],
    ['a fraction of 1e9', 'assumptions.production.grade[3]', '1e9', 'must be a fraction between 0 and 1 (0.05 means 5 %), not 1e9'],
    ['a rate of 1e5', 'assumptions.discountRate', '1e5', 'must be below 10 (1,000 %), not 1e5'],
    ['a rate of −1e5', 'assumptions.inflation', '-1e5', 'must be a rate above −1 (−100 %), not -1e5'],
    ['a factor of 1e7', 'scenarios[1].overrides.priceFactor', '1e7', 'must be below 10^6, not 1e7'],
    ['years of 1e1000000000', 'assumptions.years', '1e1000000000', 'must be from 1 to 100 (the number of annual periods), not 1e1000000000'],
    ['a start year of 1e1000000000', 'assumptions.startYear', '1e1000000000', 'must be from 1 to 9999 (the first calendar year), not 1e1000000000'],
    ['depreciation years of 1e1000000000', 'structures[0].terms.fiscal.incomeTax.depreciationYears', '1e1000000000', 'must be at most 1000 (years of straight-line depreciation), not 1e1000000000'],
    ['a delay of 1e1000000000', 'scenarios[2].overrides.delayYears', '1e1000000000', 'must be at most 1000 (years by which production starts later), not 1e1000000000'],
    ['a delay of −1e1000000000', 'scenarios[2].overrides.delayYears', '-1e1000000000', 'must be at least 0 (years by which production starts later), not -1e1000000000'],
    ['a calendar year with an exponent of 10^20 digits', 'structures[0].terms.technology[0].fees[0].year', '1e99999999999999999999', 'must be from 1 to 9999 (the calendar year the fee is paid), not 1e99999999999999999999'],
  ];
  for (const [what, path, value, message] of cases) {
    it(`refuses ${what}`, () => {
      expect(problemsAfter([set(path, value)])).toEqual([{ path, message }]);
    });
  }

  it('refuses huge number literals in JSON text the same way, without expanding them', () => {
    const text = baseText
      .replace('"years": 14', '"years": 1e1000000000')
      .replace('"startYear": 2027', '"startYear": 1e1000000000');
    const result = validateProject(parseProjectText(text));
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'assumptions.startYear', message: 'must be from 1 to 9999 (the first calendar year), not 1e1000000000' },
      { path: 'assumptions.years', message: 'must be from 1 to 100 (the number of annual periods), not 1e1000000000' },
    ]);
  });

  it('accepts numbers within the bounds, at their edges', () => {
    expect(problemsAfter([
      set('assumptions.prices[2]', '999999999999999.999999999999999'),
      set('assumptions.costs.miningPerTonne', '1e-30'),
      set('assumptions.capex.initial[0]', '123456789012345.678901234567890'),
      set('assumptions.discountRate', '9.99'),
      set('scenarios[1].overrides.priceFactor', '999999'),
      set('assumptions.startYear', '9.9e3'),
      set('structures[0].terms.fiscal.incomeTax.depreciationYears', 1000),
      set('assumptions.production.grade[3]', '0e99999999999999999999'),
    ])).toEqual([]);
  });
});

describe('checkDecimalText: one pure check of a text against the bounds of its kind', () => {
  const cases: [string, NumberKind, string | null][] = [
    ['1100.5', 'money-per-unit', null],
    ['1e15', 'money', 'must be below 10^15, not 1e15'],
    ['-1e15', 'tonnes', 'must be above −10^15, not -1e15'],
    ['0.05', 'fraction', null],
    ['12', 'rate', 'must be below 10 (1,000 %), not 12'],
    [' 0.1 ', 'fraction', 'must be a number (a JSON number or a decimal string such as "0.05", without spaces or a + sign), not " 0.1 "'],
    ['2030', 'calendar-year', null],
    ['2.03e3', 'calendar-year', null],
    ['10000', 'calendar-year', 'must be a calendar year from 1 to 9999, not 10000'],
    ['2030.5', 'calendar-year', 'must be a calendar year, not 2030.5'],
    ['1e1000000000', 'whole-number', 'must be a whole number from 0 to 1000, not 1e1000000000'],
    [' 5 ', 'whole-number', 'must be a whole number (a JSON number or a decimal string such as "2030"), not " 5 "'],
    ['1000', 'whole-number', null],
  ];
  for (const [text, kind, message] of cases) {
    it(`${JSON.stringify(text)} as ${kind}`, () => expect(checkDecimalText(text, kind)).toBe(message));
  }
});
