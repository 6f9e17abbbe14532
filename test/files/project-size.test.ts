// The cap on a project's values (MAX_PROJECT_VALUES): counted before any validation, in a bounded
// number of steps whatever the input, so it may run on the main thread.
import { describe, expect, it } from 'vitest';
import { MAX_PROJECT_VALUES } from '../../electron/files/format.ts';
import { projectSizeProblem } from '../../electron/files/json-depth.ts';
import { exampleProject } from './helpers.ts';

describe('the project value cap', () => {
  it('lets every example and a 50-structure × 5-scenario project through', () => {
    for (const name of ['northern-spodumene', 'ndpr-separation', 'nickel-cobalt-hpal', 'nordic-graphite-anode', 'ndpr-strategic-reserve']) {
      expect(projectSizeProblem(exampleProject(name)), name).toBeNull();
    }
    const project = exampleProject('northern-spodumene');
    const large = { ...project, structures: Array.from({ length: 50 }, (_, i) => ({ ...project.structures[0]!, id: `s-${i}` })), scenarios: Array.from({ length: 5 }, (_, i) => ({ ...project.scenarios[0]!, id: `c-${i}` })) };
    expect(projectSizeProblem(large)).toBeNull();
  });

  it('refuses one value past the cap, and wide or hollow shapes without walking them', () => {
    expect(projectSizeProblem(Array.from({ length: MAX_PROJECT_VALUES }, () => 1))).toBeNull();
    expect(projectSizeProblem(Array.from({ length: MAX_PROJECT_VALUES + 1 }, () => 1), 'The request', 'work on')).toBe(
      'The request is too large to work on safely: it holds more than 20,000 values (a 50-structure, 5-scenario project holds about 5,500).',
    );
    expect(projectSizeProblem({ list: new Array(5_000_000).fill(0) })).toMatch(/too large/);
    expect(projectSizeProblem(Array.from({ length: 100_000 }, () => []))).toMatch(/too large/);
    expect(projectSizeProblem(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, {}])))).toMatch(/too large/);
  });
});
