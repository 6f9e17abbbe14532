import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../shared/engine/arithmetic.ts';
import { evaluateProject, type Project, type RiskBlock } from '../../shared/engine/index.ts';
import { mergeColumns, runIterations, setUpSimulation, simulationDocument, type SimulationSetup } from '../../shared/risk/index.ts';
import { runChunks, type ChunkRunner } from '../../shared/risk/parallel.ts';
import { PERCENTILES, percentile, quantityStatistics, ranks } from '../../shared/risk/statistics.ts';
import { exampleCases, exampleProjectPaths, loadExample } from '../support/examples.ts';

const setUp = (project: Project, selection: { structure?: string; scenario?: string; iterations: number; seed?: number }): SimulationSetup => {
  const outcome = setUpSimulation({ project, ...selection });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.setup;
};

describe('statistics (§R4)', () => {
  it('percentiles interpolate between order statistics; cvar5 is the mean of the ⌈0.05 n⌉ smallest', () => {
    const values = Float64Array.from([5, 1, 4, 2, 3]);
    const s = quantityStatistics(values)!;
    expect([s.min, s.max, s.mean, s.p50, s.p25, s.p10, s.p95]).toEqual([1, 5, 3, 3, 2, 1.4, 4.8]);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 15);
    expect(s.cvar5).toBe(1);
    const many = Float64Array.from({ length: 41 }, (_, i) => i);
    expect(quantityStatistics(many)!.cvar5).toBe((0 + 1 + 2) / 3);
    expect(percentile(Float64Array.from([0, 10]), 0.9)).toBe(9);
    expect(quantityStatistics(Float64Array.from([7]))).toMatchObject({ sd: 0, p5: 7, p95: 7, cvar5: 7 });
  });

  it('ties share their average rank', () => {
    expect(Array.from(ranks(Float64Array.from([10, 20, 10, 30, 20, 20])))).toEqual([1.5, 4, 1.5, 6, 4, 4]);
    expect(Array.from(ranks(Float64Array.from([0, -0, -1e-300, -Infinity, 5e-324, Infinity, -2, 3])))).toEqual([4.5, 4.5, 3, 1, 6, 8, 2, 7]);
  });

  // The selection and the radix ranks give exactly what a full sort gives: few distinct values
  // (many ties, as for a party's PV of 0), negative, subnormal and huge values.
  const samples = fc.array(fc.oneof(
    fc.constantFrom(0, -0, 1, -1, 2.5),
    fc.double({ noNaN: true }),
    fc.integer({ min: -3, max: 3 }).map((x) => x * 1e-310),
  ), { minLength: 1, maxLength: 300 }).map((xs) => Float64Array.from(xs));

  it('statistics from selected order statistics equal those of a full sort', () => {
    fc.assert(fc.property(samples, (values) => {
      const sorted = Float64Array.from(values).sort();
      const s = quantityStatistics(values)!;
      // −0 and 0 are one value here (both print as "0").
      const same = (x: number, y: number) => expect(x === y || (Number.isNaN(x) && Number.isNaN(y)), `${x} and ${y}`).toBe(true);
      same(s.min, sorted[0]!);
      same(s.max, sorted[sorted.length - 1]!);
      for (const [key, q] of PERCENTILES) same(s[key], percentile(sorted, q));
      const tail = Math.ceil(0.05 * values.length);
      let tailSum = 0;
      for (let i = 0; i < tail; i++) tailSum += sorted[i]!;
      same(s.cvar5, tailSum / tail);
    }), { numRuns: 300 });
  });

  it('radix ranks equal the ranks of a comparator sort', () => {
    fc.assert(fc.property(samples, (values) => {
      const n = values.length;
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
      const expected = new Float64Array(n);
      let i = 0;
      while (i < n) {
        let j = i;
        while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
        for (let k = i; k <= j; k++) expected[order[k]!] = (i + j) / 2 + 1;
        i = j + 1;
      }
      expect(Array.from(ranks(values))).toEqual(Array.from(expected));
    }), { numRuns: 300 });
  });
});

const neutral: RiskBlock = {
  iterations: 50, seed: 9,
  variables: [
    { id: 'price', target: 'priceLevel', distribution: { type: 'fixed', value: 1 } },
    { id: 'capex', target: 'capexFactor', distribution: { type: 'fixed', value: '1' } },
    { id: 'opex', target: 'opexFactor', distribution: { type: 'fixed', value: 1 } },
    { id: 'grade', target: 'gradeFactor', distribution: { type: 'fixed', value: 1 } },
    { id: 'delay', target: 'delayYears', distribution: { type: 'fixed', value: 0 } },
  ],
};

