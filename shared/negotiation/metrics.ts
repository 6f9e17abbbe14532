// The metrics a negotiator may solve for (issue 12), read two ways from one evaluation of a
// project: in float from one run of the schedule (the scan), and in decimal from evaluateProject
// itself (the confirmation and every reported number), so a solved value gives exactly what
// `orebridge evaluate` prints.
import { Dec, floatArithmetic as ar, type Dec as Decimal } from '../engine/arithmetic.ts';
import { discountFactors, presentValue, total } from '../engine/discounting.ts';
import { evaluateProject, type CaseSelection } from '../engine/evaluate.ts';
import type { Evaluation, Project, Structure } from '../engine/interchange.ts';
import { irrRootsOfFloats } from '../engine/irr.ts';
import { ratio } from '../engine/metrics.ts';
import { toDealTerms, toOverrides, toVentureInputs, type VentureInputs } from '../engine/model.ts';
import { runParties, runVenture, type CaseRun } from '../engine/run.ts';
import { applyOverrides } from '../engine/transforms.ts';

export const VENTURE_METRICS = ['venture.npv', 'venture.irr', 'venture.governmentTake', 'venture.aetr', 'venture.preTaxNpv'] as const;
export const PARTY_METRICS = ['pv', 'share', 'npvAtHurdle', 'irr'] as const;
export type MetricName = (typeof VENTURE_METRICS)[number] | (typeof PARTY_METRICS)[number];

export interface MetricChoice {
  metric: MetricName;
  /** The party of a per-party metric; null for a venture metric. */
  party: string | null;
}

const LABELS: Record<MetricName, string> = {
  'venture.npv': 'venture NPV', 'venture.irr': 'venture IRR', 'venture.governmentTake': 'government take',
  'venture.aetr': 'AETR', 'venture.preTaxNpv': 'pre-tax NPV', pv: 'PV', share: 'share of the pre-tax NPV',
  npvAtHurdle: 'NPV at hurdle', irr: 'IRR',
};

/** Whether the metric is a fraction (shown in %) rather than money. */
export function isFractionMetric(metric: MetricName): boolean {
  return ['venture.irr', 'venture.governmentTake', 'venture.aetr', 'share', 'irr'].includes(metric);
}

export function metricLabel(choice: MetricChoice): string {
  return choice.party === null ? LABELS[choice.metric] : `${choice.party}'s ${LABELS[choice.metric]}`;
}

export type MetricCheck = { ok: true; value: MetricChoice } | { ok: false; error: { code: 'unknown-metric' | 'unknown-party'; message: string } };

/** The metric a map or a sweep is coloured by, checked when the request names one; null when it names none. */
export function optionalMetricChoice(
  project: Project, structureId: string, metric: string | undefined, party: string | null | undefined,
): { ok: true; value: MetricChoice | null } | Extract<MetricCheck, { ok: false }> {
  return metric === undefined ? { ok: true, value: null } : metricChoice(project, structureId, metric, party ?? null);
}

/** Checks a metric name and its party against the project's structure. */
export function metricChoice(project: Project, structureId: string, metric: string, party: string | null): MetricCheck {
  const all: string[] = [...VENTURE_METRICS, ...PARTY_METRICS];
  if (!all.includes(metric)) {
    return { ok: false, error: { code: 'unknown-metric', message: `"${metric}" is not a metric; the metrics are: ${VENTURE_METRICS.join(', ')} and, per party (with a party), ${PARTY_METRICS.join(', ')}` } };
  }
  const name = metric as MetricName;
  if ((VENTURE_METRICS as readonly string[]).includes(name)) {
    if (party !== null) return { ok: false, error: { code: 'unknown-party', message: `${metric} is a venture metric: it takes no party` } };
    return { ok: true, value: { metric: name, party: null } };
  }
  const structure = project.structures.find((s) => s.id === structureId);
  const partners = structure?.terms.partners.map((p) => p.id) ?? [];
  const valid = name === 'pv' || name === 'share' ? [...partners, 'government', 'offtakers', 'licensors'] : partners;
  if (party === null || !valid.includes(party)) {
    return { ok: false, error: { code: 'unknown-party', message: `${metric} needs a party: one of ${valid.join(', ')}` } };
  }
  return { ok: true, value: { metric: name, party } };
}

