import { useCallback, useEffect, useState } from 'react';
import { ExportableTable } from '../components/TableExport.tsx';
import { DataTable } from '../components/DataTable.tsx';
import type { DiffSide, Revision, TermChange } from '../../shared/contract.ts';
import { useWorkspace, useWorkspaceContext } from '../app/context.tsx';
import { selectIsDirty, selectStructure } from '../store/selectors.ts';
import { ChoiceField } from '../components/controls.tsx';
import { formatMoney, formatPercent } from '../lib/format.ts';
import { partyNameIn } from '../../shared/reports/parties.ts';
import type { Structure } from '../../shared/engine/interchange.ts';

/** "NPV US$ 120.3 m · IRR 14.2 % · …" of a round as recorded, or why there is none. */
function RoundResultsCell({ revision, structure, currency, locale }: { revision: Revision; structure: Structure | undefined; currency: string; locale: string }) {
  const results = revision.results;
  if (!results) return <span className="muted">not recorded (recorded before Orebridge kept each round’s results)</span>;
  const money = (value: string) => formatMoney(value, { currency, locale, compact: true });
  return (
    <span>
      {results.scenarioName || results.scenarioId}: venture NPV {money(results.ventureNpv)}, IRR {results.ventureIrr === null ? 'none' : formatPercent(results.ventureIrr, locale)}, government take{' '}
      {results.governmentTake === null ? 'not defined' : formatPercent(results.governmentTake, locale)}
      <br />
      <span className="small">PV: {results.parties.map((party) => `${partyNameIn(structure, party.id)} ${money(party.pv)}`).join('; ')}</span>
    </span>
  );
}
import { ConcessionsTable } from './ConcessionsTable.tsx';

function sideValue(side: DiffSide): string {
  return side.kind === 'revision' ? `revision:${side.id}` : `structure:${side.id}`;
}

function parseSide(value: string): DiffSide | null {
  const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (kind === 'revision' && /^\d+$/.test(id)) return { kind: 'revision', id: Number(id) };
  if (kind === 'structure' && id) return { kind: 'structure', id };
  return null;
}

