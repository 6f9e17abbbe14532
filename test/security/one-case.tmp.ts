import { HOSTILE_CASES } from './corpus.ts';
import { runSuite } from './suite.ts';
const names = process.argv.slice(2);
const figures = await runSuite(HOSTILE_CASES.filter((c) => names.some((n) => c.name.includes(n))));
for (const f of figures) console.log(f.name, f.code, (f.ms / 1000).toFixed(2), 's', f.maxRssMb.toFixed(0), 'MB', f.firstLine);
