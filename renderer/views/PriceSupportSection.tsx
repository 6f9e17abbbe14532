import { useEditor, useWorkspace } from '../app/context.tsx';
import { Fieldset, ListProblems, NumberField, TextField } from '../components/controls.tsx';
import { uniqueId } from '../store/defaultProject.ts';
import { selectStructure, selectStructureIndex } from '../store/selectors.ts';
import { newPriceSupport } from '../model/version2Terms.ts';
import { OfftakeSection } from './AgreementsSections.tsx';

/** The offtake page: who buys the product, and beside it the government's price support (§11). */
export function OfftakeAndPriceSupport() {
  return (
    <>
      <OfftakeSection />
      <PriceSupportSection />
    </>
  );
}

export function PriceSupportSection() {
  const editor = useEditor();
  const structureIndex = useWorkspace(selectStructureIndex);
  const ids = useWorkspace((state) => (selectStructure(state)?.terms.priceSupport ?? []).map((c) => c.id).join('\u0000'));
  const count = ids === '' ? 0 : ids.split('\u0000').length;
  const list = `structures[${structureIndex}].terms.priceSupport`;
  return (
    <section aria-labelledby="price-support-heading" className="section">
      <h2 id="price-support-heading">Government price support</h2>
      <div className="list-header">
        <p className="muted">
          Contracts for difference or strategic-reserve floors paid by the government on a share of sales: it pays the shortfall of the market price below the strike and, with a
          cap, claws back a share of the excess above the cap price.
        </p>
        <button type="button" onClick={() => editor.addListItem(list, newPriceSupport(uniqueId('support', ids.split('\u0000'))))}>
          Add price support
        </button>
      </div>
      <ListProblems path={list} />
      {count === 0 && <p className="empty-list">No government price support in this structure.</p>}
      <ol className="cards">
        {Array.from({ length: count }, (_, index) => {
          const path = `${list}[${index}]`;
          const n = index + 1;
          return (
            <li className="card" key={index}>
              <Fieldset
                legend={`Price support ${n}`}
                actions={
                  <button type="button" className="danger" onClick={() => editor.removeListItem(list, index)} aria-label={`Remove price support ${n}`}>
                    Remove
                  </button>
                }
              >
                <ListProblems path={path} />
                <TextField path={`${path}.name`} emptyMeans="delete" />
                <TextField path={`${path}.id`} />
                <NumberField path={`${path}.strike`} />
                <NumberField path={`${path}.share`} />
                <NumberField path={`${path}.fromYear`} emptyMeans="null" placeholder="first year" />
                <NumberField path={`${path}.toYear`} emptyMeans="null" placeholder="last year" />
                <NumberField path={`${path}.capPrice`} emptyMeans="null" placeholder="no cap" />
                <NumberField path={`${path}.upsideShare`} emptyMeans="null" placeholder="none" />
              </Fieldset>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
