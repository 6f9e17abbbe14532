import { useEditor, useWorkspace } from '../app/context.tsx';
import { CheckboxField, Fieldset, ListProblems, NumberField, SelectField, TextField } from '../components/controls.tsx';
import { RemoveButton } from '../components/lists.tsx';
import { formatPercent } from '../lib/format.ts';
import { sumDecimals } from '../lib/decimalText.ts';
import { PARTNER_KINDS } from '../../shared/engine/interchange.ts';
import { selectStructure, selectStructureIndex } from '../store/selectors.ts';
import { PrivateNoteToggle } from '../components/PrivacyToggles.tsx';
import { ReservationsEditor } from './ReservationsEditor.tsx';
import { StabilisationFields } from './IncentivesFields.tsx';

const KIND_LABELS: Record<string, string> = {
  state: 'State company',
  private: 'Private miner',
  'sovereign-fund': 'Sovereign fund',
  'development-finance': 'Development finance',
  strategic: 'Strategic (buyer or technology)',
};

export function PartnersSection() {
  const editor = useEditor();
  const structureIndex = useWorkspace(selectStructureIndex);
  const partnerCount = useWorkspace((state) => selectStructure(state)?.terms.partners.length ?? 0);
  const structureId = useWorkspace((state) => selectStructure(state)?.id ?? null);
  const base = `structures[${structureIndex}]`;
  return (
    <section aria-labelledby="partners-heading" className="section">
      <h2 id="partners-heading">Structure and partners</h2>
      <Fieldset legend="Structure">
        <TextField path={`${base}.name`} emptyMeans="delete" />
        <TextField path={`${base}.id`} onText={(text) => editor.setStructureId(structureIndex, text)} />
        <NumberField path={`${base}.terms.deemedValue`} />
        <CheckboxField path={`${base}.terms.dilution`} />
        <StabilisationFields fiscal={`${base}.terms.fiscal`} onWorth={() => editor.showStabilisationValue()} />
        <TextField path={`${base}.notes`} emptyMeans="delete" multiline />
        {structureId && <PrivateNoteToggle owner={{ kind: 'structure', id: structureId }} label="Structure notes are private (never shared)" />}
      </Fieldset>
      <div className="list-header">
        <h3>Partners</h3>
        <EquityTotal />
        <button type="button" onClick={() => editor.addPartner()}>
          Add partner
        </button>
      </div>
      <ListProblems path={`${base}.terms.partners`} />
      <ol className="cards">
        {Array.from({ length: partnerCount }, (_, index) => (
          <PartnerCard key={index} structureIndex={structureIndex} index={index} count={partnerCount} />
        ))}
      </ol>
      <ReservationsEditor />
    </section>
  );
}

function EquityTotal() {
  const locale = useWorkspace((state) => state.locale);
  const partners = useWorkspace((state) => selectStructure(state)?.terms.partners);
  const total = sumDecimals((partners ?? []).map((p) => p.equity));
  const exact = total !== null && Number(total) === 1 && /^1(\.0*)?$/.test(total);
  return (
    <span className={`equity-total${exact ? '' : ' equity-off'}`} aria-live="polite">
      Equity total {total === null ? '—' : formatPercent(total, locale, 2)}
    </span>
  );
}

function PartnerCard({ structureIndex, index, count }: { structureIndex: number; index: number; count: number }) {
  const editor = useEditor();
  const path = `structures[${structureIndex}].terms.partners[${index}]`;
  const name = useWorkspace((state) => {
    const partner = state.project?.structures[structureIndex]?.terms.partners[index];
    return partner?.name || partner?.id || `Partner ${index + 1}`;
  });
  const carried = useWorkspace((state) => state.project?.structures[structureIndex]?.terms.partners[index]?.carried ?? null);
  return (
    <li className="card">
      <Fieldset
        legend={name}
        actions={
          <>
            <button type="button" onClick={() => editor.movePartner(index, -1)} disabled={index === 0} aria-label={`Move ${name} up`}>
              ↑ Up
            </button>
            <button type="button" onClick={() => editor.movePartner(index, 1)} disabled={index === count - 1} aria-label={`Move ${name} down`}>
              ↓ Down
            </button>
            <RemoveButton label={`Remove ${name}`} onRemove={() => editor.removePartner(index)} />
          </>
        }
      >
        <TextField path={`${path}.name`} emptyMeans="delete" />
        <TextField path={`${path}.id`} onText={(text) => editor.setPartnerId(index, text)} />
        <TextField path={`${path}.country`} emptyMeans="delete" />
        <SelectField path={`${path}.kind`} options={PARTNER_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] ?? kind }))} />
        <NumberField path={`${path}.equity`} />
        <NumberField path={`${path}.hurdleRate`} />
        <NumberField path={`${path}.fundingCap`} emptyMeans="null" placeholder="no cap" />
        <CheckboxField path={`${path}.state`} />
        <CheckboxField path={`${path}.foreign`} />
        <CheckboxField
          path={`${path}.carried`}
          onChecked={(checked) => editor.setValue(`${path}.carried`, checked ? { interestRate: '0', repaymentShare: '1' } : null)}
        />
        {carried && (
          <>
            <NumberField path={`${path}.carried.interestRate`} />
            <NumberField path={`${path}.carried.repaymentShare`} />
          </>
        )}
      </Fieldset>
    </li>
  );
}
