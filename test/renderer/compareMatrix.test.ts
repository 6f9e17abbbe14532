import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateProject } from '../../shared/engine/index.ts';
import { breakevenPrice, matrixMetrics, scaleFor, showCell, type MatrixMetric } from '../../renderer/model/compareMatrix.ts';
import { loadExample } from './helpers.tsx';

describe('the compare matrix', () => {
  it('gives the breakeven as a price: the factor times the volume-weighted deck', () => {
    const project = loadExample('northern-spodumene');
    const outcome = evaluateProject(project, {}, { shocks: false, breakeven: true });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { evaluation } = outcome;
    // The base case runs on the project's own deck: weight it by the volume sold each year.
    let weighted = 0;
    let volume = 0;
    evaluation.years.forEach((year, k) => {
      weighted += Number(project.assumptions.prices[k]) * Number(year.volume);
      volume += Number(year.volume);
    });
    const expected = (Number(evaluation.venture.breakevenPriceFactor) * weighted) / volume;
    expect(breakevenPrice(evaluation, Number(project.assumptions.production.payability))).toBeCloseTo(expected, 6);
  });

  it('writes a column in one unit chosen from its largest value', () => {
    const project = loadExample('northern-spodumene');
    const [npv] = matrixMetrics(['npv'], [], [], { project, locale: 'en-US', nameOf: (id) => id });
    expect(scaleFor(npv!, [950e6, 1.2e9, -30e6], project, 'en-US')).toEqual({ divisor: 1e9, decimals: 1, unit: 'US$ bn' });
    expect(scaleFor(npv!, [177.1e6, 204.7e6], project, 'en-US').unit).toBe('US$ m');
  });

  it('computes every difference from the shown values, so shown minus shown is the shown difference', () => {
    const money: MatrixMetric = { id: 'npv', label: 'NPV', kind: 'money', read: () => ({ value: null }) };
    const scale = { divisor: 1e6, decimals: 1, unit: 'US$ m' };
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true }), (value, base) => {
        const cell = showCell(money, scale, { value }, { value: base }, 'en-US');
        const reference = showCell(money, scale, { value: base }, null, 'en-US');
        const difference = Math.round((cell.shown! - reference.shown!) * 10) / 10;
        expect(cell.delta ?? 0).toBe(difference === 0 ? 0 : difference);
        expect(cell.differs).toBe(difference !== 0);
      }),
    );
    // 177.14 and 177.06 both read 177.1: no difference is shown.
    expect(showCell(money, scale, { value: 177.14e6 }, { value: 177.06e6 }, 'en-US')).toMatchObject({ text: '177.1', differs: false, deltaText: null });
  });
});
