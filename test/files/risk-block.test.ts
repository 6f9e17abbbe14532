import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJsonText, importJsonFile, loadProjectFile, shareFile } from '../../electron/files/index.ts';
import { exampleText, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();
const BLOCK = `{
    "iterations": 20000,
    "seed": 4294967295,
    "variables": [
      { "id": "price", "target": "priceLevel", "distribution": { "type": "lognormal", "p10": 0.750, "p90": "1.30" } },
      { "id": "capex", "target": "capexFactor", "distribution": { "type": "pert", "min": 0.95, "mode": 1.05, "max": 1.6000000000000000001 } },
      { "id": "delay", "target": "delayYears", "distribution": { "type": "discrete", "values": [0, 1, 2], "probabilities": ["0.6", 0.3, 0.1] } }
    ],
    "correlations": [ { "a": "price", "b": "capex", "rho": -0.25 } ],
    "pricePath": { "volatility": 0.2, "persistence": 0.7 },
    "disruption": { "annualProbability": 0.05, "years": 1 }
  }`;

const withRisk = (risk: string) => exampleText('northern-spodumene').replace(/\}\s*$/, `,\n  "risk": ${risk}\n}\n`);

describe('the risk block in project files', () => {
  it('is stored in the .orebridge file and exported exactly as imported, number literals included', async () => {
    const json = join(tempDir(), 'with-risk.json');
    writeFileSync(json, withRisk(BLOCK));
    const file = join(tempDir(), 'with-risk.orebridge');
    expectOk(await importJsonFile(json, file));
    const exported = JSON.parse(expectOk(await exportJsonText(file))) as { risk: unknown };
    expect(exported.risk).toStrictEqual(JSON.parse(BLOCK));
    expect(expectOk(await exportJsonText(file))).toContain('"max": 1.6000000000000000001');
    const loaded = expectOk(await loadProjectFile(file));
    expect(loaded.project.risk?.variables?.map((v) => v.id)).toEqual(['price', 'capex', 'delay']);
  });

  it('is kept in a share copy (it belongs to the venture, not to a structure)', async () => {
    const json = join(tempDir(), 'with-risk.json');
    writeFileSync(json, withRisk(BLOCK));
    const file = join(tempDir(), 'ours.orebridge');
    expectOk(await importJsonFile(json, file));
    const target = join(tempDir(), 'theirs.orebridge');
    expectOk(await shareFile(file, target, { structures: ['sliding-royalty'] }));
    const shared = JSON.parse(expectOk(await exportJsonText(target))) as { risk: unknown; structures: { id: string }[] };
    expect(shared.structures.map((s) => s.id)).toEqual(['sliding-royalty']);
    expect(shared.risk).toStrictEqual(JSON.parse(BLOCK));
  });

  it('a project without a block stays without one; an invalid block is refused with its path', async () => {
    const plain = join(tempDir(), 'plain.orebridge');
    const json = join(tempDir(), 'plain.json');
    writeFileSync(json, exampleText('northern-spodumene'));
    expectOk(await importJsonFile(json, plain));
    expect('risk' in (JSON.parse(expectOk(await exportJsonText(plain))) as object)).toBe(false);

    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, withRisk('{ "variables": [ { "id": "price", "target": "priceLevel", "distribution": { "type": "pert", "min": 1, "mode": 0.5, "max": 2 } } ] }'));
    const result = await importJsonFile(bad, join(tempDir(), 'bad.orebridge'));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('risk.variables[0].distribution.mode');
  });
});
