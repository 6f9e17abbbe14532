import { CURRENT_FORMAT_VERSION } from '../../electron/files/format.ts';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { openDocument } from '../../electron/files/index.ts';
import { CHILDREN } from './child-process.ts';
import { examplePath, exampleText, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();
const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'orebridge.js');

async function orebridge(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function imported(name = 'northern-spodumene'): Promise<string> {
  const path = join(tempDir(), `${name}.orebridge`);
  const result = await orebridge('import', examplePath(name), '-o', path);
  expect(result.code, result.err).toBe(0);
  return path;
}

describe('orebridge import / export', () => {
  it('round-trips a project, to a file and to standard output', async () => {
    const path = await imported();
    const exported = await orebridge('export', path);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toStrictEqual(JSON.parse(exampleText('northern-spodumene')));
    const json = join(tempDir(), 'out.json');
    expect((await orebridge('export', path, '-o', json)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toStrictEqual(JSON.parse(exampleText('northern-spodumene')));
  });

  it('refuses to replace a file without --force, and an invalid project with exit 2', async () => {
    const path = await imported();
    const again = await orebridge('import', examplePath('ndpr-separation'), '-o', path);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists; add --force/);
    expect((await orebridge('import', examplePath('ndpr-separation'), '-o', path, '--force')).code).toBe(0);

    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, exampleText('ndpr-separation').replace('"discounting": "end-year"', '"discounting": "whenever"'));
    const invalid = await orebridge('import', bad, '-o', join(tempDir(), 'bad.orebridge'));
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/^assumptions\.discounting: /m);
    expect((await orebridge('import', join(tempDir(), 'missing.json'), '-o', join(tempDir(), 'x.orebridge'))).code).toBe(1);
  });
});

describe('orebridge check', () => {
  it('exits 0 for a valid file, 2 for an invalid one, 1 for an unreadable one', async () => {
    const path = await imported();
    const valid = await orebridge('check', path);
    expect(valid.code).toBe(0);
    expect(valid.out).toMatch(new RegExp(`valid Orebridge project \\(file format ${CURRENT_FORMAT_VERSION}\\)\\. 2 structure\\(s\\), 3 scenario\\(s\\), 0 revision\\(s\\)`));

    const db = new Database(path);
    db.exec(`UPDATE partners SET equity = '0.99' WHERE position = 0`);
    db.close();
    const invalid = await orebridge('check', path);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/structures\[0\]\.terms\.partners/);

    const db2 = new Database(path);
    db2.exec(`CREATE TRIGGER t AFTER INSERT ON notes BEGIN SELECT 1; END`);
    db2.close();
    expect((await orebridge('check', path)).code).toBe(2);

    const garbage = join(tempDir(), 'garbage.orebridge');
    writeFileSync(garbage, 'not a database at all');
    const unreadable = await orebridge('check', garbage, '--json');
    expect(unreadable.code).toBe(1);
    expect(JSON.parse(unreadable.out)).toMatchObject({ status: 'unreadable', formatVersion: null });
    expect((await orebridge('check', examplePath('ndpr-separation'))).code).toBe(1);
  });
});

