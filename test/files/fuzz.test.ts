import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProject } from '../../shared/engine/index.ts';
import { importJsonFile, loadProjectFile, openDocument } from '../../electron/files/index.ts';
import { checkUntrustedBytes } from '../../electron/files/untrusted.ts';
import type { FileErrorCode } from '../../electron/files/types.ts';
import { examplePath, expectOk, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

/** mulberry32: a small deterministic PRNG, so a failing case can be replayed from its index. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REFUSALS: readonly FileErrorCode[] = ['empty', 'not-sqlite', 'not-orebridge', 'newer-version', 'corrupt', 'unexpected-schema', 'invalid-project'];

function mutate(original: Buffer, next: () => number): { bytes: Buffer; how: string } {
  const int = (n: number): number => Math.floor(next() * n);
  const bytes = Buffer.from(original);
  const pageSize = bytes.readUInt16BE(16);
  const pages = bytes.length / pageSize;
  switch (int(8)) {
    case 0: {
      const count = 1 + int(8);
      for (let i = 0; i < count; i++) bytes[int(bytes.length)] = int(256);
      return { bytes, how: `${count} random bytes` };
    }
    case 1: {
      const count = 1 + int(4);
      for (let i = 0; i < count; i++) bytes[int(100)] = int(256);
      return { bytes, how: `${count} header bytes` };
    }
    case 2: {
      const length = int(bytes.length);
      return { bytes: bytes.subarray(0, length), how: `truncated to ${length}` };
    }
    case 3: {
      const fields = [16, 28, 40, 56, 60, 68, 24, 92, 32, 36];
      const offset = fields[int(fields.length)]!;
      if (offset === 16) bytes.writeUInt16BE(int(65536), 16);
      else if (offset === 60) bytes.writeInt32BE(int(7) - 3, 60);
      else bytes.writeUInt32BE(int(2 ** 32), offset);
      return { bytes, how: `header field at ${offset}` };
    }
    case 4: {
      const start = pageSize + int(bytes.length - pageSize);
      const length = 16 + int(496);
      for (let i = start; i < Math.min(bytes.length, start + length); i++) bytes[i] = int(256);
      return { bytes, how: `${length} random bytes at ${start}` };
    }
    case 5: {
      const extra = Buffer.alloc(1 + int(2 * pageSize));
      for (let i = 0; i < extra.length; i++) extra[i] = int(256);
      return { bytes: Buffer.concat([bytes, extra]), how: `${extra.length} bytes appended` };
    }
    case 6: {
      const page = int(pages);
      bytes.fill(0, page * pageSize, (page + 1) * pageSize);
      return { bytes, how: `page ${page + 1} zeroed` };
    }
    default: {
      const a = 1 + int(pages - 1);
      const b = 1 + int(pages - 1);
      const pageA = Buffer.from(bytes.subarray(a * pageSize, (a + 1) * pageSize));
      bytes.copy(bytes, a * pageSize, b * pageSize, (b + 1) * pageSize);
      pageA.copy(bytes, b * pageSize);
      return { bytes, how: `pages ${a + 1} and ${b + 1} swapped` };
    }
  }
}

describe('fuzzing valid files', () => {
  it('1,200 mutated files are each refused with a sentence, or open as a valid project', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const originals: Buffer[] = [];
    for (const name of ['northern-spodumene', 'nickel-cobalt-hpal']) {
      const path = join(dir, `${name}.orebridge`);
      expectOk(await importJsonFile(examplePath(name), path));
      originals.push(readFileSync(path));
    }
    // One file with everything a format-2 file can hold: notes, flags, revisions.
    const rich = join(dir, 'rich.orebridge');
    expectOk(await importJsonFile(examplePath('ndpr-separation'), rich));
    const document = expectOk(await openDocument(rich, { dataDir: join(dir, 'data') }));
    const project = document.project();
    project.notes = 'project note';
    project.structures[0]!.notes = 'structure note';
    expectOk(document.apply(project));
    expectOk(document.setNotePrivate({ kind: 'structure', id: project.structures[0]!.id }, true));
    expectOk(document.setScenarioInternal(project.scenarios[0]!.id, true));
    expectOk(document.recordRevision({ structureId: project.structures[0]!.id, party: 'Ministry', note: 'round 1' }));
    expectOk(document.recordRevision({ structureId: project.structures[1]!.id, party: 'Miner', note: null }));
    expectOk(await document.save());
    await document.close();
    originals.push(readFileSync(rich));
    const next = random(20261122);
    const mutated = join(dir, 'mutated.orebridge');
    const outcomes = { opened: 0, refused: new Map<string, number>() };
    for (let i = 0; i < 1200; i++) {
      const { bytes, how } = mutate(originals[i % originals.length]!, next);
      // Every tenth case goes through a real file on disk; the rest through the same checks in memory.
      let result;
      if (i % 10 === 0) {
        writeFileSync(mutated, bytes);
        result = await loadProjectFile(mutated);
      } else result = checkUntrustedBytes(bytes);
      if (result.ok) {
        outcomes.opened += 1;
        expect(validateProject(result.value.project).ok, `case ${i} (${how})`).toBe(true);
      } else {
        outcomes.refused.set(result.error.code, (outcomes.refused.get(result.error.code) ?? 0) + 1);
        expect(REFUSALS, `case ${i} (${how}): ${result.error.code}`).toContain(result.error.code);
        expect(result.error.message, `case ${i} (${how})`).toMatch(/^[A-Z].*\.$/s);
      }
    }
    // The mutations reach every kind of refusal, so the loop tests more than the header check.
    expect(outcomes.refused.get('corrupt')).toBeGreaterThan(100);
    expect(outcomes.refused.get('not-sqlite')).toBeGreaterThan(10);
    expect(outcomes.refused.get('not-orebridge')).toBeGreaterThan(10);
    expect(outcomes.opened + [...outcomes.refused.values()].reduce((a, b) => a + b, 0)).toBe(1200);
  });
});
