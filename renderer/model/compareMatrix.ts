// The compare matrix as numbers on screen: which metrics, one unit and rounding per metric
// (so a column reads "177.1" under "Venture NPV (US$ m)" instead of mixing m and bn), and
// differences against the reference computed from the rounded values the user reads, so that
// shown value minus shown reference is exactly the shown difference.
import type { Evaluation, Project } from '../../shared/engine/interchange.ts';
import { currencyLabel } from '../lib/format.ts';

export const COMPARE_METRICS = [
  { id: 'npv', label: 'Venture NPV' },
  { id: 'irr', label: 'Venture IRR' },
  { id: 'governmentTake', label: 'Government take' },
  { id: 'governmentTakeInclState', label: 'Government take incl. state partners' },
  { id: 'aetr', label: 'AETR' },
  { id: 'breakeven', label: 'Breakeven price' },
  { id: 'payback', label: 'Payback year' },
  { id: 'partyPv', label: "Each party's PV" },
  { id: 'partyShare', label: "Each party's share" },
  { id: 'partnerIrr', label: 'Partner IRRs' },
] as const;

export type CompareMetricId = (typeof COMPARE_METRICS)[number]['id'];

type Kind = 'money' | 'percent' | 'price' | 'year';

/** A metric's value in one case: a number, or a text where there is none ("none", "several IRRs"). */
export interface Reading {
  value: number | null;
  text?: string;
}

export interface MatrixMetric {
  id: string;
  label: string;
  kind: Kind;
  read: (evaluation: Evaluation) => Reading;
}

export interface MetricScale {
  divisor: number;
  decimals: number;
  /** e.g. "US$ m", "%", "US$ /t", "" */
  unit: string;
}

export interface ShownCell {
  text: string;
  /** The value as shown, in the column's unit, or null when there is no number. */
  shown: number | null;
  /** Against the reference, on the shown values; null for the reference itself or no number. */
  delta: number | null;
  deltaText: string | null;
  differs: boolean;
}

export interface MatrixContext {
  project: Project;
  locale: string;
  nameOf: (partyId: string) => string;
}