/** The metric from the decimal evaluation (null when it is undefined there, e.g. no single IRR). */
export function metricOfEvaluation(evaluation: Evaluation, choice: MetricChoice): Decimal | null {
  let text: string | null | undefined;
  if (choice.party === null) {
    const key = choice.metric.slice('venture.'.length) as 'npv' | 'irr' | 'governmentTake' | 'aetr' | 'preTaxNpv';
    text = evaluation.venture[key];
  } else {
    const party = evaluation.parties.find((p) => p.id === choice.party);
    text = party?.[choice.metric as 'pv' | 'share' | 'npvAtHurdle' | 'irr'];
  }
  return text === null || text === undefined ? null : new Dec(text);
}

/** Evaluates the project in decimal (no shocks, no breakeven search). */
export function decimalEvaluation(project: Project, selection: CaseSelection): Evaluation | null {
  const outcome = evaluateProject(project, selection, { shocks: false, breakeven: false });
  return outcome.ok ? outcome.evaluation : null;
}

/** The case's assumptions after its scenario's transforms, in float. */
export function floatInputs(project: Project, selection: CaseSelection): VentureInputs<number> {
  const scenario = project.scenarios.find((s) => s.id === selection.scenario) ?? project.scenarios[0]!;
  return applyOverrides(ar, toVentureInputs(ar, project.assumptions), toOverrides(ar, scenario.overrides));
}

/** Every metric of every party from one float run of the schedule: for scans and maps. */
export function floatMetrics(project: Project, selection: CaseSelection): (choice: MetricChoice) => number | null {
  const structure = project.structures.find((s) => s.id === selection.structure) ?? project.structures[0]!;
  return floatMetricsOf(floatInputs(project, selection), structure);
}

/**
 * floatMetrics on inputs already transformed (a scan of a structure's term transforms them once).
 * The partners' part of the run is computed only for a metric that needs it.
 */
export function floatMetricsOf(inputs: VentureInputs<number>, structure: Structure): (choice: MetricChoice) => number | null {
  const deal = toDealTerms(ar, structure.terms);
  const ventureRun = runVenture(ar, inputs, deal);
  let partiesRun: CaseRun<number> | null = null;
  const parties = () => (partiesRun ??= runParties(ar, deal, ventureRun)).parties;
  const v = ventureRun.venture;
  const real = (nominal: readonly number[]) => nominal.map((x, k) => x / v.escalation[k]!);
  const singleIrr = (flows: number[]) => {
    const roots = irrRootsOfFloats(flows);
    return roots.length === 1 ? roots[0]! : null;
  };
  return ({ metric, party }) => {
    switch (metric) {
      case 'venture.npv': return presentValue(ar, v.freeCashFlow, ventureRun.nominalWeights);
      case 'venture.preTaxNpv': return ventureRun.preTaxNpv;
      case 'venture.irr': return singleIrr(real(v.freeCashFlow));
      case 'venture.governmentTake': {
        const government = parties().find((p) => p.id === 'government');
        return ratio(ar, government ? total(ar, real(government.flows)) : 0, total(ar, real(v.preTaxNetCashFlow)));
      }
      case 'venture.aetr': return ratio(ar, parties().find((p) => p.id === 'government')?.pv ?? 0, ventureRun.preTaxNpv);
      default: break;
    }
    const found = parties().find((p) => p.id === party);
    if (!found) return null;
    if (metric === 'pv') return found.pv;
    if (metric === 'share') return ratio(ar, found.pv, ventureRun.preTaxNpv);
    const hurdle = structure.terms.partners.find((p) => p.id === party)?.hurdleRate;
    if (found.kind !== 'partner' || hurdle === undefined) return null;
    const flows = real(found.flows);
    if (metric === 'irr') return singleIrr(flows);
    return presentValue(ar, flows, discountFactors(ar, Number(hurdle), ventureRun.inputs.discounting, ventureRun.inputs.years));
  };
}
