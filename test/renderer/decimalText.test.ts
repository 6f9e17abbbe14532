import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeNumberText, percentTextToStored, storedToPercent, sumDecimals } from '../../renderer/lib/decimalText.ts';
import { storedToText, textToStored, parseTabular } from '../../renderer/model/valueText.ts';

describe('decimal text', () => {
  it('reads percentages as people type them and stores fractions as decimal text', () => {
    expect(percentTextToStored('5 %', 'en-US')).toBe('0.05');
    expect(percentTextToStored('5%', 'en-US')).toBe('0.05');
    expect(percentTextToStored('1.4 %', 'en-US')).toBe('0.014');
    expect(percentTextToStored('12.5', 'en-US')).toBe('0.125');
    expect(percentTextToStored('0.1', 'en-US')).toBe('0.001');
    expect(percentTextToStored('abc', 'en-US')).toBeNull();
  });

  it('never goes through a binary float', () => {
    // 0.1 + 0.2 style traps: 7.1 % is 0.071 exactly, and 33.333333333333333333 % keeps every digit.
    expect(percentTextToStored('7.1', 'en-US')).toBe('0.071');
    expect(percentTextToStored('33.333333333333333333', 'en-US')).toBe('0.33333333333333333333');
    expect(storedToPercent('0.070000000000000000001')).toBe('7.0000000000000000001');
  });

  it('round-trips any percentage typed with up to 30 digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 25 }), (digits, scale) => {
        const text = scale === 0 ? digits.toString() : `${digits / 10n ** BigInt(scale)}.${(digits % 10n ** BigInt(scale)).toString().padStart(scale, '0')}`;
        const stored = percentTextToStored(text, 'en-US');
        expect(stored).not.toBeNull();
        expect(storedToPercent(stored)).toBe(normalizeNumberText(text, 'en-US'));
      }),
    );
  });

  it('accepts group separators, currency signs and the locale decimal separator', () => {
    expect(normalizeNumberText('1,100', 'en-US')).toBe('1100');
    expect(normalizeNumberText('US$ 1,100.50', 'en-US')).toBe('1100.5');
    expect(normalizeNumberText('1.100,5', 'de-DE')).toBe('1100.5');
    expect(normalizeNumberText('1e6', 'en-US')).toBe('1000000');
    expect(normalizeNumberText('12 abc', 'en-US')).toBeNull();
  });

  it('keeps text that is not a number as typed, so the validator can name it', () => {
    expect(textToStored('lots', 'money', 'en-US')).toBe('lots');
    expect(textToStored('2031', 'year', 'en-US')).toBe(2031);
    expect(textToStored('8', 'integer', 'en-US')).toBe(8);
    expect(textToStored('1,200,000', 'number', 'en-US')).toBe('1200000');
  });

  it('shows stored values with grouping and percentages ×100', () => {
    expect(storedToText('1200000', 'number', 'en-US')).toBe('1,200,000');
    expect(storedToText(0.05, 'percent', 'en-US')).toBe('5');
    expect(storedToText('0.014', 'percent', 'de-DE')).toBe('1,4');
    expect(storedToText(2027, 'year', 'en-US')).toBe('2027');
    expect(storedToText(null, 'money', 'en-US')).toBe('');
  });

  it('sums equities exactly', () => {
    expect(sumDecimals(['0.1', '0.2', '0.7'])).toBe('1');
    expect(sumDecimals([0.15, '0.55', 0.3])).toBe('1');
    expect(sumDecimals(['0.1', 'x'])).toBeNull();
  });

  it('splits spreadsheet text into rows and cells', () => {
    expect(parseTabular('1\t2\t3\r\n4\t5\t6\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });
});
