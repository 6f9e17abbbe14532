import { useEditor, useWorkspace } from '../app/context.tsx';
import { Fieldset, NumberField, SelectField, TextField } from '../components/controls.tsx';
import { useFieldId, useProblemsAt } from '../components/useStoredValue.ts';
import { PrivateNoteToggle } from '../components/PrivacyToggles.tsx';

export function VentureSection() {
  return (
    <section aria-labelledby="venture-heading" className="section">
      <h2 id="venture-heading">Venture</h2>
      <Fieldset legend="Project">
        <TextField path="name" emptyMeans="delete" />
        <TextField path="assumptions.commodity" emptyMeans="delete" placeholder="lithium" />
        <TextField path="assumptions.productUnit" emptyMeans="delete" placeholder="t SC6" />
        <TextField path="assumptions.currency" emptyMeans="delete" placeholder="USD" />
        <TextField path="notes" emptyMeans="delete" multiline />
        <PrivateNoteToggle owner={{ kind: 'project', id: null }} label="Project notes are private (never shared)" />
      </Fieldset>
      <Fieldset legend="Time and money">
        <NumberField path="assumptions.startYear" />
        <YearsField />
        <NumberField path="assumptions.discountRate" />
        <SelectField
          path="assumptions.discounting"
          options={[
            { value: 'end-year', label: 'End of year' },
            { value: 'mid-year', label: 'Mid-year' },
          ]}
        />
        <NumberField path="assumptions.inflation" />
      </Fieldset>
    </section>
  );
}

/** Changing the number of years resizes every yearly series, so it has its own command. */
function YearsField() {
  const editor = useEditor();
  const years = useWorkspace((state) => state.project?.assumptions.years);
  const id = useFieldId('assumptions.years');
  const problems = useProblemsAt('assumptions.years');
  return (
    <div className={`field${problems.length > 0 ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>Years</label>
      <span className="field-input">
        <input
          id={id}
          data-path="assumptions.years"
          type="number"
          min={1}
          max={100}
          step={1}
          value={years === undefined || years === null ? '' : String(years)}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={problems.length > 0 ? `${id}-problem` : undefined}
          onChange={(event) => editor.setYears(event.target.value)}
          onBlur={() => editor.endEdit()}
        />
        <span className="adornment" aria-hidden="true">years</span>
      </span>
      {problems.length > 0 && (
        <span className="field-problem" id={`${id}-problem`} role="alert">
          {problems.join(' ')}
        </span>
      )}
    </div>
  );
}
