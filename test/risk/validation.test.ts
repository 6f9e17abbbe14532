import { describe, expect, it } from 'vitest';
import { validateProject } from '../../shared/engine/index.ts';
import { NOT_PSD_MESSAGE, validateRiskBlock } from '../../shared/risk/index.ts';
import { exampleProjectPaths, loadExample } from '../support/examples.ts';

/** The block of risk-model.md §R1. */
const specBlock = () => ({
  iterations: 10000,
  seed: 20261130,
  variables: [
    { id: 'price', target: 'priceLevel', distribution: { type: 'lognormal', p10: 0.75, p90: 1.30 } },
    { id: 'capex', target: 'capexFactor', distribution: { type: 'pert', min: 0.95, mode: 1.05, max: 1.60 } },
    { id: 'opex', target: 'opexFactor', distribution: { type: 'triangular', min: 0.90, mode: 1.0, max: 1.30 } },
    { id: 'grade', target: 'gradeFactor', distribution: { type: 'normal', mean: 1, sd: 0.07, min: 0 } },
    { id: 'delay', target: 'delayYears', distribution: { type: 'discrete', values: [0, 1, 2], probabilities: [0.6, 0.3, 0.1] } },
  ] as Record<string, unknown>[],
  correlations: [{ a: 'price', b: 'capex', rho: 0.4 }] as Record<string, unknown>[],
  pricePath: { volatility: 0.20, persistence: 0.7 } as Record<string, unknown>,
  disruption: { annualProbability: 0.05, years: 1 } as Record<string, unknown>,
});

const problemsOf = (block: unknown) => {
  const result = validateRiskBlock(block);
  return result.ok ? [] : result.problems;
};

