// `npm run security`: the hostile-input suite with its figures (tried, refused, time, memory).
import { runRequestSuite } from './requests.ts';
import { MEMORY_BUDGET_MB, runSuite, summary, TIME_BUDGET_MS } from './suite.ts';

const files = await runSuite();
const requests = await runRequestSuite();
const figures = [...files, ...requests.figures];
const width = Math.max(...figures.map((f) => f.name.length));
console.log(`${'case'.padEnd(width)}  command   exit  time (s)  memory (MB)  refusal`);
for (const f of figures) {
  const flag = !f.refused || f.ms > TIME_BUDGET_MS || f.maxRssMb > MEMORY_BUDGET_MB ? '  ← over budget' : '';
  console.log(`${f.name.padEnd(width)}  ${f.command.padEnd(8)}  ${String(f.code).padStart(4)}  ${(f.ms / 1000).toFixed(2).padStart(8)}  ${f.maxRssMb.toFixed(0).padStart(11)}  ${f.firstLine.slice(0, 110)}${flag}`);
}
console.log('(files: exit code, whole process peak memory; requests: HTTP status, growth of the server process)');
console.log(summary(figures));
console.log(`While each hostile request ran, the server answered another request within ${requests.slowestOtherMs.toFixed(0)} ms at most.`);
process.exitCode = figures.every((f) => f.refused && f.ms <= TIME_BUDGET_MS && f.maxRssMb <= MEMORY_BUDGET_MB) ? 0 : 1;
