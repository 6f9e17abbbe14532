// The deal-space map (issue 12): two terms swept over a grid, every point evaluated in float (one
// run of the schedule), each party's PV and a chosen metric; the zone where every party's
// reservation holds; on it the Nash bargaining point (max Σ w_i ln(PV_i − d_i), i.e. the
// weighted Nash product Π (PV_i − d_i)^w_i) and the Kalai–Smorodinsky point (max min_i
// (PV_i − d_i) / (ideal_i − d_i), ideal_i the party's best PV in the zone). Each point is found on
// the grid, refined in float by a shrinking pattern search, then confirmed in decimal: from the
// refined point no step of CONFIRM_STEP of either term's span within the zone raises the
// objective evaluated in decimal (a step that does is taken, and the search repeats).
import { Dec, type Dec as Decimal } from '../engine/arithmetic.ts';
import type { CaseSelection } from '../engine/evaluate.ts';
import type { Project } from '../engine/interchange.ts';
import { dealTerm, writeTerm, type DealTerm } from '../fields/terms.ts';
import { decimalEvaluation, floatMetrics, optionalMetricChoice, metricOfEvaluation, type MetricChoice } from './metrics.ts';
import { requirementInWords, requirementsOf, reservationsOf, type Requirement, type Reservation } from './reservations.ts';

export type { Reservation } from './reservations.ts';

export interface AxisRequest {
  term: string;
  balanceWith?: string;
  min?: string;
  max?: string;
}

export interface DealSpaceRequest {
  structure: string;
  scenario?: string;
  x: AxisRequest;
  y: AxisRequest;
  /** Grid points per axis (default 41). */
  steps?: number;
  metric?: string;
  party?: string | null;
  /** Default: the project's recorded reservations of every partner and the government (a minimum PV of 0 where none is recorded). */
  reservations?: Reservation[];
}

export interface MapPoint {
  x: number;
  y: number;
  /** Float PV per party (for the picture). */
  pv: Record<string, number>;
  metric: number | null;
  inZone: boolean;
}

export interface BargainingPoint {
  x: string;
  y: string;
  /** Decimal PV per party at the point. */
  pv: Record<string, string>;
  /** The objective in decimal: the weighted log Nash product, or the least normalised gain. */
  objective: string;
}

export interface DealSpace {
  x: DealTerm;
  y: DealTerm;
  xs: number[];
  ys: number[];
  parties: string[];
  reservations: Reservation[];
  choice: MetricChoice | null;
  /** Row-major: points[j * xs.length + i] is (xs[i], ys[j]). */
  points: MapPoint[];
  zoneCount: number;
  /** Why the zone is empty; null when it is not. */
  emptyZone: string | null;
  nash: BargainingPoint | null;
  kalaiSmorodinsky: BargainingPoint | null;
}

export type DealSpaceResult = { ok: true; value: DealSpace } | { ok: false; error: { code: string; message: string } };

/** The decimal confirmation's step, as a fraction of each term's span. */
export const CONFIRM_STEP = 1e-6;
const DEFAULT_STEPS = 41;

/** The interval an axis spans: the user's min/max, else the term's valid range (an unbounded end around its value). */
export function axisRange(term: DealTerm, axis: AxisRequest): [number, number] {
  const current = Number(term.value ?? '0');
  let lo = axis.min !== undefined ? Number(axis.min) : term.range.min !== null ? Number(term.range.min) : Math.min(0, current * -1);
  const hi = axis.max !== undefined ? Number(axis.max) : term.range.max !== null ? Number(term.range.max) : Math.max(Math.abs(current) * 2, 1);
  if (term.range.minExclusive && term.range.min !== null && lo <= Number(term.range.min)) lo = Number(term.range.min) + (hi - lo) * 1e-9;
  return [lo, hi];
}

