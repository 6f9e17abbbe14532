import {
  MAX_YEAR, at, checkDecimal, checkId, checkList, checkObject, checkSeries, duplicateIds, integerField, optionalText,
  type Horizon, type Problems,
} from './validate-primitives.ts';

const FACTORS = ['priceFactor', 'capexFactor', 'opexFactor', 'gradeFactor'] as const;

/** §2 overrides of a scenario or a shock. */
export function checkOverrides(p: Problems, value: unknown, path: string, horizon: Horizon): void {
  const o = checkObject(p, value, path, 'the overrides', [], [...FACTORS, 'delayYears', 'disruption', 'prices', 'discountRate']);
  if (!o) return;
  for (const key of FACTORS) if (key in o) checkDecimal(p, o[key], at(path, key), 'non-negative');
  if ('delayYears' in o) integerField(p, o, 'delayYears', path, 0, Number.MAX_SAFE_INTEGER, 'years by which production starts later');
  if ('discountRate' in o) checkDecimal(p, o.discountRate, at(path, 'discountRate'), 'rate');
  if ('prices' in o) checkSeries(p, o.prices, at(path, 'prices'), horizon.years, 'non-negative');
  if ('disruption' in o) {
    const dp = at(path, 'disruption');
    const d = checkObject(p, o.disruption, dp, 'a disruption', ['fromYear', 'toYear']);
    if (d) {
      const from = integerField(p, d, 'fromYear', dp, 1, MAX_YEAR, 'the first calendar year of the disruption');
      const to = integerField(p, d, 'toYear', dp, 1, MAX_YEAR, 'the last calendar year of the disruption');
      if (from !== null && to !== null && from > to) p.add(at(dp, 'toYear'), `must not be before fromYear (${from}), not ${to}`);
    }
  }
}

export function checkShocks(p: Problems, value: unknown, path: string, horizon: Horizon): void {
  const shocks = checkList(p, value, path, 'shocks', false);
  if (!shocks) return;
  shocks.forEach((s, i) => {
    const sp = at(path, i);
    const shock = checkObject(p, s, sp, 'a shock', ['id', 'overrides'], ['name']);
    if (!shock) return;
    checkId(p, shock.id, at(sp, 'id'));
    optionalText(p, shock, sp, ['name']);
    checkOverrides(p, shock.overrides, at(sp, 'overrides'), horizon);
  });
  duplicateIds(p, shocks, path);
}
