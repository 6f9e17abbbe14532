// What a stabilisation clause is worth to each party (methodology §15, "Pricing a stabilisation
// clause"): the same structure with and without `stabilized`, evaluated under a scenario that
// carries a fiscal change; the worth is each party's PV with the clause less its PV without.
import { Dec } from '../engine/arithmetic.ts';
import type { Evaluation, PartyKind, Project, Scenario } from '../engine/interchange.ts';

export interface StabilisationVariants {
  /** The structure with the clause: as it is when it has one, else stabilised for the whole horizon. */
  stabilised: Project;
  /** The structure without the clause (and without its year). */
  unstabilised: Project;
}

/** The scenarios that carry a fiscal change: the ones under which a clause can be priced. */
export function fiscalChangeScenarios(project: Project): Scenario[] {
  return project.scenarios.filter((scenario) => scenario.overrides.fiscalChange != null);
}

/** The project twice, the structure stabilised and not; null for an unknown structure. */
export function stabilisationVariants(project: Project, structureId: string): StabilisationVariants | null {
  const index = project.structures.findIndex((structure) => structure.id === structureId);
  const structure = project.structures[index];
  if (!structure) return null;
  const { stabilized, stabilizedUntilYear: _until, ...without } = structure.terms.fiscal;
  const withFiscal = (fiscal: typeof structure.terms.fiscal): Project => ({
    ...project,
    structures: project.structures.map((s, at) => (at === index ? { ...s, terms: { ...s.terms, fiscal } } : s)),
  });
  if (stabilized === true) return { stabilised: project, unstabilised: withFiscal(without) };
  return { stabilised: withFiscal({ ...without, stabilized: true }), unstabilised: project };
}

export interface StabilisationWorth {
  id: string;
  kind: PartyKind;
  stabilisedPv: string;
  unstabilisedPv: string;
  /** stabilisedPv − unstabilisedPv, exact. */
  worth: string;
}

/** Each party's PV with and without the clause, and the difference, in the stabilised evaluation's party order. */
export function stabilisationWorth(stabilised: Evaluation, unstabilised: Evaluation): StabilisationWorth[] {
  const without = new Map(unstabilised.parties.map((party) => [party.id, party]));
  const ids = [...stabilised.parties.map((party) => party.id), ...unstabilised.parties.map((party) => party.id).filter((id) => !stabilised.parties.some((party) => party.id === id))];
  return ids.map((id) => {
    const a = stabilised.parties.find((party) => party.id === id);
    const b = without.get(id);
    const stabilisedPv = a?.pv ?? '0';
    const unstabilisedPv = b?.pv ?? '0';
    return { id, kind: (a ?? b)!.kind, stabilisedPv, unstabilisedPv, worth: new Dec(stabilisedPv).minus(unstabilisedPv).toString() };
  });
}
