// The untrusted-work pool: work runs in worker threads under time and memory limits, with
// progress and cancel, and a worker that hit a limit is replaced.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importJsonFile } from '../../electron/files/index.ts';
import { createWorkPool } from '../../electron/work/pool.ts';
import { exampleProject, examplePath, useTempDirs } from '../files/helpers.ts';

const tempDir = useTempDirs();
const pool = createWorkPool({ size: 2 });
afterAll(() => pool.close());

describe('the untrusted-work pool', () => {
  it('checks a project file in a worker and returns its content as plain data', async () => {
    const path = join(tempDir(), 'deal.orebridge');
    expect((await importJsonFile(examplePath('northern-spodumene'), path)).ok).toBe(true);
    const done = await pool.run({ kind: 'check-file', path });
    expect(done.ok && done.value.ok && done.value.value.project.name).toBe(exampleProject('northern-spodumene').name);
    expect(done.ok && done.value.ok && typeof done.value.value.seal).toBe('string');
  });

  it('evaluates a project a worker found valid on its seal, and validates a changed one as before', async () => {
    const checked = await pool.run({ kind: 'validate', project: exampleProject('northern-spodumene') });
    if (!checked.ok || !checked.value.ok || !('seal' in checked.value) || checked.value.seal === null) throw new Error('the example is valid and sealed');
    const { project, seal } = checked.value;
    const cases = project.structures.map((structure) => ({ structure: structure.id }));
    const options = { shocks: false, breakeven: false };
    const sealed = await pool.run({ kind: 'evaluate', project, cases, options, seals: [seal] });
    const plain = await pool.run({ kind: 'evaluate', project, cases, options });
    expect(sealed.ok && sealed.value.ok).toBe(true);
    expect(JSON.stringify(sealed)).toBe(JSON.stringify(plain));

    const changed = structuredClone(project);
    changed.structures[0]!.terms.partners[0]!.equity = '2';
    const refused = await pool.run({ kind: 'evaluate', project: changed, cases, options, seals: [seal] });
    expect(refused.ok && !refused.value.ok && refused.value.problems.map((problem) => problem.path)).toContain('structures[0].terms.partners[0].equity');
  });

  it('stops work past its time limit with one sentence, and the next task still runs', async () => {
    const project = exampleProject('ndpr-separation');
    const cases = Array.from({ length: 200 }, () => ({}));
    const slow = await pool.run({ kind: 'evaluate', project, cases, options: {} }, { limits: { timeMs: 50, memoryMb: 256 }, refusal: 'This project is too large to evaluate safely' });
    expect(slow).toEqual({ ok: false, error: { code: 'too-large', message: 'This project is too large to evaluate safely: it takes longer than 0.05 s.' } });
    const next = await pool.run({ kind: 'evaluate', project, cases: [{}], options: { shocks: false, breakeven: false } });
    expect(next.ok && next.value.ok && next.value.outcomes[0]?.ok).toBe(true);
  });

  it('stops work past its memory limit with one sentence', async () => {
    // Many small objects, as a hostile request would send: the worker's heap grows until the limit.
    const project = { ...exampleProject('northern-spodumene'), structures: Array.from({ length: 300_000 }, (_, i) => ({ id: `s${i}`, terms: { partners: [] } })) };
    const done = await pool.run({ kind: 'validate', project }, { limits: { timeMs: 60_000, memoryMb: 32 }, refusal: 'This project is too large to check safely' });
    expect(done).toEqual({ ok: false, error: { code: 'too-large', message: 'This project is too large to check safely: it needs more than 32 MB of memory.' } });
  });

  it('reports progress and can be cancelled', async () => {
    const project = exampleProject('nickel-cobalt-hpal');
    const seen: number[] = [];
    const done = await pool.run({ kind: 'evaluate', project, cases: [{}, {}, {}], options: { shocks: false, breakeven: false } }, { onProgress: (count) => seen.push(count) });
    expect(done.ok).toBe(true);
    expect(seen).toEqual([1, 2, 3]);
    const controller = new AbortController();
    const running = pool.run({ kind: 'evaluate', project, cases: Array.from({ length: 500 }, () => ({})), options: {} }, { limits: { timeMs: 60_000, memoryMb: 256 }, signal: controller.signal, onProgress: () => controller.abort() });
    const result = await running;
    expect(result.ok ? 'finished' : result.error).toEqual({ code: 'cancelled', message: 'Cancelled.' });
  });
});
