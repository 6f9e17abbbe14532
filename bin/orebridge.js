#!/usr/bin/env node
// The `orebridge` command line. Runs the TypeScript sources directly (Node 24 strips types).
import { main } from '../electron/cli/main.ts';

// A reader that goes away (`| head`) is not an error of ours; anything else on the streams ends
// the command with one line instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && stream === process.stdout) process.stderr.write(`orebridge: cannot write the output: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? process.exitCode ?? 0 : 1);
  });
}

const io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
process.exitCode = await main(process.argv.slice(2), io);
