import { useEffect, useRef, useState } from 'react';
import { selectStructure } from '../store/selectors.ts';
import { useWorkspace, useWorkspaceContext } from './context.tsx';

function list(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Chooses what goes into a copy for the other side of the table, as `orebridge share` does:
 * structures, scenarios (internal ones never), notes, revision history, the parties'
 * reservation values (confidential: left out unless chosen); and says, before
 * anything is written, what the copy will hold and what it leaves out.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { commands } = useWorkspaceContext();
  const structures = useWorkspace((state) => state.project?.structures ?? []);
  const scenarios = useWorkspace((state) => state.project?.scenarios ?? []);
  const metadata = useWorkspace((state) => state.metadata);
  const hasProjectNotes = useWorkspace((state) => Boolean(state.project?.notes));
  const current = useWorkspace((state) => selectStructure(state)?.id ?? null);
  const internal = new Set(metadata.internalScenarios);
  const [chosen, setChosen] = useState<string[]>(current ? [current] : []);
  const [chosenScenarios, setChosenScenarios] = useState<string[]>(() => scenarios.filter((s) => !internal.has(s.id)).map((s) => s.id));
  const [keepNotes, setKeepNotes] = useState(false);
  const [keepRevisions, setKeepRevisions] = useState(false);
  const [keepReservations, setKeepReservations] = useState(false);
  const reservationCount = useWorkspace((state) => state.project?.negotiation?.reservations.length ?? 0);
  const projectName = useWorkspace((state) => state.project?.name ?? '');
  // The copy's name, typed here; " (shared)" is only part of the suggestion.
  const [fileName, setFileName] = useState(() => `${projectName.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Untitled'} (shared)`);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
  }, []);
  const toggle = (setter: typeof setChosen) => (id: string) => setter((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const name = (item: { id: string; name?: string | null }) => item.name || item.id;
  const keptStructures = structures.filter((s) => chosen.includes(s.id));
  const keptScenarios = scenarios.filter((s) => chosenScenarios.includes(s.id));
  const droppedStructures = structures.filter((s) => !chosen.includes(s.id));
  const droppedScenarios = scenarios.filter((s) => !chosenScenarios.includes(s.id));
  const privateNotes = metadata.privateNotes.length;
  const notesKept = keepNotes && (hasProjectNotes || [...keptStructures, ...keptScenarios].some((item) => Boolean(item.notes)));
  const contains = [
    `${keptStructures.length === 1 ? 'the structure' : `${keptStructures.length} structures:`} ${list(keptStructures.map(name))}`,
    keptScenarios.length > 0 ? `${keptScenarios.length === 1 ? 'the scenario' : `${keptScenarios.length} scenarios:`} ${list(keptScenarios.map(name))}` : 'no scenario',
    ...(notesKept ? ['the notes that are not private'] : []),
    ...(keepRevisions ? ['the revision history of the structures shared'] : []),
    ...(keepReservations && reservationCount > 0 ? ["the parties' reservation values"] : []),
  ];
  const leavesOut = [
    ...(droppedStructures.length > 0 ? [`${droppedStructures.length === 1 ? 'the structure' : `${droppedStructures.length} structures:`} ${list(droppedStructures.map(name))}`] : []),
    ...(droppedScenarios.length > 0 ? [`${droppedScenarios.length === 1 ? 'the scenario' : `${droppedScenarios.length} scenarios:`} ${list(droppedScenarios.map((s) => `${name(s)}${internal.has(s.id) ? ' (internal)' : ''}`))}`] : []),
    keepNotes ? (privateNotes > 0 ? `${privateNotes} private note${privateNotes === 1 ? '' : 's'}` : null) : 'every note',
    ...(keepRevisions ? [] : ['the revision history']),
    ...(!keepReservations && reservationCount > 0 ? ["the parties' reservation values"] : []),
  ].filter((item): item is string => item !== null);
  const ready = chosen.length > 0 && chosenScenarios.length > 0 && fileName.trim() !== '';
  const shownName = /\.orebridge$/i.test(fileName.trim()) ? fileName.trim() : `${fileName.trim()}.orebridge`;
  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-heading" onCancel={onClose}>
      <h2 id="share-heading">Share a copy</h2>
      <div className="field">
        <label htmlFor="share-file-name">File name</label>
        <input id="share-file-name" type="text" value={fileName} onChange={(event) => setFileName(event.target.value)} aria-describedby="share-file-name-hint" />
        <span className="field-hint" id="share-file-name-hint">
          {fileName.trim() === '' ? 'Give the copy a file name.' : `The copy is written as ${shownName}.`}
        </span>
      </div>
      <fieldset className="group">
        <legend>Structures to share</legend>
        {structures.map((s) => (
          <label key={s.id} className="check share-choice">
            <input type="checkbox" checked={chosen.includes(s.id)} onChange={() => toggle(setChosen)(s.id)} /> {name(s)}
          </label>
        ))}
      </fieldset>
      <fieldset className="group">
        <legend>Scenarios to share</legend>
        {scenarios.map((s) => (
          <label key={s.id} className="check share-choice">
            <input type="checkbox" checked={chosenScenarios.includes(s.id)} disabled={internal.has(s.id)} onChange={() => toggle(setChosenScenarios)(s.id)} /> {name(s)}
            {internal.has(s.id) && <span className="muted small"> (internal: never shared; unmark it under Scenarios to share it)</span>}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={keepNotes} onChange={(event) => setKeepNotes(event.target.checked)} /> Keep notes that are not private
      </label>
      <label className="check">
        <input type="checkbox" checked={keepRevisions} onChange={(event) => setKeepRevisions(event.target.checked)} /> Keep the revision history of the shared structures
      </label>
      {reservationCount > 0 && (
        <label className="check">
          <input type="checkbox" checked={keepReservations} onChange={(event) => setKeepReservations(event.target.checked)} /> Keep the parties' reservation values (confidential: left out by default)
        </label>
      )}
      <div className="share-summary" aria-live="polite">
        {ready ? (
          <>
            <p>
              <strong>The copy will contain</strong> {list(contains)}.
            </p>
            {leavesOut.length > 0 && (
              <p>
                <strong>It leaves out</strong> {list(leavesOut)}.
              </p>
            )}
          </>
        ) : (
          <p className="field-problem">{fileName.trim() === '' ? 'Give the copy a file name.' : 'Choose at least one structure and one scenario.'}</p>
        )}
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={!ready}
          onClick={() => {
            onClose();
            void commands.shareCopy({ structures: chosen, scenarios: chosenScenarios, keepNotes, keepRevisions, keepReservations, fileName });
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
