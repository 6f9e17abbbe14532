import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffInFile, diffStructures, importJsonFile, listFileRevisions, openDocument } from '../../electron/files/index.ts';
import { examplePath, exampleProject, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

describe('revisions and negotiation rounds', () => {
  it('records rounds, lists them, and diffs them term by term', async () => {
    const path = join(tempDir(), 'rounds.orebridge');
    expectOk(await importJsonFile(examplePath('northern-spodumene'), path));
    const document = expectOk(await openDocument(path, { dataDir: tempDir() }));
    const first = expectOk(document.recordRevision({ structureId: 'state-carry-offtake', party: 'Ministry', note: 'Opening offer' }));
    expect(first).toMatchObject({ id: 1, structureId: 'state-carry-offtake', party: 'Ministry', note: 'Opening offer' });
    expect(Date.parse(first.recordedAt)).not.toBeNaN();

    const project = document.project();
    const terms = project.structures[0]!.terms;
    terms.partners[0]!.equity = 0.2;
    terms.partners[1]!.equity = '0.50';
    terms.partners[0]!.carried = { interestRate: 0.07, repaymentShare: 0.6 };
    terms.fiscal.royalty.bands[0]!.rate = '0.06';
    terms.offtake[0]!.floor = 1000;
    terms.fiscal.withholding.dividends = '0.100'; // the same number written differently: no change
    terms.technology = [];
    expectOk(document.apply(project));
    expectOk(document.recordRevision({ structureId: 'state-carry-offtake', party: 'Boreal Minerals plc' }));

    expect(document.revisions().map((r) => [r.id, r.party, r.note])).toEqual([
      [1, 'Ministry', 'Opening offer'],
      [2, 'Boreal Minerals plc', null],
    ]);
    expect(document.revisions('sliding-royalty')).toEqual([]);

    const changes = expectOk(document.diff({ kind: 'revision', id: 1 }, { kind: 'revision', id: 2 }));
    const byPath = new Map(changes.map((c) => [c.path, c]));
    expect(byPath.get('terms.partners[0].equity')).toEqual({
      path: 'terms.partners[0].equity',
      label: 'Equity of National Lithium Corporation',
      change: 'changed',
      before: '15 %',
      after: '20 %',
    });
    expect(byPath.get('terms.partners[1].equity')).toMatchObject({ before: '55 %', after: '50 %' });
    expect(byPath.get('terms.partners[0].carried.interestRate')).toMatchObject({ label: 'Carry interest rate of National Lithium Corporation', before: '6 %', after: '7 %' });
    expect(byPath.get('terms.fiscal.royalty.bands[0].rate')).toMatchObject({ label: 'Band 1 royalty rate', before: '5 %', after: '6 %' });
    expect(byPath.get('terms.offtake[0].floor')).toMatchObject({ label: 'Floor price of cell-offtake', before: 'US$ 950 /t SC6', after: 'US$ 1,000 /t SC6' });
    expect(byPath.get('terms.technology[0]')).toMatchObject({ change: 'removed', label: 'Agreement Reverse-flotation licence', after: null });
    expect(byPath.has('terms.fiscal.withholding.dividends')).toBe(false);
    expect(changes).toHaveLength(6);

    // The current structure against a revision, and a structure against itself.
    expect(expectOk(document.diff({ kind: 'revision', id: 2 }, { kind: 'structure', id: 'state-carry-offtake' }))).toEqual([]);
    const unknown = document.diff({ kind: 'revision', id: 9 }, { kind: 'structure', id: 'state-carry-offtake' });
    expect(unknown.ok || unknown.error.code).toBe('unknown-revision');

    expectOk(await document.save());
    await document.close();
    expect(expectOk(await listFileRevisions(path)).map((r) => r.party)).toEqual(['Ministry', 'Boreal Minerals plc']);
    expect(expectOk(await diffInFile(path, { kind: 'revision', id: 1 }, { kind: 'revision', id: 2 }))).toEqual(changes);
  });

  it('diffs two structures of a project', async () => {
    const project = exampleProject('northern-spodumene');
    const [a, b] = project.structures;
    const changes = await diffStructures(a!, b!);
    expect(changes.find((c) => c.path === 'name')).toMatchObject({ before: a!.name, after: b!.name });
    expect(changes.some((c) => c.path.startsWith('terms.partners[0]'))).toBe(true);
    expect(await diffStructures(a!, a!)).toEqual([]);
  });
});
