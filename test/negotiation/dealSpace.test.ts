import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../shared/engine/arithmetic.ts';
import type { Project } from '../../shared/engine/index.ts';
import { writeTerm } from '../../shared/fields/index.ts';
import { CONFIRM_STEP, dealSpace } from '../../shared/negotiation/index.ts';
import { decimalEvaluation } from '../../shared/negotiation/metrics.ts';

const spodumene = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'examples', 'northern-spodumene.project.json'), 'utf8')) as Project;
const structure = 'state-carry-offtake';
const X = 'terms.fiscal.royalty.bands[0].rate';
const Y = 'terms.partners[0].equity';
const request = { structure, x: { term: X, max: '0.2' }, y: { term: Y, balanceWith: 'miner', max: '0.5' }, steps: 11, metric: 'venture.governmentTake' };

function pvs(x: Dec, y: Dec): Record<string, Dec> {
  const a = writeTerm(spodumene, structure, X, x);
  if (!a.ok) throw new Error(a.error.message);
  const b = writeTerm(a.value, structure, Y, y, { balanceWith: 'miner' });
  if (!b.ok) throw new Error(b.error.message);
  const evaluation = decimalEvaluation(b.value, { structure })!;
  return Object.fromEntries(evaluation.parties.map((p) => [p.id, new Dec(p.pv)]));
}

describe('deal-space map', () => {
  const map = dealSpace(spodumene, request);
  if (!map.ok) throw new Error(map.error.message);
  const space = map.value;

  it('sweeps the grid with every party PV and the metric', () => {
    expect(space.points).toHaveLength(121);
    expect(space.xs[0]).toBe(0);
    expect(space.xs[10]).toBe(0.2);
    for (const point of space.points) expect(Object.keys(point.pv).sort()).toEqual([...space.parties].sort());
    expect(space.points.every((p) => p.metric !== null)).toBe(true);
    expect(space.zoneCount).toBe(space.points.filter((p) => p.inZone).length);
  });

  it('the Nash point: a small step of either term within the zone does not raise the Nash product (decimal)', () => {
    const nash = space.nash!;
    expect(nash).not.toBeNull();
    const product = (pv: Record<string, Dec>) => space.reservations.reduce((s, r) => s.plus(pv[r.party]!.minus(r.minPv).ln()), new Dec(0));
    const at = pvs(new Dec(nash.x), new Dec(nash.y));
    expect(product(at).toString()).toBe(nash.objective);
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const nx = new Dec(nash.x).plus(dx! * CONFIRM_STEP * 0.2);
      const ny = new Dec(nash.y).plus(dy! * CONFIRM_STEP * 0.5);
      if (nx.lt(0) || nx.gt(0.2) || ny.lt(0) || ny.gt(0.5)) continue;
      const moved = pvs(nx, ny);
      if (space.reservations.some((r) => moved[r.party]!.lte(r.minPv))) continue;
      expect(product(moved).lte(product(at)), `step ${dx},${dy}`).toBe(true);
    }
    for (const party of space.parties) expect(nash.pv[party]).toBe(at[party]!.toString());
  }, 120_000);

  it('the Kalai–Smorodinsky point lies in the zone', () => {
    const ks = space.kalaiSmorodinsky!;
    expect(ks).not.toBeNull();
    for (const r of space.reservations) expect(new Dec(ks.pv[r.party]!).gte(r.minPv)).toBe(true);
  });

  it('an empty zone says which party cannot be met', () => {
    const empty = dealSpace(spodumene, { ...request, steps: 5, reservations: [{ party: 'lithco', minPv: '1e12' }, { party: 'government', minPv: '0' }] });
    if (!empty.ok) throw new Error(empty.error.message);
    expect(empty.value.zoneCount).toBe(0);
    expect(empty.value.nash).toBeNull();
    expect(empty.value.emptyZone).toContain("the reservation of party 'National Lithium Corporation' (a PV of at least 1,000,000,000,000) cannot be met anywhere");
  });
});

describe('deal-space map with the reservations the project records', () => {
  const base = dealSpace(spodumene, request);
  if (!base.ok || base.value.nash === null) throw new Error('the map without reservations has no Nash point');
  const atNash = base.value.nash.pv;
  // Each party's disagreement value: half its PV at the Nash point of the map without reservations; the state company weighs double.
  const half = (party: string) => new Dec(atNash[party]!).div(2).toDecimalPlaces(2).toString();
  const project: Project = {
    ...spodumene,
    negotiation: {
      reservations: [
        { party: 'lithco', minPv: half('lithco'), weight: 2 },
        { party: 'miner', minPv: half('miner'), minIrr: '0.05' },
        { party: 'government', minPv: half('government'), minGovernmentTake: '0.3' },
      ],
    },
  };
  const map = dealSpace(project, request);
  if (!map.ok) throw new Error(map.error.message);
  const space = map.value;

  it('uses the recorded minimum PVs, weights and other minima; a partner without one reserves a PV of 0', () => {
    expect(space.reservations).toEqual([
      { party: 'lithco', minPv: half('lithco'), weight: '2' },
      { party: 'miner', minPv: half('miner'), minIrr: '0.05' },
      { party: 'cellmaker', minPv: '0' },
      { party: 'government', minPv: half('government'), minGovernmentTake: '0.3' },
    ]);
    expect(space.zoneCount).toBeGreaterThan(0);
    expect(space.zoneCount).toBeLessThan(base.value.zoneCount);
    for (const point of space.points.filter((p) => p.inZone)) {
      for (const r of space.reservations) expect(point.pv[r.party]).toBeGreaterThanOrEqual(Number(r.minPv));
    }
  });

  it('the Nash point maximises Π (PV_i − d_i)^w_i: a small step of either term within the zone does not raise it (decimal)', () => {
    const nash = space.nash!;
    expect(nash).not.toBeNull();
    const weight = (party: string) => Number(space.reservations.find((r) => r.party === party)!.weight ?? '1');
    const product = (pv: Record<string, Dec>) => space.reservations.reduce((s, r) => s.plus(pv[r.party]!.minus(r.minPv).ln().times(weight(r.party))), new Dec(0));
    const at = pvs(new Dec(nash.x), new Dec(nash.y));
    expect(product(at).toString()).toBe(nash.objective);
    for (const r of space.reservations) expect(at[r.party]!.gt(r.minPv), r.party).toBe(true);
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const nx = new Dec(nash.x).plus(dx! * CONFIRM_STEP * 0.2);
      const ny = new Dec(nash.y).plus(dy! * CONFIRM_STEP * 0.5);
      if (nx.lt(0) || nx.gt(0.2) || ny.lt(0) || ny.gt(0.5)) continue;
      const moved = pvs(nx, ny);
      if (space.reservations.some((r) => moved[r.party]!.lte(r.minPv))) continue;
      expect(product(moved).lte(product(at)), `step ${dx},${dy}`).toBe(true);
    }
  }, 120_000);

  it('an empty zone names the party whose reservation cannot be met, in its own terms', () => {
    const impossible: Project = { ...project, negotiation: { reservations: [{ party: 'government', minGovernmentTake: '0.99' }] } };
    const empty = dealSpace(impossible, { ...request, steps: 5 });
    if (!empty.ok) throw new Error(empty.error.message);
    expect(empty.value.zoneCount).toBe(0);
    expect(empty.value.nash).toBeNull();
    expect(empty.value.emptyZone).toContain("the reservation of party 'Government' (a government take of at least 99 %) cannot be met anywhere");
  });
});
