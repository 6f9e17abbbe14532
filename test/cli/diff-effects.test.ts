// orebridge diff --effects: what each change between two structures or rounds does to every party,
// equal to orebridge evaluate of the two structures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { Dec } from '../../shared/engine/arithmetic.ts';
import type { Evaluation } from '../../shared/engine/index.ts';
import { EXAMPLES_DIR } from '../support/examples.ts';

const dir = mkdtempSync(join(tmpdir(), 'orebridge-diff-effects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function orebridge(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('orebridge diff --effects', () => {
  it('gives each change\'s ΔPV per party and Δ government take; the whole move equals evaluate of B minus A', async () => {
    const source = join(EXAMPLES_DIR, 'northern-spodumene.project.json');
    const file = join(dir, 'deal.orebridge');
    expect((await orebridge('import', source, '-o', file)).code).toBe(0);
    const result = await orebridge('diff', file, 'state-carry-offtake', 'sliding-royalty', '--effects', '--scenario', 'low-price', '--json');
    expect(result.code, result.err).toBe(0);
    const doc = JSON.parse(result.out) as { changes: unknown[]; effects: { scenario: string; parties: string[]; rows: { label: string }[]; total: { effect: { pv: Record<string, string>; governmentTake: string } } } };
    expect(doc.effects.scenario).toBe('low-price');
    expect(doc.effects.rows.map((r) => r.label)).toContain('Equity of National Lithium Corporation: 15 % → 10 %; Equity of Boreal Minerals plc: 55 % → 60 %');
    const evaluate = async (structure: string) => JSON.parse((await orebridge('evaluate', source, '--structure', structure, '--scenario', 'low-price', '--json')).out) as Evaluation;
    const [a, b] = [await evaluate('state-carry-offtake'), await evaluate('sliding-royalty')];
    const pv = (e: Evaluation, id: string) => new Dec(e.parties.find((p) => p.id === id)?.pv ?? 0);
    for (const party of doc.effects.parties) expect(doc.effects.total.effect.pv[party]).toBe(pv(b, party).minus(pv(a, party)).toString());
    expect(doc.effects.total.effect.governmentTake).toBe(new Dec(b.venture.governmentTake!).minus(a.venture.governmentTake!).toString());

    const text = await orebridge('diff', file, 'state-carry-offtake', 'sliding-royalty', '--effects');
    expect(text.out).toContain('What each change from state-carry-offtake to sliding-royalty does to every party (scenario base; ΔPV in USD):');
    expect(text.out).toMatch(/All changes together\n {2}lithco +[−+][\d,]+\n/);
    expect((await orebridge('diff', file, 'state-carry-offtake', 'sliding-royalty', '--effects', '--scenario', 'nope')).code).toBe(1);
  }, 60_000);
});
