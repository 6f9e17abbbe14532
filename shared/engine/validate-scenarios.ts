import {
  at, checkField, checkFields, checkShape, duplicateIds, listField, seriesField, type Horizon, type Problems,
} from './validate-primitives.ts';

/** §2 overrides of a scenario or a shock. */
export function checkOverrides(p: Problems, value: unknown, path: string, horizon: Horizon): void {
  const o = checkShape(p, value, path);
  if (!o) return;
  checkFields(p, o, path);
  if ('prices' in o) seriesField(p, o, 'prices', path, horizon.years);
  if ('disruption' in o) {
    const dp = at(path, 'disruption');
    const d = checkShape(p, o.disruption, dp);
    if (d) {
      const from = checkField(p, d, 'fromYear', dp) as number | null;
      const to = checkField(p, d, 'toYear', dp) as number | null;
      if (from !== null && to !== null && from > to) p.add(at(dp, 'toYear'), `must not be before fromYear (${from}), not ${to}`);
    }
  }
}

export function checkShocks(p: Problems, value: unknown, path: string, horizon: Horizon): void {
  const shocks = listField(p, value, path);
  if (!shocks) return;
  shocks.forEach((s, i) => {
    const sp = at(path, i);
    const shock = checkShape(p, s, sp);
    if (!shock) return;
    checkFields(p, shock, sp);
    checkOverrides(p, shock.overrides, at(sp, 'overrides'), horizon);
  });
  duplicateIds(p, shocks, path);
}