function num(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * The breakeven price in price units: the breakeven factor times the average real price of the
 * deck the case ran on, weighted by the volume paid for (§ breakevenPriceFactor multiplies the
 * real deck after the scenario's replacement and price factor). The real price of year k is
 * market revenue / (escalation index × payability × volume).
 */
export function breakevenPrice(evaluation: Evaluation, payability: number): number | null {
  const factor = num(evaluation.venture.breakevenPriceFactor);
  if (factor === null || !(payability > 0)) return null;
  let realRevenue = 0;
  let paidVolume = 0;
  for (const year of evaluation.years) {
    const volume = num(year.volume) ?? 0;
    const escalation = num(year.escalationIndex);
    if (volume <= 0) continue;
    if (escalation === null || escalation <= 0) return null;
    realRevenue += (num(year.marketRevenue) ?? 0) / escalation;
    paidVolume += payability * volume;
  }
  return paidVolume > 0 ? (factor * realRevenue) / paidVolume : null;
}

function percentOrRoots(value: string | null | undefined, roots: readonly string[] | undefined, locale: string): Reading {
  const number = num(value);
  if (number !== null) return { value: number };
  if (roots && roots.length > 1) return { value: null, text: `several: ${roots.map((root) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(Number(root) * 100)} %`).join(', ')}` };
  return { value: null, text: 'none' };
}

export function matrixMetrics(chosen: readonly string[], partyIds: readonly string[], partnerIds: readonly string[], context: MatrixContext): MatrixMetric[] {
  const { project, locale, nameOf } = context;
  const payability = num(String(project.assumptions.production.payability)) ?? 1;
  const metrics: MatrixMetric[] = [];
  const has = (id: CompareMetricId) => chosen.includes(id);
  const party = (e: Evaluation, id: string) => e.parties.find((p) => p.id === id);
  if (has('npv')) metrics.push({ id: 'npv', label: 'Venture NPV', kind: 'money', read: (e) => ({ value: num(e.venture.npv) }) });
  if (has('irr')) metrics.push({ id: 'irr', label: 'Venture IRR', kind: 'percent', read: (e) => percentOrRoots(e.venture.irr, e.venture.irrRoots, locale) });
  if (has('governmentTake')) metrics.push({ id: 'governmentTake', label: 'Government take', kind: 'percent', read: (e) => ({ value: num(e.venture.governmentTake) }) });
  if (has('governmentTakeInclState')) metrics.push({ id: 'governmentTakeInclState', label: 'Government take incl. state', kind: 'percent', read: (e) => ({ value: num(e.venture.governmentTakeInclState) }) });
  if (has('aetr')) metrics.push({ id: 'aetr', label: 'AETR', kind: 'percent', read: (e) => ({ value: num(e.venture.aetr) }) });
  if (has('breakeven')) metrics.push({ id: 'breakeven', label: 'Breakeven price', kind: 'price', read: (e) => { const value = breakevenPrice(e, payability); return value === null ? { value: null, text: 'none' } : { value }; } });
  if (has('payback')) metrics.push({ id: 'payback', label: 'Payback year', kind: 'year', read: (e) => (e.venture.paybackYear === null ? { value: null, text: 'never' } : { value: e.venture.paybackYear }) });
  if (has('partyPv')) for (const id of partyIds) metrics.push({ id: `pv:${id}`, label: `PV of ${nameOf(id)}`, kind: 'money', read: (e) => ({ value: num(party(e, id)?.pv ?? '0') }) });
  if (has('partyShare')) for (const id of partyIds) metrics.push({ id: `share:${id}`, label: `Share of ${nameOf(id)}`, kind: 'percent', read: (e) => ({ value: num(party(e, id)?.share) }) });
  if (has('partnerIrr')) for (const id of partnerIds) metrics.push({ id: `irr:${id}`, label: `IRR of ${nameOf(id)}`, kind: 'percent', read: (e) => { const p = party(e, id); return p ? percentOrRoots(p.irr, p.irrRoots, locale) : { value: null, text: '—' }; } });
  return metrics;
}

/** One unit and rounding for a metric across every case it is shown for. */
export function scaleFor(metric: MatrixMetric, values: readonly (number | null)[], project: Project, locale: string): MetricScale {
  const currency = currencyLabel(project.assumptions.currency ?? '', locale);
  if (metric.kind === 'percent') return { divisor: 0.01, decimals: 1, unit: '%' };
  if (metric.kind === 'year') return { divisor: 1, decimals: 0, unit: '' };
  const largest = Math.max(0, ...values.filter((v): v is number => v !== null).map(Math.abs));
  if (metric.kind === 'price') {
    const unit = `${currency} /${project.assumptions.productUnit || 'unit'}`.trim();
    return { divisor: 1, decimals: largest >= 100 ? 0 : 2, unit };
  }
  const [divisor, word] = ([[1e9, 'bn'], [1e6, 'm'], [1e3, 'k']] as const).find(([size]) => largest >= size) ?? [1, ''];
  return { divisor, decimals: divisor === 1 ? 0 : 1, unit: [currency, word].filter(Boolean).join(' ') };
}

export function headerFor(metric: MatrixMetric, scale: MetricScale): string {
  return scale.unit ? `${metric.label} (${scale.unit})` : metric.label;
}

function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function showCell(metric: MatrixMetric, scale: MetricScale, reading: Reading, base: Reading | null, locale: string): ShownCell {
  const format = (value: number, signed = false) => {
    const text = new Intl.NumberFormat(locale, { maximumFractionDigits: scale.decimals, minimumFractionDigits: scale.decimals, useGrouping: metric.kind !== 'year' }).format(Math.abs(value));
    return `${value < 0 ? '−' : signed && value > 0 ? '+' : ''}${text}`;
  };
  const shown = reading.value === null ? null : rounded(reading.value / scale.divisor, scale.decimals);
  const text = shown === null ? (reading.text ?? '—') : format(shown);
  if (base === null) return { text, shown, delta: null, deltaText: null, differs: false };
  const baseShown = base.value === null ? null : rounded(base.value / scale.divisor, scale.decimals);
  if (shown === null || baseShown === null) {
    const baseText = baseShown === null ? (base.text ?? '—') : format(baseShown);
    return { text, shown, delta: null, deltaText: null, differs: text !== baseText };
  }
  const delta = rounded(shown - baseShown, scale.decimals);
  if (delta === 0) return { text, shown, delta: 0, deltaText: null, differs: false };
  const unit = metric.kind === 'percent' ? ' pts' : metric.kind === 'year' ? (Math.abs(delta) === 1 ? ' yr' : ' yrs') : '';
  return { text, shown, delta, deltaText: `${format(delta, true)}${unit}`, differs: true };
}
