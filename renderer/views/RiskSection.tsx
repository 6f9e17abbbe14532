import type { Distribution, RiskBlock, RiskCorrelation, RiskTarget, RiskVariable } from '../../shared/engine/interchange.ts';
import { DEFAULT_RISK } from '../../shared/risk/block.ts';
import { compileDistribution } from '../../shared/risk/distributions.ts';
import { useEditor, useResults, useWorkspace } from '../app/context.tsx';
import { CheckboxField, Fieldset, ListProblems, NumberField, SelectField, TextField } from '../components/controls.tsx';
import { useProblemsAt } from '../components/useStoredValue.ts';
import { Histogram, type Measure } from '../components/charts/index.ts';
import { RiskResults } from './RiskResults.tsx';

const TARGETS: { value: RiskTarget; label: string }[] = [
  { value: 'priceLevel', label: 'Price level (× the price deck)' },
  { value: 'capexFactor', label: 'Capex (× plan)' },
  { value: 'opexFactor', label: 'Operating costs (× plan)' },
  { value: 'gradeFactor', label: 'Grade (× plan)' },
  { value: 'delayYears', label: 'Delay (years)' },
];

const TYPES: { value: Distribution['type']; label: string }[] = [
  { value: 'fixed', label: 'Fixed' },
  { value: 'uniform', label: 'Uniform' },
  { value: 'triangular', label: 'Triangular' },
  { value: 'pert', label: 'PERT' },
  { value: 'normal', label: 'Normal' },
  { value: 'lognormal', label: 'Lognormal' },
  { value: 'discrete', label: 'Discrete' },
];

/** A fresh distribution of `type`, centred on the neutral value 1 (0 years for a delay). */
function startingDistribution(type: Distribution['type'], target: RiskTarget): Distribution {
  if (target === 'delayYears') return type === 'fixed' ? { type: 'fixed', value: 0 } : { type: 'discrete', values: [0, 1, 2], probabilities: [0.6, 0.3, 0.1] };
  switch (type) {
    case 'fixed': return { type, value: 1 };
    case 'uniform': return { type, min: 0.9, max: 1.1 };
    case 'triangular': return { type, min: 0.9, mode: 1, max: 1.2 };
    case 'pert': return { type, min: 0.95, mode: 1.05, max: 1.5 };
    case 'normal': return { type, mean: 1, sd: 0.05, min: 0 };
    case 'lognormal': return { type, p10: 0.75, p90: 1.3 };
    case 'discrete': return { type, values: [0.9, 1, 1.1], probabilities: [0.25, 0.5, 0.25] };
  }
}

const PARAMETERS: Record<string, { key: string; label: string }[]> = {
  fixed: [{ key: 'value', label: 'Value' }],
  uniform: [{ key: 'min', label: 'Minimum' }, { key: 'max', label: 'Maximum' }],
  triangular: [{ key: 'min', label: 'Minimum' }, { key: 'mode', label: 'Most likely' }, { key: 'max', label: 'Maximum' }],
  pert: [{ key: 'min', label: 'Minimum' }, { key: 'mode', label: 'Most likely' }, { key: 'max', label: 'Maximum' }],
  normal: [{ key: 'mean', label: 'Mean' }, { key: 'sd', label: 'Standard deviation' }, { key: 'min', label: 'Lowest (truncation)' }, { key: 'max', label: 'Highest (truncation)' }],
  lognormalPercentiles: [{ key: 'p10', label: 'P10 (1 in 10 below)' }, { key: 'p90', label: 'P90 (1 in 10 above)' }],
  lognormalMoments: [{ key: 'mean', label: 'Mean' }, { key: 'sd', label: 'Standard deviation' }],
};

export function RiskSection() {
  const editor = useEditor();
  const risk = useWorkspace((state) => state.project?.risk ?? null);
  return (
    <section aria-labelledby="risk-heading" className="section">
      <h2 id="risk-heading">Risk</h2>
      <p className="muted">
        A Monte Carlo simulation of the selected structure and scenario: every iteration draws the uncertain inputs together and runs the
        whole deal (risk-model §R). The draws depend only on the seed, so structures are compared under the same draws.
      </p>
      {risk === null ? (
        <div className="field-group">
          <p>This project has no risk block: a simulation uses the methodology’s defaults (price, capex, opex and grade uncertain, a yearly price path).</p>
          <button type="button" onClick={() => editor.setValue('risk', structuredClone(DEFAULT_RISK))}>Define the risk (start from the defaults)</button>
        </div>
      ) : (
        <RiskEditor risk={risk} />
      )}
      <RiskResults />
    </section>
  );
}

