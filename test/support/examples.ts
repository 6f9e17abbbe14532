import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProjectText, validateProject, type Evaluation, type Project } from '../../shared/engine/index.ts';

export const EXAMPLES_DIR = join(import.meta.dirname, '..', 'fixtures', 'examples');

export interface ExampleCase {
  name: string;
  structure: string;
  scenario: string;
  projectPath: string;
  expected: Evaluation;
}

export function exampleCases(): ExampleCase[] {
  return readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.expected.json')).sort().map((file) => {
    const [name = '', structure = '', scenario = ''] = file.replace(/\.expected\.json$/, '').split('.');
    return {
      name, structure, scenario,
      projectPath: join(EXAMPLES_DIR, `${name}.project.json`),
      expected: JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Evaluation,
    };
  });
}

export function exampleProjectPaths(): string[] {
  return readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.project.json')).sort().map((f) => join(EXAMPLES_DIR, f));
}

export function loadExample(path: string): Project {
  const result = validateProject(parseProjectText(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(`example ${path} is invalid: ${JSON.stringify(result.problems)}`);
  return result.project;
}
