// Deal space (issue 12): two deal terms swept over a grid in the negotiation worker (progress,
// cancel), the chosen metric as a heat map, the agreement zone, the Nash and Kalai–Smorodinsky
// points with every party's outcome (decimal) and "apply as a new structure"; and the sweep
// along one term.
import { useEffect, useMemo } from 'react';
import type { Project, Structure } from '../../shared/engine/interchange.ts';
import { dealTerms, type DealTerm } from '../../shared/fields/index.ts';
import { isFractionMetric, type BargainingPoint, type DealSpace, type MetricName, type Reservation } from '../../shared/negotiation/index.ts';
import { useEditor, useWorkspace } from '../app/context.tsx';
import { LineChart, partyColor, type Measure } from '../components/charts/index.ts';
import { ChoiceField } from '../components/controls.tsx';
import { useDealSpace } from '../negotiation/context.tsx';
import { DealSpaceChart } from '../negotiation/DealSpaceChart.tsx';
import { defaultAxes, mapStillCurrent } from '../negotiation/dealSpaceStore.ts';
import { absoluteTermPath, isPerParty, METRIC_CHOICES, metricText, partiesFor, partyName, termText } from '../negotiation/text.ts';
import { selectStructure } from '../store/selectors.ts';

function termMeasure(term: DealTerm, locale: string, currency: string): Measure {
  if (term.kind === 'fraction' || term.kind === 'rate') return { kind: 'percent', locale };
  if (term.kind === 'money' || term.kind === 'money-per-unit') return { kind: 'money', locale, currency };
  return { kind: 'number', locale, ...(term.unit ? { unit: term.unit } : {}) };
}

function metricMeasure(metric: MetricName, locale: string, currency: string): Measure {
  return isFractionMetric(metric) ? { kind: 'percent', locale } : { kind: 'money', locale, currency };
}

function metricName(metric: MetricName, party: string, structure: Structure | undefined): string {
  const label = METRIC_CHOICES.find((m) => m.value === metric)?.label ?? metric;
  if (!isPerParty(metric)) return label.replace(/ \(.*\)$/, '');
  const name = partyName(structure, party);
  return { pv: `PV of ${name}`, share: `Share of ${name}`, npvAtHurdle: `NPV at hurdle of ${name}`, irr: `IRR of ${name}` }[metric as 'pv'] ?? label;
}

