// The reservations the negotiation instruments use for one structure (docs/decisions.md,
// "Negotiation"): the project's recorded reservation of each party of the structure (every
// partner and the government), else a PV of 0 (no party signs for less than nothing); and each
// as requirements on metrics, which the agreement zone must meet all at once.
import { Dec } from '../engine/arithmetic.ts';
import type { DecimalInput, Project } from '../engine/interchange.ts';
import { partyName } from '../fields/lookup.ts';
import { isFractionMetric, type MetricChoice } from './metrics.ts';

export interface Reservation {
  party: string;
  /** The party's disagreement value d_i: the least PV it signs for (decimal text). */
  minPv: string;
  /** Its weight in the Nash product (default 1). */
  weight?: string;
  /** Partners: the least IRR and NPV at hurdle it signs for. */
  minIrr?: string;
  minNpvAtHurdle?: string;
  /** The government: the least government take it signs for. */
  minGovernmentTake?: string;
}

/** One condition of the zone: a metric at least `min`. */
export interface Requirement {
  party: string;
  choice: MetricChoice;
  min: string;
}

const textOf = (value: DecimalInput | null | undefined): string | undefined => (value === null || value === undefined ? undefined : String(value));

/** The reservations of the parties of `structureId`, from the project's negotiation block (a PV of 0 where none is recorded). */
export function reservationsOf(project: Project, structureId: string): Reservation[] {
  const structure = project.structures.find((s) => s.id === structureId);
  if (!structure) return [];
  const recorded = new Map((project.negotiation?.reservations ?? []).map((r) => [r.party, r]));
  return [...structure.terms.partners.map((p) => p.id), 'government'].map((party) => {
    const r = recorded.get(party);
    const optional = {
      weight: textOf(r?.weight),
      minIrr: party === 'government' ? undefined : textOf(r?.minIrr),
      minNpvAtHurdle: party === 'government' ? undefined : textOf(r?.minNpvAtHurdle),
      minGovernmentTake: party === 'government' ? textOf(r?.minGovernmentTake) : undefined,
    };
    return { party, minPv: textOf(r?.minPv) ?? '0', ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) };
  });
}

/** Every condition the reservations set: each party's PV, and the other minima recorded. */
export function requirementsOf(reservations: readonly Reservation[]): Requirement[] {
  return reservations.flatMap((r) => [
    { party: r.party, choice: { metric: 'pv', party: r.party }, min: r.minPv },
    ...(r.minIrr === undefined ? [] : [{ party: r.party, choice: { metric: 'irr', party: r.party }, min: r.minIrr }]),
    ...(r.minNpvAtHurdle === undefined ? [] : [{ party: r.party, choice: { metric: 'npvAtHurdle', party: r.party }, min: r.minNpvAtHurdle }]),
    ...(r.minGovernmentTake === undefined ? [] : [{ party: r.party, choice: { metric: 'venture.governmentTake', party: null }, min: r.minGovernmentTake }]),
  ] as Requirement[]);
}

const METRIC_WORDS: Record<string, string> = { pv: 'a PV', irr: 'an IRR', npvAtHurdle: 'an NPV at hurdle', 'venture.governmentTake': 'a government take' };

/** "party 'Government': a government take of at least 45 %". */
export function requirementInWords(project: Project, requirement: Requirement): string {
  const min = new Dec(requirement.min);
  const shown = isFractionMetric(requirement.choice.metric) ? `${min.times(100).toString()} %` : min.toNumber().toLocaleString('en-US', { maximumFractionDigits: 2 });
  return `party '${partyName(project, requirement.party)}' (${METRIC_WORDS[requirement.choice.metric] ?? requirement.choice.metric} of at least ${shown})`;
}
