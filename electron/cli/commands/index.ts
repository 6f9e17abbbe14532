import type { Command } from '../io.ts';
import { evaluateCommand } from './evaluate.ts';
import { simulateCommand } from './simulate.ts';
import { validateCommand } from './validate.ts';
import { importCommand } from './import.ts';
import { exportCommand } from './export.ts';
import { checkCommand } from './check.ts';
import { shareCommand } from './share.ts';
import { revisionsCommand } from './revisions.ts';
import { diffCommand } from './diff.ts';
import { xlsxCommand } from './xlsx.ts';
import { reportCommand } from './report.ts';
import { solveCommand } from './solve.ts';
import { mapCommand } from './map.ts';
import { progressivityCommand } from './progressivity.ts';

/** Every command of `orebridge`, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  evaluateCommand,
  simulateCommand,
  validateCommand,
  importCommand,
  exportCommand,
  checkCommand,
  shareCommand,
  revisionsCommand,
  diffCommand,
  xlsxCommand,
  reportCommand,
  solveCommand,
  mapCommand,
  progressivityCommand,
];
