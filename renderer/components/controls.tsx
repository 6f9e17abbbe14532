import type { ReactNode } from 'react';
import { getIn, parsePath } from '../lib/paths.ts';
import { currencyLabel } from '../lib/format.ts';
import { formatOfKind, type ValueFormat } from '../model/series.ts';
import { fieldAt, labelOf, toggleLabelOf } from '../../shared/fields/index.ts';
import { useEditor, useWorkspace } from '../app/context.tsx';
import { selectIsPlaceholder } from '../store/selectors.ts';
import { useFieldId, useProblemsAt, useStoredValue, type EmptyMeans } from './useStoredValue.ts';
import { SolveButton, useSolveForTarget } from '../negotiation/SolveForTarget.tsx';

function FieldProblems({ id, problems }: { id: string; problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <span className="field-problem" id={id} role="alert">
      {problems.join(' ')}
    </span>
  );
}

/** `{currency}` and `{productUnit}` in a unit template, filled from the venture settings. */
export function useUnit(template: string | undefined): string {
  const currency = useWorkspace((state) => state.project?.assumptions.currency ?? '');
  const productUnit = useWorkspace((state) => state.project?.assumptions.productUnit ?? 'unit');
  const locale = useWorkspace((state) => state.locale);
  if (!template) return '';
  return template.replace('{currency}', currencyLabel(currency, locale) || 'money').replace('{productUnit}', productUnit || 'unit');
}

/**
 * A field's label from the field catalogue ("Funding cap of partner 3"; a series value with its
 * calendar year), unless the view gives one. `toggle`: the label of the control that switches an
 * optional group on or off ("Partner 2 is carried").
 */
export function useFieldLabel(path: string, given?: string, toggle = false): string {
  const startYear = useWorkspace((state) => state.project?.assumptions.startYear);
  if (given !== undefined) return given;
  const context = { project: { assumptions: { startYear } } };
  return toggle ? toggleLabelOf(path, context) : labelOf(path, context);
}

export interface NumberFieldProps {
  path: string;
  /** Default: the catalogue's label. */
  label?: string;
  /** Default: from the catalogue's kind (a fraction is typed as a percentage). */
  format?: ValueFormat;
  /** Shown beside the value: "%", "{currency}", "{currency} /{productUnit}", "t", "years". Default: the catalogue's unit. */
  unit?: string;
  emptyMeans?: EmptyMeans;
  placeholder?: string;
  hint?: string;
  disabled?: boolean;
}

