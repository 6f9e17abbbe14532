// Fields that several instruments of a structure share: who is on the other side of it, and the
// years it runs.
import { useWorkspace } from '../app/context.tsx';
import { CheckboxField, NumberField, SelectField } from '../components/controls.tsx';
import { selectStructure } from '../store/selectors.ts';

/** The structure's partners by name, then an outside party (`externalLabel`, e.g. "External lender"). */
export function usePartnerOptions(externalLabel: string) {
  const partners = useWorkspace((state) => selectStructure(state)?.terms.partners);
  return [
    ...(partners ?? []).map((partner) => ({ value: partner.id, label: partner.name ? `${partner.name} (${partner.id})` : partner.id })),
    { value: 'external', label: externalLabel },
  ];
}

/** A partner or an outside party (a licensor, a lender); only an outside one asks whether it is foreign: a partner's own flag says that. */
export function CounterpartyFields({ party, foreign, externalLabel, external }: { party: string; foreign: string; externalLabel: string; external: boolean }) {
  const options = usePartnerOptions(externalLabel);
  return (
    <>
      <SelectField path={party} options={options} />
      {external && <CheckboxField path={foreign} />}
    </>
  );
}

/** The years an instrument runs; left empty, from the horizon's first year or to its last. */
export function YearWindowFields({ from, to }: { from: string; to: string }) {
  return (
    <>
      <NumberField path={from} emptyMeans="null" placeholder="first year" />
      <NumberField path={to} emptyMeans="null" placeholder="last year" />
    </>
  );
}
