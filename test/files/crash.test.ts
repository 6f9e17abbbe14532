import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLeftovers, importJsonFile, loadProjectFile } from '../../electron/files/index.ts';
import { killAndWait, startChild } from './child-process.ts';
import { exampleText, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();
const KILLS = 60;

describe('a save killed at any moment', () => {
  it(`leaves the target as the old file or the new one, ${KILLS} times out of ${KILLS}`, { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const names = ['Version A', 'Version B'];
    const versions = await Promise.all(
      names.map(async (name, i) => {
        const json = join(dir, `v${i}.json`);
        writeFileSync(json, JSON.stringify({ ...JSON.parse(exampleText('nickel-cobalt-hpal')), name }));
        const path = join(dir, `v${i}.orebridge`);
        expectOk(await importJsonFile(json, path));
        return path;
      }),
    );
    const target = join(dir, 'target.orebridge');
    copyFileSync(versions[0]!, target);

    let seed = 7;
    const nextDelay = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % 40;
    };
    const seen = new Map<string, number>();
    let interruptedSaves = 0;
    for (let i = 0; i < KILLS; i++) {
      const child = await startChild('save-loop.ts', [target, versions[0]!, versions[1]!]);
      await new Promise((resolve) => setTimeout(resolve, nextDelay()));
      await killAndWait(child);

      const loaded = await loadProjectFile(target);
      expect(loaded.ok, `kill ${i}: ${loaded.ok ? '' : loaded.error.message}`).toBe(true);
      if (loaded.ok) {
        const name = loaded.value.project.name ?? '';
        expect(names).toContain(name);
        seen.set(name, (seen.get(name) ?? 0) + 1);
      }
      interruptedSaves += readdirSync(dir).filter((n) => n.endsWith('.orebridge-saving')).length;
      await cleanLeftovers(join(dir, 'data'), [target]);
      expect(readdirSync(dir).filter((n) => n.endsWith('.orebridge-saving'))).toEqual([]);
    }
    // Both versions were found, and some kills landed in the middle of a save.
    expect(seen.size).toBe(2);
    expect(interruptedSaves).toBeGreaterThan(0);
  });
});
