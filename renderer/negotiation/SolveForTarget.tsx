// "Solve for a target…" beside every numeric field that is a deal term, and its shortcut
// (Ctrl+Shift+G, "goal seek", in the field itself).
import { useMemo, type KeyboardEvent } from 'react';
import { getIn, isTermPattern, parsePath } from '../../shared/fields/index.ts';
import { useWorkspace, useWorkspaceContext } from '../app/context.tsx';
import { selectStructure } from '../store/selectors.ts';
import { useNegotiation } from './context.tsx';

export const SOLVE_SHORTCUT = 'Control+Shift+G';

function relativePattern(path: string): string | null {
  const match = /^structures\[\d+\]\.(terms\..+)$/.exec(path);
  if (match) return match[1]!;
  return path.startsWith('assumptions.') && !path.includes('[') ? path : null;
}

/** Whether the field at `path` may be solved for, and the command that opens the dialog for it. */
export function useSolveForTarget(path: string): { available: boolean; open: () => void; onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void } | null {
  const negotiation = useNegotiation();
  const { store } = useWorkspaceContext();
  const isTerm = useMemo(() => {
    const relative = relativePattern(path);
    return relative !== null && isTermPattern(relative);
  }, [path]);
  const hasNumber = useWorkspace((state) => {
    if (!isTerm) return false;
    const value = getIn(state.project, parsePath(path));
    return (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) || typeof value === 'number';
  });
  if (!negotiation || !isTerm) return null;
  const open = () => {
    const state = store.getState();
    const structure = selectStructure(state);
    if (state.project && structure) negotiation.solve.getState().openFor(state.project, path, structure.id);
  };
  return {
    available: hasNumber,
    open,
    onKeyDown(event) {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'g') {
        event.preventDefault();
        if (hasNumber) open();
      }
    },
  };
}

export function SolveButton({ label, solve }: { label: string; solve: ReturnType<typeof useSolveForTarget> }) {
  if (!solve || !solve.available) return null;
  return (
    <button
      type="button"
      className="solve-button"
      onClick={solve.open}
      aria-label={`Solve ${label} for a target…`}
      aria-keyshortcuts={SOLVE_SHORTCUT}
      title="Solve for a target… (Ctrl+Shift+G)"
    >
      Solve…
    </button>
  );
}
