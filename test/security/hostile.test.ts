// The security suite: every hostile file, document and request is refused — exit 1 or 2 with
// one plain line on the command line, a refusal as data from browser mode — within 5 s and 1 GB,
// and browser mode keeps answering other requests meanwhile. `npm run security` prints the figures.
import { describe, expect, it } from 'vitest';
import { runRequestSuite } from './requests.ts';
import { MEMORY_BUDGET_MB, runSuite, TIME_BUDGET_MS } from './suite.ts';

describe('hostile inputs', () => {
  it('every hostile file or document is refused by the command line within the budget', { timeout: 600_000 }, async () => {
    const figures = await runSuite();
    for (const f of figures) {
      expect(f.code, `${f.name}: ${f.firstLine}`).toBeOneOf([1, 2]);
      expect(f.firstLine, f.name).toMatch(/^(orebridge: .*[.)]|[\w.[\]]+: .+)$/);
      expect(f.firstLine, f.name).not.toMatch(/\bat .*\.ts:\d+|Error:|RangeError|root:x/);
      expect(f.ms, f.name).toBeLessThan(TIME_BUDGET_MS);
      expect(f.maxRssMb, f.name).toBeLessThan(MEMORY_BUDGET_MB);
    }
  });

  it('every hostile request is refused by browser mode within the budget, and others are answered meanwhile', { timeout: 300_000 }, async () => {
    const { figures, slowestOtherMs } = await runRequestSuite();
    for (const f of figures) {
      expect(f.refused, `${f.name}: HTTP ${f.code}`).toBe(true);
      expect(f.code, f.name).not.toBe(500);
      expect(f.firstLine, f.name).not.toMatch(/\n|\bat .*\.ts:\d+/);
      expect(f.ms, f.name).toBeLessThan(TIME_BUDGET_MS);
      expect(f.maxRssMb, f.name).toBeLessThan(MEMORY_BUDGET_MB);
    }
    expect(slowestOtherMs).toBeLessThan(TIME_BUDGET_MS);
  });
});
