import { useEffect, useRef, useState } from 'react';
import { selectStructure } from '../store/selectors.ts';
import { useWorkspace, useWorkspaceContext } from './context.tsx';

/** Chooses what goes into a copy for the other side of the table: structures, and notes or not. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { commands } = useWorkspaceContext();
  const structures = useWorkspace((state) => state.project?.structures ?? []);
  const current = useWorkspace((state) => selectStructure(state)?.id ?? null);
  const [chosen, setChosen] = useState<string[]>(current ? [current] : []);
  const [keepNotes, setKeepNotes] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
  }, []);
  const toggle = (id: string) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-heading" onCancel={onClose}>
      <h2 id="share-heading">Share a copy</h2>
      <p className="muted">The copy holds the chosen structures and the scenarios not marked internal; private notes and revision history stay here.</p>
      <fieldset className="group">
        <legend>Structures to share</legend>
        {structures.map((s) => (
          <label key={s.id} className="check share-choice">
            <input type="checkbox" checked={chosen.includes(s.id)} onChange={() => toggle(s.id)} /> {s.name || s.id}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={keepNotes} onChange={(event) => setKeepNotes(event.target.checked)} /> Keep notes that are not private
      </label>
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={chosen.length === 0}
          onClick={() => {
            onClose();
            void commands.shareCopy({ structures: chosen, keepNotes });
          }}
        >
          Share…
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