/** `onProgress` is told after each row of the grid (the workspace's progress bar). */
export function dealSpace(project: Project, request: DealSpaceRequest, onProgress?: (done: number, total: number) => void): DealSpaceResult {
  const opts = (a: AxisRequest) => (a.balanceWith === undefined ? {} : { balanceWith: a.balanceWith });
  const x = dealTerm(project, request.structure, request.x.term, opts(request.x));
  if (!x.ok) return x;
  const y = dealTerm(project, request.structure, request.y.term, opts(request.y));
  if (!y.ok) return y;
  if (request.x.term === request.y.term) return { ok: false, error: { code: 'same-term', message: 'choose two different terms for the two axes' } };
  const checked = optionalMetricChoice(project, request.structure, request.metric, request.party);
  if (!checked.ok) return checked;
  const choice = checked.value;
  const steps = request.steps ?? DEFAULT_STEPS;
  if (!Number.isInteger(steps) || steps < 2 || steps > 401) return { ok: false, error: { code: 'invalid-steps', message: `the number of steps must be a whole number from 2 to 401, not ${steps}` } };
  const structure = project.structures.find((s) => s.id === request.structure)!;
  const parties = [...structure.terms.partners.map((p) => p.id), 'government'];
  const reservations: Reservation[] = request.reservations ?? reservationsOf(project, request.structure);
  const unknown = reservations.find((r) => !parties.includes(r.party) && !['offtakers', 'licensors', 'external-lender'].includes(r.party));
  if (unknown) return { ok: false, error: { code: 'unknown-party', message: `"${unknown.party}" is not a party of structure "${request.structure}": ${parties.join(', ')}` } };
  const selection: CaseSelection = { structure: request.structure, ...(request.scenario === undefined ? {} : { scenario: request.scenario }) };

  const [x0, x1] = axisRange(x.value, request.x);
  const [y0, y1] = axisRange(y.value, request.y);
  const grid = (a: number, b: number) => Array.from({ length: steps }, (_, i) => (i === steps - 1 ? b : a + ((b - a) * i) / (steps - 1)));
  const xs = grid(x0, x1);
  const ys = grid(y0, y1);

  const projectAt = (px: Decimal, py: Decimal): Project | null => {
    const first = writeTerm(project, request.structure, request.x.term, px, opts(request.x));
    if (!first.ok) return null;
    const second = writeTerm(first.value, request.structure, request.y.term, py, opts(request.y));
    return second.ok ? second.value : null;
  };
  const requirements = requirementsOf(reservations);
  const floatAt = (px: number, py: number) => {
    const p = projectAt(new Dec(px), new Dec(py));
    if (p === null) return null;
    const metrics = floatMetrics(p, selection);
    const pv = Object.fromEntries(reservations.map((r) => [r.party, metrics({ metric: 'pv', party: r.party }) ?? Number.NaN]));
    const met = requirements.map((q) => {
      const value = q.choice.metric === 'pv' ? pv[q.party]! : metrics(q.choice);
      return value !== null && value >= Number(q.min);
    });
    return { pv, met, metric: choice === null ? null : metrics(choice) };
  };
  const decimalAt = (px: Decimal, py: Decimal) => {
    const p = projectAt(px, py);
    const evaluation = p === null ? null : decimalEvaluation(p, selection);
    if (evaluation === null) return null;
    const pv = Object.fromEntries(reservations.map((r) => [r.party, metricOfEvaluation(evaluation, { metric: 'pv', party: r.party }) ?? new Dec(Number.NaN)]));
    const holds = requirements.every((q) => metricOfEvaluation(evaluation, q.choice)?.gte(q.min) === true);
    return { pv, holds };
  };
  const minimum = new Map(reservations.map((r) => [r.party, Number(r.minPv)]));
  const holds = (met: boolean[]) => met.every(Boolean);

  const points: MapPoint[] = [];
  const met: boolean[][] = [];
  for (const py of ys) {
    for (const px of xs) {
      const at = floatAt(px, py);
      const pv = at?.pv ?? {};
      met.push(at?.met ?? requirements.map(() => false));
      points.push({ x: px, y: py, pv, metric: at?.metric ?? null, inZone: at !== null && holds(at.met) });
    }
    onProgress?.(points.length / xs.length, ys.length);
  }
  const zone = points.filter((p) => p.inZone);
  if (zone.length === 0) {
    return { ok: true, value: { x: x.value, y: y.value, xs, ys, parties, reservations, choice, points, zoneCount: 0, emptyZone: emptyZoneReason(project, requirements, met), nash: null, kalaiSmorodinsky: null } };
  }

  const weight = new Map(reservations.map((r) => [r.party, Number(r.weight ?? '1')]));
  const nashFloat = (pv: Record<string, number>) => reservations.reduce((s, r) => s + weight.get(r.party)! * Math.log(pv[r.party]! - minimum.get(r.party)!), 0);
  const ideal = new Map(reservations.map((r) => [r.party, Math.max(...zone.map((p) => p.pv[r.party]!))]));
  const ksFloat = (pv: Record<string, number>) => Math.min(...reservations.map((r) => {
    const span = ideal.get(r.party)! - minimum.get(r.party)!;
    return span > 0 ? (pv[r.party]! - minimum.get(r.party)!) / span : Number.POSITIVE_INFINITY;
  }));
  const nashDecimal = (pv: Record<string, Decimal>) => reservations.reduce((s, r) => s.plus(pv[r.party]!.minus(minimum.get(r.party)!).ln().times(weight.get(r.party)!)), new Dec(0));
  const ksDecimal = (pv: Record<string, Decimal>) => reservations.reduce((least: Decimal | null, r) => {
    const span = ideal.get(r.party)! - minimum.get(r.party)!;
    if (!(span > 0)) return least;
    const gain = pv[r.party]!.minus(minimum.get(r.party)!).div(span);
    return least === null || gain.lt(least) ? gain : least;
  }, null) ?? new Dec(0);

  const bounds = { x0, x1, y0, y1 };
  const search = { floatAt, decimalAt, holds, minimum, bounds };
  const nash = bargain(search, zone, nashFloat, (pv) => (Object.entries(pv).every(([id, v]) => v.gt(minimum.get(id)!)) ? nashDecimal(pv) : null));
  const kalaiSmorodinsky = bargain(search, zone, ksFloat, (pv) => (Object.entries(pv).every(([id, v]) => v.gte(minimum.get(id)!)) ? ksDecimal(pv) : null));
  return { ok: true, value: { x: x.value, y: y.value, xs, ys, parties, reservations, choice, points, zoneCount: zone.length, emptyZone: null, nash, kalaiSmorodinsky } };
}

