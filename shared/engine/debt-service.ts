import type { Arithmetic } from './arithmetic.ts';

export interface DebtServiceYears<T> {
  cfads: T[];
  debtService: T[];
  /** null where there is no debt service. */
  dscr: (T | null)[];
}

export interface DebtServiceMetrics<T> {
  minDscr: T | null;
  /** 0-based year index. */
  minDscrYear: number | null;
  averageDscr: T | null;
}

/**
 * §16 CFADS_k = Fpre_k + Init_k − Grant_k;  DS_k = Int_k + Prin_k;
 *   DSCR_k = CFADS_k / DS_k when DS_k > 0, else null (a ratio: never rounded).
 */
export function debtService<T>(
  ar: Arithmetic<T>, beforeFinancing: readonly T[], initialCapex: readonly T[], grant: readonly T[],
  interest: readonly T[], principal: readonly T[],
): DebtServiceYears<T> {
  const cfads = beforeFinancing.map((f, k) => ar.sub(ar.add(f, initialCapex[k]!), grant[k]!));
  const service = interest.map((x, k) => ar.add(x, principal[k]!));
  const dscr = service.map((ds, k) => (ar.sign(ds) > 0 ? ar.div(cfads[k]!, ds) : null));
  return { cfads, debtService: service, dscr };
}

/**
 * §16 Over the test years (k ≥ Pfirst with DS_k > 0): the smallest DSCR and its year (the
 * earliest on a tie), and their arithmetic mean; all null without a test year.
 */
export function debtServiceMetrics<T>(ar: Arithmetic<T>, dscr: readonly (T | null)[], firstProduction: number): DebtServiceMetrics<T> {
  let min: T | null = null;
  let minYear: number | null = null;
  let sum = ar.zero;
  let count = 0;
  for (let k = firstProduction; k < dscr.length; k++) {
    const ratio = dscr[k];
    if (ratio === null || ratio === undefined) continue;
    if (min === null || ar.cmp(ratio, min) < 0) {
      min = ratio;
      minYear = k;
    }
    sum = ar.add(sum, ratio);
    count++;
  }
  return { minDscr: min, minDscrYear: minYear, averageDscr: count === 0 ? null : ar.div(sum, ar.of(count)) };
}
