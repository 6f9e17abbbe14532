import type { Arithmetic } from './arithmetic.ts';
import type { ShockResult, Shock } from './interchange.ts';
import { toOverrides, type DealTerms, type TransformOverrides, type VentureInputs } from './model.ts';
import { runCase, type CaseRun } from './run.ts';
import { applyOverrides } from './transforms.ts';

export interface ShockDefinition<T> {
  id: string;
  name: string;
  overrides: TransformOverrides<T>;
}

const noOverrides = <T>(): TransformOverrides<T> => ({
  priceFactor: null, capexFactor: null, opexFactor: null, gradeFactor: null,
  delayYears: 0, disruption: null, prices: null, discountRate: null, fiscalChange: null,
});

/** §8 The default set; disruption-2y covers the first two producing years of the unshocked run. */
export function defaultShocks<T>(ar: Arithmetic<T>, base: CaseRun<T>): ShockDefinition<T>[] {
  const producing = base.venture.volume.flatMap((v, k) => (ar.sign(v) > 0 ? [base.venture.startYear + k] : []));
  const first = producing[0];
  const disruption = first === undefined ? null : { fromYear: first, toYear: producing[1] ?? first };
  const shock = (id: string, name: string, overrides: Partial<TransformOverrides<T>>) => ({ id, name, overrides: { ...noOverrides<T>(), ...overrides } });
  return [
    shock('capex+25%', 'Capex +25%', { capexFactor: ar.of('1.25') }),
    shock('price-30%', 'Prices −30%', { priceFactor: ar.of('0.7') }),
    shock('grade-15%', 'Grade −15%', { gradeFactor: ar.of('0.85') }),
    shock('opex+20%', 'Opex +20%', { opexFactor: ar.of('1.2') }),
    shock('delay-2y', 'Two-year delay', { delayYears: 2 }),
    shock('disruption-2y', 'Two-year disruption', { disruption }),
  ];
}

export function projectShocks<T>(ar: Arithmetic<T>, shocks: readonly Shock[]): ShockDefinition<T>[] {
  return shocks.map((s) => ({ id: s.id, name: s.name ?? s.id, overrides: toOverrides(ar, s.overrides) }));
}

/**
 * §8 Who bears each shock: ΔPV per party (union of both runs) and its share of the total.
 * `runShocked`, when given, runs the case under a shock as runCase does (an evaluator shares the
 * shocked venture among structures with the same venture terms).
 */
export function shockTable<T>(
  ar: Arithmetic<T>, base: CaseRun<T>, deal: DealTerms<T>, definitions: readonly ShockDefinition<T>[],
  partyOrder: readonly string[],
  runShocked: (definition: ShockDefinition<T>) => CaseRun<T> = (definition) => runCase(ar, shockedInputs(ar, base, definition), deal),
): ShockResult[] {
  const basePv = new Map(base.parties.map((p) => [p.id, p.pv]));
  return definitions.map((definition) => {
    const run = runShocked(definition);
    const shockedPv = new Map(run.parties.map((p) => [p.id, p.pv]));
    const ids = partyOrder.filter((id) => basePv.has(id) || shockedPv.has(id));
    const deltas = ids.map((id) => ar.sub(shockedPv.get(id) ?? ar.zero, basePv.get(id) ?? ar.zero));
    const sum = deltas.reduce((s, d) => ar.add(s, d), ar.zero);
    return {
      id: definition.id,
      name: definition.name,
      parties: ids.map((id, i) => ({
        id,
        deltaPv: ar.toString(deltas[i]!),
        bearShare: ar.sign(sum) === 0 ? null : ar.toString(ar.div(deltas[i]!, sum)),
      })),
    };
  });
}

/** The base run's inputs under a shock. */
export function shockedInputs<T>(ar: Arithmetic<T>, base: Pick<CaseRun<T>, 'inputs'>, definition: ShockDefinition<T>): VentureInputs<T> {
  return applyOverrides(ar, base.inputs, definition.overrides);
}
