import { PARTY_NAMES as PARTY_NAME_OF } from '../../shared/reports/parties.ts';
import type { Evaluation } from '../../shared/engine/interchange.ts';
import { useResults, useWorkspace } from '../app/context.tsx';
import { selectionKey } from '../engine/protocol.ts';
import { hasAuditLines } from '../engine/resultsStore.ts';
import { selectActiveSelection } from '../store/selectors.ts';

export interface ShownResult {
  evaluation: Evaluation | null;
  error: string | null;
  /** The inputs changed since this result was computed (still computing, or invalid inputs). */
  stale: boolean;
}

/**
 * The case's result for the Results views: the full one, or (by default) the latest with the audit
 * lines. A compare cell's lean result lacks them (and the yearly partners' lines), so it is not
 * shown here: the latest full result stands in, marked stale, or the case counts as computing.
 */
export function useResultFor(structure: string | null, scenario: string | null, full = false): ShownResult {
  const key = structure !== null && scenario !== null ? selectionKey({ structure, scenario }) : '';
  const stored = useResults((state) => {
    const latest = state.latest[key];
    return full || !latest || !hasAuditLines(latest.kind) ? state.latestFull[key] : latest;
  });
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
