import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { Distribution } from '../engine/interchange.ts';

/** Φ⁻¹(0.9), as §R1 writes it. */
export const Z90 = 1.2815515655446004;

export const standardNormalCdf = (x: number): number => normalCdf(x, 0, 1);
export const standardNormalQuantile = (u: number): number => normalQuantile(u, 0, 1);

/** A compiled distribution: its inverse CDF (§R3) and whether it draws at all. */
export interface Sampled {
  fixed: boolean;
  quantile(u: number): number;
}

const num = (x: number | string | null | undefined): number | null => (x === null || x === undefined ? null : Number(x));

/** §R1 parameters → §R3 inverse CDF. The distribution is assumed valid (validateRiskBlock). */
export function compileDistribution(d: Distribution): Sampled {
  switch (d.type) {
    case 'fixed': {
      const value = Number(d.value);
      return { fixed: true, quantile: () => value };
    }
    case 'uniform': {
      const min = Number(d.min);
      const width = Number(d.max) - min;
      return { fixed: false, quantile: (u) => min + u * width };
    }
    case 'triangular': {
      const [a, c, b] = [Number(d.min), Number(d.mode), Number(d.max)];
      const modeAt = (c - a) / (b - a);
      return {
        fixed: false,
        quantile: (u) => (u < modeAt ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c))),
      };
    }
    case 'pert': {
      const [a, c, b] = [Number(d.min), Number(d.mode), Number(d.max)];
      const alpha = 1 + (4 * (c - a)) / (b - a);
      const beta = 1 + (4 * (b - c)) / (b - a);
      const q = betaQuantile.factory(alpha, beta);
      return { fixed: false, quantile: (u) => a + (b - a) * q(u) };
    }
    case 'normal': {
      const mean = Number(d.mean);
      const sd = Number(d.sd);
      const min = num(d.min);
      const max = num(d.max);
      const low = min === null ? 0 : standardNormalCdf((min - mean) / sd);
      const high = max === null ? 1 : standardNormalCdf((max - mean) / sd);
      const clampLow = min ?? -Infinity;
      const clampHigh = max ?? Infinity;
      // Clamping only guards against the last ulp of Φ⁻¹ at a bound; inside, it changes nothing.
      return { fixed: false, quantile: (u) => Math.min(clampHigh, Math.max(clampLow, mean + sd * standardNormalQuantile(low + u * (high - low)))) };
    }
    case 'lognormal': {
      let mu: number;
      let sigma: number;
      if ('p10' in d) {
        const [l10, l90] = [Math.log(Number(d.p10)), Math.log(Number(d.p90))];
        mu = (l10 + l90) / 2;
        sigma = (l90 - l10) / (2 * Z90);
      } else {
        const mean = Number(d.mean);
        const sd = Number(d.sd);
        const variance = Math.log(1 + (sd * sd) / (mean * mean));
        mu = Math.log(mean) - variance / 2;
        sigma = Math.sqrt(variance);
      }
      return { fixed: false, quantile: (u) => Math.exp(mu + sigma * standardNormalQuantile(u)) };
    }
    case 'discrete': {
      const values = d.values.map(Number);
      const cumulative: number[] = [];
      let sum = 0;
      for (const p of d.probabilities) cumulative.push((sum += Number(p)));
      // The probabilities sum to exactly 1 in decimal; float rounding must not leave a gap at the top.
      cumulative[cumulative.length - 1] = Infinity;
      return {
        fixed: false,
        quantile: (u) => {
          let i = 0;
          while (!(cumulative[i]! > u)) i++;
          return values[i]!;
        },
      };
    }
  }
}
