// Child process for the crash test: saves two versions of a project over TARGET in a loop,
// alternately, until it is killed, saying on stdout when each save starts and ends (the writes
// are synchronous on a pipe, so the parent reads every line written before the kill).
// Usage: node save-loop.ts TARGET VERSION_A VERSION_B
import { readFileSync } from 'node:fs';
import { saveDatabaseAtomically } from '../../../electron/files/atomic.ts';
import { sqlite } from '../../../electron/files/sqlite.ts';

const [target, versionA, versionB] = process.argv.slice(2);
if (target === undefined || versionA === undefined || versionB === undefined) throw new Error('usage: save-loop.ts TARGET A B');
const Database = sqlite();
const versions = [new Database(readFileSync(versionA)), new Database(readFileSync(versionB))];
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  process.stdout.write(`saving ${i}\n`);
  const started = performance.now();
  const saved = await saveDatabaseAtomically(versions[i % 2]!, target);
  if (!saved.ok) throw new Error(saved.error.message);
  process.stdout.write(`saved ${i} ${(performance.now() - started).toFixed(2)}\n`);
}