function RiskEditor({ risk }: { risk: RiskBlock }) {
  const editor = useEditor();
  const variables = risk.variables ?? [];
  return (
    <>
      <Fieldset legend="Simulation" actions={<button type="button" onClick={() => editor.setValue('risk', null)}>Use the defaults instead</button>}>
        <NumberField path="risk.iterations" label="Iterations" format="integer" placeholder="10,000" emptyMeans="delete" />
        <NumberField path="risk.seed" label="Seed of the random draws" format="integer" placeholder="1" emptyMeans="delete" />
      </Fieldset>
      <Fieldset
        legend="Uncertain inputs"
        actions={
          <button
            type="button"
            disabled={variables.length >= TARGETS.length}
            onClick={() => {
              const used = new Set(variables.map((v) => v.target));
              const target = TARGETS.find((t) => !used.has(t.value))!.value;
              const ids = new Set(variables.map((v) => v.id));
              let id = target.replace(/Factor|Level|Years/, '');
              for (let n = 2; ids.has(id); n++) id = `${target.replace(/Factor|Level|Years/, '')}${n}`;
              editor.setValue(`risk.variables`, [...variables, { id, target, distribution: startingDistribution(target === 'delayYears' ? 'discrete' : 'triangular', target) }]);
            }}
          >
            Add an input
          </button>
        }
      >
        <ListProblems path="risk.variables" />
        {variables.length === 0 && <p className="muted">No uncertain inputs: only the price path and disruptions (if any) vary.</p>}
        {variables.map((variable, index) => (
          <VariableEditor key={index} index={index} variable={variable} onRemove={() => editor.setValue('risk.variables', variables.filter((_, at) => at !== index))} />
        ))}
      </Fieldset>
      <CorrelationMatrix risk={risk} />
      <Fieldset legend="Price path and disruptions">
        <CheckboxField
          path="risk.pricePath"
          label="Prices also move year by year around the drawn level"
          onChecked={(checked) => editor.setValue('risk.pricePath', checked ? { volatility: 0.15, persistence: 0.6 } : null)}
        />
        {risk.pricePath && (
          <>
            <NumberField path="risk.pricePath.volatility" label="Yearly volatility (σ)" format="percent" />
            <NumberField path="risk.pricePath.persistence" label="Persistence (φ, share of last year’s deviation kept)" format="number" />
          </>
        )}
        <CheckboxField
          path="risk.disruption"
          label="Disruptions (a stop of mining for some years)"
          onChecked={(checked) => editor.setValue('risk.disruption', checked ? { annualProbability: 0.05, years: 1 } : null)}
        />
        {risk.disruption && (
          <>
            <NumberField path="risk.disruption.annualProbability" label="Chance of a disruption starting in a year" format="percent" />
            <NumberField path="risk.disruption.years" label="Years a disruption lasts" format="integer" unit="years" />
          </>
        )}
      </Fieldset>
    </>
  );
}

function VariableEditor({ index, variable, onRemove }: { index: number; variable: RiskVariable; onRemove: () => void }) {
  const editor = useEditor();
  const path = `risk.variables[${index}]`;
  const d = variable.distribution;
  const parameters = d.type === 'lognormal' ? ('p10' in d ? PARAMETERS.lognormalPercentiles! : PARAMETERS.lognormalMoments!) : PARAMETERS[d.type] ?? [];
  return (
    <div className="risk-variable" role="group" aria-label={`Uncertain input ${variable.id}`}>
      <div className="risk-variable-fields">
        <TextField path={`${path}.id`} label="Name (id)" />
        <SelectField
          path={`${path}.target`}
          label="Moves"
          options={TARGETS}
          onValue={(target) => editor.setValue(path, { ...variable, target, distribution: startingDistribution(variable.distribution.type, target as RiskTarget) })}
        />
        <SelectField
          path={`${path}.distribution.type`}
          label="Distribution"
          options={TYPES}
          onValue={(type) => editor.setValue(`${path}.distribution`, startingDistribution(type as Distribution['type'], variable.target))}
        />
        {d.type === 'lognormal' && (
          <SelectField
            path={`${path}.distribution`}
            label="Given by"
            options={[{ value: 'percentiles', label: 'P10 and P90' }, { value: 'moments', label: 'Mean and standard deviation' }]}
            read={() => ('p10' in d ? 'percentiles' : 'moments')}
            onValue={(form) => editor.setValue(`${path}.distribution`, form === 'percentiles' ? { type: 'lognormal', p10: 0.75, p90: 1.3 } : { type: 'lognormal', mean: 1, sd: 0.2 })}
          />
        )}
        {parameters.map((p) => (
          <NumberField key={p.key} path={`${path}.distribution.${p.key}`} label={p.label} format="number" emptyMeans={p.key === 'min' || p.key === 'max' ? (d.type === 'normal' ? 'delete' : 'keep') : 'keep'} />
        ))}
        {d.type === 'discrete' && <DiscreteEditor path={`${path}.distribution`} values={d.values.map(String)} probabilities={d.probabilities.map(String)} />}
        <ListProblems path={`${path}.distribution`} />
        <button type="button" onClick={onRemove} aria-label={`Remove the uncertain input ${variable.id}`}>Remove</button>
      </div>
      <DensityPreview variable={variable} index={index} />
    </div>
  );
}

