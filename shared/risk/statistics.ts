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

/** Statistics of a non-empty sample; null for an empty one. */
export function quantityStatistics(values: Float64Array): QuantityStatistics | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - m) ** 2;
  const tail = Math.ceil(0.05 * n);
  let tailSum = 0;
  for (let i = 0; i < tail; i++) tailSum += sorted[i]!;
  const stats: QuantityStatistics = {
    mean: m, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, min: sorted[0]!, max: sorted[n - 1]!,
    p5: 0, p10: 0, p25: 0, p50: 0, p75: 0, p90: 0, p95: 0, cvar5: tailSum / tail,
  };
  for (const [key, q] of PERCENTILES) stats[key] = percentile(sorted, q);
  return stats;
}

/** Ranks 1…n, ties sharing their average rank. */
export function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
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

export function shareBelowZero(values: Float64Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! < 0) count++;
  return count / values.length;
}
