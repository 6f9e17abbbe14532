#!/usr/bin/env node
// The `orebridge` command line. Runs the TypeScript sources directly (Node 24 strips types).
import { main } from '../electron/cli/main.ts';

const io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
process.exitCode = await main(process.argv.slice(2), io);