function DiscreteEditor({ path, values, probabilities }: { path: string; values: string[]; probabilities: string[] }) {
  const editor = useEditor();
  const set = (nextValues: string[], nextProbabilities: string[]) => editor.setValue(path, { type: 'discrete', values: nextValues, probabilities: nextProbabilities });
  return (
    <div className="risk-discrete" role="group" aria-label="Values and their probabilities">
      {values.map((_, i) => (
        <div key={i} className="risk-discrete-entry">
          <NumberField path={`${path}.values[${i}]`} label={`Value ${i + 1}`} format="number" />
          <NumberField path={`${path}.probabilities[${i}]`} label={`Probability of value ${i + 1}`} format="percent" />
          <button type="button" disabled={values.length <= 1} onClick={() => set(values.filter((__, at) => at !== i), probabilities.filter((__, at) => at !== i))}>Remove value {i + 1}</button>
        </div>
      ))}
      <button type="button" onClick={() => set([...values, values.at(-1) ?? '0'], [...probabilities, '0'])}>Add a value</button>
      <ListProblems path={`${path}.values`} />
      <ListProblems path={`${path}.probabilities`} />
    </div>
  );
}

/** The distribution's shape: 400 evenly spaced quantiles binned, so it is exactly F⁻¹ on screen. */
function DensityPreview({ variable, index }: { variable: RiskVariable; index: number }) {
  const locale = useWorkspace((state) => state.locale);
  const problems = useResults((state) => state.problems.some((p) => p.path.startsWith(`risk.variables[${index}].`)));
  let values: number[] = [];
  try {
    const compiled = compileDistribution(variable.distribution);
    values = Array.from({ length: 400 }, (_, i) => compiled.quantile((i + 0.5) / 400)).filter(Number.isFinite);
  } catch {
    values = [];
  }
  if (values.length === 0 || problems) return <p className="muted risk-preview">No preview until the distribution is complete.</p>;
  const measure: Measure = variable.target === 'delayYears' ? { kind: 'number', locale, unit: 'years', digits: 0 } : { kind: 'number', locale, digits: 2 };
  return (
    <div className="risk-preview">
      <Histogram title={`Shape of ${variable.id}`} description={`How likely each value of ${variable.id} is: 400 evenly spaced quantiles of its distribution.`} values={values} measure={measure} bins={16} height={110} />
    </div>
  );
}

function CorrelationMatrix({ risk }: { risk: RiskBlock }) {
  const editor = useEditor();
  const drawn = (risk.variables ?? []).filter((v) => v.distribution.type !== 'fixed');
  const correlations = risk.correlations ?? [];
  const indexOf = (a: string, b: string) => correlations.findIndex((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a));
  const setRho = (a: string, b: string, text: string) => {
    const at = indexOf(a, b);
    const rest = correlations.filter((_, i) => i !== at);
    const next: RiskCorrelation[] = text.trim() === '' || text.trim() === '0' ? rest : at >= 0
      ? correlations.map((c, i) => (i === at ? { ...c, rho: text.trim() } : c))
      : [...correlations, { a, b, rho: text.trim() }];
    editor.setValue('risk.correlations', next, { coalesceKey: `text:risk.correlations:${a}:${b}` });
  };
  return (
    <Fieldset legend="Correlations">
      <p className="muted">Correlation of the inputs’ normal scores (a Gaussian copula), from −1 to 1; empty means 0.</p>
      <ListProblems path="risk.correlations" />
      {drawn.length < 2 ? (
        <p className="muted">Two uncertain (not fixed) inputs are needed for a correlation.</p>
      ) : (
        <table className="data-table risk-correlations" aria-label="Correlation matrix">
          <thead>
            <tr><th scope="col">input</th>{drawn.map((v) => <th key={v.id} scope="col">{v.id}</th>)}</tr>
          </thead>
          <tbody>
            {drawn.map((row, r) => (
              <tr key={row.id}>
                <th scope="row">{row.id}</th>
                {drawn.map((column, c) => {
                  if (c === r) return <td key={column.id}>1</td>;
                  const at = indexOf(row.id, column.id);
                  const path = at >= 0 ? `risk.correlations[${at}].rho` : `risk.correlations.${row.id}.${column.id}`;
                  return <td key={column.id}>{c > r ? <CorrelationCell path={path} label={`Correlation of ${row.id} and ${column.id}`} value={at >= 0 ? String(correlations[at]!.rho) : ''} onText={(text) => setRho(row.id, column.id, text)} /> : <span className="muted">{at >= 0 ? String(correlations[at]!.rho) : '0'}</span>}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Fieldset>
  );
}

function CorrelationCell({ path, label, value, onText }: { path: string; label: string; value: string; onText: (text: string) => void }) {
  const problems = useProblemsAt(path);
  return (
    <span className={problems.length > 0 ? 'field-invalid' : undefined}>
      <input type="text" inputMode="decimal" aria-label={label} data-path={path} defaultValue={value} size={5} onChange={(event) => onText(event.target.value)} aria-invalid={problems.length > 0 || undefined} />
      {problems.length > 0 && <span className="field-problem" role="alert">{problems.join(' ')}</span>}
    </span>
  );
}
