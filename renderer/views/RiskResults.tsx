import { useState } from 'react';
import { formatMoney, formatPercent } from '../../shared/reports/format.ts';
import type { PartySimulation } from '../../shared/risk/index.ts';
import { useResults, useWorkspace } from '../app/context.tsx';
import { ChoiceField } from '../components/controls.tsx';
import { CumulativeCurve, FanChart, Histogram, Tornado, partyColor, type Measure } from '../components/charts/index.ts';
import { selectActiveSelection } from '../store/selectors.ts';
import { useActiveResult, useMoneyContext, usePartyNames } from './useResult.ts';
import { useRiskRun } from './useRiskRun.ts';

const percent = (value: string | null | undefined, locale: string) => (value === null || value === undefined ? '—' : formatPercent(value, locale, 1));

/** The simulation of the active structure and scenario: progress, cancel, and what it found. */
export function RiskResults() {
  const project = useWorkspace((state) => state.project);
  const structure = useWorkspace((state) => selectActiveSelection(state)?.structure ?? null);
  const scenario = useWorkspace((state) => selectActiveSelection(state)?.scenario ?? null);
  const valid = useResults((state) => state.problems.length === 0);
  const { state, cancel, rerun } = useRiskRun(project, structure, scenario, valid);
  const running = state.status === 'preview' || state.status === 'running';
  return (
    <section aria-labelledby="risk-results-heading" className="risk-results">
      <h3 id="risk-results-heading">Simulated outcomes{structure !== null && scenario !== null ? ` — ${structure}, ${scenario}` : ''}</h3>
      {!valid && <p className="muted">Fix the problems listed first: the simulation runs on a valid project.</p>}
      <div className="risk-progress" aria-live="polite">
        {running ? (
          <>
            <label htmlFor="risk-progress">{state.status === 'preview' ? 'Quick preview' : 'Simulating'}: {state.done.toLocaleString()} of {state.total.toLocaleString()} iterations</label>
            <progress id="risk-progress" max={state.total || 1} value={state.done} />
            <button type="button" onClick={cancel}>Cancel</button>
          </>
        ) : (
          <>
            <span>{state.status === 'done' ? `${state.total.toLocaleString()} iterations.` : state.status === 'cancelled' ? 'The run was cancelled.' : state.status === 'failed' ? `The simulation failed: ${state.message}` : ''}</span>
            {valid && <button type="button" onClick={rerun}>Run again</button>}
          </>
        )}
      </div>
      {state.summary && <RiskFigures summary={state.summary} preview={state.preview} running={running} />}
    </section>
  );
}

