import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProjectText, validateProject, type Project } from '../../shared/engine/index.ts';
import {
  FIELDS, dealTerm, dealTerms, fieldAt, formatValue, labelOf, parsePath, problemInWords, readTerm, setIn, shapeOf, writeTerm,
} from '../../shared/fields/index.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';

const spodumene = (): Project => parseProjectText(readFileSync(join(EXAMPLES_DIR, 'northern-spodumene.project.json'), 'utf8')) as Project;

describe('the field catalogue', () => {
  it('declares each pattern once, inside a declared group or list', () => {
    const patterns = FIELDS.map((f) => f.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const field of FIELDS) {
      if (field.pattern === '') continue;
      const parent = field.pattern.replace(/(\[\])?(\.[^.[\]]+)?$/, (m, list: string | undefined, key: string | undefined) => (key ? (list ?? '') : ''));
      const container = field.pattern.includes('.') || field.pattern.endsWith('[]') ? parent.replace(/\[\]$/, '') : '';
      expect(FIELDS.some((f) => f.pattern === container && (f.kind === 'group' || f.kind === 'list')), `${field.pattern} sits in ${container}`).toBe(true);
    }
  });

  it('gives every number a range and every choice its choices', () => {
    for (const field of FIELDS) {
      const numeric = ['fraction', 'rate', 'money', 'money-per-unit', 'tonnes', 'factor', 'calendar-year', 'whole-number'].includes(field.kind);
      if (numeric) expect(field.range, field.pattern).toBeDefined();
      if (field.kind === 'choice') expect(field.choices?.length, field.pattern).toBeGreaterThan(0);
    }
  });

  it('labels concrete paths in the user\'s words, by position or by name', () => {
    const project = spodumene();
    expect(labelOf('structures[0].terms.partners[2].fundingCap')).toBe('Funding cap of partner 3');
    expect(labelOf('structures[1].terms.partners[1].state')).toBe('Partner 2 is state-owned');
    expect(labelOf('structures[0].terms.partners[0].equity', { project, byName: true })).toBe('Equity of National Lithium Corporation');
    expect(labelOf('structures[0].terms.fiscal.royalty.bands[1].rate')).toBe('Band 2 royalty rate');
    expect(labelOf('assumptions.production.grade[2]', { project })).toBe('Grade 2029');
    expect(labelOf('scenarios[1].overrides.prices[3]', { project })).toBe('Price deck, scenario 2 2030');
    expect(labelOf('structures[0].terms.technology[0].fees[1].amount')).toBe('Fee 2 amount, agreement 1');
    expect(labelOf('structures[0].terms.debt[0].interestRate')).toBe('Interest rate of tranche 1');
    expect(fieldAt('structures[0].terms.partners[0].colour')).toBeNull();
  });

  it('derives the required and optional fields of a group, by version', () => {
    expect(shapeOf('structures[].terms.partners[].carried')).toEqual({ required: ['interestRate', 'repaymentShare'], optional: [] });
    expect(shapeOf('structures[].terms.fiscal.withholding')).toEqual({ required: ['dividends', 'technology'], optional: [] });
    expect(shapeOf('structures[].terms.fiscal.withholding', 2)).toEqual({ required: ['dividends', 'technology'], optional: ['interest'] });
  });

  it('formats values as users type them', () => {
    const field = (path: string) => fieldAt(path)!.field;
    expect(formatValue(field('structures[0].terms.fiscal.royalty.bands[0].rate'), '0.05')).toBe('5 %');
    expect(formatValue(field('structures[0].terms.partners[0].hurdleRate'), 0.125)).toBe('12.5 %');
    expect(formatValue(field('structures[0].terms.partners[0].fundingCap'), '300000000', { currency: 'US$' })).toBe('US$ 300,000,000');
    expect(formatValue(field('structures[0].terms.offtake[0].floor'), 950, { currency: 'US$', productUnit: 't SC6' })).toBe('US$ 950 /t SC6');
    expect(formatValue(field('structures[0].terms.partners[0].fundingCap'), null)).toBe('none');
    expect(formatValue(field('structures[0].terms.dilution'), true)).toBe('yes');
    expect(formatValue(field('scenarios[0].overrides.priceFactor'), '0.75')).toBe('0.75 ×');
    expect(formatValue(field('structures[0].terms.offtake[0].fromYear'), 2031)).toBe('2031');
    expect(formatValue(field('structures[0].terms.fiscal.incomeTax.depreciationYears'), 8)).toBe('8 years');
    expect(formatValue(field('structures[0].terms.partners[0].fundingCap'), '1234567.5', { locale: 'de-DE' })).toBe('1.234.567,5');
  });
});

