// File-level flags that decide what a shared copy leaves out. They live beside the project in the
// file (not in the interchange document), so they are set through the back end and not undone.
import type { NoteOwner } from '../../shared/contract.ts';
import { useWorkspace, useWorkspaceContext } from '../app/context.tsx';

function sameOwner(a: NoteOwner, b: NoteOwner): boolean {
  return a.kind === b.kind && a.id === b.id;
}

export function InternalScenarioToggle({ scenarioId, label }: { scenarioId: string; label: string }) {
  const { api, commands } = useWorkspaceContext();
  const internal = useWorkspace((state) => state.metadata.internalScenarios.includes(scenarioId));
  if (!api) return null;
  const id = `internal-${scenarioId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={internal} onChange={(event) => void commands.setScenarioInternal(scenarioId, event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function PrivateNoteToggle({ owner, label }: { owner: NoteOwner; label: string }) {
  const { api, commands } = useWorkspaceContext();
  const isPrivate = useWorkspace((state) => state.metadata.privateNotes.some((note) => sameOwner(note, owner)));
  if (!api) return null;
  const id = `private-${owner.kind}-${String(owner.id ?? 'project').replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={isPrivate} onChange={(event) => void commands.setNotePrivate(owner, event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