export function NumberField({ path, label: givenLabel, format: givenFormat, unit, emptyMeans = 'keep', placeholder, hint, disabled }: NumberFieldProps) {
  const id = useFieldId(path);
  const field = fieldAt(path)?.field;
  const label = useFieldLabel(path, givenLabel);
  const format = givenFormat ?? (field ? formatOfKind(field.kind) : 'number');
  const unitTemplate = unit ?? (field?.unit || undefined) ?? (format === 'percent' ? '%' : format === 'money' ? '{currency}' : undefined);
  const value = useStoredValue(path, format, emptyMeans, unitTemplate);
  const validation = useProblemsAt(path);
  const problems = value.problem ? [value.problem] : validation;
  const unitText = useUnit(unitTemplate);
  const [prefix, suffix] = splitUnit(unitText, format);
  const placeholder_ = useWorkspace((state) => selectIsPlaceholder(state, path));
  const solve = useSolveForTarget(path);
  const describedBy = [problems.length > 0 ? `${id}-problem` : '', hint ? `${id}-hint` : '', placeholder_ ? `${id}-placeholder` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${problems.length > 0 ? ' field-invalid' : ''}${placeholder_ ? ' field-placeholder' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <span className="field-input">
        {prefix && <span className="adornment" aria-hidden="true">{prefix}</span>}
        <input
          id={id}
          data-path={path}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={value.text}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={describedBy}
          onFocus={value.focus}
          onBlur={value.blur}
          onChange={(event) => value.change(event.target.value)}
          onKeyDown={solve?.onKeyDown}
          aria-keyshortcuts={solve ? 'Control+Shift+G' : undefined}
        />
        {suffix && <span className="adornment" aria-hidden="true">{suffix}</span>}
        <SolveButton label={label} solve={solve} />
      </span>
      {hint && <span className="field-hint" id={`${id}-hint`}>{hint}</span>}
      {placeholder_ && <span className="placeholder-hint" id={`${id}-placeholder`}>Placeholder from the template: replace it with your figure</span>}
      <FieldProblems id={`${id}-problem`} problems={problems} />
    </div>
  );
}

/** Money units put the currency in front ("US$ 1,100 /t"); everything else goes after. */
function splitUnit(unit: string, format: ValueFormat): [string, string] {
  if (format !== 'money' || !unit) return ['', unit];
  const [currency = '', ...rest] = unit.split(' ');
  return [currency, rest.join(' ')];
}

export interface TextFieldProps {
  path: string;
  /** Default: the catalogue's label. */
  label?: string;
  emptyMeans?: EmptyMeans;
  multiline?: boolean;
  placeholder?: string;
  /** Replaces the default store write (e.g. renaming a partner also renames its references). */
  onText?: (text: string) => void;
}

export function TextField({ path, label: givenLabel, emptyMeans = 'keep', multiline, placeholder, onText }: TextFieldProps) {
  const editor = useEditor();
  const label = useFieldLabel(path, givenLabel);
  const id = useFieldId(path);
  const keys = parsePath(path);
  const stored = useWorkspace((state) => getIn(state.project, keys));
  const problems = useProblemsAt(path);
  const text = stored === null || stored === undefined ? '' : String(stored);
  const change = (next: string) => {
    if (onText) onText(next);
    else editor.setValue(path, next === '' && emptyMeans !== 'keep' ? (emptyMeans === 'null' ? null : undefined) : next, { coalesceKey: `text:${path}` });
  };
  const common = {
    id,
    'data-path': path,
    value: text,
    placeholder,
    'aria-invalid': problems.length > 0 || undefined,
    'aria-describedby': problems.length > 0 ? `${id}-problem` : undefined,
    onBlur: () => editor.endEdit(),
  };
  return (
    <div className={`field${multiline ? ' field-wide' : ''}${problems.length > 0 ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => change(event.target.value)} />
      ) : (
        <input {...common} type="text" autoComplete="off" spellCheck={false} onChange={(event) => change(event.target.value)} />
      )}
      <FieldProblems id={`${id}-problem`} problems={problems} />
    </div>
  );
}

export interface SelectFieldProps {
  path: string;
  /** Default: the catalogue's label. */
  label?: string;
  options: readonly { value: string; label: string }[];
  onValue?: (value: string) => void;
  /** Maps the stored value to an option value (e.g. booleans to "step"/"linear"). */
  read?: (stored: unknown) => string;
}

export function SelectField({ path, label: givenLabel, options, onValue, read }: SelectFieldProps) {
  const editor = useEditor();
  const label = useFieldLabel(path, givenLabel);
  const id = useFieldId(path);
  const keys = parsePath(path);
  const stored = useWorkspace((state) => getIn(state.project, keys));
  const problems = useProblemsAt(path);
  const value = read ? read(stored) : String(stored ?? '');
  const known = options.some((option) => option.value === value);
  return (
    <div className={`field${problems.length > 0 ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-path={path}
        value={value}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={problems.length > 0 ? `${id}-problem` : undefined}
        onChange={(event) => (onValue ? onValue(event.target.value) : editor.setValue(path, event.target.value))}
      >
        {!known && <option value={value}>{value || '(none)'}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldProblems id={`${id}-problem`} problems={problems} />
    </div>
  );
}

export interface ChoiceFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  /** An empty first choice, such as "Choose…". */
  prompt?: string;
  className?: string;
  /** Controls shown after the list (for example buttons acting on the choice). */
  children?: ReactNode;
}

/** A labelled list for a choice of the view (not a project field: see SelectField). */
export function ChoiceField({ id, label, value, options, onChange, prompt, className = 'field', children }: ChoiceFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {prompt !== undefined && <option value="">{prompt}</option>}
        {options.map((option, index) => (
          <option key={`${option.value}-${index}`} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {children}
    </div>
  );
}

/** Structures, scenarios and the like as choices: their name, or their id when unnamed. */
export const namedChoices = (items: readonly { id: string; name?: string | null }[]) =>
  items.map((item) => ({ value: item.id, label: item.name || item.id }));

/** A flag, or (with `onChecked`) the switch of an optional group; its label defaults to the catalogue's. */
export function CheckboxField({ path, label: givenLabel, onChecked, disabled }: { path: string; label?: string; onChecked?: (checked: boolean) => void; disabled?: boolean }) {
  const editor = useEditor();
  const label = useFieldLabel(path, givenLabel, true);
  const id = useFieldId(path);
  const keys = parsePath(path);
  const stored = useWorkspace((state) => getIn(state.project, keys));
  const problems = useProblemsAt(path);
  const checked = onChecked ? Boolean(stored) : stored === true;
  return (
    <div className={`field field-check${problems.length > 0 ? ' field-invalid' : ''}`}>
      <input
        id={id}
        data-path={path}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-invalid={problems.length > 0 || undefined}
        onChange={(event) => (onChecked ? onChecked(event.target.checked) : editor.setValue(path, event.target.checked))}
      />
      <label htmlFor={id}>{label}</label>
      <FieldProblems id={`${id}-problem`} problems={problems} />
    </div>
  );
}

export function Fieldset({ legend, children, actions }: { legend: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      {actions && <div className="group-actions">{actions}</div>}
      <div className="group-fields">{children}</div>
    </fieldset>
  );
}

/** Problems about a whole list (e.g. equities that do not sum to 1), shown above the list. */
export function ListProblems({ path }: { path: string }) {
  const problems = useProblemsAt(path);
  if (problems.length === 0) return null;
  return (
    <div className="list-problem" role="alert" data-path={path} tabIndex={-1}>
      {problems.join(' ')}
    </div>
  );
}
