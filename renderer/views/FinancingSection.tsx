import { useEditor, useWorkspace } from '../app/context.tsx';
import { ChoiceField, ListProblems, NumberField, SelectField, TextField } from '../components/controls.tsx';
import { CardListSection, ListCard, YearAmountRows, type ListItem } from '../components/lists.tsx';
import { uniqueId } from '../store/defaultProject.ts';
import { selectStructureIndex } from '../store/selectors.ts';
import type { DebtTranche } from '../../shared/engine/interchange.ts';
import { REPAYMENT_PROFILES } from '../../shared/fields/index.ts';
import { EXTERNAL_LENDER_LABEL, newTranche } from '../model/version2Terms.ts';
import { CounterpartyFields, YearWindowFields } from './termFields.tsx';

const REPAYMENT_LABELS: Record<(typeof REPAYMENT_PROFILES)[number], string> = {
  'equal-principal': 'Equal principal instalments',
  annuity: 'Annuity (level debt service)',
};

/** §14 project debt: the structure's loan tranches, each with its lender, drawdown, grace, tenor and repayment. */
export function FinancingSection() {
  return (
    <CardListSection terms="debt" id="financing" heading="Financing" addLabel="Add loan tranche" newItem={(ids) => newTranche(uniqueId('loan', ids))}
      description="Loans to the venture: from a partner or an external lender (a development-finance institution, an export-credit agency, a bank). Drawn on a share of capex or on dated drawdowns; interest on the opening balance; repaid after the grace years over the tenor; anything outstanding is repaid in the last year."
      emptyText="No loans in this structure: the partners fund everything with equity."
    >
      {(item) => <TrancheCard item={item} />}
    </CardListSection>
  );
}

function TrancheCard({ item: { index, path, n, remove } }: { item: ListItem }) {
  const editor = useEditor();
  const structureIndex = useWorkspace(selectStructureIndex);
  const tranche = useWorkspace((state) => state.project?.structures[structureIndex]?.terms.debt?.[index]) as DebtTranche | undefined;
  const startYear = useWorkspace((state) => state.project?.assumptions.startYear ?? 2030);
  const title = tranche?.name || tranche?.id || `Tranche ${n}`;
  const dated = tranche !== undefined && tranche.drawdowns != null && tranche.gearing == null;
  const setBasis = (basis: string) => {
    if (!tranche) return;
    const { gearing: _gearing, drawFromYear: _from, drawToYear: _to, drawdowns: _drawdowns, ...rest } = tranche;
    const next: DebtTranche = basis === 'dated' ? { ...rest, drawdowns: [{ year: startYear, amount: '0' }] } : { ...rest, gearing: '0', drawFromYear: null, drawToYear: null };
    editor.setValue(path, next);
  };
  return (
    <ListCard
      legend={`Tranche ${n}: ${title}`}
      removeLabel={`Remove tranche ${n}`}
      onRemove={remove}
      below={dated && <YearAmountRows path={`${path}.drawdowns`} entries={tranche.drawdowns ?? []} heading={`Drawdowns of tranche ${n}`} addLabel="Add drawdown" noun="drawdown" owner={`tranche ${n}`} />}
    >
      <ListProblems path={path} />
      <TextField path={`${path}.name`} emptyMeans="delete" />
      <TextField path={`${path}.id`} />
      <CounterpartyFields party={`${path}.lender`} foreign={`${path}.foreign`} externalLabel={EXTERNAL_LENDER_LABEL} external={tranche?.lender === 'external'} />
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
          <YearWindowFields from={`${path}.drawFromYear`} to={`${path}.drawToYear`} />
        </>
      )}
    </ListCard>
  );
}
