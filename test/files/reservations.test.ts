// The negotiation block (each party's reservation values) in project files: stored losslessly,
// kept out of a share copy unless the user chooses (a byte scan, as for private notes).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJsonText, importJsonFile, loadProjectFile, openDocument, shareFile } from '../../electron/files/index.ts';
import { main as runCli } from '../../electron/cli/main.ts';
import { exampleText, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

/** Distinctive literals, so a scan of a file's bytes finds them only where they were written. */
const SECRET_PV = '61234567.891';
const SECRET_IRR = '0.1357913';
const BLOCK = `{
    "reservations": [
      { "party": "lithco", "minPv": ${SECRET_PV}, "minIrr": "${SECRET_IRR}", "minNpvAtHurdle": null, "weight": 2 },
      { "party": "miner", "minPv": "-5e6", "minNpvAtHurdle": 0 },
      { "party": "government", "minPv": 1.10, "minGovernmentTake": 0.450, "weight": null }
    ]
  }`;
const withNegotiation = (block: string) => exampleText('northern-spodumene').replace(/\}\s*$/, `,\n  "negotiation": ${block}\n}\n`);

async function importedFile(block: string): Promise<string> {
  const json = join(tempDir(), 'deal.json');
  writeFileSync(json, withNegotiation(block));
  const file = join(tempDir(), 'deal.orebridge');
  expectOk(await importJsonFile(json, file));
  return file;
}

describe('reservation values in project files', () => {
  it('round-trip through a .orebridge file exactly: literals as written, null and absent apart', async () => {
    const file = await importedFile(BLOCK);
    const text = expectOk(await exportJsonText(file));
    expect(JSON.parse(text)).toStrictEqual(JSON.parse(withNegotiation(BLOCK)));
    expect(text).toContain(`"minPv": ${SECRET_PV}`);
    expect(text).toContain('"minPv": 1.10');
    expect(text).toContain('"minPv": "-5e6"');
    const loaded = expectOk(await loadProjectFile(file));
    expect(loaded.project.negotiation?.reservations.map((r) => r.party)).toEqual(['lithco', 'miner', 'government']);
    for (const block of ['null', '{ "reservations": [] }']) {
      const other = await importedFile(block);
      expect(JSON.parse(expectOk(await exportJsonText(other))).negotiation).toStrictEqual(JSON.parse(block));
    }
    const none = join(tempDir(), 'none.json');
    writeFileSync(none, exampleText('northern-spodumene'));
    const plain = join(tempDir(), 'plain.orebridge');
    expectOk(await importJsonFile(none, plain));
    expect('negotiation' in JSON.parse(expectOk(await exportJsonText(plain)))).toBe(false);
  });

  it('an invalid reservation is refused at import with its path and the party named', async () => {
    const json = join(tempDir(), 'bad.json');
    writeFileSync(json, withNegotiation('{ "reservations": [ { "party": "government", "minIrr": 0.1 } ] }'));
    const result = await importJsonFile(json, join(tempDir(), 'bad.orebridge'));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('negotiation.reservations[0].minIrr');
    expect(JSON.stringify(result)).toContain("party 'Government' has no IRR");
  });

  it('are left out of a share copy unless kept: no trace in its bytes, even after edits left free pages', async () => {
    const file = await importedFile(BLOCK);
    const document = expectOk(await openDocument(file, { dataDir: tempDir() }));
    for (let i = 0; i < 3; i++) {
      expectOk(document.apply({ ...document.project(), name: `Round ${i}` }));
      expectOk(await document.save());
    }
    await document.close();
    const ours = readFileSync(file);
    expect(ours.includes(Buffer.from(SECRET_PV))).toBe(true);
    expect(ours.includes(Buffer.from(SECRET_IRR))).toBe(true);

    const copy = join(tempDir(), 'theirs.orebridge');
    expectOk(await shareFile(file, copy, { structures: ['sliding-royalty'] }));
    const bytes = readFileSync(copy);
    for (const secret of [SECRET_PV, SECRET_IRR, '-5e6', '"reservations"']) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    expect('negotiation' in JSON.parse(expectOk(await exportJsonText(copy)))).toBe(false);

    const kept = join(tempDir(), 'kept.orebridge');
    expectOk(await shareFile(file, kept, { structures: ['sliding-royalty'], keepReservations: true }));
    expect(JSON.parse(expectOk(await exportJsonText(kept))).negotiation).toStrictEqual(JSON.parse(BLOCK));
  });

  it('orebridge share keeps them only with --keep-reservations', async () => {
    const file = await importedFile(BLOCK);
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    const without = join(tempDir(), 'without.orebridge');
    expect(await runCli(['share', file, '-o', without, '--structures', 'sliding-royalty'], io)).toBe(0);
    expect(readFileSync(without).includes(Buffer.from(SECRET_PV))).toBe(false);
    const withThem = join(tempDir(), 'with.orebridge');
    expect(await runCli(['share', file, '-o', withThem, '--structures', 'sliding-royalty', '--keep-reservations'], io)).toBe(0);
    expect(readFileSync(withThem).includes(Buffer.from(SECRET_PV))).toBe(true);
  });
});
