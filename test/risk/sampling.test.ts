import kstest from '@stdlib/stats-kstest';
import { describe, expect, it } from 'vitest';
import type { RiskBlock } from '../../shared/engine/interchange.ts';
import { compileDistribution, standardNormalCdf, standardNormalQuantile, Z90 } from '../../shared/risk/distributions.ts';
import { RandomStream } from '../../shared/risk/random.ts';
import { createSampler } from '../../shared/risk/sampler.ts';
import { spearman } from '../../shared/risk/statistics.ts';

const N = 100_000;

function draw(block: RiskBlock, years = 1, count = N) {
  const sampler = createSampler(block, years);
  const draws = sampler.newDraws();
  const columns = sampler.variables.map(() => new Float64Array(count));
  const multipliers = new Float64Array(count * years);
  const starts = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    sampler.draw(i, draws);
    columns.forEach((c, v) => { c[i] = draws.values[v]!; });
    multipliers.set(draws.priceMultipliers, i * years);
    starts[i] = draws.disruptionStart;
  }
  return { columns, multipliers, starts };
}

describe('inverse CDFs against published values (§R3)', () => {
  it('standard normal: Φ⁻¹(0.975) = 1.959963984540054, Φ(1.96) = 0.9750021048517795, Φ⁻¹(0.9) = z₉₀', () => {
    expect(standardNormalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(standardNormalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(standardNormalQuantile(0.9)).toBeCloseTo(Z90, 14);
  });

  it('PERT is Beta(α, β) on [min, max]: closed forms for α = 1 and β = 1, symmetry, the PERT mean', () => {
    // mode = min: α = 1, β = 5, F⁻¹(u) = 1 − (1 − u)^(1/5) on [0, 1].
    const right = compileDistribution({ type: 'pert', min: 0, mode: 0, max: 1 });
    expect(right.quantile(0.3)).toBeCloseTo(1 - 0.7 ** 0.2, 12);
    // mode = max: α = 5, β = 1, F⁻¹(u) = u^(1/5), scaled to [2, 4].
    const left = compileDistribution({ type: 'pert', min: 2, mode: 4, max: 4 });
    expect(left.quantile(0.5)).toBeCloseTo(2 + 2 * 0.5 ** 0.2, 12);
    const symmetric = compileDistribution({ type: 'pert', min: 1, mode: 2, max: 3 });
    expect(symmetric.quantile(0.5)).toBeCloseTo(2, 12);
    expect(symmetric.quantile(0.2) + symmetric.quantile(0.8)).toBeCloseTo(4, 12);
  });

  it('a correlated draw F⁻¹(Φ(w)) is within 1e-8 of the exact quantile, PERT by its table included', () => {
    const distributions = [
      { type: 'pert', min: 0.95, mode: 1.05, max: 1.6 }, { type: 'pert', min: 0, mode: 0, max: 1 }, { type: 'pert', min: 2, mode: 4, max: 4 },
      { type: 'lognormal', p10: 0.75, p90: 1.3 }, { type: 'normal', mean: 1, sd: 0.1 }, { type: 'normal', mean: 1, sd: 0.1, min: 0.95 },
      { type: 'triangular', min: 0, mode: 1, max: 4 },
    ] as const;
    for (const d of distributions) {
      const compiled = compileDistribution(d);
      let worst = 0;
      for (let i = 0; i <= 4000; i++) {
        const w = -6 + (12 * i) / 4000 + 1e-4;
        worst = Math.max(worst, Math.abs(compiled.fromNormalScore(w) - compiled.quantile(standardNormalCdf(w))));
      }
      expect(worst, d.type).toBeLessThan(1e-8);
    }
  });

  it('triangular, uniform, lognormal from p10/p90 and from mean/sd, truncated normal, discrete, fixed', () => {
    const tri = compileDistribution({ type: 'triangular', min: 0, mode: 1, max: 4 });
    expect(tri.quantile(0.25)).toBeCloseTo(1, 12); // F(mode) = (c − a)/(b − a) = 1/4
    expect(tri.quantile(0.5)).toBeCloseTo(4 - Math.sqrt(0.5 * 4 * 3), 12);
    expect(compileDistribution({ type: 'uniform', min: 2, max: 6 }).quantile(0.25)).toBe(3);
    const byPercentiles = compileDistribution({ type: 'lognormal', p10: 0.75, p90: 1.3 });
    expect(byPercentiles.quantile(0.1)).toBeCloseTo(0.75, 12);
    expect(byPercentiles.quantile(0.9)).toBeCloseTo(1.3, 12);
    const byMoments = compileDistribution({ type: 'lognormal', mean: 1, sd: 0.2 });
    const sigma2 = Math.log(1.04);
    expect(byMoments.quantile(0.5)).toBeCloseTo(Math.exp(-sigma2 / 2), 12);
    const truncated = compileDistribution({ type: 'normal', mean: 0, sd: 1, min: 0 });
    expect(truncated.quantile(0.5)).toBeCloseTo(standardNormalQuantile(0.75), 12); // half-normal median
    const discrete = compileDistribution({ type: 'discrete', values: [0, 1, 2], probabilities: [0.6, 0.3, 0.1] });
    expect([0.1, 0.59999, 0.6, 0.89, 0.95].map(discrete.quantile)).toEqual([0, 0, 1, 1, 2]);
    expect(compileDistribution({ type: 'fixed', value: '1.25' }).quantile(0.3)).toBe(1.25);
  });
});

describe('the generator (§R2 common random numbers)', () => {
  it('gives uniforms strictly inside (0, 1) that depend only on (seed, iteration, stream)', () => {
    const a = new RandomStream();
    const b = new RandomStream();
    a.reset(7, 123, 0);
    const first = [a.nextUniform(), a.nextUniform()];
    b.reset(7, 999, 0);
    b.nextUniform();
    b.reset(7, 123, 0);
    expect([b.nextUniform(), b.nextUniform()]).toEqual(first);
    b.reset(7, 124, 0);
    expect(b.nextUniform()).not.toBe(first[0]);
    b.reset(8, 123, 0);
    expect(b.nextUniform()).not.toBe(first[0]);
    for (let i = 0; i < 10_000; i++) {
      const u = a.nextUniform();
      expect(u > 0 && u < 1).toBe(true);
    }
  });
});

describe('100,000 draws follow their distributions (Kolmogorov–Smirnov) and the copula (Spearman)', { timeout: 60_000 }, () => {
  const block: RiskBlock = {
    seed: 20261130,
    variables: [
      { id: 'price', target: 'priceLevel', distribution: { type: 'lognormal', p10: 0.75, p90: 1.30 } },
      { id: 'capex', target: 'capexFactor', distribution: { type: 'pert', min: 0.95, mode: 1.05, max: 1.60 } },
      { id: 'opex', target: 'opexFactor', distribution: { type: 'triangular', min: 0.90, mode: 1.0, max: 1.30 } },
      { id: 'grade', target: 'gradeFactor', distribution: { type: 'normal', mean: 1, sd: 0.07, min: 0.9, max: 1.2 } },
    ],
    correlations: [{ a: 'price', b: 'capex', rho: 0.4 }, { a: 'opex', b: 'capex', rho: -0.7 }, { a: 'grade', b: 'price', rho: 0.2 }],
  };
  const { columns } = draw(block);
  const [price, capex, opex, grade] = columns as [Float64Array, Float64Array, Float64Array, Float64Array];
  const mu = (Math.log(0.75) + Math.log(1.3)) / 2;
  const sigma = (Math.log(1.3) - Math.log(0.75)) / (2 * Z90);
  // stdlib's exact two-sided p-value of 100,000 points costs minutes (Marsaglia–Tsang–Wang matrix
  // powers); its one-sided tests are fast, and twice the smaller of the two bounds the two-sided one.
  const pValue = (x: Float64Array, ...rest: unknown[]) => {
    const sorted = Array.from(x.slice().sort());
    const test = (alternative: string) => (kstest as (...a: unknown[]) => { pValue: number })(sorted, ...rest, { sorted: true, alternative }).pValue;
    return Math.min(1, 2 * Math.min(test('less'), test('greater')));
  };

  it('lognormal', () => expect(pValue(price, 'lognormal', mu, sigma)).toBeGreaterThan(0.01));
  it('PERT (Beta on [min, max])', () => {
    const scaled = capex.map((x) => (x - 0.95) / 0.65);
    expect(pValue(scaled, 'beta', 1 + (4 * 0.1) / 0.65, 1 + (4 * 0.55) / 0.65)).toBeGreaterThan(0.01);
  });
  it('triangular', () => expect(pValue(opex, 'triangular', 0.9, 1.3, 1.0)).toBeGreaterThan(0.01));
  it('truncated normal', () => {
    const low = standardNormalCdf((0.9 - 1) / 0.07);
    const high = standardNormalCdf((1.2 - 1) / 0.07);
    expect(Math.min(...grade)).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(...grade)).toBeLessThanOrEqual(1.2);
    expect(pValue(grade, (x: number) => (standardNormalCdf((x - 1) / 0.07) - low) / (high - low))).toBeGreaterThan(0.01);
  });
  it('a test that would fail: the PERT draws are not uniform on [min, max]', () => {
    expect(pValue(capex, 'uniform', 0.95, 1.6)).toBeLessThan(1e-6);
  });

  it('Spearman of each correlated pair is within 0.02 of (6/π)·asin(ρ/2)', () => {
    const expected = (rho: number) => (6 / Math.PI) * Math.asin(rho / 2);
    expect(Math.abs(spearman(price, capex)! - expected(0.4))).toBeLessThan(0.02);
    expect(Math.abs(spearman(opex, capex)! - expected(-0.7))).toBeLessThan(0.02);
    expect(Math.abs(spearman(grade, price)! - expected(0.2))).toBeLessThan(0.02);
    expect(Math.abs(spearman(grade, opex)!)).toBeLessThan(0.1); // implied, not listed: small
  });

  it('discrete delays and disruptions occur with their probabilities; the price path is median-neutral', () => {
    const withPath = draw({
      seed: 3,
      variables: [{ id: 'delay', target: 'delayYears', distribution: { type: 'discrete', values: [0, 1, 2], probabilities: [0.6, 0.3, 0.1] } }],
      pricePath: { volatility: 0.2, persistence: 0.7 },
      disruption: { annualProbability: 0.05, years: 2 },
    }, 10, 20_000);
    const delays = withPath.columns[0]!;
    const share = (value: number) => delays.filter((x) => x === value).length / delays.length;
    expect(share(0)).toBeCloseTo(0.6, 1);
    expect(share(2)).toBeCloseTo(0.1, 1);
    const disrupted = withPath.starts.filter((s) => s >= 0).length / withPath.starts.length;
    expect(disrupted).toBeCloseTo(1 - 0.95 ** 10, 1.5);
    const firstYear = withPath.starts.filter((s) => s === 0).length / withPath.starts.length;
    expect(firstYear).toBeCloseTo(0.05, 2);
    const lastYearLogs = Array.from({ length: 20_000 }, (_, i) => Math.log(withPath.multipliers[i * 10 + 9]!)).sort((a, b) => a - b);
    expect(Math.abs(lastYearLogs[10_000]!)).toBeLessThan(0.01);
    // Stationary sd of the AR(1): σ / √(1 − φ²) after 10 years is close to it.
    const sd = Math.sqrt(lastYearLogs.reduce((s, y) => s + y * y, 0) / lastYearLogs.length);
    const expected = 0.2 * Math.sqrt((1 - 0.49 ** 10) / (1 - 0.49));
    expect(sd).toBeCloseTo(expected, 2);
  });
});
