// Export benchmarks: the live workbook, the CSV table and the negotiation pack of the largest
// example (most years × parties), each built in memory as the app and the command line build it.
// Run by bench/run.ts (`npm run bench -- --only reports`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateProject, parseProjectText, validateProject, type Project } from '../shared/engine/index.ts';
import { reportBytes } from '../electron/reports/index.ts';
import { summarise, type BenchResult } from './measure.ts';

const EXAMPLES = join(import.meta.dirname, '..', 'test', 'fixtures', 'examples');

function largestExample(): { name: string; project: Project; structures: string[]; scenario: string } {
  const candidates = readdirSync(EXAMPLES).filter((f) => f.endsWith('.project.json')).map((file) => {
    const checked = validateProject(parseProjectText(readFileSync(join(EXAMPLES, file), 'utf8')));
    if (!checked.ok) throw new Error(`${file} is invalid`);
    const project = checked.project;
    const ev = evaluateProject(project);
    const size = project.assumptions.years * (ev.ok ? ev.evaluation.parties.length : 1);
    return { name: file.replace('.project.json', ''), project, size };
  });
  const largest = candidates.sort((a, b) => b.size - a.size)[0]!;
  return { name: largest.name, project: largest.project, structures: largest.project.structures.map((s) => s.id), scenario: largest.project.scenarios[0]!.id };
}

export async function run(options: { iterations: number }): Promise<BenchResult[]> {
  const example = largestExample();
  const iterations = Math.max(3, Math.min(options.iterations, 10));
  const results: BenchResult[] = [];
  for (const format of ['xlsx', 'csv', 'pdf'] as const) {
    const structures = format === 'pdf' ? example.structures : example.structures.slice(0, 1);
    const once = () => reportBytes(example.project, { format, structures, scenario: example.scenario });
    await once();
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      const made = await once();
      if (!made.ok) throw new Error(made.error.message);
      times.push(performance.now() - start);
    }
    results.push(summarise(`export ${format} (${example.name}${format === 'pdf' ? `, ${structures.length} structures` : ''})`, times));
  }
  return results;
}