/** Negotiation rounds: record the structure as a revision, list revisions, diff any two. */
export function RoundsSection() {
  const { api, commands, store } = useWorkspaceContext();
  const structure = useWorkspace(selectStructure);
  const structures = useWorkspace((state) => state.project?.structures ?? []);
  const document = useWorkspace((state) => state.document);
  const locale = useWorkspace((state) => state.locale);
  const currency = useWorkspace((state) => state.project?.assumptions.currency ?? '');
  const scenarioId = useWorkspace((state) => state.scenarioId);
  const [party, setParty] = useState('');
  const [note, setNote] = useState('');
  const [revisions, setRevisions] = useState<Revision[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [changes, setChanges] = useState<TermChange[] | null>(null);
  const [sides, setSides] = useState<{ before: Structure; after: Structure; beforeName: string; afterName: string } | null>(null);
  const scenario = useWorkspace((state) => state.scenarioId ?? state.project?.scenarios[0]?.id ?? null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!api || !document) return;
    const listed = await api.listRevisions({ documentId: document.documentId });
    if (listed.ok) setRevisions(listed.value);
  }, [api, document]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!api) return <p className="muted">Revisions live in the project file; there is no file service here.</p>;

  async function record(): Promise<void> {
    if (!api || !structure) return;
    if (party.trim() === '') {
      setMessage('Give the party this round is from, e.g. "Ministry" or "Miner (round 2)".');
      return;
    }
    const project = store.getState().project;
    if (!project || !(await commands.ensureDocument(project))) return;
    const synced = await commands.sync();
    const current = documentId();
    if (!synced || !current) {
      setMessage('The structure could not be recorded: fix the problems listed first.');
      return;
    }
    const recorded = await api.recordRevision({
      documentId: current,
      structureId: structure.id,
      ...(scenarioId ? { scenarioId } : {}),
      party: party.trim(),
      note: note.trim() === '' ? null : note.trim(),
    });
    if (!recorded.ok) {
      setMessage(recorded.error.message);
      return;
    }
    const recordedName = structure.name || structure.id;
    const saved = store.getState().document;
    if (saved?.name && !saved.untitled) {
      // A recorded round belongs in the file at once: save now, as the user would expect.
      await commands.save();
      const clean = !selectIsDirty(store.getState());
      setMessage(
        clean
          ? `Recorded revision @${recorded.value.id} of ${recordedName} for ${recorded.value.party} and saved it in ${saved.name}.`
          : `Recorded revision @${recorded.value.id} of ${recordedName} for ${recorded.value.party}; the file could not be saved (see the message), so the round is not in ${saved.name} yet.`,
      );
    } else {
      setMessage(`Recorded revision @${recorded.value.id} of ${recordedName} for ${recorded.value.party}. This project has no file yet: Save as… writes it and its rounds to one.`);
    }
    setNote('');
    await refresh();
  }

  async function showDiff(): Promise<void> {
    const current = documentId();
    const left = parseSide(from);
    const right = parseSide(to);
    if (!api || !current || !left || !right) return;
    await commands.sync();
    const result = await api.diff({ documentId: current, from: left, to: right });
    if (!result.ok) {
      setMessage(result.error.message);
      setChanges(null);
      setSides(null);
      return;
    }
    setChanges(result.value);
    const structuresOf = await api.diffStructures({ documentId: current, from: left, to: right });
    const label = (side: DiffSide) => {
      if (side.kind === 'structure') return `now: ${structureName(side.id)}`;
      const revision = revisions.find((r) => r.id === side.id);
      return revision ? `@${revision.id} ${revision.party}` : `@${side.id}`;
    };
    setSides(structuresOf.ok ? { ...structuresOf.value, beforeName: label(left), afterName: label(right) } : null);
  }

  const documentId = () => store.getState().document?.documentId ?? null;

  const structureName = (id: string) => {
    const found = structures.find((s) => s.id === id);
    return found ? found.name || found.id : id;
  };
  const options = [
    ...structures.map((s) => ({ value: sideValue({ kind: 'structure', id: s.id }), label: `Now: ${s.name || s.id}` })),
    ...revisions.map((r) => ({ value: sideValue({ kind: 'revision', id: r.id }), label: `@${r.id} ${r.party} — ${structureName(r.structureId)} (${new Date(r.recordedAt).toLocaleString(locale)})` })),
  ];
  return (
    <section aria-labelledby="rounds-heading" className="section">
      <h2 id="rounds-heading">Negotiation rounds</h2>
      <fieldset className="group">
        <legend>Record {structure?.name || structure?.id} as a revision</legend>
        <div className="group-fields">
          <div className="field">
            <label htmlFor="revision-party">Party</label>
            <input id="revision-party" type="text" value={party} placeholder="Ministry" onChange={(event) => setParty(event.target.value)} />
          </div>
          <div className="field field-wide">
            <label htmlFor="revision-note">Note</label>
            <textarea id="revision-note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
          </div>
        </div>
        <button type="button" className="primary" onClick={() => void record()}>
          Save revision
        </button>
      </fieldset>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <h3>Revisions</h3>
      {revisions.length === 0 ? (
        <p className="muted">No revisions yet.</p>
      ) : (
        <ExportableTable name="Revisions">
          <DataTable
            className="data-table text-table"
            label="Revisions"
            columns={['Revision', 'Structure', 'Party', 'Recorded', 'Note', 'What the round gave']}
            rows={revisions.map((r) => ({
              key: r.id,
              heading: `@${r.id}`,
              cells: [
                <>
                  {structureName(r.structureId)}
                  {structureName(r.structureId) !== r.structureId && <span className="muted small"> ({r.structureId})</span>}
                </>,
                r.party,
                new Date(r.recordedAt).toLocaleString(locale),
                r.note ?? '',
                <RoundResultsCell revision={r} structure={structures.find((s) => s.id === r.structureId)} currency={currency} locale={locale} />,
              ],
            }))}
          />
        </ExportableTable>
      )}
      <h3>Term-by-term changes</h3>
      <div className="compare-choices">
        <ChoiceField id="diff-from" label="From" value={from} options={options} onChange={setFrom} prompt="Choose…" />
        <ChoiceField id="diff-to" label="To" value={to} options={options} onChange={setTo} prompt="Choose…" />
        <button type="button" onClick={() => void showDiff()} disabled={!from || !to}>
          Show changes
        </button>
      </div>
      {changes &&
        (changes.length === 0 ? (
          <p>No terms differ.</p>
        ) : (
          <ExportableTable name="Changes">
            <DataTable
              className="data-table text-table"
              label="Changes"
              columns={['Term', 'Change', 'Before', 'After']}
              rows={changes.map((change) => ({ key: change.path, heading: change.label, cells: [change.change, change.before ?? '—', change.after ?? '—'], className: 'differs' }))}
            />
          </ExportableTable>
        ))}
      {changes && changes.length > 0 && sides && scenario && (
        <ConcessionsTable before={sides.before} after={sides.after} scenario={scenario} beforeName={sides.beforeName} afterName={sides.afterName} />
      )}
    </section>
  );
}
