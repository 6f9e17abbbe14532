import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';

const spodumene = join(EXAMPLES_DIR, 'northern-spodumene.project.json');
const axes = ['--x', 'terms.fiscal.royalty.bands[0].rate', '--y', 'terms.partners[0].equity', '--y-balance-with', 'miner'];

describe('orebridge map', () => {
  it('prints the grid per party, the zone and the bargaining points as JSON', () => {
    const result = runCli(['map', spodumene, ...axes, '--steps', '5', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout) as { x: { values: number[] }; points: { pv: Record<string, number>; inZone: boolean }[]; zone: { count: number; empty: string | null }; nash: { pv: Record<string, string> } | null; kalaiSmorodinsky: unknown };
    expect(doc.x.values).toHaveLength(5);
    expect(doc.points).toHaveLength(25);
    expect(Object.keys(doc.points[0]!.pv)).toEqual(['lithco', 'miner', 'cellmaker', 'government']);
    expect(doc.zone.count).toBe(doc.points.filter((p) => p.inZone).length);
    expect(doc.zone.empty).toBeNull();
    expect(Object.keys(doc.nash!.pv)).toContain('government');
    expect(doc.kalaiSmorodinsky).not.toBeNull();
  }, 60_000);

  it('prints a readable summary, and an unknown term is one line (exit 2)', () => {
    const text = runCli(['map', spodumene, ...axes, '--steps', '3']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/3 × 3 points\nAgreement zone: \d+ of 9 points\nNash bargaining point: /);
    const bad = runCli(['map', spodumene, '--x', 'terms.nothing', '--y', 'terms.partners[0].equity']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the terms are:');
  }, 60_000);

  it("uses the project's recorded reservations, and names the party whose reservation cannot be met", () => {
    const dir = mkdtempSync(join(tmpdir(), 'orebridge-map-'));
    try {
      const project = JSON.parse(readFileSync(spodumene, 'utf8')) as Record<string, unknown>;
      project.negotiation = { reservations: [{ party: 'miner', minPv: 1e12 }] };
      const file = join(dir, 'reserved.json');
      writeFileSync(file, JSON.stringify(project));
      const json = runCli(['map', file, ...axes, '--steps', '3', '--json']);
      expect(json.code, json.stderr).toBe(0);
      const doc = JSON.parse(json.stdout) as { reservations: { party: string; minPv: string }[]; zone: { count: number } };
      expect(doc.reservations.find((r) => r.party === 'miner')?.minPv).toBe('1000000000000');
      expect(doc.zone.count).toBe(0);
      const text = runCli(['map', file, ...axes, '--steps', '3']);
      expect(text.stdout).toContain("Agreement zone: empty (no point of the map meets every reservation: the reservation of party 'Boreal Minerals plc' (a PV of at least 1,000,000,000,000) cannot be met anywhere on it)");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
