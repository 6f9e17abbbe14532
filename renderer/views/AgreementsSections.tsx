import { useWorkspace } from '../app/context.tsx';
import { NumberField, SelectField, TextField } from '../components/controls.tsx';
import { CardListSection, ListCard, YearAmountRows, type ListItem } from '../components/lists.tsx';
import { uniqueId } from '../store/defaultProject.ts';
import { selectStructureIndex } from '../store/selectors.ts';
import { CounterpartyFields, usePartnerOptions, YearWindowFields } from './termFields.tsx';

export function TechnologySection() {
  const startYear = useWorkspace((state) => state.project?.assumptions.startYear ?? 2030);
  const newAgreement = (ids: string[]) => ({
    id: uniqueId('licence', ids),
    name: 'Process licence',
    licensor: 'external',
    foreign: true,
    recoveryUplift: '0',
    fees: [{ year: startYear, amount: '0' }],
    royaltyRate: '0',
    royaltyFromYear: null,
    royaltyToYear: null,
    royaltyCapPerYear: null,
  });
  return (
    <CardListSection terms="technology" id="technology" heading="Technology agreements" addLabel="Add technology agreement" newItem={newAgreement}
      description="Licences that lift recovery in exchange for fees and a running royalty."
      emptyText="No technology agreements in this structure."
    >
      {(item) => <TechnologyCard item={item} />}
    </CardListSection>
  );
}

function TechnologyCard({ item: { index, path, n, remove } }: { item: ListItem }) {
  const structureIndex = useWorkspace(selectStructureIndex);
  const agreement = useWorkspace((state) => state.project?.structures[structureIndex]?.terms.technology[index]);
  const title = agreement?.name || agreement?.id || `Agreement ${n}`;
  return (
    <ListCard
      legend={title}
      removeLabel={`Remove agreement ${n}`}
      onRemove={remove}
      below={<YearAmountRows path={`${path}.fees`} entries={agreement?.fees ?? []} heading={`Fees of agreement ${n}`} addLabel="Add fee" noun="fee" owner={`agreement ${n}`} />}
    >
      <TextField path={`${path}.name`} emptyMeans="delete" />
      <TextField path={`${path}.id`} />
      <CounterpartyFields party={`${path}.licensor`} foreign={`${path}.foreign`} externalLabel="External licensor" external={agreement?.licensor === 'external'} />
      <NumberField path={`${path}.recoveryUplift`} />
      <NumberField path={`${path}.royaltyRate`} />
      <YearWindowFields from={`${path}.royaltyFromYear`} to={`${path}.royaltyToYear`} />
      <NumberField path={`${path}.royaltyCapPerYear`} emptyMeans="null" placeholder="no cap" />
    </ListCard>
  );
}

export function OfftakeSection() {
  const options = usePartnerOptions('External offtaker');
  const newOfftake = (ids: string[]) => ({ id: uniqueId('offtake', ids), offtaker: 'external', share: '0', discount: '0', floor: null, ceiling: null, fromYear: null, toYear: null });
  return (
    <CardListSection terms="offtake" id="offtake" heading="Offtake contracts" addLabel="Add offtake" newItem={newOfftake}
      description="Shares of production sold at a discount to market, within an optional floor and ceiling."
      emptyText="No offtake contracts in this structure: all production is sold at market."
    >
      {({ path, n, remove }) => (
        <ListCard legend={`Offtake ${n}`} removeLabel={`Remove offtake ${n}`} onRemove={remove}>
          <TextField path={`${path}.id`} />
          <SelectField path={`${path}.offtaker`} options={options} />
          <NumberField path={`${path}.share`} />
          <NumberField path={`${path}.discount`} />
          <NumberField path={`${path}.floor`} emptyMeans="null" placeholder="none" />
          <NumberField path={`${path}.ceiling`} emptyMeans="null" placeholder="none" />
          <YearWindowFields from={`${path}.fromYear`} to={`${path}.toYear`} />
        </ListCard>
      )}
    </CardListSection>
  );
}