describe('the simulation', () => {
  it('the examples below are every example of the methodology, version 1 and version 2', () => {
    const versions = exampleProjectPaths().map((path) => Number(loadExample(path).version));
    expect(versions.length).toBe(exampleCases().map((c) => c.name).filter((n, i, all) => all.indexOf(n) === i).length);
    expect(new Set(versions)).toEqual(new Set([1, 2]));
  });

  for (const path of exampleProjectPaths()) {
    const name = path.split('/').pop()!;
    it(`${name}: every variable fixed at its neutral value gives the deterministic result in every structure and scenario`, () => {
      const project = { ...loadExample(path), risk: neutral };
      for (const structure of project.structures) {
        for (const scenario of project.scenarios) {
          const setup = setUp(project, { structure: structure.id, scenario: scenario.id, iterations: 20 });
          const doc = simulationDocument(setup, runIterations(setup, 0, 20));
          const exact = evaluateProject(project, { structure: structure.id, scenario: scenario.id }, { shocks: false, breakeven: false });
          if (!exact.ok) throw new Error(exact.error.message);
          const e = exact.evaluation;
          const scale = Math.max(1, Math.abs(Number(e.venture.preTaxNpv)), ...e.parties.map((p) => Math.abs(Number(p.pv))));
          expect(doc.parties.map((p) => p.id)).toEqual(e.parties.map((p) => p.id));
          const close = (simulated: string | null, decimal: string) =>
            expect(new Dec(simulated!).minus(decimal).abs().toNumber()).toBeLessThanOrEqual(1e-9 * scale);
          for (const party of e.parties) {
            const s = doc.parties.find((p) => p.id === party.id)!;
            for (const key of ['mean', 'p5', 'p50', 'p95', 'min', 'max', 'cvar5'] as const) close(s.pv[key], party.pv);
            expect(s.pv.sd).toBe('0');
            if (party.npvAtHurdle !== undefined) close(s.npvAtHurdle!.mean, party.npvAtHurdle);
            expect(s.probabilityNegative).toBe(Number(party.pv) < 0 ? '1' : '0');
            expect(s.riskShare).toBeNull();
          }
          close(doc.venture.npv.p50, e.venture.npv);
          close(doc.venture.preTaxNpv.p95, e.venture.preTaxNpv);
          expect(doc.venture.npv.sd).toBe('0');
          // The simulated flows agree with the decimal ones to about 1e-12, and so do their IRRs.
          if (e.venture.irr !== null) expect(Math.abs(Number(doc.venture.irr.p50) - Number(e.venture.irr))).toBeLessThan(1e-10);
          else expect(doc.venture.irr.none + doc.venture.irr.several).toBe(20);
          if (e.venture.aetr !== null) expect(Number(doc.venture.aetr.mean)).toBeCloseTo(Number(e.venture.aetr), 9);
          else expect(doc.venture.aetr.undefined).toBe(20);
          if (e.venture.governmentTake !== null) expect(Number(doc.venture.governmentTake.p95)).toBeCloseTo(Number(e.venture.governmentTake), 9);
          else expect(doc.venture.governmentTake.undefined).toBe(20);
        }
      }
    });
  }

  it('risk shares of all parties sum to 1; sensitivities are between −1 and 1; parties keep the §7 order', () => {
    const project = loadExample(exampleProjectPaths()[0]!);
    const setup = setUp(project, { iterations: 400 });
    const doc = simulationDocument(setup, runIterations(setup, 0, 400));
    const sum = doc.parties.reduce((s, p) => s + Number(p.riskShare), 0);
    expect(sum).toBeCloseTo(1, 9);
    for (const p of doc.parties) for (const rho of Object.values(p.sensitivity)) expect(Math.abs(Number(rho))).toBeLessThanOrEqual(1);
    const partnerIds = project.structures[0]!.terms.partners.map((p) => p.id);
    const order = [...partnerIds, 'government', 'community', 'external-licensor', 'external-offtaker'];
    const ids = doc.parties.map((p) => p.id);
    expect([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(ids);
    expect(doc.variables.map((v) => v.id)).toEqual(['price', 'capex', 'opex', 'grade']);
  });

  it('gives bit-identical documents for 1, 2 and 4 workers and any chunk size (common random numbers)', async () => {
    const project = loadExample(exampleProjectPaths()[1]!);
    const setup = setUp(project, { iterations: 700, seed: 42 });
    const documentWith = async (workers: number, chunkSize: number) => {
      const runner: ChunkRunner = async (from, to) => runIterations(setup, from, to);
      const chunks = await runChunks(700, Array.from({ length: workers }, () => runner), () => {}, () => false, chunkSize);
      return JSON.stringify(simulationDocument(setup, mergeColumns(chunks!)));
    };
    const one = await documentWith(1, 700);
    expect(await documentWith(2, 100)).toBe(one);
    expect(await documentWith(4, 33)).toBe(one);
    // The draws of an iteration do not depend on the structure: two structures see the same values.
    const other = setUp(project, { structure: project.structures[1]!.id, iterations: 700, seed: 42 });
    expect(simulationDocument(other, runIterations(other, 0, 700)).variables).toEqual(JSON.parse(one).variables);
  });

  it('stops handing out work when cancelled', async () => {
    const project = loadExample(exampleProjectPaths()[0]!);
    const setup = setUp(project, { iterations: 1000 });
    let ran = 0;
    let cancelled = false;
    const runner: ChunkRunner = async (from, to) => {
      ran += to - from;
      cancelled = true;
      return runIterations(setup, from, to);
    };
    expect(await runChunks(1000, [runner], () => {}, () => cancelled, 100)).toBeNull();
    expect(ran).toBe(100);
  });
});
