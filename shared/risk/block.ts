import type { RiskBlock } from '../engine/interchange.ts';

/** §R6 The simulation without a risk block. */
export const DEFAULT_RISK: Readonly<RiskBlock> = {
  iterations: 10_000,
  seed: 1,
  variables: [
    { id: 'price', target: 'priceLevel', distribution: { type: 'lognormal', p10: 0.7, p90: 1.3 } },
    { id: 'capex', target: 'capexFactor', distribution: { type: 'pert', min: 0.95, mode: 1.05, max: 1.5 } },
    { id: 'opex', target: 'opexFactor', distribution: { type: 'triangular', min: 0.9, mode: 1.0, max: 1.25 } },
    { id: 'grade', target: 'gradeFactor', distribution: { type: 'normal', mean: 1, sd: 0.05, min: 0 } },
  ],
  correlations: [],
  pricePath: { volatility: 0.15, persistence: 0.6 },
  disruption: null,
};

/** The block a simulation runs: the project's, or the defaults (§R6); a block's missing fields take the defaults' counts. */
export function effectiveRisk(risk: RiskBlock | null | undefined): RiskBlock {
  if (risk === null || risk === undefined) return DEFAULT_RISK;
  return {
    iterations: risk.iterations ?? DEFAULT_RISK.iterations!,
    seed: risk.seed ?? DEFAULT_RISK.seed!,
    variables: risk.variables ?? [],
    correlations: risk.correlations ?? [],
    pricePath: risk.pricePath ?? null,
    disruption: risk.disruption ?? null,
  };
}
