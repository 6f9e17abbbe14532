// The deal space along one term (issue 12, point 4: "a line instead of a map"): the term swept
// over its interval, every point evaluated in float (one run of the schedule, as the map does),
// each bargaining party's PV and, when chosen, one metric. A picture, not a result: a number the
// workspace reports as a result comes from a decimal evaluation.
import { Dec } from '../engine/arithmetic.ts';
import type { CaseSelection } from '../engine/evaluate.ts';
import type { Project } from '../engine/interchange.ts';
import { dealTerm, writeTerm, type DealTerm } from '../fields/terms.ts';
import { axisRange, type AxisRequest } from './dealSpace.ts';
import { floatMetrics, optionalMetricChoice, type MetricChoice } from './metrics.ts';

export interface LineSweepRequest {
  structure: string;
  scenario?: string;
  axis: AxisRequest;
  /** Points along the term (default 101). */
  steps?: number;
  metric?: string;
  party?: string | null;
}

export interface LineSweep {
  term: DealTerm;
  xs: number[];
  /** Every partner and the government. */
  parties: string[];
  /** pv[party][i]: the party's float PV at xs[i] (null where the term cannot take the value). */
  pv: Record<string, (number | null)[]>;
  choice: MetricChoice | null;
  metric: (number | null)[];
}

export type LineSweepResult = { ok: true; value: LineSweep } | { ok: false; error: { code: string; message: string } };

const DEFAULT_STEPS = 101;

export function lineSweep(project: Project, request: LineSweepRequest, onProgress?: (done: number, total: number) => void): LineSweepResult {
  const options = request.axis.balanceWith === undefined ? {} : { balanceWith: request.axis.balanceWith };
  const described = dealTerm(project, request.structure, request.axis.term, options);
  if (!described.ok) return described;
  const checked = optionalMetricChoice(project, request.structure, request.metric, request.party);
  if (!checked.ok) return checked;
  const choice = checked.value;
  const steps = request.steps ?? DEFAULT_STEPS;
  if (!Number.isInteger(steps) || steps < 2 || steps > 1001) return { ok: false, error: { code: 'invalid-steps', message: `the number of steps must be a whole number from 2 to 1001, not ${steps}` } };
  const structure = project.structures.find((s) => s.id === request.structure)!;
  const parties = [...structure.terms.partners.map((p) => p.id), 'government'];
  const selection: CaseSelection = { structure: request.structure, ...(request.scenario === undefined ? {} : { scenario: request.scenario }) };
  const [lo, hi] = axisRange(described.value, request.axis);
  const xs = Array.from({ length: steps }, (_, i) => (i === steps - 1 ? hi : lo + ((hi - lo) * i) / (steps - 1)));
  const pv: Record<string, (number | null)[]> = Object.fromEntries(parties.map((id) => [id, []]));
  const metric: (number | null)[] = [];
  xs.forEach((x, i) => {
    const written = writeTerm(project, request.structure, request.axis.term, new Dec(x), options);
    const metrics = written.ok ? floatMetrics(written.value, selection) : null;
    for (const id of parties) pv[id]!.push(metrics ? metrics({ metric: 'pv', party: id }) : null);
    metric.push(metrics && choice ? metrics(choice) : null);
    if ((i + 1) % 10 === 0 || i === xs.length - 1) onProgress?.(i + 1, xs.length);
  });
  return { ok: true, value: { term: described.value, xs, parties, pv, choice, metric } };
}
