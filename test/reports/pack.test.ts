// The negotiation pack from the command line: its text (read by PDF.js) holds the term sheet and
// every party's PV as the workspace shows it, on the pages we expect. Poppler's reading of the
// same pack and a rendered page are checked by `npm run test:office` (test/office/).
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateProject } from '../../shared/engine/index.ts';
import { termLines } from '../../shared/fields/termSheet.ts';
import { formatMoney } from '../../shared/reports/format.ts';
import { partyNameIn } from '../../shared/reports/parties.ts';
import { runCli } from '../support/cli.ts';
import { exampleProjectPaths, loadExample } from '../support/examples.ts';
import { pdfFlatText, pdfPages } from '../support/pdf-text.ts';

const path = exampleProjectPaths().find((p) => p.includes('northern-spodumene'))!;
const structures = ['sliding-royalty', 'state-carry-offtake'];

describe('orebridge report', () => {
  it('writes a pack whose text holds the term sheets and every party\'s PV as the workspace shows it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orebridge-pack-'));
    const target = join(dir, 'pack.pdf');
    const run = runCli(['report', path, '-o', target, '--structures', structures.join(','), '--scenario', 'base']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(10 pages)');
    const pages = await pdfPages(readFileSync(target));
    const flat = pages.join(' ').replace(/\s+/g, ' ');
    const project = loadExample(path);
    for (const id of structures) {
      const structure = project.structures.find((s) => s.id === id)!;
      expect(flat).toContain(`Term sheet: ${structure.name}`);
      for (const line of termLines(structure).filter((l) => !l.item && l.label.startsWith('Equity')).slice(0, 3)) expect(flat).toContain(line.label);
      const ev = evaluateProject(project, { structure: id, scenario: 'base' });
      if (!ev.ok) throw new Error(ev.error.message);
      for (const party of ev.evaluation.parties) {
        const shown = `${partyNameIn(structure, party.id)} ${formatMoney(party.pv, { currency: 'USD', locale: 'en-US' })}`;
        expect(flat, party.id).toContain(shown);
      }
    }
    expect(flat).toContain('Comparison of structures');
    expect(flat).toContain('Who bears each shock');
    expect(flat).toContain('methodology v1');
    expect(flat).toContain('Page 10 of 10');
    expect(pages).toHaveLength(10);
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of 10`));
  });

  it('names an unknown structure in one line and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orebridge-pack-'));
    const run = runCli(['report', path, '-o', join(dir, 'pack.pdf'), '--structures', 'nope']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('There is no structure "nope"');
    expect(() => statSync(join(dir, 'pack.pdf'))).toThrow();
  });
});

describe('the pack of a project with a simulation', () => {
  it('holds the risk summary of each structure', async () => {
    const { negotiationPack } = await import('../../electron/reports/pack/index.ts');
    const project = { ...loadExample(path), risk: { iterations: 400, seed: 7 } };
    const pack = await negotiationPack(project, { structures: ['sliding-royalty'], scenario: 'base' });
    if (!pack.ok) throw new Error(pack.error.message);
    const text = await pdfFlatText(pack.bytes);
    expect(text).toContain('Risk summary: Paying state partner');
    expect(text).toContain('400 iterations, seed 7');
    expect(text).toMatch(/Probability that the NPV is negative \d+\.\d %/);
  });
});
