// Progressivity (issue 12): government take or AETR of every compared structure at price factors
// 0.3× to 3× the deck, or against the venture's pre-tax IRR, on one chart (shared/negotiation/
// progressivity.ts), evaluated in the engine worker.
import { useMemo, useState } from 'react';
import type { Structure } from '../../shared/engine/interchange.ts';
import { PRICE_FACTORS, progressivityCases, progressivityPoint, type ProgressivityPoint } from '../../shared/negotiation/index.ts';
import { useWorkspace } from '../app/context.tsx';
import { LineChart, partyColor } from '../components/charts/index.ts';
import { ChoiceField } from '../components/controls.tsx';
import { useEngineJob } from './useEngineJob.ts';

const METRICS = [
  { value: 'governmentTake', label: 'Government take' },
  { value: 'aetr', label: 'AETR (government PV / pre-tax NPV)' },
] as const;
const AXES = [
  { value: 'priceFactor', label: 'Price factor' },
  { value: 'preTaxIrr', label: 'Pre-tax IRR' },
] as const;

export function ProgressivityPanel({ structures, scenario }: { structures: Structure[]; scenario: string }) {
  const project = useWorkspace((state) => state.project);
  const locale = useWorkspace((state) => state.locale);
  const [metric, setMetric] = useState<'governmentTake' | 'aetr'>('governmentTake');
  const [axis, setAxis] = useState<'priceFactor' | 'preTaxIrr'>('priceFactor');
  const cases = useMemo(() => (project ? progressivityCases(project, scenario) : null), [project, scenario]);
  const ids = structures.map((s) => s.id);
  const selections = cases?.ok ? ids.flatMap((structure) => cases.value.scenarios.map((id) => ({ structure, scenario: id }))) : null;
  const job = useEngineJob(cases?.ok ? cases.value.project : null, selections);
  if (!project || !cases?.ok || structures.length === 0) return null;
  const points: ProgressivityPoint[] = job.status === 'done' && selections
    ? selections.flatMap((selection, i) => {
        const result = job.results[i];
        return result?.ok ? [progressivityPoint(selection.structure, PRICE_FACTORS[cases.value.scenarios.indexOf(selection.scenario)]!, result.evaluation)] : [];
      })
    : [];
  const scenarioName = project.scenarios.find((s) => s.id === scenario)?.name || scenario;
  const metricLabel = METRICS.find((m) => m.value === metric)!.label;
  const axisLabel = AXES.find((a) => a.value === axis)!.label;
  const series = structures.map((structure, index) => ({
    id: structure.id,
    name: structure.name || structure.id,
    color: partyColor(index),
    points: points
      .filter((p) => p.structure === structure.id && p[metric] !== null && (axis === 'priceFactor' || p.preTaxIrr !== null))
      .map((p) => ({ x: Number(axis === 'priceFactor' ? p.priceFactor : p.preTaxIrr), y: Number(p[metric]) })),
  }));
  return (
    <div className="panel progressivity">
      <h3>Progressivity ({scenarioName})</h3>
      <div className="compare-choices">
        <ChoiceField id="progressivity-metric" label="Show" value={metric} options={METRICS} onChange={(value) => setMetric(value as typeof metric)} />
        <ChoiceField id="progressivity-axis" label="Against" value={axis} options={AXES} onChange={(value) => setAxis(value as typeof axis)} />
      </div>
      {job.status === 'failed' ? (
        <p className="field-problem">The progressivity could not be computed: {job.message}</p>
      ) : points.length === 0 ? (
        <p className="muted" role="status">Computing the structures at {PRICE_FACTORS.length} price factors…</p>
      ) : (
        <LineChart
          title={`${metricLabel} by ${axis === 'priceFactor' ? 'price factor' : 'pre-tax IRR'}, per structure`}
          description={`${metricLabel} of ${series.map((s) => s.name).join(', ')} at price factors ${PRICE_FACTORS[0]}× to ${PRICE_FACTORS[PRICE_FACTORS.length - 1]}× the deck of ${scenarioName}; a rising line is a progressive regime. Points where the metric is undefined (no pre-tax cash flow) are left out.`}
          series={series}
          xMeasure={axis === 'priceFactor' ? { kind: 'number', locale, unit: '× deck', digits: 2 } : { kind: 'percent', locale }}
          yMeasure={{ kind: 'percent', locale }}
          xLabel={axisLabel}
        />
      )}
    </div>
  );
}
