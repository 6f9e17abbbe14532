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
      // A disruption that ends before it starts is empty, not a problem (§9, settled readings).
      checkField(p, d, 'fromYear', dp);
      checkField(p, d, 'toYear', dp);
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
