import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLeftovers, importJsonFile, loadProjectFile } from '../../electron/files/index.ts';
import { CHILDREN } from './child-process.ts';
import { exampleText, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();
const KILLS = 60;

/**
 * Starts the save loop, waits until it has finished `savesFirst` saves (so the machine's load
 * cannot make every kill land before the first save), then kills it `delayMs` after its next
 * save began. Returns whether the kill landed while a save was under way.
 */
function killDuringSaves(args: string[], savesFirst: number, delayMs: number): Promise<{ midSave: boolean; saveMs: number[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(CHILDREN, 'save-loop.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const saved = output.match(/^saved \d+/gm)?.length ?? 0;
      if (!armed && saved >= savesFirst && /saving \d+\n$/.test(output)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the save loop stopped by itself: ${errors}`));
      const lines = output.trim().split('\n');
      const saveMs = lines.filter((line) => line.startsWith('saved ')).map((line) => Number(line.split(' ')[2]));
      resolve({ midSave: lines.at(-1)?.startsWith('saving ') ?? false, saveMs });
    });
  });
}

describe('a save killed at any moment', () => {
  it(`leaves the target as the old file or the new one, ${KILLS} times out of ${KILLS}, with kills landing mid-save`, { timeout: 600_000 }, async () => {
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
    const nextRandom = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const seen = new Map<string, number>();
    let midSave = 0;
    let typicalSaveMs = 5;
    for (let i = 0; i < KILLS; i++) {
      // A random point within about one save, measured on this machine as it is now.
      const outcome = await killDuringSaves([target, versions[0]!, versions[1]!], 1 + (i % 2), nextRandom() * typicalSaveMs * 1.2);
      if (outcome.saveMs.length > 0) typicalSaveMs = outcome.saveMs.reduce((a, b) => a + b, 0) / outcome.saveMs.length;
      if (outcome.midSave) midSave += 1;

      const loaded = await loadProjectFile(target);
      expect(loaded.ok, `kill ${i}: ${loaded.ok ? '' : loaded.error.message}`).toBe(true);
      if (loaded.ok) {
        const name = loaded.value.project.name ?? '';
        expect(names).toContain(name);
        seen.set(name, (seen.get(name) ?? 0) + 1);
      }
      await cleanLeftovers(join(dir, 'data'), [target]);
      expect(readdirSync(dir).filter((n) => n.includes('.orebridge-saving'))).toEqual([]);
    }
    console.log(`crash test: ${KILLS} kills, ${midSave} landed while a save was under way (typical save ${typicalSaveMs.toFixed(1)} ms)`);
    // Both versions were found, and kills landed in the middle of saves, not only between them.
    expect(seen.size).toBe(2);
    expect(midSave).toBeGreaterThan(KILLS / 4);
  });
});
