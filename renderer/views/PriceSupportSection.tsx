import { ListProblems, NumberField, TextField } from '../components/controls.tsx';
import { CardListSection, ListCard } from '../components/lists.tsx';
import { uniqueId } from '../store/defaultProject.ts';
import { newPriceSupport } from '../model/version2Terms.ts';
import { OfftakeSection } from './AgreementsSections.tsx';
import { YearWindowFields } from './termFields.tsx';

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
  return (
    <CardListSection terms="priceSupport" id="price-support" heading="Government price support" addLabel="Add price support" newItem={(ids) => newPriceSupport(uniqueId('support', ids))}
      description="Contracts for difference or strategic-reserve floors paid by the government on a share of sales: it pays the shortfall of the market price below the strike and, with a cap, claws back a share of the excess above the cap price."
      emptyText="No government price support in this structure."
    >
      {({ path, n, remove }) => (
        <ListCard legend={`Price support ${n}`} removeLabel={`Remove price support ${n}`} onRemove={remove}>
          <ListProblems path={path} />
          <TextField path={`${path}.name`} emptyMeans="delete" />
          <TextField path={`${path}.id`} />
          <NumberField path={`${path}.strike`} />
          <NumberField path={`${path}.share`} />
          <YearWindowFields from={`${path}.fromYear`} to={`${path}.toYear`} />
          <NumberField path={`${path}.capPrice`} emptyMeans="null" placeholder="no cap" />
          <NumberField path={`${path}.upsideShare`} emptyMeans="null" placeholder="none" />
        </ListCard>
      )}
    </CardListSection>
  );
}
