import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planPaste, type PasteTarget } from '../../renderer/model/pastePlan.ts';
import { YEARLY_SERIES } from '../../renderer/model/series.ts';

const at = (key: string, col = 0, locale = 'en-US'): PasteTarget => ({
  rows: YEARLY_SERIES,
  row: YEARLY_SERIES.findIndex((row) => row.key === key),
  col,
  years: 12,
  firstYear: 2027,
  locale,
  currency: 'USD',
  productUnit: 't',
});
const written = (plan: ReturnType<typeof planPaste>) => (plan.kind === 'ready' ? plan.writes.map((write) => write.value) : plan.kind);

describe('planning a paste into the yearly grid', () => {
  it('asks, showing both readings, when a deck from another locale reads two ways', () => {
    const deck = '1,050\t1,100\t1,150';
    expect(planPaste(deck, at('prices', 0, 'es-CL'))).toEqual({
      kind: 'ask-convention',
      samples: [
        { text: '1,050', point: '1050', comma: '1.05' },
        { text: '1,100', point: '1100', comma: '1.1' },
        { text: '1,150', point: '1150', comma: '1.15' },
      ],
    });
    expect(written(planPaste(deck, at('prices', 0, 'es-CL'), { convention: 'point' }))).toEqual(['1050', '1100', '1150']);
    expect(written(planPaste(deck, at('prices', 0, 'es-CL'), { convention: 'comma' }))).toEqual(['1.05', '1.1', '1.15']);
  });

  it('does not ask when one cell settles the convention for the block', () => {
    expect(written(planPaste('1,050\t1,100.5\t1,150', at('prices', 0, 'es-CL')))).toEqual(['1050', '1100.5', '1150']);
    expect(written(planPaste('1.050\t1.100,5', at('prices', 0, 'en-US')))).toEqual(['1050', '1100.5']);
  });

  it('shows a percentage row’s readings in percent', () => {
    expect(written(planPaste('1,250\t1,5', at('grade', 0, 'de-DE')))).toEqual(['0.0125', '0.015']); // 1,5 settles it
    expect(planPaste('1,250\t2,125', at('grade', 0, 'de-DE'))).toEqual({
      kind: 'ask-convention',
      samples: [{ text: '1,250', point: '1250', comma: '1.25', unit: '%' }, { text: '2,125', point: '2125', comma: '2.125', unit: '%' }],
    });
  });

  it('refuses a block that mixes both conventions', () => {
    const plan = planPaste('1,050.5\t1.100,5', at('prices'));
    expect(plan).toMatchObject({ kind: 'refused' });
    expect(plan.kind === 'refused' && plan.message).toContain('mix two ways of writing decimals');
  });

  it('offers to skip a label cell in front, and says what it did either way', () => {
    const row = 'Price (US$/t)\t1100\t1150';
    expect(planPaste(row, at('prices'))).toEqual({ kind: 'ask-label', labels: ['Price (US$/t)'] });
    const skipped = planPaste(row, at('prices'), { skipLabel: true });
    expect(written(skipped)).toEqual(['1100', '1150']);
    expect(skipped.kind === 'ready' && skipped.report).toEqual(['Skipped the label “Price (US$/t)” in front of the numbers.']);
    const shifted = planPaste(row, at('prices'), { skipLabel: false });
    expect(written(shifted)).toEqual(['Price (US$/t)', '1100', '1150']);
    expect(shifted.kind === 'ready' && shifted.report.join(' ')).toContain('every number moved one year later');
  });

  it('says what falls past the last year and below the last row, and never drops silently', () => {
    const plan = planPaste('1\t2\t3\t4', at('prices', 10));
    expect(written(plan)).toEqual(['1', '2']);
    expect(plan.kind === 'ready' && plan.report).toEqual(['Dropped 2 values of Price past 2038, the last year: 3, 4.']);
    const below = planPaste('1\n2\n3', { ...at('closure'), rows: YEARLY_SERIES }, {});
    expect(below.kind === 'ready' && below.writes).toHaveLength(3); // one column runs along the years
    const rows = planPaste('1\t2\n3\t4', at('closure'));
    expect(rows.kind === 'ready' && rows.report).toEqual(['Dropped 1 line below Closure capex, the grid\'s last row.']);
  });

  it('keeps unreadable cells as typed and reports them', () => {
    const plan = planPaste('1100\tn/a\t1150', at('prices'));
    expect(written(plan)).toEqual(['1100', 'n/a', '1150']);
    expect(plan.kind === 'ready' && plan.report.join(' ')).toContain('“n/a” (Price 2028)');
  });

  it('writes exactly the numbers of any en-US deck once the user says a point marks decimals', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9_999_999 }), { minLength: 1, maxLength: 12 }), (values) => {
        const text = values.map((value) => value.toLocaleString('en-US')).join('\t');
        const plan = planPaste(text, at('prices', 0, 'de-DE'), { convention: 'point' });
        expect(written(plan)).toEqual(values.map(String));
      }),
    );
  });
});
