// Progressivity (issue 12, point 5): how the government's share moves with the price, the chart
// fiscal analysts expect from FARI. For each structure, the venture is evaluated in decimal at
// price factors 0.3× to 3× the deck, each applied as a scenario (the chosen scenario with its
// price factor multiplied by the factor), and each point gives the government take
// (Σ real government flows / Σ real pre-tax net cash flow, §7), the AETR (government PV /
// pre-tax NPV, §7) and the venture's pre-tax IRR (the IRR of the real pre-tax net cash flow).
import { Dec } from '../engine/arithmetic.ts';
import { evaluateProject } from '../engine/evaluate.ts';
import type { Evaluation, Project, Scenario } from '../engine/interchange.ts';
import { irrRoots } from '../engine/irr.ts';

/** The price factors of the chart: 0.3× to 3× the deck, denser below the deck where regimes bite. */
export const PRICE_FACTORS: readonly string[] = ['0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1', '1.1', '1.25', '1.5', '1.75', '2', '2.5', '3'];

export interface ProgressivityPoint {
  structure: string;
  priceFactor: string;
  /** Decimal text; null where the methodology leaves it undefined (no pre-tax cash flow, no single IRR). */
  governmentTake: string | null;
  aetr: string | null;
  preTaxIrr: string | null;
  preTaxNpv: string;
}

export interface ProgressivityCases {
  /** The project with one extra scenario per price factor. */
  project: Project;
  /** The scenario id of each factor of PRICE_FACTORS, in order. */
  scenarios: string[];
  /** The scenario the factors are applied to. */
  base: string;
}

export type ProgressivityResult<T> = { ok: true; value: T } | { ok: false; error: { code: 'unknown-structure' | 'unknown-scenario'; message: string } };

/** The scenario of one price factor: the base scenario with its price factor multiplied by it. */
export function scenarioAtPriceFactor(base: Scenario, factor: string, id: string): Scenario {
  const priceFactor = new Dec(base.overrides.priceFactor ?? 1).times(factor).toString();
  return { id, name: `${base.name ?? base.id} at ${factor}× the price deck`, overrides: { ...base.overrides, priceFactor } };
}

/** The project with a scenario per price factor (ids that no scenario of the project has). */
export function progressivityCases(project: Project, scenarioId?: string): ProgressivityResult<ProgressivityCases> {
  const base = scenarioId === undefined ? project.scenarios[0] : project.scenarios.find((s) => s.id === scenarioId);
  if (!base) return { ok: false, error: { code: 'unknown-scenario', message: `There is no scenario "${scenarioId}": the scenarios are ${project.scenarios.map((s) => s.id).join(', ')}.` } };
  const taken = new Set(project.scenarios.map((s) => s.id));
  const scenarios = PRICE_FACTORS.map((factor) => {
    let id = `${base.id} × ${factor}`;
    while (taken.has(id)) id = `${id}'`;
    taken.add(id);
    return id;
  });
  const extra = PRICE_FACTORS.map((factor, i) => scenarioAtPriceFactor(base, factor, scenarios[i]!));
  return { ok: true, value: { project: { ...project, scenarios: [...project.scenarios, ...extra] }, scenarios, base: base.id } };
}

/** The venture's pre-tax IRR: the single IRR of the real pre-tax net cash flow (null without one). */
export function preTaxIrrOf(evaluation: Evaluation): string | null {
  const real = evaluation.years.map((row) => {
    const deflator = row.deflator ?? null;
    if (deflator === null) throw new Error('the evaluation has no deflators');
    return new Dec(row.preTaxNetCashFlow).times(deflator);
  });
  const roots = irrRoots(real);
  return roots.length === 1 ? roots[0]!.toString() : null;
}

export function progressivityPoint(structure: string, priceFactor: string, evaluation: Evaluation): ProgressivityPoint {
  return {
    structure,
    priceFactor,
    governmentTake: evaluation.venture.governmentTake,
    aetr: evaluation.venture.aetr,
    preTaxIrr: preTaxIrrOf(evaluation),
    preTaxNpv: evaluation.venture.preTaxNpv,
  };
}

/** Every structure (or those named) at every price factor, on the calling thread. */
export function progressivity(project: Project, options: { scenario?: string; structures?: string[] } = {}): ProgressivityResult<{ base: string; points: ProgressivityPoint[] }> {
  const structures = options.structures ?? project.structures.map((s) => s.id);
  const unknown = structures.find((id) => !project.structures.some((s) => s.id === id));
  if (unknown !== undefined) return { ok: false, error: { code: 'unknown-structure', message: `There is no structure "${unknown}": the structures are ${project.structures.map((s) => s.id).join(', ')}.` } };
  const cases = progressivityCases(project, options.scenario);
  if (!cases.ok) return cases;
  const points: ProgressivityPoint[] = [];
  for (const structure of structures) {
    cases.value.scenarios.forEach((scenario, i) => {
      const outcome = evaluateProject(cases.value.project, { structure, scenario }, { shocks: false, breakeven: false });
      if (!outcome.ok) throw new Error(outcome.error.message);
      points.push(progressivityPoint(structure, PRICE_FACTORS[i]!, outcome.evaluation));
    });
  }
  return { ok: true, value: { base: cases.value.base, points } };
}
