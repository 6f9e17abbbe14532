import { useEditor, useWorkspace } from '../app/context.tsx';
import { CheckboxField, Fieldset, ListProblems, NumberField, TextField } from '../components/controls.tsx';
import { RemoveButton } from '../components/lists.tsx';
import { SeriesGrid } from '../components/SeriesGrid.tsx';
import { formatOfKind, type SeriesDefinition } from '../model/series.ts';
import { fieldByPattern, labelOf, patternOf, toggleLabelOf } from '../../shared/fields/index.ts';
import { getIn, parsePath } from '../lib/paths.ts';
import type { Overrides } from '../../shared/engine/interchange.ts';
import { newFiscalChange } from '../model/version2Terms.ts';
import { InternalScenarioToggle, PrivateNoteToggle } from '../components/PrivacyToggles.tsx';

export function ScenariosSection() {
  const editor = useEditor();
  const scenarioCount = useWorkspace((state) => state.project?.scenarios.length ?? 0);
  const shockCount = useWorkspace((state) => state.project?.shocks?.length ?? 0);
  const defaultShocks = useWorkspace((state) => state.project?.shocks == null);
  return (
    <section aria-labelledby="scenarios-heading" className="section">
      <h2 id="scenarios-heading">Scenarios and shocks</h2>
      <div className="list-header">
        <h3>Scenarios</h3>
        <button type="button" onClick={() => editor.addScenario()}>
          Add scenario
        </button>
      </div>
      <ListProblems path="scenarios" />
      <ol className="cards">
        {Array.from({ length: scenarioCount }, (_, index) => (
          <li className="card" key={index}>
            <OwnerCard ownerPath={`scenarios[${index}]`} noun="scenario" index={index} canRemove={scenarioCount > 1} onRemove={() => editor.removeScenario(index)} onId={(id) => editor.setScenarioId(index, id)} />
          </li>
        ))}
      </ol>
      <div className="list-header">
        <h3>Shocks for risk sharing</h3>
        {!defaultShocks && (
          <button type="button" onClick={() => editor.addShock()}>
            Add shock
          </button>
        )}
      </div>
      <div className="field field-check">
        <input id="default-shocks" type="checkbox" data-path="shocks" checked={defaultShocks} onChange={(event) => editor.useDefaultShocks(event.target.checked)} />
        <label htmlFor="default-shocks">{toggleLabelOf('shocks')}</label>
      </div>
      <ListProblems path="shocks" />
      {!defaultShocks && (
        <ol className="cards">
          {Array.from({ length: shockCount }, (_, index) => (
            <li className="card" key={index}>
              <OwnerCard ownerPath={`shocks[${index}]`} noun="shock" index={index} canRemove onRemove={() => editor.removeListItem('shocks', index)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

interface OwnerCardProps {
  ownerPath: string;
  noun: 'scenario' | 'shock';
  index: number;
  canRemove: boolean;
  onRemove: () => void;
  onId?: (id: string) => void;
}

function OwnerCard({ ownerPath, noun, index, canRemove, onRemove, onId }: OwnerCardProps) {
  const name = useWorkspace((state) => {
    const owner = getIn(state.project, parsePath(ownerPath)) as { id?: string; name?: string | null } | undefined;
    return owner?.name || owner?.id || `${noun} ${index + 1}`;
  });
  const n = index + 1;
  const ownerId = useWorkspace((state) => (getIn(state.project, parsePath(`${ownerPath}.id`)) as string | undefined) ?? null);
  return (
    <Fieldset
      legend={name}
      actions={
        canRemove ? <RemoveButton label={`Remove ${noun} ${n}`} onRemove={onRemove} /> : undefined
      }
    >
      <TextField path={`${ownerPath}.name`} emptyMeans="delete" />
      <TextField path={`${ownerPath}.id`} {...(onId ? { onText: onId } : {})} />
      {noun === 'scenario' && <TextField path={`${ownerPath}.notes`} emptyMeans="delete" />}
      {noun === 'scenario' && ownerId && <InternalScenarioToggle scenarioId={ownerId} label={`Scenario ${n} is internal (left out of shared copies)`} />}
      {noun === 'scenario' && ownerId && <PrivateNoteToggle owner={{ kind: 'scenario', id: ownerId }} label={`Notes of scenario ${n} are private`} />}
      <OverridesFields ownerPath={ownerPath} />
    </Fieldset>
  );
}

function OverridesFields({ ownerPath }: { ownerPath: string }) {
  const editor = useEditor();
  const overrides = useWorkspace((state) => getIn(state.project, parsePath(`${ownerPath}.overrides`)) as Overrides | undefined);
  const startYear = useWorkspace((state) => state.project?.assumptions.startYear ?? 2030);
  const prices = useWorkspace((state) => state.project?.assumptions.prices);
  const years = useWorkspace((state) => (typeof state.project?.assumptions.years === 'number' ? state.project.assumptions.years : 0));
  const o = `${ownerPath}.overrides`;
  const deck = fieldByPattern(patternOf(`${o}.prices`))!;
  const priceRow: SeriesDefinition = { key: `${ownerPath}-prices`, path: `${o}.prices`, label: labelOf(`${o}.prices`), format: formatOfKind(deck.kind), unit: deck.unit, extendWith: 'last' };
  return (
    <>
      <NumberField path={`${o}.priceFactor`} emptyMeans="delete" placeholder="1" />
      <NumberField path={`${o}.capexFactor`} emptyMeans="delete" placeholder="1" />
      <NumberField path={`${o}.opexFactor`} emptyMeans="delete" placeholder="1" />
      <NumberField path={`${o}.gradeFactor`} emptyMeans="delete" placeholder="1" />
      <NumberField path={`${o}.delayYears`} emptyMeans="delete" placeholder="0" />
      <NumberField path={`${o}.discountRate`} emptyMeans="delete" placeholder="venture rate" />
      <CheckboxField
        path={`${o}.disruption`}
        onChecked={(checked) => editor.setValue(`${o}.disruption`, checked ? { fromYear: startYear + 2, toYear: startYear + 3 } : undefined)}
      />
      {overrides?.disruption && (
        <>
          <NumberField path={`${o}.disruption.fromYear`} />
          <NumberField path={`${o}.disruption.toYear`} />
        </>
      )}
      <CheckboxField
        path={`${o}.fiscalChange`}
        onChecked={(checked) => editor.setValue(`${o}.fiscalChange`, checked ? newFiscalChange(startYear, years) : undefined)}
      />
      {overrides?.fiscalChange && (
        <>
          <NumberField path={`${o}.fiscalChange.fromYear`} />
          <NumberField path={`${o}.fiscalChange.royaltyRateAdd`} emptyMeans="delete" placeholder="no change" hint="Added to the royalty rate, in percentage points" />
          <NumberField path={`${o}.fiscalChange.incomeTaxRate`} emptyMeans="delete" placeholder="no change" />
        </>
      )}
      <CheckboxField
        path={`${o}.prices`}
        onChecked={(checked) => editor.setValue(`${o}.prices`, checked ? [...(prices ?? [])].map(String) : undefined)}
      />
      {overrides?.prices && (
        <div className="field-wide">
          <ListProblems path={`${o}.prices`} />
          <SeriesGrid caption={priceRow.label} rows={[priceRow]} />
        </div>
      )}
    </>
  );
}
