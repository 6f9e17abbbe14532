import { useEditor, useWorkspace } from '../app/context.tsx';
import { CheckboxField, Fieldset, NumberField, SelectField } from '../components/controls.tsx';
import { getIn, parsePath } from '../lib/paths.ts';
import { DEPRECIATION_METHODS } from '../../shared/fields/index.ts';
import type { Fiscal } from '../../shared/engine/interchange.ts';

const METHOD_LABELS: Record<(typeof DEPRECIATION_METHODS)[number], string> = {
  'straight-line': 'Straight line',
  'declining-balance': 'Declining balance',
};

function useFiscal(fiscal: string): Fiscal | undefined {
  return useWorkspace((state) => getIn(state.project, parsePath(fiscal)) as Fiscal | undefined);
}

/**
 * Methodology §12–§13 beside the fiscal terms: tax holiday, investment allowance, depreciation
 * method, capital grant, and the interest deduction's thin-capitalisation limit. Every one is
 * optional: emptied, it is removed (so a version-1 project stays version 1).
 */
export function IncentivesFields({ fiscal }: { fiscal: string }) {
  const editor = useEditor();
  const terms = useFiscal(fiscal);
  const depreciationYears = Number(terms?.incomeTax.depreciationYears);
  const method = terms?.incomeTax.depreciation?.method ?? 'straight-line';
  const setMethod = (value: string) =>
    editor.setValue(
      `${fiscal}.incomeTax.depreciation`,
      // Double declining balance until the user types a rate: the textbook default.
      value === 'declining-balance' ? { method: value, rate: Number.isInteger(depreciationYears) && depreciationYears >= 2 ? String(Math.min(1, 2 / depreciationYears)) : '0.25' } : undefined,
    );
  return (
    <>
      <Fieldset legend="Tax incentives">
        <NumberField path={`${fiscal}.incomeTax.holidayYears`} emptyMeans="delete" placeholder="none" hint="Years without income tax from first production" />
        <NumberField path={`${fiscal}.incomeTax.investmentAllowance`} emptyMeans="delete" placeholder="none" hint="Deducted once, in the year the capex is spent" />
        <SelectField
          path={`${fiscal}.incomeTax.depreciation.method`}
          options={DEPRECIATION_METHODS.map((value) => ({ value, label: METHOD_LABELS[value] }))}
          read={() => method}
          onValue={setMethod}
        />
        {method === 'declining-balance' && <NumberField path={`${fiscal}.incomeTax.depreciation.rate`} />}
        <NumberField path={`${fiscal}.incomeTax.thinCapRatio`} emptyMeans="delete" placeholder="no limit" hint="Interest is deductible on debt up to this multiple of equity paid in" />
      </Fieldset>
      <Fieldset legend="Capital grant">
        <CheckboxField
          path={`${fiscal}.capitalGrant`}
          onChecked={(checked) => editor.setValue(`${fiscal}.capitalGrant`, checked ? { share: '0', cap: null } : undefined)}
        />
        {terms?.capitalGrant && (
          <>
            <NumberField path={`${fiscal}.capitalGrant.share`} />
            <NumberField path={`${fiscal}.capitalGrant.cap`} emptyMeans="null" placeholder="no cap" />
          </>
        )}
      </Fieldset>
    </>
  );
}

/** §15 on the structure: its fiscal terms stabilised against a later fiscal change, and what that is worth. */
export function StabilisationFields({ fiscal, onWorth }: { fiscal: string; onWorth: () => void }) {
  const editor = useEditor();
  const terms = useFiscal(fiscal);
  const setStabilised = (checked: boolean) => {
    if (!terms) return;
    // Unticked, the clause goes with its year (one edit): a year without the clause is a problem.
    const { stabilized: _stabilized, stabilizedUntilYear: _until, ...rest } = terms;
    editor.setValue(fiscal, checked ? { ...terms, stabilized: true } : rest);
  };
  return (
    <>
      <CheckboxField path={`${fiscal}.stabilized`} onChecked={setStabilised} />
      {terms?.stabilized === true && <NumberField path={`${fiscal}.stabilizedUntilYear`} emptyMeans="delete" placeholder="the whole horizon" />}
      <div className="field">
        <button type="button" onClick={onWorth}>
          What is stabilisation worth?
        </button>
      </div>
    </>
  );
}
