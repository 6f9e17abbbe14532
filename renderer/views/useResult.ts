import { PARTY_NAMES as PARTY_NAME_OF } from '../../shared/reports/parties.ts';
import type { Evaluation } from '../../shared/engine/interchange.ts';
import { useResults, useWorkspace } from '../app/context.tsx';
import { selectionKey } from '../engine/protocol.ts';
import { selectActiveSelection } from '../store/selectors.ts';

export interface ShownResult {
  evaluation: Evaluation | null;
  error: string | null;
  /** The inputs changed since this result was computed (still computing, or invalid inputs). */
  stale: boolean;
}

export function useResultFor(structure: string | null, scenario: string | null, full = false): ShownResult {
  const key = structure !== null && scenario !== null ? selectionKey({ structure, scenario }) : '';
  const stored = useResults((state) => (full ? state.latestFull[key] : state.latest[key]));
  const version = useResults((state) => state.version);
  if (!stored) return { evaluation: null, error: null, stale: true };
  return { evaluation: stored.evaluation, error: stored.error, stale: stored.version !== version };
}

export function useActiveResult(full = false): ShownResult {
  const structure = useWorkspace((state) => selectActiveSelection(state)?.structure ?? null);
  const scenario = useWorkspace((state) => selectActiveSelection(state)?.scenario ?? null);
  return useResultFor(structure, scenario, full);
}

export function useMoneyContext() {
  const currency = useWorkspace((state) => state.project?.assumptions.currency ?? '');
  const locale = useWorkspace((state) => state.locale);
  return { currency: currency ?? '', locale };
}

/** A party's display name: the partner's name, or the fixed names of the other parties. */
export function usePartyNames(structureId?: string | null): (id: string) => string {
  const partners = useWorkspace((state) => {
    const structures = state.project?.structures ?? [];
    const structure = structures.find((s) => s.id === (structureId ?? state.structureId)) ?? structures[0];
    return structure?.terms.partners;
  });
  return (id: string) => {
    const partner = partners?.find((p) => p.id === id);
    if (partner) return partner.name || partner.id;
    return PARTY_NAME_OF[id] ?? id;
  };
}

export { PARTY_NAMES } from '../../shared/reports/parties.ts';
