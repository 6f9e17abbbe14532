import { useEditor, useWorkspace } from '../app/context.tsx';
import { CheckboxField, Fieldset, ListProblems, NumberField, SelectField } from '../components/controls.tsx';
import { RemoveButton } from '../components/lists.tsx';
import { sumDecimals } from '../lib/decimalText.ts';
import { selectStructure, selectStructureIndex } from '../store/selectors.ts';
import { IncentivesFields } from './IncentivesFields.tsx';

export function FiscalSection() {
  const editor = useEditor();
  const structureIndex = useWorkspace(selectStructureIndex);
  const bandCount = useWorkspace((state) => selectStructure(state)?.terms.fiscal.royalty.bands.length ?? 0);
  const lastBandPrice = useWorkspace((state) => selectStructure(state)?.terms.fiscal.royalty.bands.at(-1)?.fromPrice);
  const hasRrt = useWorkspace((state) => Boolean(selectStructure(state)?.terms.fiscal.resourceRentTax));
  const fiscal = `structures[${structureIndex}].terms.fiscal`;
  const bands = `${fiscal}.royalty.bands`;
  return (
    <section aria-labelledby="fiscal-heading" className="section">
      <h2 id="fiscal-heading">Fiscal terms</h2>
      <Fieldset legend="Royalty">
        <SelectField
          path={`${fiscal}.royalty.base`}
          options={[
            { value: 'gross', label: 'Gross revenue' },
            { value: 'net', label: 'Revenue less selling costs' },
          ]}
        />
        <SelectField
          path={`${fiscal}.royalty.interpolate`}
          options={[
            { value: 'step', label: 'Step (rate of the band reached)' },
            { value: 'linear', label: 'Linear between band points' },
          ]}
          read={(stored) => (stored === true ? 'linear' : 'step')}
          onValue={(value) => editor.setValue(`${fiscal}.royalty.interpolate`, value === 'linear')}
        />
      </Fieldset>
      <div className="list-header">
        <h3>Royalty bands</h3>
        <button type="button" onClick={() => editor.addListItem(bands, { fromPrice: sumDecimals([lastBandPrice ?? '0', '1000']) ?? '0', rate: '0.05' })}>
          Add band
        </button>
      </div>
      <ListProblems path={bands} />
      <table className="form-table">
        <thead>
          <tr>
            <th scope="col">From price (nominal)</th>
            <th scope="col">Rate</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: bandCount }, (_, index) => (
            <tr key={index}>
              <td>
                <NumberField path={`${bands}[${index}].fromPrice`} />
              </td>
              <td>
                <NumberField path={`${bands}[${index}].rate`} />
              </td>
              <td>
                <RemoveButton label={`Remove band ${index + 1}`} onRemove={() => editor.removeListItem(bands, index)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Fieldset legend="Income tax">
        <NumberField path={`${fiscal}.incomeTax.rate`} />
        <NumberField path={`${fiscal}.incomeTax.depreciationYears`} />
        <NumberField path={`${fiscal}.incomeTax.lossCarryForwardYears`} emptyMeans="null" placeholder="no limit" hint="Empty: without limit; 0: no carry-forward" />
      </Fieldset>
      <IncentivesFields fiscal={fiscal} />
      <Fieldset legend="Resource rent tax">
        <CheckboxField
          path={`${fiscal}.resourceRentTax`}
          onChecked={(checked) => editor.setValue(`${fiscal}.resourceRentTax`, checked ? { rate: '0.25', thresholdRate: '0.15' } : null)}
        />
        {hasRrt && (
          <>
            <NumberField path={`${fiscal}.resourceRentTax.rate`} />
            <NumberField path={`${fiscal}.resourceRentTax.thresholdRate`} />
          </>
        )}
      </Fieldset>
      <Fieldset legend="Withholding and community">
        <NumberField path={`${fiscal}.withholding.dividends`} />
        <NumberField path={`${fiscal}.withholding.technology`} />
        <NumberField path={`${fiscal}.withholding.interest`} emptyMeans="delete" placeholder="none" />
        <NumberField path={`${fiscal}.communityShare`} />
      </Fieldset>
    </section>
  );
}

