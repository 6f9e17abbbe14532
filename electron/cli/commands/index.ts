import type { Command } from '../io.ts';
import { evaluateCommand } from './evaluate.ts';
import { validateCommand } from './validate.ts';

/** Every command of `orebridge`, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  evaluateCommand,
  validateCommand,
];
