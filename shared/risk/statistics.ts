/** §R4 The statistics of one quantity over the iterations, as doubles. */
export interface QuantityStatistics {
  mean: number;
  sd: number;
  min: number;
  max: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
  cvar5: number;
}

export const PERCENTILES = [['p5', 0.05], ['p10', 0.1], ['p25', 0.25], ['p50', 0.5], ['p75', 0.75], ['p90', 0.9], ['p95', 0.95]] as const;

/** x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋), h = (n − 1) q, over sorted values. */
export function percentile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const fraction = h - low;
  const x = sorted[low]!;
  return fraction === 0 ? x : x + fraction * (sorted[low + 1]! - x);
}

/** The mean, summed as offsets from the first value: exact when every value is the same. */
export function mean(values: Float64Array): number {
  const origin = values[0]!;
  let sum = 0;
  for (let i = 1; i < values.length; i++) sum += values[i]! - origin;
  return origin + sum / values.length;
}

/** Sample covariance (divisor n − 1; 0 when n = 1). */
export function covariance(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  if (n < 2) return 0;
  const mx = mean(x);
  const my = mean(y);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (x[i]! - mx) * (y[i]! - my);
  return sum / (n - 1);
}

/**
 * Puts the order statistics at `positions` (ascending, distinct) in place, as a full sort would:
 * each a[p] is the p-th smallest value and everything before it is no larger. A quicksort that
 * descends only into the parts holding a wanted position (Hoare partition, median-of-three
 * pivot, insertion sort below 16 values): a few passes over the data instead of a sort.
 */
export function selectOrderStatistics(a: Float64Array, positions: readonly number[]): void {
  select(a, 0, a.length - 1, positions, 0, positions.length - 1);
}

function select(a: Float64Array, lo: number, hi: number, positions: readonly number[], first: number, last: number): void {
  while (first <= last) {
    if (hi - lo < 16) {
      for (let i = lo + 1; i <= hi; i++) {
        const x = a[i]!;
        let j = i - 1;
        while (j >= lo && a[j]! > x) {
          a[j + 1] = a[j]!;
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo - 1;
    let j = hi + 1;
    for (;;) {
      do i++; while (a[i]! < pivot);
      do j--; while (a[j]! > pivot);
      if (i >= j) break;
      swap(a, i, j);
    }
    // a[lo…j] ≤ pivot ≤ a[j+1…hi].
    let split = first;
    while (split <= last && positions[split]! <= j) split++;
    select(a, lo, j, positions, first, split - 1);
    lo = j + 1;
    first = split;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** A copy of `values` with the order statistics that `percentile(…, q)` reads for each q in place. */
export function withPercentiles(values: Float64Array, qs: readonly number[], alsoPositions: readonly number[] = []): Float64Array {
  const n = values.length;
  const copy = Float64Array.from(values);
  const wanted = new Set(alsoPositions);
  for (const q of qs) {
    const h = Math.floor((n - 1) * q);
    wanted.add(h);
    if (h + 1 < n) wanted.add(h + 1);
  }
  selectOrderStatistics(copy, [...wanted].sort((x, y) => x - y));
  return copy;
}

/** Statistics of a non-empty sample; null for an empty one. */
export function quantityStatistics(values: Float64Array): QuantityStatistics | null {
  const n = values.length;
  if (n === 0) return null;
  const tail = Math.ceil(0.05 * n);
  // The order statistics the figures need, then the tail sorted so that it is summed smallest first.
  const sorted = withPercentiles(values, PERCENTILES.map(([, q]) => q), [0, tail - 1, n - 1]);
  sorted.subarray(0, tail).sort();
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - m) ** 2;
  let tailSum = 0;
  for (let i = 0; i < tail; i++) tailSum += sorted[i]!;
  const stats: QuantityStatistics = {
    mean: m, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, min: sorted[0]!, max: sorted[n - 1]!,
    p5: 0, p10: 0, p25: 0, p50: 0, p75: 0, p90: 0, p95: 0, cvar5: tailSum / tail,
  };
  for (const [key, q] of PERCENTILES) stats[key] = percentile(sorted, q);
  return stats;
}

/**
 * Ranks 1…n, ties sharing their average rank. The order comes from an LSD radix sort of the
 * doubles' bit patterns (made to sort as unsigned integers, −0 read as 0), four passes of 16
 * bits, so ranking 100,000 values costs a few milliseconds instead of a comparator sort.
 * Values must not be NaN.
 */
export function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    bits[0] = values[i]! + 0;
    const negative = words[1]! >>> 31 === 1;
    high[i] = negative ? ~words[1]! >>> 0 : (words[1]! | 0x80000000) >>> 0;
    low[i] = negative ? ~words[0]! >>> 0 : words[0]!;
  }
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? low : high;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(key[i]! >>> shift) & 0xffff]!++;
    let total = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const index = order[i]!;
      next[counts[(key[index]! >>> shift) & 0xffff]!++] = index;
    }
    [order, next] = [next, order];
  }
  const out = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!] = rank;
    i = j + 1;
  }
  return out;
}

/** Pearson correlation; null when either side is constant. */
export function correlation(x: Float64Array, y: Float64Array): number | null {
  const vx = covariance(x, x);
  const vy = covariance(y, y);
  if (!(vx > 0) || !(vy > 0)) return null;
  return covariance(x, y) / Math.sqrt(vx * vy);
}

/** Spearman's rank correlation: Pearson's on average ranks. */
export function spearman(x: Float64Array, y: Float64Array): number | null {
  return correlation(ranks(x), ranks(y));
}

/** Spearman's rank correlation of samples already ranked (`ranks`), so that each side is ranked once. */
export const spearmanOfRanks = (rankedX: Float64Array, rankedY: Float64Array): number | null => correlation(rankedX, rankedY);

export function shareBelowZero(values: Float64Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! < 0) count++;
  return count / values.length;
}