describe('the deal terms of a structure', () => {
  it('lists every numeric term with its label, unit, range and value', () => {
    const result = dealTerms(spodumene(), 'sliding-royalty');
    expect(result.ok).toBe(true);
    const terms = result.ok ? result.value : [];
    const byPath = new Map(terms.map((t) => [t.path, t]));
    expect(byPath.get('terms.fiscal.royalty.bands[0].rate')).toMatchObject({ label: 'Band 1 royalty rate', unit: '%', range: { min: '0', max: '1', minExclusive: false } });
    expect(byPath.get('terms.partners[1].equity')).toMatchObject({ label: 'Equity of Boreal Minerals plc', value: '0.6', balancedBy: 'cellmaker', range: { min: '0', max: '0.9' } });
    expect(byPath.get('terms.partners[0].equity')?.balancedBy).toBe('miner');
    expect(byPath.get('assumptions.discountRate')).toMatchObject({ kind: 'rate', range: { min: '-1', minExclusive: true } });
    expect(byPath.get('terms.offtake[0].ceiling')).toMatchObject({ unit: 'USD /t SC6', value: '2000' });
    expect(byPath.has('terms.offtake[0].floor')).toBe(false);
    expect([...byPath.keys()].some((p) => p.includes('Year') || p.includes('[]'))).toBe(false);
  });

  it('writes a term immutably, balancing an equity so that the project stays valid', () => {
    const project = spodumene();
    const written = writeTerm(project, 'sliding-royalty', 'terms.partners[0].equity', '0.25', { balanceWith: 'miner' });
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(project.structures[1]!.terms.partners[0]!.equity).toBe(0.1);
    expect(written.value.structures[1]!.terms.partners.map((p) => String(p.equity))).toEqual(['0.25', '0.45', '0.3']);
    expect(validateProject(written.value).ok).toBe(true);
    expect(readTerm(written.value, 'sliding-royalty', 'terms.partners[0].equity')).toEqual({ ok: true, value: '0.25' });
  });

  it('refuses unknown terms, unknown partners and values out of range, as data', () => {
    const project = spodumene();
    const unknown = dealTerm(project, 'sliding-royalty', 'terms.partners[0].colour');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-term' } });
    expect(unknown.ok ? '' : unknown.error.message).toContain('terms.partners[0].equity');
    expect(dealTerm(project, 'sliding-royalty', 'terms.partners[0].equity', { balanceWith: 'nobody' })).toMatchObject({ ok: false, error: { code: 'unknown-partner' } });
    expect(writeTerm(project, 'sliding-royalty', 'terms.fiscal.incomeTax.rate', '1.2')).toMatchObject({ ok: false, error: { code: 'out-of-range' } });
    expect(writeTerm(project, 'sliding-royalty', 'terms.partners[0].equity', '0.5', { balanceWith: 'lithco' })).toMatchObject({ ok: false, error: { code: 'unknown-partner' } });
    expect(writeTerm(project, 'sliding-royalty', 'terms.partners[0].equity', '0.5', { balanceWith: 'cellmaker' })).toMatchObject({ ok: false, error: { code: 'out-of-range' } });
    expect(dealTerms(project, 'nope')).toMatchObject({ ok: false, error: { code: 'unknown-structure' } });
  });
});

describe('problems in the user\'s words', () => {
  it('names the field by its label and says what to type, in the units people type', () => {
    const project = spodumene();
    const at = (path: string, value: unknown) => setIn(project, parsePath(path), value);
    const words = (path: string, value: unknown) => {
      const edited = at(path, value);
      const result = validateProject(edited);
      const problem = result.ok ? null : result.problems.find((p) => p.path === path);
      return problem ? problemInWords(problem, edited).message : null;
    };
    expect(words('structures[0].terms.partners[2].fundingCap', 'lots')).toBe('Funding cap of partner 3 must be an amount such as 300 m or 300,000,000');
    expect(words('structures[0].terms.partners[2].fundingCap', '-5')).toBe('Funding cap of partner 3 must be 0 or more, not US$ −5');
    expect(words('structures[0].terms.fiscal.incomeTax.rate', 1.2)).toBe('Income tax rate must be between 0 % and 100 %, not 120 %');
    expect(words('assumptions.inflation', -1)).toBe('Inflation must be above −100 %, not −100 %');
    expect(words('assumptions.production.grade[2]', 'high')).toBe('Grade 2029 must be a percentage such as 5 %');
    expect(words('assumptions.years', 101)).toBe('Years must be from 1 to 100, not 101 years');
    expect(words('assumptions.years', 'ten')).toBe('Years must be a whole number from 1 to 100');
    expect(words('structures[0].terms.partners[1].kind', 'pirate')).toMatch(/^Kind of partner 2 must be one of "state"/);
    expect(problemInWords({ path: 'structures[0].terms.partners[0].colour', message: 'is not a field of a partner' }, project).message).toBe('"colour" is not a field of a partner');
  });
});
