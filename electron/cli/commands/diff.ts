import type { DiffSide } from '../../files/index.ts';
import { Dec } from '../../../shared/engine/arithmetic.ts';
import { projectValueContext } from '../../../shared/fields/index.ts';
import { concessions, type ConcessionRow } from '../../../shared/negotiation/index.ts';
import { EXIT_FAILURE, EXIT_OK, parseArgs, UsageError, type Command, type CommandIO } from '../io.ts';
import { reportFileError } from './file-errors.ts';

/** `@3` is revision 3; anything else is a structure id. */
export function diffSide(text: string): DiffSide {
  const revision = /^@(\d+)$/.exec(text);
  return revision ? { kind: 'revision', id: Number(revision[1]) } : { kind: 'structure', id: text };
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'term-by-term changes between two structures or revisions',
  help: `Usage: orebridge diff FILE.orebridge A B [--effects [--scenario ID]] [--json]

Lists every deal term that differs from A to B (equity, royalty, carry, offtake floor, …) with
its old and new value. A and B are structure ids, or @N for revision N (see "orebridge
revisions").

With --effects, also what each change does to every party: each change applied alone to A and
evaluated under the scenario (default: the first), with every party's ΔPV and the Δ government
take, and the whole move from A to B (as \`orebridge evaluate\` gives them).

Options:
  --effects    add each change's effect on every party
  --scenario   the scenario of the effects (default: the first)
  --json       print a JSON array of { path, label, change, before, after }; with --effects an
               object { "changes", "effects": { "scenario", "parties", "rows": [ { "label",
               "effect": { "pv": { PARTY: ΔPV }, "governmentTake" } | null, "problem" } ],
               "total" } } with decimal strings
  -h, --help   show this help

Exit codes: 0 compared (with or without differences); 2 the file holds an invalid project;
1 anything else (unreadable file, unknown structure or revision).
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['--scenario'], ['--json', '--effects']);
    const [path, a, b, ...extra] = parsed.positionals;
    if (path === undefined || a === undefined || b === undefined) throw new UsageError('diff needs FILE.orebridge A B');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const files = await import('../../files/index.ts');
    const compared = await files.diffInFile(path, diffSide(a), diffSide(b));
    if (!compared.ok) return reportFileError(compared.error, io);
    if (parsed.flags.has('--effects')) return printEffects(path, a, b, parsed.options.get('--scenario'), parsed.flags.has('--json'), compared.value, io);
    if (parsed.options.has('--scenario')) throw new UsageError('--scenario goes with --effects');
    if (parsed.flags.has('--json')) {
      io.out(`${JSON.stringify(compared.value, null, 2)}\n`);
      return EXIT_OK;
    }
    if (compared.value.length === 0) {
      io.out(`No differences between ${a} and ${b}.\n`);
      return EXIT_OK;
    }
    for (const change of compared.value) {
      if (change.change === 'added') io.out(`+ ${change.label}: ${change.after ?? ''}\n`);
      else if (change.change === 'removed') io.out(`- ${change.label}: ${change.before ?? ''}\n`);
      else io.out(`~ ${change.label}: ${change.before ?? ''} → ${change.after ?? ''}\n`);
    }
    return EXIT_OK;
  },
};

const money = (value: string) => {
  const whole = new Dec(value).toDecimalPlaces(0);
  return `${whole.gt(0) ? '+' : whole.lt(0) ? '−' : ''}${whole.abs().toNumber().toLocaleString('en-US')}`;
};
const points = (value: string | null) => (value === null ? '—' : `${new Dec(value).gt(0) ? '+' : new Dec(value).lt(0) ? '−' : ''}${new Dec(value).abs().times(100).toFixed(2)} pts`);

async function printEffects(path: string, a: string, b: string, scenario: string | undefined, json: boolean, changes: unknown[], io: CommandIO): Promise<number> {
  const files = await import('../../files/index.ts');
  const sides = await files.diffStructuresInFile(path, diffSide(a), diffSide(b));
  if (!sides.ok) return reportFileError(sides.error, io);
  const { project, before, after } = sides.value;
  const chosen = scenario ?? project.scenarios[0]!.id;
  if (!project.scenarios.some((s) => s.id === chosen)) {
    io.err(`orebridge: There is no scenario "${chosen}": the scenarios are ${project.scenarios.map((s) => s.id).join(', ')}.\n`);
    return EXIT_FAILURE;
  }
  const table = concessions(project, before, after, { scenario: chosen, context: projectValueContext(project.assumptions) });
  if (table === null) {
    io.err(`orebridge: ${a} or ${b} could not be evaluated under scenario ${chosen}.\n`);
    return EXIT_FAILURE;
  }
  const row = ({ label, effect, problem }: ConcessionRow) => ({ label, effect, problem });
  if (json) {
    io.out(`${JSON.stringify({ changes, effects: { scenario: chosen, parties: table.parties, rows: table.rows.map(row), total: row(table.total) } }, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines = [`What each change from ${a} to ${b} does to every party (scenario ${chosen}; ΔPV in ${project.assumptions.currency ?? 'money'}):`];
  for (const r of [...table.rows, table.total]) {
    lines.push('', r.label);
    if (r.effect === null) lines.push(`  not shown alone: ${r.problem ?? ''}`);
    else {
      for (const party of table.parties) lines.push(`  ${party.padEnd(20)} ${money(r.effect.pv[party]!).padStart(16)}`);
      lines.push(`  ${'government take'.padEnd(20)} ${points(r.effect.governmentTake).padStart(16)}`);
    }
  }
  io.out(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