describe('the risk block (§R1)', () => {
  it('accepts the block of the methodology, an empty block, and strings for decimals', () => {
    expect(problemsOf(specBlock())).toEqual([]);
    expect(problemsOf({})).toEqual([]);
    const block = specBlock();
    block.variables[0] = { id: 'price', target: 'priceLevel', distribution: { type: 'lognormal', mean: '1.0', sd: '0.2' } };
    expect(problemsOf(block)).toEqual([]);
  });

  const cases: [string, (b: ReturnType<typeof specBlock>) => void, string, RegExp][] = [
    ['iterations out of range', (b) => { (b as Record<string, unknown>).iterations = 0; }, 'risk.iterations', /from 1 to 1000000/],
    ['iterations not whole', (b) => { (b as Record<string, unknown>).iterations = 2.5; }, 'risk.iterations', /whole number/],
    ['seed too large', (b) => { (b as Record<string, unknown>).seed = 2 ** 32; }, 'risk.seed', /from 0 to 4294967295/],
    ['unknown target', (b) => { b.variables[0]!.target = 'royaltyRate'; }, 'risk.variables[0].target', /must be one of "priceLevel"/],
    ['unknown distribution type', (b) => { b.variables[1]!.distribution = { type: 'gamma', min: 1 }; }, 'risk.variables[1].distribution.type', /must be one of "fixed"/],
    ['missing parameter', (b) => { b.variables[1]!.distribution = { type: 'pert', min: 0.9, max: 1.5 }; }, 'risk.variables[1].distribution.mode', /is missing/],
    ['unknown parameter', (b) => { b.variables[2]!.distribution = { type: 'triangular', min: 0.9, mode: 1, max: 1.3, peak: 1 }; }, 'risk.variables[2].distribution.peak', /is not a field/],
    ['mode outside', (b) => { b.variables[1]!.distribution = { type: 'pert', min: 0.95, mode: 2, max: 1.6 }; }, 'risk.variables[1].distribution.mode', /at most max/],
    ['min not below max', (b) => { b.variables[1]!.distribution = { type: 'uniform', min: 1.2, max: 1.2 }; }, 'risk.variables[1].distribution.max', /above min/],
    ['a negative factor', (b) => { b.variables[1]!.distribution = { type: 'uniform', min: -0.1, max: 1.2 }; }, 'risk.variables[1].distribution.min', /at least 0/],
    ['a normal factor without min', (b) => { b.variables[3]!.distribution = { type: 'normal', mean: 1, sd: 0.1 }; }, 'risk.variables[3].distribution.min', /could draw a negative value/],
    ['sd not positive', (b) => { b.variables[3]!.distribution = { type: 'normal', mean: 1, sd: 0, min: 0 }; }, 'risk.variables[3].distribution.sd', /above 0/],
    ['lognormal p90 below p10', (b) => { b.variables[0]!.distribution = { type: 'lognormal', p10: 1.2, p90: 0.8 }; }, 'risk.variables[0].distribution.p90', /above p10/],
    ['lognormal mixing both forms', (b) => { b.variables[0]!.distribution = { type: 'lognormal', p10: 0.8, p90: 1.2, mean: 1 }; }, 'risk.variables[0].distribution', /either mean and sd, or p10 and p90/],
    ['probabilities not summing to 1', (b) => { b.variables[4]!.distribution = { type: 'discrete', values: [0, 1], probabilities: [0.6, 0.3] }; }, 'risk.variables[4].distribution.probabilities', /exactly 1, not 0.9/],
    ['lengths differ', (b) => { b.variables[4]!.distribution = { type: 'discrete', values: [0, 1, 2], probabilities: [0.5, 0.5] }; }, 'risk.variables[4].distribution.probabilities', /one probability per value/],
    ['a fractional delay', (b) => { b.variables[4]!.distribution = { type: 'discrete', values: [0, 1.5], probabilities: [0.5, 0.5] }; }, 'risk.variables[4].distribution.values[1]', /whole number of years/],
    ['a continuous delay', (b) => { b.variables[4]!.distribution = { type: 'uniform', min: 0, max: 2 }; }, 'risk.variables[4].distribution.type', /"discrete" or "fixed" for delayYears/],
    ['duplicate id', (b) => { b.variables[1]!.id = 'price'; }, 'risk.variables[1].id', /already the id of risk.variables\[0\]/],
    ['duplicate target', (b) => { b.variables[2]!.target = 'capexFactor'; }, 'risk.variables[2].target', /at most one variable per target/],
    ['unknown id in a correlation', (b) => { b.correlations[0]!.b = 'copper'; }, 'risk.correlations[0].b', /not the id of a variable/],
    ['a correlation with itself', (b) => { b.correlations[0]!.b = 'price'; }, 'risk.correlations[0].b', /different variable/],
    ['a pair twice', (b) => { b.correlations.push({ a: 'capex', b: 'price', rho: 0.1 }); }, 'risk.correlations[1]', /already does/],
    ['rho out of range', (b) => { b.correlations[0]!.rho = 1.2; }, 'risk.correlations[0].rho', /between −1 and 1/],
    ['a fixed variable correlated', (b) => { b.variables[1]!.distribution = { type: 'fixed', value: 1 }; }, 'risk.correlations[0].b', /fixed variable takes no correlation/],
    ['persistence of 1', (b) => { b.pricePath.persistence = 1; }, 'risk.pricePath.persistence', /below 1/],
    ['negative volatility', (b) => { b.pricePath.volatility = -0.1; }, 'risk.pricePath.volatility', /must not be negative/],
    ['probability above 1', (b) => { b.disruption.annualProbability = 1.5; }, 'risk.disruption.annualProbability', /between 0 and 1/],
    ['zero disruption years', (b) => { b.disruption.years = 0; }, 'risk.disruption.years', /from 1 to 100/],
  ];
  for (const [name, edit, path, message] of cases) {
    it(`reports ${name} at ${path}`, () => {
      const block = specBlock();
      edit(block);
      const problems = problemsOf(block);
      expect(problems.map((p) => p.path)).toContain(path);
      expect(problems.find((p) => p.path === path)!.message).toMatch(message);
    });
  }

  it('reports correlations that no set of variables can have, at risk.correlations', () => {
    const block = specBlock();
    block.correlations = [{ a: 'price', b: 'capex', rho: 0.9 }, { a: 'capex', b: 'opex', rho: 0.9 }, { a: 'price', b: 'opex', rho: -0.9 }];
    expect(problemsOf(block)).toEqual([{ path: 'risk.correlations', message: NOT_PSD_MESSAGE }]);
  });

  it('accepts a singular but positive semi-definite matrix (perfect correlation)', () => {
    const block = specBlock();
    block.correlations = [{ a: 'price', b: 'capex', rho: 1 }, { a: 'capex', b: 'opex', rho: 1 }, { a: 'price', b: 'opex', rho: 1 }];
    expect(problemsOf(block)).toEqual([]);
  });

  it('is part of the project: validateProject reports its problems with full paths, and accepts a valid block', () => {
    const project = loadExample(exampleProjectPaths()[0]!) as unknown as Record<string, unknown>;
    expect(validateProject({ ...project, risk: specBlock() }).ok).toBe(true);
    expect(validateProject({ ...project, risk: null }).ok).toBe(true);
    const bad = specBlock();
    bad.variables[0]!.target = 'royaltyRate';
    const result = validateProject({ ...project, risk: bad });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['risk.variables[0].target']);
  });
});
