import { useEditor, useWorkspace } from '../app/context.tsx';
import { CheckboxField, ChoiceField, Fieldset, ListProblems, NumberField, SelectField, TextField } from '../components/controls.tsx';
import { uniqueId } from '../store/defaultProject.ts';
import { selectStructure, selectStructureIndex } from '../store/selectors.ts';
import type { DebtTranche } from '../../shared/engine/interchange.ts';
import { REPAYMENT_PROFILES } from '../../shared/fields/index.ts';
import { EXTERNAL_LENDER_LABEL, newTranche } from '../model/version2Terms.ts';

const REPAYMENT_LABELS: Record<(typeof REPAYMENT_PROFILES)[number], string> = {
  'equal-principal': 'Equal principal instalments',
  annuity: 'Annuity (level debt service)',
};

/** §14 project debt: the structure's loan tranches, each with its lender, drawdown, grace, tenor and repayment. */
export function FinancingSection() {
  const editor = useEditor();
  const structureIndex = useWorkspace(selectStructureIndex);
  const ids = useWorkspace((state) => (selectStructure(state)?.terms.debt ?? []).map((t) => t.id).join('\u0000'));
  const count = ids === '' ? 0 : ids.split('\u0000').length;
  const list = `structures[${structureIndex}].terms.debt`;
  return (
    <section aria-labelledby="financing-heading" className="section">
      <h2 id="financing-heading">Financing</h2>
      <div className="list-header">
        <p className="muted">
          Loans to the venture: from a partner or an external lender (a development-finance institution, an export-credit agency, a bank). Drawn on a share of capex or on dated
          drawdowns; interest on the opening balance; repaid after the grace years over the tenor; anything outstanding is repaid in the last year.
        </p>
        <button type="button" onClick={() => editor.addListItem(list, newTranche(uniqueId('loan', ids.split('\u0000'))))}>
          Add loan tranche
        </button>
      </div>
      <ListProblems path={list} />
      {count === 0 && <p className="empty-list">No loans in this structure: the partners fund everything with equity.</p>}
      <ol className="cards">
        {Array.from({ length: count }, (_, index) => (
          <TrancheCard key={index} list={list} index={index} />
        ))}
      </ol>
    </section>
  );
}

function useLenderOptions() {
  const partners = useWorkspace((state) => selectStructure(state)?.terms.partners);
  return [
    ...(partners ?? []).map((partner) => ({ value: partner.id, label: partner.name ? `${partner.name} (${partner.id})` : partner.id })),
    { value: 'external', label: EXTERNAL_LENDER_LABEL },
  ];
}

function TrancheCard({ list, index }: { list: string; index: number }) {
  const editor = useEditor();
  const structureIndex = useWorkspace(selectStructureIndex);
  const tranche = useWorkspace((state) => state.project?.structures[structureIndex]?.terms.debt?.[index]) as DebtTranche | undefined;
  const startYear = useWorkspace((state) => state.project?.assumptions.startYear ?? 2030);
  const options = useLenderOptions();
  const path = `${list}[${index}]`;
  const n = index + 1;
  const title = tranche?.name || tranche?.id || `Tranche ${n}`;
  const dated = tranche !== undefined && tranche.drawdowns != null && tranche.gearing == null;
  const drawdowns = tranche?.drawdowns ?? [];
  const setBasis = (basis: string) => {
    if (!tranche) return;
    const { gearing: _gearing, drawFromYear: _from, drawToYear: _to, drawdowns: _drawdowns, ...rest } = tranche;
    const next: DebtTranche = basis === 'dated' ? { ...rest, drawdowns: [{ year: startYear, amount: '0' }] } : { ...rest, gearing: '0', drawFromYear: null, drawToYear: null };
    editor.setValue(path, next);
  };
  return (
    <li className="card">
      <Fieldset
        legend={`Tranche ${n}: ${title}`}
        actions={
          <button type="button" className="danger" onClick={() => editor.removeListItem(list, index)} aria-label={`Remove tranche ${n}`}>
            Remove
          </button>
        }
      >
        <ListProblems path={path} />
        <TextField path={`${path}.name`} emptyMeans="delete" />
        <TextField path={`${path}.id`} />
        <SelectField path={`${path}.lender`} options={options} />
        {tranche?.lender === 'external' && <CheckboxField path={`${path}.foreign`} />}
        <NumberField path={`${path}.interestRate`} />
        <NumberField path={`${path}.graceYears`} />
        <NumberField path={`${path}.tenorYears`} />
        <SelectField path={`${path}.repayment`} options={REPAYMENT_PROFILES.map((value) => ({ value, label: REPAYMENT_LABELS[value] }))} />
        <NumberField path={`${path}.maxAmount`} emptyMeans="delete" placeholder="no limit" />
        <ChoiceField
          id={`drawdown-basis-${structureIndex}-${index}`}
          label={`Drawdowns of tranche ${n}`}
          value={dated ? 'dated' : 'gearing'}
          options={[
            { value: 'gearing', label: 'A share of capex (gearing)' },
            { value: 'dated', label: 'Dated drawdowns' },
          ]}
          onChange={setBasis}
        />
        {!dated && (
          <>
            <NumberField path={`${path}.gearing`} />
            <NumberField path={`${path}.drawFromYear`} emptyMeans="null" placeholder="first year" />
            <NumberField path={`${path}.drawToYear`} emptyMeans="null" placeholder="last year" />
          </>
        )}
      </Fieldset>
      {dated && (
        <div className="subtable">
          <div className="list-header">
            <h4>Drawdowns of tranche {n}</h4>
            <button
              type="button"
              onClick={() => editor.addListItem(`${path}.drawdowns`, { year: drawdowns.length > 0 ? Number(drawdowns[drawdowns.length - 1]?.year) + 1 : startYear, amount: '0' })}
            >
              Add drawdown
            </button>
          </div>
          <ListProblems path={`${path}.drawdowns`} />
          {drawdowns.map((_, at) => (
            <div className="row-fields" key={at}>
              <NumberField path={`${path}.drawdowns[${at}].year`} />
              <NumberField path={`${path}.drawdowns[${at}].amount`} />
              <button type="button" className="danger" onClick={() => editor.removeListItem(`${path}.drawdowns`, at)} aria-label={`Remove drawdown ${at + 1} of tranche ${n}`}>
                Remove
              </button>
            </div>
          ))}
        </div>
      )}
    </li>
  );
}