/** Names the reservations no point meets, or else the one most often unmet where every other holds. */
function emptyZoneReason(project: Project, requirements: Requirement[], met: boolean[][]): string {
  const never = requirements.filter((_, q) => !met.some((point) => point[q]));
  if (never.length > 0) {
    return `no point of the map meets every reservation: the reservation of ${never.map((q) => requirementInWords(project, q)).join(' and of ')} cannot be met anywhere on it`;
  }
  const unmetAlone = requirements.map((q, k) => ({ q, count: met.filter((point) => !point[k] && point.every((ok, j) => ok || j === k)).length, unmet: met.filter((point) => !point[k]).length }));
  const worst = unmetAlone.sort((a, b) => b.count - a.count || b.unmet - a.unmet)[0]!;
  return `no point of the map meets every reservation at once: each is met somewhere, but the reservation of ${requirementInWords(project, worst.q)} is not met wherever the others are`;
}

interface Search {
  floatAt: (x: number, y: number) => { pv: Record<string, number>; met: boolean[] } | null;
  decimalAt: (x: Decimal, y: Decimal) => { pv: Record<string, Decimal>; holds: boolean } | null;
  holds: (met: boolean[]) => boolean;
  minimum: Map<string, number>;
  bounds: { x0: number; x1: number; y0: number; y1: number };
}

const DIRECTIONS: [number, number][] = [[1, 0], [-1, 0], [0, 1], [0, -1]];

function bargain(search: Search, zone: MapPoint[], floatObjective: (pv: Record<string, number>) => number, decimalObjective: (pv: Record<string, Decimal>) => Decimal | null): BargainingPoint | null {
  const { bounds } = search;
  const spanX = bounds.x1 - bounds.x0 || 1;
  const spanY = bounds.y1 - bounds.y0 || 1;
  const inside = (x: number, y: number) => x >= bounds.x0 && x <= bounds.x1 && y >= bounds.y0 && y <= bounds.y1;
  let best = zone.reduce((a, b) => (floatObjective(b.pv) > floatObjective(a.pv) ? b : a));
  let bestX = best.x;
  let bestY = best.y;
  let bestValue = floatObjective(best.pv);
  // Pattern search in float from the grid's best point, down to the confirmation step.
  for (let h = 0.5 / 40; h >= CONFIRM_STEP; h /= 2) {
    let moved = true;
    while (moved) {
      moved = false;
      for (const [dx, dy] of DIRECTIONS) {
        const nx = bestX + dx * h * spanX;
        const ny = bestY + dy * h * spanY;
        if (!inside(nx, ny)) continue;
        const at = search.floatAt(nx, ny);
        if (at === null || !search.holds(at.met)) continue;
        const value = floatObjective(at.pv);
        if (value > bestValue) [bestX, bestY, bestValue, moved] = [nx, ny, value, true];
      }
    }
  }
  // Confirmation in decimal: no step of CONFIRM_STEP of either span within the zone raises the objective.
  let px = new Dec(bestX);
  let py = new Dec(bestY);
  const first = search.decimalAt(px, py);
  let pv = first?.pv ?? null;
  let objective = pv === null ? null : decimalObjective(pv);
  if (pv === null || objective === null) return null;
  for (let round = 0; round < 50; round++) {
    let improved = false;
    for (const [dx, dy] of DIRECTIONS) {
      const nx = px.plus(new Dec(dx * CONFIRM_STEP * spanX));
      const ny = py.plus(new Dec(dy * CONFIRM_STEP * spanY));
      if (!inside(nx.toNumber(), ny.toNumber())) continue;
      const moved = search.decimalAt(nx, ny);
      const value = moved === null || !moved.holds ? null : decimalObjective(moved.pv);
      if (value !== null && value.gt(objective)) {
        [px, py, pv, objective, improved] = [nx, ny, moved!.pv, value, true];
        break;
      }
    }
    if (!improved) break;
  }
  return { x: px.toString(), y: py.toString(), pv: Object.fromEntries(Object.entries(pv).map(([k, v]) => [k, v.toString()])), objective: objective.toString() };
}
