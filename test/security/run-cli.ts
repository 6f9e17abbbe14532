// Child process of the security suite: runs one command line in-process and reports its exit
// code, its first error line and the process's peak memory (worker threads included).
import { main } from '../../electron/cli/main.ts';

const errors: string[] = [];
const code = await main(process.argv.slice(2), { out: () => undefined, err: (text) => errors.push(text) });
const stderr = errors.join('');
process.stdout.write(JSON.stringify({ code, firstLine: stderr.split('\n')[0] ?? '', lines: stderr.split('\n').length - 1, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
