import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { NumberFormatter } from '@internationalized/number';
import { readNumber, readTypedNumber, whatToType, type NumberContext } from '../../renderer/model/numberText.ts';

const money = (locale = 'en-US', unit?: string): NumberContext => ({ locale, kind: 'money', currency: 'USD', ...(unit ? { unit } : {}) });
const valueOf = (read: ReturnType<typeof readNumber>) => (read.ok ? read.value : read.reason);

describe('reading typed numbers', () => {
  it('never guesses 1,050: both readings are reported, and a typed value takes the locale’s', () => {
    const read = readNumber('1,050', money());
    expect(read).toMatchObject({ ok: false, reason: 'ambiguous', readings: { point: '1050', comma: '1.05' } });
    expect(valueOf(readTypedNumber('1,050', money('en-US')))).toBe('1050');
    expect(valueOf(readTypedNumber('1,050', money('es-CL')))).toBe('1.05');
    expect(valueOf(readTypedNumber('1.050', money('de-DE')))).toBe('1050');
  });

  it('accepts the unambiguous forms in any locale', () => {
    expect(valueOf(readNumber('1.050,5', money('en-US')))).toBe('1050.5');
    expect(valueOf(readNumber('1,050.5', money('es-CL')))).toBe('1050.5');
    expect(valueOf(readNumber('1,050,000', money('de-DE')))).toBe('1050000');
    expect(valueOf(readNumber('0,5', money('en-US')))).toBe('0.5');
    expect(valueOf(readNumber('1 050,5', money('fr-FR')))).toBe('1050.5');
    expect(valueOf(readNumber("1'050.5", money('de-CH')))).toBe('1050.5');
    expect(valueOf(readNumber('10,50,000', money('en-IN')))).toBe('1050000');
    expect(valueOf(readNumber('١٬٠٥٠', money('ar-EG')))).toBe('1050');
    expect(valueOf(readNumber('(3)', money()))).toBe('-3');
    expect(valueOf(readNumber('−3,5', money('de-DE')))).toBe('-3.5');
    expect(valueOf(readNumber('1e6', money()))).toBe('1000000');
  });

  it('understands the units and scale words people type', () => {
    expect(valueOf(readNumber('300 m', money()))).toBe('300000000');
    expect(valueOf(readNumber('1.2 bn', money()))).toBe('1200000000');
    expect(valueOf(readNumber('250k', money()))).toBe('250000');
    expect(valueOf(readNumber('5 %', { locale: 'en-US', kind: 'percent' }))).toBe('0.05');
    expect(valueOf(readNumber('12.5', { locale: 'en-US', kind: 'percent' }))).toBe('0.125');
    expect(valueOf(readNumber('5 % of revenue', { locale: 'en-US', kind: 'percent', unit: '% of revenue' }))).toBe('0.05');
    expect(valueOf(readTypedNumber('US$ 1,050', money()))).toBe('1050');
    expect(valueOf(readTypedNumber('US$ 1,050 /t', money('en-US', '/t')))).toBe('1050');
    expect(valueOf(readTypedNumber('1,050 USD per t', money('en-US', '/t')))).toBe('1050');
    expect(valueOf(readNumber('2 Mt', { locale: 'en-US', kind: 'number', unit: 't' }))).toBe('2000000');
    expect(valueOf(readNumber('350 kt', { locale: 'en-US', kind: 'number', unit: 't' }))).toBe('350000');
    expect(valueOf(readNumber('8 years', { locale: 'en-US', kind: 'integer', unit: 'years' }))).toBe('8');
    expect(valueOf(readNumber('1.25 ×', { locale: 'en-US', kind: 'factor', unit: '×' }))).toBe('1.25');
  });

  it('refuses what it cannot read with a message that says what to type', () => {
    const refused = (text: string, context: NumberContext) => {
      const read = readNumber(text, context);
      if (read.ok) throw new Error(`${text} was read as ${read.value}`);
      return read.message;
    };
    expect(refused('€ 5', money())).toBe("This venture's amounts are in USD, not €. Type an amount in USD such as 300 m or 300,000,000.");
    expect(refused('1,050 /lb', money('en-US', '/t'))).toBe('Prices here are per t, not per lb. Type a price in USD such as 1,050 (per t).');
    expect(refused('5 %', money())).toContain('percentage fields');
    expect(refused('12 abc', { locale: 'en-US', kind: 'number' })).toBe('“abc” is not a unit Orebridge knows here. Type a number such as 1,050 or 0.5.');
    expect(refused('8.5', { locale: 'en-US', kind: 'integer', unit: 'years' })).toBe('Type a whole number such as 8 (years).');
    expect(refused('1,05,0', money())).toContain('is not a number Orebridge can read');
    expect(refused('lots', money())).toContain('Type an amount in USD such as 300 m');
    expect(whatToType(money('de-DE'))).toBe('Type an amount in USD such as 300 m or 300.000.000.');
  });

  it('gives back every number it formatted, in every locale (@internationalized/number formats)', () => {
    const locales = ['en-US', 'es-CL', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'pt-BR', 'ja-JP', 'ar-EG', 'hi-IN'];
    fc.assert(
      fc.property(
        fc.constantFrom(...locales),
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
        fc.integer({ min: 0, max: 4 }),
        (locale, digits, scale) => {
          const exact = new Decimal(digits.toString()).div(new Decimal(10).pow(scale));
          const text = new NumberFormatter(locale, { maximumFractionDigits: scale, minimumFractionDigits: scale }).format(exact.toNumber());
          const read = readTypedNumber(text, { locale, kind: 'number' });
          expect(read.ok ? new Decimal(read.value).eq(exact) : read).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads a pasted en-US deck with either explicit convention exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999 }), (value) => {
        const text = value.toLocaleString('en-US');
        expect(valueOf(readNumber(text, money('es-CL'), 'point'))).toBe(String(value));
      }),
    );
  });
});

describe('reading a project field takes its kind and unit from the field catalogue', () => {
  it('maps every numeric kind of the catalogue, and reads and refuses accordingly', async () => {
    const { fieldNumber } = await import('../../renderer/model/fieldNumber.ts');
    const { readField } = await import('../../renderer/model/valueText.ts');
    const { FIELDS } = await import('../../shared/fields/index.ts');
    const numeric = FIELDS.filter((field) => ['fraction', 'rate', 'money', 'money-per-unit', 'tonnes', 'factor', 'calendar-year', 'whole-number'].includes(field.kind));
    for (const field of numeric) expect(fieldNumber(field.pattern.replace(/\[\]/g, '[0]')), field.pattern).not.toBeNull();
    expect(fieldNumber('structures[1].terms.partners[2].fundingCap')).toEqual({ kind: 'money', unit: '{currency}' });
    expect(fieldNumber('assumptions.production.oreMined[3]')).toEqual({ kind: 'number', unit: 't' });
    expect(fieldNumber('assumptions.prices[0]')).toEqual({ kind: 'money', unit: '{currency} /{productUnit}' });
    expect(fieldNumber('structures[0].terms.partners[0].equity')?.kind).toBe('percent');
    expect(fieldNumber('structures[0].terms.partners[0].name')).toBeNull();
    const cap = fieldNumber('structures[0].terms.partners[2].fundingCap')!;
    const read = (text: string) => readField(text, cap.kind, 'en-US', { currency: 'USD', unit: cap.unit });
    expect(read('300 m')).toMatchObject({ ok: true, value: '300000000' });
    expect(read('5 %')).toMatchObject({ ok: false, message: '“%” belongs in percentage fields. Type an amount in USD such as 300 m or 300,000,000.' });
  });
});
