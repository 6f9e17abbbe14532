import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../shared/engine/index.ts';
import { runCli } from '../support/cli.ts';
import { exampleCases } from '../support/examples.ts';

describe('orebridge evaluate --csv', () => {
  it('writes every line of the evaluation, every interest and every party\'s flow, one column per year, exactly', () => {
    const c = exampleCases().find((x) => x.name === 'nickel-cobalt-hpal' && x.scenario === 'capex-overrun')!;
    const args = [c.projectPath, '--structure', c.structure, '--scenario', c.scenario];
    const csv = runCli(['evaluate', ...args, '--csv']);
    expect(csv.code).toBe(0);
    const ev = JSON.parse(runCli(['evaluate', ...args, '--json']).stdout) as Evaluation;
    const lines = csv.stdout.trimEnd().split('\r\n').map((l) => l.split(','));
    expect(lines[0]).toEqual(['Line', 'Unit', ...ev.years.map((y) => String(y.year))]);
    const row = (label: string) => lines.find((l) => l[0] === label)?.slice(2);
    expect(row('Royalty')).toEqual(ev.years.map((y) => y.royalty));
    expect(row('Free cash flow')).toEqual(ev.years.map((y) => y.freeCashFlow));
    expect(row('Depreciation')).toEqual(ev.years.map((y) => y.depreciation));
    for (const party of ev.parties) expect(row(`Flow: ${party.id}`), party.id).toEqual(ev.years.map((y) => y.flows[party.id]));
    for (const id of Object.keys(ev.years[0]!.interests)) expect(row(`Participating interest: ${id}`)).toEqual(ev.years.map((y) => y.interests[id]));
    // Every yearly line the evaluation has (all but year, interests and flows), then interests and flows.
    const yearLines = Object.keys(ev.years[0]!).filter((k) => !['year', 'interests', 'flows', 'partners'].includes(k));
    const partnerLines = Object.values(ev.years[0]!.partners ?? {}).reduce((s, p) => s + Object.keys(p).length - 2, 0); // interest and flow have rows of their own
    expect(lines.length).toBe(1 + yearLines.length + Object.keys(ev.years[0]!.interests).length + partnerLines + ev.parties.length);
    expect(row('Discount factor')).toEqual(ev.years.map((y) => y.discountFactor));
  });

  it('adds the lines of methodology v2 for a version-2 project', () => {
    const c = exampleCases().find((x) => x.name === 'nordic-graphite-anode' && x.scenario === 'base')!;
    const args = [c.projectPath, '--structure', c.structure, '--scenario', c.scenario];
    const ev = JSON.parse(runCli(['evaluate', ...args, '--json']).stdout) as Evaluation;
    const lines = runCli(['evaluate', ...args, '--csv']).stdout.trimEnd().split('\r\n').map((l) => l.split(','));
    const row = (label: string) => lines.find((l) => l[0] === label)?.slice(2);
    expect(row('Drawdowns')).toEqual(ev.years.map((y) => y.drawdown));
    expect(row('Capital grant')).toEqual(ev.years.map((y) => y.grant));
    const yearLines = Object.keys(ev.years[0]!).filter((k) => !['year', 'interests', 'flows', 'partners'].includes(k));
    const partnerLines = Object.values(ev.years[0]!.partners ?? {}).reduce((s, p) => s + Object.keys(p).length - 2, 0);
    expect(lines.length).toBe(1 + yearLines.length + Object.keys(ev.years[0]!.interests).length + partnerLines + ev.parties.length);
  });

  it('refuses --json and --csv together in one line', () => {
    const run = runCli(['evaluate', exampleCases()[0]!.projectPath, '--json', '--csv']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('choose one of --json and --csv');
  });
});