export function DealSpaceSection() {
  const project = useWorkspace((state) => state.project);
  const structure = useWorkspace((state) => selectStructure(state));
  const scenarioId = useWorkspace((state) => state.scenarioId ?? state.project?.scenarios[0]?.id ?? null);
  const locale = useWorkspace((state) => state.locale);
  const scenarioName = useWorkspace((state) => {
    const scenario = state.project?.scenarios.find((s) => s.id === (state.scenarioId ?? state.project?.scenarios[0]?.id));
    return scenario?.name || scenario?.id || '';
  });
  const editor = useEditor();
  const space = useDealSpace((state) => state);
  const terms = useMemo(() => {
    if (!project || !structure) return [];
    const listed = dealTerms(project, structure.id);
    return listed.ok ? listed.value.filter((t) => !t.path.startsWith('assumptions.')) : [];
  }, [project, structure]);
  const { choose } = space;
  const known = (path: string) => terms.some((t) => t.path === path);
  useEffect(() => {
    if (terms.length === 0) return;
    if (!known(space.xTerm) || !known(space.yTerm)) choose(defaultAxes(terms, structure ?? undefined));
    // Only when the terms on offer change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [terms]);
  if (!project || !structure) return null;
  const currency = project.assumptions.currency ?? '';
  const options = terms.map((t) => ({ value: t.path, label: t.label }));
  const otherPartners = (path: string) => structure.terms.partners.filter((_, i) => `terms.partners[${i}].equity` !== path).map((p) => ({ value: p.id, label: p.name || p.id }));
  const isEquity = (path: string) => /^terms\.partners\[\d+\]\.equity$/.test(path);
  const running = space.status === 'running';
  const result = space.status === 'done' || space.result ? space.result : null;
  const stale = result !== null && space.mappedFor !== null && !mapStillCurrent(space.mappedFor, project);
  return (
    <section aria-labelledby="deal-space-heading" className="section deal-space">
      <h2 id="deal-space-heading">Deal space</h2>
      <p className="muted section-subtitle">{structure.name || structure.id} · {scenarioName} · what every combination of two terms gives each party, where every party would sign, and the fair points in that zone</p>
      <form className="deal-space-choice" onSubmit={(event) => { event.preventDefault(); void space.map(project, structure.id, scenarioId, locale); }}>
        <div className="deal-space-axes">
          <ChoiceField id="deal-x" label="Across (first term)" value={space.xTerm} options={options} onChange={(xTerm) => choose({ xTerm, xBalance: '', xMinText: '', xMaxText: '' })} />
          <RangeInputs axis="x" label="Across" min={space.xMinText} max={space.xMaxText} onMin={(xMinText) => choose({ xMinText })} onMax={(xMaxText) => choose({ xMaxText })} />
          {isEquity(space.xTerm) && (
            <ChoiceField id="deal-x-balance" label="Balanced by" value={space.xBalance} prompt="The largest other partner" options={otherPartners(space.xTerm)} onChange={(xBalance) => choose({ xBalance })} />
          )}
        </div>
        <div className="deal-space-axes">
          <ChoiceField id="deal-y" label="Up (second term)" value={space.yTerm} options={options} onChange={(yTerm) => choose({ yTerm, yBalance: '', yMinText: '', yMaxText: '' })} />
          <RangeInputs axis="y" label="Up" min={space.yMinText} max={space.yMaxText} onMin={(yMinText) => choose({ yMinText })} onMax={(yMaxText) => choose({ yMaxText })} />
          {isEquity(space.yTerm) && (
            <ChoiceField id="deal-y-balance" label="Balanced by" value={space.yBalance} prompt="The largest other partner" options={otherPartners(space.yTerm)} onChange={(yBalance) => choose({ yBalance })} />
          )}
        </div>
        <div className="deal-space-axes">
          <ChoiceField id="deal-metric" label="Colour shows" value={space.metric} options={METRIC_CHOICES}
            onChange={(metric) => choose({ metric: metric as MetricName, ...(isPerParty(metric) && !space.party ? { party: partiesFor(structure, metric)[0]?.value ?? '' } : {}) })} />
          {isPerParty(space.metric) && (
            <ChoiceField id="deal-party" label="Party" value={space.party} prompt="Choose a party…" options={partiesFor(structure, space.metric)} onChange={(party) => choose({ party })} />
          )}
          <div className="field">
            <label htmlFor="deal-target">Contour line at (optional)</label>
            <input id="deal-target" type="text" autoComplete="off" spellCheck={false} placeholder={isFractionMetric(space.metric) ? '55 %' : '60 m'} value={space.targetText} onChange={(event) => choose({ targetText: event.target.value })} />
          </div>
          <div className="field deal-steps">
            <label htmlFor="deal-steps">Grid steps per term</label>
            <input id="deal-steps" type="text" inputMode="numeric" autoComplete="off" value={space.stepsText} onChange={(event) => choose({ stepsText: event.target.value })} />
          </div>
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={running}>Map the deal space</button>
          {running && <button type="button" onClick={() => space.cancel()}>Cancel</button>}
        </div>
        {running && (
          <div className="risk-progress" aria-live="polite">
            <label htmlFor="deal-progress">Mapping: {space.progress.done} of {space.progress.total} rows</label>
            <progress id="deal-progress" max={space.progress.total || 1} value={space.progress.done} />
          </div>
        )}
        {space.status === 'cancelled' && <p role="status">Mapping cancelled.</p>}
        {space.problem && <p className="solve-problem" role="alert">{space.problem}</p>}
      </form>
      {result && (
        <MapResult space={result} project={project} structure={space.mappedFor?.project.structures.find((s) => s.id === space.mappedFor?.structureId) ?? structure}
          locale={locale} currency={currency} target={space.target} stale={stale}
          onApply={(point, name) => {
            const id = space.applyAsStructure(point, name, project, editor);
            if (id) editor.notify({ kind: 'info', message: `Added the structure “${project.structures.find((s) => s.id === space.mappedFor?.structureId)?.name ?? ''} (${name} point)” and selected it: undo removes it.` });
          }} />
      )}
      <LineSweepPanel project={project} structure={structure} scenarioId={scenarioId} locale={locale} currency={currency} />
    </section>
  );
}

function RangeInputs({ axis, label, min, max, onMin, onMax }: { axis: string; label: string; min: string; max: string; onMin: (text: string) => void; onMax: (text: string) => void }) {
  return (
    <div className="deal-range">
      <div className="field">
        <label htmlFor={`deal-${axis}-min`}>{label} from</label>
        <input id={`deal-${axis}-min`} type="text" autoComplete="off" spellCheck={false} placeholder="valid minimum" value={min} onChange={(event) => onMin(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`deal-${axis}-max`}>{label} to</label>
        <input id={`deal-${axis}-max`} type="text" autoComplete="off" spellCheck={false} placeholder="valid maximum" value={max} onChange={(event) => onMax(event.target.value)} />
      </div>
    </div>
  );
}

function MapResult({ space, project, structure, locale, currency, target, stale, onApply }: {
  space: DealSpace; project: Project; structure: Structure; locale: string; currency: string; target: string | null; stale: boolean;
  onApply: (point: BargainingPoint, name: string) => void;
}) {
  const choice = space.choice;
  const metric = choice?.metric ?? 'venture.governmentTake';
  const valueLabel = metricName(metric, choice?.party ?? '', structure);
  const contours = useMemo(() => {
    const levels: { value: number; label: string }[] = [];
    if (target !== null) levels.push({ value: Number(target), label: `${valueLabel} = ${metricText(metric, target, locale, currency)}` });
    const reserved = reservationLevel(space, metric, choice?.party ?? null);
    if (reserved !== null) levels.push({ value: Number(reserved), label: `reservation ${metricText(metric, reserved, locale, currency)}` });
    return levels;
  }, [target, valueLabel, metric, locale, currency, choice, space.reservations]);
  const xMeasure = termMeasure(space.x, locale, currency);
  const yMeasure = termMeasure(space.y, locale, currency);
  const points = [
    { name: 'Nash', title: 'Nash bargaining point', point: space.nash },
    { name: 'Kalai–Smorodinsky', title: 'Kalai–Smorodinsky point', point: space.kalaiSmorodinsky },
  ].filter((p): p is { name: string; title: string; point: BargainingPoint } => p.point !== null);
  const absolute = (term: DealTerm) => absoluteTermPath(project, structure.id, term.path);
  const recorded = (project.negotiation?.reservations ?? []).length > 0;
  return (
    <div className="deal-space-result" aria-busy={stale}>
      {stale && <p className="muted" role="status">The structure or the venture changed since this map was drawn: map it again.</p>}
      <p role="status" className="deal-zone-summary">
        {space.zoneCount > 0
          ? <><strong>Agreement zone: {space.zoneCount.toLocaleString(locale)} of {space.points.length.toLocaleString(locale)} points</strong> meet every party’s reservation.</>
          : <><strong>No agreement zone.</strong> {space.emptyZone ? `${space.emptyZone.charAt(0).toUpperCase()}${space.emptyZone.slice(1)}.` : ''}</>}
      </p>
      <p className="muted small">
        Reservations: {space.reservations.map((r) => `${partyName(structure, r.party)} ${reservationWords(r, locale, currency)}`).join('; ')}
        {recorded ? ' (recorded beside the partners).' : ' (no reservation is recorded in the project, so each party needs only a PV of at least zero; record them beside the partners).'}
      </p>
      <DealSpaceChart space={space} xMeasure={xMeasure} yMeasure={yMeasure} valueMeasure={metricMeasure(metric, locale, currency)} valueLabel={valueLabel} contours={contours} />
      {points.length > 0 && (
        <div className="table-scroll">
          <table className="data-table bargaining-points">
            <caption>Bargaining points in the zone, confirmed in decimal</caption>
            <thead>
              <tr>
                <td />
                {points.map(({ name, title }) => <th scope="col" key={name}>{title}</th>)}
              </tr>
            </thead>
            <tbody>
              {[space.x, space.y].map((term, index) => (
                <tr key={term.path}>
                  <th scope="row">{term.label}</th>
                  {points.map(({ name, point }) => <td key={name}>{termText(absolute(term), index === 0 ? point.x : point.y, project, locale)}</td>)}
                </tr>
              ))}
              {space.reservations.map((r) => (
                <tr key={r.party}>
                  <th scope="row">PV of {partyName(structure, r.party)}</th>
                  {points.map(({ name, point }) => <td key={name}>{metricText('pv', point.pv[r.party] ?? null, locale, currency)}</td>)}
                </tr>
              ))}
              <tr>
                <td />
                {points.map(({ name, point }) => (
                  <td key={name}>
                    <button type="button" disabled={stale} onClick={() => onApply(point, name)} aria-label={`Apply the ${name} point as a new structure`}>Apply as a new structure</button>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The reservation on the metric the map shows, where one is recorded: its contour is drawn. */
function reservationLevel(space: DealSpace, metric: MetricName, party: string | null): string | null {
  if (metric === 'venture.governmentTake') return space.reservations.find((r) => r.party === 'government')?.minGovernmentTake ?? null;
  const reservation = space.reservations.find((r) => r.party === party);
  if (!reservation) return null;
  if (metric === 'pv') return reservation.minPv;
  if (metric === 'irr') return reservation.minIrr ?? null;
  if (metric === 'npvAtHurdle') return reservation.minNpvAtHurdle ?? null;
  return null;
}

function reservationWords(r: Reservation, locale: string, currency: string): string {
  return [
    `a PV of at least ${metricText('pv', r.minPv, locale, currency)}`,
    ...(r.minIrr === undefined ? [] : [`an IRR of at least ${metricText('irr', r.minIrr, locale, currency)}`]),
    ...(r.minNpvAtHurdle === undefined ? [] : [`an NPV at hurdle of at least ${metricText('npvAtHurdle', r.minNpvAtHurdle, locale, currency)}`]),
    ...(r.minGovernmentTake === undefined ? [] : [`a government take of at least ${metricText('venture.governmentTake', r.minGovernmentTake, locale, currency)}`]),
    ...(r.weight === undefined || r.weight === '1' ? [] : [`Nash weight ${r.weight}`]),
  ].join(', ');
}

function LineSweepPanel({ project, structure, scenarioId, locale, currency }: { project: Project; structure: Structure; scenarioId: string | null; locale: string; currency: string }) {
  const space = useDealSpace((state) => state);
  const sweep = space.sweep;
  const result = sweep.result;
  const series = useMemo(() => {
    if (!result) return [];
    return result.parties.map((id, index) => ({
      id, name: partyName(structure, id), color: partyColor(index),
      points: result.xs.flatMap((x, i) => { const y = result.pv[id]![i]; return y === null || y === undefined || !Number.isFinite(y) ? [] : [{ x, y }]; }),
    }));
  }, [result, structure]);
  const metricSeries = useMemo(() => {
    if (!result?.choice || result.choice.metric === 'pv') return [];
    const name = metricName(result.choice.metric, result.choice.party ?? '', structure);
    return [{ id: 'metric', name, color: partyColor(0), points: result.xs.flatMap((x, i) => { const y = result.metric[i]; return y === null || y === undefined || !Number.isFinite(y) ? [] : [{ x, y }]; }) }];
  }, [result, structure]);
  return (
    <section aria-labelledby="sweep-heading" className="deal-sweep">
      <h3 id="sweep-heading">Along one term</h3>
      <p className="muted small">Sweeps the first term (across) alone over the same interval, 101 points, every party’s PV{space.metric !== 'pv' ? ' and the metric chosen above' : ''}.</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => void space.sweepAlong(project, structure.id, scenarioId, locale)} disabled={sweep.status === 'running' || !space.xTerm}>Sweep the first term</button>
        {sweep.status === 'running' && <button type="button" onClick={() => space.cancelSweep()}>Cancel</button>}
      </div>
      {sweep.status === 'running' && (
        <div className="risk-progress" aria-live="polite">
          <label htmlFor="sweep-progress">Sweeping: {sweep.progress.done} of {sweep.progress.total || 101} points</label>
          <progress id="sweep-progress" max={sweep.progress.total || 101} value={sweep.progress.done} />
        </div>
      )}
      {sweep.status === 'cancelled' && <p role="status">Sweep cancelled.</p>}
      {sweep.problem && <p className="solve-problem" role="alert">{sweep.problem}</p>}
      {result && (
        <>
          <LineChart title={`Each party's PV along ${result.term.label}`} description={`The PV of every partner and the government as ${result.term.label} moves over its range, all else as in the structure.`}
            series={series} xMeasure={termMeasure(result.term, locale, currency)} yMeasure={{ kind: 'money', locale, currency }} xLabel={result.term.label} />
          {metricSeries.length > 0 && result.choice && (
            <LineChart title={`${metricSeries[0]!.name} along ${result.term.label}`} description={`${metricSeries[0]!.name} as ${result.term.label} moves over its range.`}
              series={metricSeries} xMeasure={termMeasure(result.term, locale, currency)} yMeasure={metricMeasure(result.choice.metric, locale, currency)} xLabel={result.term.label} />
          )}
        </>
      )}
    </section>
  );
}
