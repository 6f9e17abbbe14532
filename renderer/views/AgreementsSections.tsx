import { useEditor, useWorkspace } from '../app/context.tsx';
import { CheckboxField, Fieldset, ListProblems, NumberField, SelectField, TextField } from '../components/controls.tsx';
import { uniqueId } from '../store/defaultProject.ts';
import { selectStructure, selectStructureIndex } from '../store/selectors.ts';

function usePartnerOptions(externalLabel: string) {
  const partners = useWorkspace((state) => selectStructure(state)?.terms.partners);
  return [
    ...(partners ?? []).map((partner) => ({ value: partner.id, label: partner.name ? `${partner.name} (${partner.id})` : partner.id })),
    { value: 'external', label: externalLabel },
  ];
}

export function TechnologySection() {
  const editor = useEditor();
  const structureIndex = useWorkspace(selectStructureIndex);
  const ids = useWorkspace((state) => (selectStructure(state)?.terms.technology ?? []).map((t) => t.id).join('\u0000'));
  const count = ids === '' ? 0 : ids.split('\u0000').length;
  const startYear = useWorkspace((state) => state.project?.assumptions.startYear ?? 2030);
  const list = `structures[${structureIndex}].terms.technology`;
  return (
    <section aria-labelledby="technology-heading" className="section">
      <h2 id="technology-heading">Technology agreements</h2>
      <div className="list-header">
        <p className="muted">Licences that lift recovery in exchange for fees and a running royalty.</p>
        <button
          type="button"
          onClick={() =>
            editor.addListItem(list, {
              id: uniqueId('licence', ids.split('\u0000')),
              name: 'Process licence',
              licensor: 'external',
              foreign: true,
              recoveryUplift: '0',
              fees: [{ year: startYear, amount: '0' }],
              royaltyRate: '0',
              royaltyFromYear: null,
              royaltyToYear: null,
              royaltyCapPerYear: null,
            })
          }
        >
          Add technology agreement
        </button>
      </div>
      <ListProblems path={list} />
      {count === 0 && <p className="empty-list">No technology agreements in this structure.</p>}
      <ol className="cards">
        {Array.from({ length: count }, (_, index) => (
          <TechnologyCard key={index} path={`${list}[${index}]`} list={list} index={index} />
        ))}
      </ol>
    </section>
  );
}

function TechnologyCard({ path, list, index }: { path: string; list: string; index: number }) {
  const editor = useEditor();
  const structureIndex = useWorkspace(selectStructureIndex);
  const agreement = useWorkspace((state) => state.project?.structures[structureIndex]?.terms.technology[index]);
  const options = usePartnerOptions('External licensor');
  const startYear = useWorkspace((state) => state.project?.assumptions.startYear ?? 2030);
  const n = index + 1;
  const title = agreement?.name || agreement?.id || `Agreement ${n}`;
  const fees = agreement?.fees ?? [];
  return (
    <li className="card">
      <Fieldset
        legend={title}
        actions={
          <button type="button" className="danger" onClick={() => editor.removeListItem(list, index)} aria-label={`Remove agreement ${n}`}>
            Remove
          </button>
        }
      >
        <TextField path={`${path}.name`} emptyMeans="delete" />
        <TextField path={`${path}.id`} />
        <SelectField path={`${path}.licensor`} options={options} />
        {agreement?.licensor === 'external' && <CheckboxField path={`${path}.foreign`} />}
        <NumberField path={`${path}.recoveryUplift`} />
        <NumberField path={`${path}.royaltyRate`} />
        <NumberField path={`${path}.royaltyFromYear`} emptyMeans="null" placeholder="first year" />
        <NumberField path={`${path}.royaltyToYear`} emptyMeans="null" placeholder="last year" />
        <NumberField path={`${path}.royaltyCapPerYear`} emptyMeans="null" placeholder="no cap" />
      </Fieldset>
      <div className="subtable">
        <div className="list-header">
          <h4>Fees of agreement {n}</h4>
          <button type="button" onClick={() => editor.addListItem(`${path}.fees`, { year: fees.length > 0 ? Number(fees[fees.length - 1]?.year) + 1 : startYear, amount: '0' })}>
            Add fee
          </button>
        </div>
        <ListProblems path={`${path}.fees`} />
        {fees.map((_, feeIndex) => (
          <div className="row-fields" key={feeIndex}>
            <NumberField path={`${path}.fees[${feeIndex}].year`} />
            <NumberField path={`${path}.fees[${feeIndex}].amount`} />
            <button type="button" className="danger" onClick={() => editor.removeListItem(`${path}.fees`, feeIndex)} aria-label={`Remove fee ${feeIndex + 1} of agreement ${n}`}>
              Remove
            </button>
          </div>
        ))}
      </div>
    </li>
  );
}

export function OfftakeSection() {
  const editor = useEditor();
  const structureIndex = useWorkspace(selectStructureIndex);
  const ids = useWorkspace((state) => (selectStructure(state)?.terms.offtake ?? []).map((o) => o.id).join('\u0000'));
  const count = ids === '' ? 0 : ids.split('\u0000').length;
  const list = `structures[${structureIndex}].terms.offtake`;
  const options = usePartnerOptions('External offtaker');
  return (
    <section aria-labelledby="offtake-heading" className="section">
      <h2 id="offtake-heading">Offtake contracts</h2>
      <div className="list-header">
        <p className="muted">Shares of production sold at a discount to market, within an optional floor and ceiling.</p>
        <button
          type="button"
          onClick={() => editor.addListItem(list, { id: uniqueId('offtake', ids.split('\u0000')), offtaker: 'external', share: '0', discount: '0', floor: null, ceiling: null, fromYear: null, toYear: null })}
        >
          Add offtake
        </button>
      </div>
      <ListProblems path={list} />
      {count === 0 && <p className="empty-list">No offtake contracts in this structure: all production is sold at market.</p>}
      <ol className="cards">
        {Array.from({ length: count }, (_, index) => {
          const path = `${list}[${index}]`;
          const n = index + 1;
          return (
            <li className="card" key={index}>
              <Fieldset
                legend={`Offtake ${n}`}
                actions={
                  <button type="button" className="danger" onClick={() => editor.removeListItem(list, index)} aria-label={`Remove offtake ${n}`}>
                    Remove
                  </button>
                }
              >
                <TextField path={`${path}.id`} />
                <SelectField path={`${path}.offtaker`} options={options} />
                <NumberField path={`${path}.share`} />
                <NumberField path={`${path}.discount`} />
                <NumberField path={`${path}.floor`} emptyMeans="null" placeholder="none" />
                <NumberField path={`${path}.ceiling`} emptyMeans="null" placeholder="none" />
                <NumberField path={`${path}.fromYear`} emptyMeans="null" placeholder="first year" />
                <NumberField path={`${path}.toYear`} emptyMeans="null" placeholder="last year" />
              </Fieldset>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