describe('orebridge share, revisions, diff', () => {
  it('shares the chosen structures, lists revisions and diffs them', async () => {
    const path = await imported();
    const document = expectOk(await openDocument(path, { dataDir: tempDir() }));
    expectOk(document.recordRevision({ structureId: 'state-carry-offtake', party: 'Ministry', note: 'Round 1' }));
    const project = document.project();
    project.structures[0]!.terms.partners[0]!.equity = 0.25;
    project.structures[0]!.terms.partners[1]!.equity = 0.45;
    expectOk(document.apply(project));
    const results = { scenarioId: 'base', scenarioName: 'Base case', ventureNpv: '123.5', ventureIrr: null, governmentTake: '0.41', parties: [{ id: 'government', kind: 'government' as const, pv: '50.25' }] };
    expectOk(document.recordRevision({ structureId: 'state-carry-offtake', party: 'Boreal', note: null, results }));
    expectOk(await document.save());
    await document.close();

    const listed = await orebridge('revisions', path);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^@1 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}Ministry {2}state-carry-offtake {2}Round 1$/m);
    expect(listed.out).toMatch(/^@2 .*Boreal {2}state-carry-offtake$/m);
    expect(listed.out).toContain('@1');
    expect(listed.out).toMatch(/Round 1\n {4}results: not recorded/);
    expect(listed.out).toContain('    results under base: venture NPV 123.5, IRR none, government take 0.41; PV government 50.25\n');

    const diff = await orebridge('diff', path, '@1', '@2');
    expect(diff.code).toBe(0);
    expect(diff.out).toContain('~ Equity of National Lithium Corporation: 15 % → 25 %');
    expect(diff.out).toContain('~ Equity of Boreal Minerals plc: 55 % → 45 %');
    const structures = await orebridge('diff', path, 'state-carry-offtake', 'sliding-royalty', '--json');
    expect(JSON.parse(structures.out).length).toBeGreaterThan(0);
    expect((await orebridge('diff', path, '@1', 'nope')).code).toBe(1);

    const copy = join(tempDir(), 'copy.orebridge');
    const shared = await orebridge('share', path, '-o', copy, '--structures', 'sliding-royalty', '--scenarios', 'base,low-price');
    expect(shared.code, shared.err).toBe(0);
    const exported = JSON.parse((await orebridge('export', copy)).out) as { structures: { id: string }[]; scenarios: { id: string }[] };
    expect(exported.structures.map((s) => s.id)).toEqual(['sliding-royalty']);
    expect(exported.scenarios.map((s) => s.id)).toEqual(['base', 'low-price']);
    expect(readFileSync(copy).includes(Buffer.from('state-carry-offtake'))).toBe(false);
    expect((await orebridge('revisions', copy)).out).toMatch(/No revisions/);
    expect((await orebridge('share', path, '-o', copy, '--structures', 'nope')).code).toBe(1);
  });
});

describe('the orebridge binary', () => {
  it('evaluates an .orebridge file exactly like its JSON', async () => {
    const path = await imported('nickel-cobalt-hpal');
    const fromFile = await run(process.execPath, [BIN, 'evaluate', path, '--json']);
    const fromJson = await run(process.execPath, [BIN, 'evaluate', examplePath('nickel-cobalt-hpal'), '--json']);
    expect(fromFile.stdout.length).toBeGreaterThan(100);
    expect(fromFile.stdout).toBe(fromJson.stdout);
  });

  it('does not load better-sqlite3 to read a JSON project, only for an .orebridge file', async () => {
    const script = join(CHILDREN, 'loaded-modules.ts');
    const json = await run(process.execPath, [script, examplePath('ndpr-separation')]);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, sqliteLoaded: false });
    const file = await run(process.execPath, [script, await imported('ndpr-separation')]);
    expect(JSON.parse(file.stdout)).toEqual({ ok: true, sqliteLoaded: true });
  });
});

describe('orebridge evaluate on a project that still holds the template’s placeholders', () => {
  it('says so on stderr, from the file’s marks and from exported JSON, and prints the figures as usual', async () => {
    const path = await imported();
    const db = new Database(path);
    db.prepare('INSERT INTO placeholders (path) VALUES (?), (?)').run('assumptions.discountRate', 'assumptions.prices[0]');
    db.close();
    const evaluated = await orebridge('evaluate', path, '--json');
    expect(evaluated.code).toBe(0);
    expect(JSON.parse(evaluated.out).venture.npv).toBeTypeOf('string');
    expect(evaluated.err).toBe(
      "orebridge: note: 2 inputs still hold the new-venture template's placeholders (assumptions.discountRate, assumptions.prices[0]), so the figures are illustrative until they are replaced.\n",
    );
    const json = join(tempDir(), 'marked.json');
    writeFileSync(json, (await orebridge('export', path)).out);
    expect((await orebridge('evaluate', json)).err).toContain('2 inputs still hold');
    expect((await orebridge('evaluate', await imported('ndpr-separation'))).err).toBe('');
  });
});
