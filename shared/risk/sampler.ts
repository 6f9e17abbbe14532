import type { RiskBlock, RiskTarget } from '../engine/interchange.ts';
import { choleskyFactor, correlationMatrix } from './correlation.ts';
import { compileDistribution, standardNormalQuantile, type Sampled } from './distributions.ts';
import { RandomStream, STREAM_DISRUPTION, STREAM_PRICE_PATH, STREAM_VARIABLES } from './random.ts';

export interface SamplerVariable extends Sampled {
  id: string;
  target: RiskTarget;
}

/** One iteration's draws, written into preallocated arrays. */
export interface Draws {
  /** x_v per variable, in the block's order. */
  values: Float64Array;
  /** m_k = exp(y_k) per year (all 1 without a price path). */
  priceMultipliers: Float64Array;
  /** 0-based year index where a disruption starts, or −1. */
  disruptionStart: number;
}

export interface Sampler {
  variables: readonly SamplerVariable[];
  seed: number;
  years: number;
  disruptionYears: number;
  newDraws(): Draws;
  draw(iteration: number, into: Draws): void;
}

/** §R2–§R3 for a valid block over a horizon of `years`. */
export function createSampler(risk: RiskBlock, years: number): Sampler {
  const variables: SamplerVariable[] = (risk.variables ?? []).map((v) => ({ id: v.id, target: v.target, ...compileDistribution(v.distribution) }));
  const drawn = variables.flatMap((v, i) => (v.fixed ? [] : [i]));
  const m = drawn.length;
  const pairs = (risk.correlations ?? []).map((c) => ({ a: c.a, b: c.b, rho: Number(c.rho) }));
  const factor = choleskyFactor(correlationMatrix(drawn.map((i) => variables[i]!.id), pairs), m);
  if (factor === null) throw new Error('the correlations contradict each other: no set of variables can have them all');
  const seed = risk.seed ?? 1;
  const sigma = risk.pricePath ? Number(risk.pricePath.volatility) : 0;
  const phi = risk.pricePath ? Number(risk.pricePath.persistence) : 0;
  const p = risk.disruption ? Number(risk.disruption.annualProbability) : 0;
  const disruptionYears = risk.disruption ? risk.disruption.years : 0;
  const stream = new RandomStream();
  const z = new Float64Array(m);

  return {
    variables, seed, years, disruptionYears,
    newDraws: () => ({ values: new Float64Array(variables.length), priceMultipliers: new Float64Array(years).fill(1), disruptionStart: -1 }),
    draw(iteration, into) {
      stream.reset(seed, iteration, STREAM_VARIABLES);
      for (let j = 0; j < m; j++) z[j] = standardNormalQuantile(stream.nextUniform());
      for (let i = 0; i < variables.length; i++) if (variables[i]!.fixed) into.values[i] = variables[i]!.quantile(0.5);
      for (let j = 0; j < m; j++) {
        let w = 0;
        for (let k = 0; k <= j; k++) w += factor[j * m + k]! * z[k]!;
        const index = drawn[j]!;
        into.values[index] = variables[index]!.fromNormalScore(w);
      }
      if (risk.pricePath) {
        stream.reset(seed, iteration, STREAM_PRICE_PATH);
        let y = 0;
        for (let k = 0; k < years; k++) {
          y = phi * y + sigma * standardNormalQuantile(stream.nextUniform());
          into.priceMultipliers[k] = Math.exp(y);
        }
      }
      into.disruptionStart = -1;
      if (risk.disruption) {
        stream.reset(seed, iteration, STREAM_DISRUPTION);
        for (let k = 0; k < years; k++) {
          if (stream.nextUniform() < p) {
            into.disruptionStart = k;
            break;
          }
        }
      }
    },
  };
}