function RiskFigures({ summary, preview, running }: { summary: NonNullable<ReturnType<typeof useRiskRun>['state']['summary']>; preview: boolean; running: boolean }) {
  const { currency, locale } = useMoneyContext();
  const doc = summary.document;
  const nameOf = usePartyNames(doc.structure);
  const money: Measure = { kind: 'money', currency, locale };
  const [chosen, setChosen] = useState<string | null>(null);
  const party = doc.parties.find((p) => p.id === chosen) ?? doc.parties[0]!;
  const partyValues = summary.partyValues.find((p) => p.id === party.id);
  const values = partyValues?.values ?? new Float64Array();
  const atHurdle = partyValues?.atHurdle;
  const deterministic = useActiveResult(true).evaluation;
  const m = (x: string | null | undefined) => (x === null || x === undefined ? '—' : formatMoney(x, { currency, locale, compact: true }));
  return (
    <div className={preview ? 'risk-figures risk-preview-figures' : 'risk-figures'}>
      {preview && <p className="muted">{running ? 'A quick preview of 1,000 iterations; the full run follows.' : 'The figures of the quick preview (1,000 iterations): the full run did not finish.'}</p>}
      <p className="risk-headline">
        Venture NPV: P10 {m(doc.venture.npv.p10)}, P50 {m(doc.venture.npv.p50)}, P90 {m(doc.venture.npv.p90)}; probability it is negative {percent(doc.venture.probabilityNpvNegative, locale)}.
        IRR P10–P90: {percent(doc.venture.irr.p10, locale)} – {percent(doc.venture.irr.p90, locale)}.
      </p>
      <div className="risk-table-scroll">
        <table className="data-table risk-statistics" aria-label="Statistics per party">
          <thead>
            <tr>
              <th scope="col">party</th><th scope="col">mean</th><th scope="col">P10</th><th scope="col">P50</th><th scope="col">P90</th><th scope="col">CVaR 5 %</th>
              <th scope="col">probability of loss</th><th scope="col">probability of missing the hurdle</th>
            </tr>
          </thead>
          <tbody>
            {doc.parties.map((p) => (
              <tr key={p.id} data-party={p.id}>
                <th scope="row">{nameOf(p.id)}</th>
                <td>{m(p.pv.mean)}</td><td>{m(p.pv.p10)}</td><td>{m(p.pv.p50)}</td><td>{m(p.pv.p90)}</td><td>{m(p.pv.cvar5)}</td>
                <td className="risk-loss">{percent(p.probabilityNegative, locale)}</td>
                <td>{p.probabilityBelowHurdle === undefined ? '' : percent(p.probabilityBelowHurdle, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="risk-table-scroll">
        <table className="data-table" aria-label="Risk shares and shock shares">
          <caption className="muted">Each party’s share of the venture’s pre-tax risk over the simulation, next to its share of each one-at-a-time shock (§8).</caption>
          <thead>
            <tr>
              <th scope="col">party</th><th scope="col">risk share</th>
              {(deterministic?.shocks ?? []).map((shock) => <th key={shock.id} scope="col">{shock.name ?? shock.id}</th>)}
            </tr>
          </thead>
          <tbody>
            {doc.parties.map((p) => (
              <tr key={p.id}>
                <th scope="row">{nameOf(p.id)}</th>
                <td>{percent(p.riskShare, locale)}</td>
                {(deterministic?.shocks ?? []).map((shock) => <td key={shock.id}>{percent(shock.parties.find((x) => x.id === p.id)?.bearShare, locale)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChoiceField id="risk-party" label="Party" value={party.id} options={doc.parties.map((p) => ({ value: p.id, label: nameOf(p.id) }))} onChange={setChosen} />
      <div className="chart-grid">
        <Histogram
          title={`${nameOf(party.id)}: PV over ${doc.iterations.toLocaleString()} iterations`}
          description={`How often each range of ${nameOf(party.id)}'s present value occurs; zero marked.`}
          values={Array.from(values)}
          measure={money}
          markers={[{ value: 0, label: 'zero' }]}
        />
        <CumulativeCurve
          title={`${nameOf(party.id)}: probability of a PV at or below each value`}
          description={atHurdle
            ? "The cumulative distribution of the partner's PV at the venture's rate and of its NPV at its own hurdle rate; where the first crosses zero is the probability of a loss, where the second does, the probability of missing the hurdle."
            : "The cumulative distribution of the party's PV; where it crosses zero is the probability of a loss."}
          series={[
            { id: party.id, name: `PV at the venture's rate`, color: partyColor(doc.parties.indexOf(party)), values: Array.from(values) },
            ...(atHurdle ? [{ id: `${party.id}-hurdle`, name: 'NPV at its hurdle rate', color: 'var(--text)', values: Array.from(atHurdle) }] : []),
          ]}
          measure={money}
          markers={[{ value: 0, label: 'zero' }]}
        />
        {party.npvAtHurdle && (
          <p className="muted">At its hurdle rate, {nameOf(party.id)}’s NPV is below zero in {percent(party.probabilityBelowHurdle, locale)} of iterations (P10 {m(party.npvAtHurdle.p10)}, P50 {m(party.npvAtHurdle.p50)}).</p>
        )}
        <SensitivityTornado party={party} name={nameOf(party.id)} />
        <FanChart
          title="Venture free cash flow by year (nominal), P10–P90"
          description="The band holds 80 % of the simulated free cash flows of each year; the line is the median."
          points={summary.fan.map((f) => ({ x: f.year, p10: f.p10, p50: f.p50, p90: f.p90 }))}
          measure={money}
          xLabel="year"
        />
      </div>
    </div>
  );
}

function SensitivityTornado({ party, name }: { party: PartySimulation; name: string }) {
  const locale = useWorkspace((state) => state.locale);
  const bars = Object.entries(party.sensitivity)
    .flatMap(([variable, rho]) => (rho === null ? [] : [{ label: variable, low: Math.min(0, Number(rho)), high: Math.max(0, Number(rho)) }]))
    .sort((a, b) => Math.abs(b.high + b.low) - Math.abs(a.high + a.low));
  if (bars.length === 0) return <p className="muted">No uncertain input varies, so there is no sensitivity to show.</p>;
  return (
    <Tornado
      title={`What moves ${name}'s PV: rank correlation of each input with it`}
      description="Spearman rank correlation of each uncertain input with the party's PV over the iterations, strongest first."
      base={0}
      bars={bars}
      measure={{ kind: 'number', locale, digits: 2 }}
      endNames={{ low: 'Moves it down (negative)', high: 'Moves it up (positive)' }}
      extent={[-1, 1]}
    />
  );
}
