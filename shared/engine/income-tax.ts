import type { Arithmetic } from './arithmetic.ts';

/**
 * §5 Depreciation: each year's capex in `life` equal instalments from max(j, first production
 * year); the last instalment is the remainder; whatever would fall after year N is deducted in
 * year N. `firstProduction` is a 0-based year index (N when nothing is ever produced).
 */
export function depreciation<T>(ar: Arithmetic<T>, capex: readonly T[], life: number, firstProduction: number): T[] {
  const n = capex.length;
  const dep = capex.map(() => ar.zero);
  capex.forEach((amount, j) => {
    if (ar.sign(amount) === 0) return;
    const start = Math.max(j, firstProduction);
    if (start >= n) {
      dep[n - 1] = ar.add(dep[n - 1]!, amount);
      return;
    }
    const instalment = ar.money(ar.div(amount, ar.of(life)));
    // Regular instalments up to the last year taken, which gets the remainder: the last
    // instalment, or everything left in year N.
    const last = Math.min(start + life - 1, n - 1);
    for (let y = start; y < last; y++) dep[y] = ar.add(dep[y]!, instalment);
    dep[last] = ar.add(dep[last]!, ar.sub(amount, ar.mul(instalment, ar.of(last - start))));
  });
  return dep;
}

/**
 * §5 Loss carry-forward: losses set off oldest first against positive taxable income of the
 * following `carryYears` years (null: without limit; 0: none). The pool is fed one year at a
 * time (v2 needs each year's tax before the next year's interest deduction, §10): `use(k, TI_k)`
 * returns the loss used in year k.
 *
 * Written without a branch on the sign of TI_k (a year's loss is max(0, −TI_k), its room
 * max(0, TI_k); a year with income adds a loss of 0, which sets nothing off): the numbers are the
 * same, and interval arithmetic (the breakeven proofs) can follow a loss through a range of
 * prices where TI_k changes sign.
 */
export function lossPool<T>(ar: Arithmetic<T>, carryYears: number | null): (k: number, income: T) => T {
  const pool: { year: number; remaining: T }[] = [];
  return (k, income) => {
    let room = ar.max(ar.zero, income);
    let used = ar.zero;
    for (const loss of pool) {
      if (carryYears !== null && k > loss.year + carryYears) continue;
      const take = ar.min(loss.remaining, room);
      loss.remaining = ar.sub(loss.remaining, take);
      room = ar.sub(room, take);
      used = ar.add(used, take);
    }
    if (carryYears !== 0) pool.push({ year: k, remaining: ar.max(ar.zero, ar.neg(income)) });
    return used;
  };
}
