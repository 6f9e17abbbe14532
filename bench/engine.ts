import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateProject, parseProjectText, validateProject, type Project } from '../shared/engine/index.ts';
import { measure, type BenchResult } from './measure.ts';

const EXAMPLES = join(import.meta.dirname, '..', 'test', 'fixtures', 'examples');

function loadProject(path: string): Project {
  const result = validateProject(parseProjectText(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(`${path} is invalid`);
  return result.project;
}

/** Every example case evaluated in full (shocks and breakeven), and the base evaluation alone. */
export function engineBenchmarks(iterations: number): BenchResult[] {
  const results: BenchResult[] = [];
  const cases = readdirSync(EXAMPLES).filter((f) => f.endsWith('.expected.json')).sort();
  for (const file of cases) {
    const [name = '', structure = '', scenario = ''] = file.replace(/\.expected\.json$/, '').split('.');
    const project = loadProject(join(EXAMPLES, `${name}.project.json`));
    const selection = { structure, scenario };
    results.push(measure(`evaluate ${name}.${structure}.${scenario} (full)`, iterations, () => evaluateProject(project, selection)));
    results.push(measure(`evaluate ${name}.${structure}.${scenario} (base only)`, iterations, () =>
      evaluateProject(project, selection, { shocks: false, breakeven: false })));
  }
  return results;
}
