// Each party's reservation values (what it needs to sign; docs/decisions.md, "Negotiation"),
// edited beside the partners: one card per recorded reservation, with the fields the catalogue
// declares for the party (a partner: minimum PV, IRR, NPV at hurdle; the government: minimum PV
// and government take; both: a Nash weight), and a button for each party without one.
import { useEditor, useWorkspace } from '../app/context.tsx';
import { ListProblems, NumberField, SelectField } from '../components/controls.tsx';
import { ListCard } from '../components/lists.tsx';
import { labelOf, partyName } from '../../shared/fields/index.ts';
import { selectStructure } from '../store/selectors.ts';

const LIST = 'negotiation.reservations';
const PARTNER_FIELDS = ['minPv', 'minIrr', 'minNpvAtHurdle', 'weight'] as const;
const GOVERNMENT_FIELDS = ['minPv', 'minGovernmentTake', 'weight'] as const;

export function ReservationsEditor() {
  const editor = useEditor();
  const parties = useWorkspace((state) => state.project?.negotiation?.reservations.map((r) => r.party).join('\u0000') ?? '');
  const missing = useWorkspace((state) => {
    const recorded = new Set(state.project?.negotiation?.reservations.map((r) => r.party) ?? []);
    const structureParties = [...(selectStructure(state)?.terms.partners.map((p) => p.id) ?? []), 'government'];
    return structureParties.filter((party) => !recorded.has(party)).map((party) => `${party}\u0000${partyName(state.project, party)}`).join('\u0001');
  });
  const addable = missing === '' ? [] : missing.split('\u0001').map((entry) => entry.split('\u0000') as [string, string]);
  return (
    <section aria-labelledby="reservations-heading" className="reservations">
      <div className="list-header">
        <h3 id="reservations-heading">Reservation values</h3>
      </div>
      <p className="muted small">
        What each party needs to sign: the agreement zone and the bargaining points of the deal space use them. Confidential: a copy to share leaves them out unless you choose to keep them.
      </p>
      <ListProblems path={LIST} />
      <ol className="cards">
        {(parties === '' ? [] : parties.split('\u0000')).map((party, index) => (
          <ReservationCard key={`${party}-${index}`} index={index} />
        ))}
      </ol>
      {addable.length > 0 && (
        <div className="group-actions">
          {addable.map(([party, name]) => (
            <button key={party} type="button" onClick={() => editor.addReservation(party)}>
              Record what {name} needs
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function ReservationCard({ index }: { index: number }) {
  const editor = useEditor();
  const path = `${LIST}[${index}]`;
  const party = useWorkspace((state) => state.project?.negotiation?.reservations[index]?.party ?? '');
  const name = useWorkspace((state) => partyName(state.project, party));
  const fields = party === 'government' ? GOVERNMENT_FIELDS : PARTNER_FIELDS;
  return (
    <ListCard legend={`What ${name} needs to sign`} removeLabel={`Remove the reservation values of ${name}`} onRemove={() => editor.removeReservation(index)}>
      <ListProblems path={path} />
      <PartyField path={`${path}.party`} />
      {fields.map((key) => (
        <ReservationField key={key} path={`${path}.${key}`} placeholder={key === 'weight' ? '1' : 'none'} />
      ))}
    </ListCard>
  );
}

/** The label names the party ("Party 'State Mining Co': minimum IRR"), as the problems list does. */
function ReservationField({ path, placeholder }: { path: string; placeholder: string }) {
  const label = useWorkspace((state) => labelOf(path, { project: state.project }));
  return <NumberField path={path} label={label} emptyMeans="delete" placeholder={placeholder} />;
}

/** Any partner of any structure, or the government: a reservation belongs to the party, whichever structure is on the table. */
function PartyField({ path }: { path: string }) {
  const choices = useWorkspace((state) => {
    const ids = new Set(state.project?.structures.flatMap((s) => s.terms.partners.map((p) => p.id)) ?? []);
    return [...ids, 'government'].map((id) => `${id}\u0000${partyName(state.project, id)}`).join('\u0001');
  });
  const options = choices.split('\u0001').map((entry) => {
    const [value = '', label = ''] = entry.split('\u0000');
    return { value, label };
  });
  return <SelectField path={path} options={options} />;
}
