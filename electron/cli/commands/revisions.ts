import { EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { reportFileError } from './file-errors.ts';

export const revisionsCommand: Command = {
  name: 'revisions',
  summary: 'list the recorded revisions (negotiation rounds) of an .orebridge file',
  help: `Usage: orebridge revisions FILE.orebridge [--structure ID] [--json]

Lists the revisions recorded in FILE.orebridge, oldest first: number (use it as @N with
"orebridge diff"), time (UTC), party, structure and note, and below each what the round gave
when it was recorded (venture NPV, IRR, government take and each party's PV under the scenario
named; "not recorded" for rounds recorded before Orebridge kept them).

Options:
  --structure ID   only the revisions of this structure
  --json           print a JSON array
  -h, --help       show this help

Exit codes: 0 listed; 2 the file holds an invalid project; 1 anything else.
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['--structure'], ['--json']);
    const [path, ...extra] = parsed.positionals;
    if (path === undefined) throw new UsageError('revisions needs a FILE.orebridge');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const files = await import('../../files/index.ts');
    const listed = await files.listFileRevisions(path);
    if (!listed.ok) return reportFileError(listed.error, io);
    const structure = parsed.options.get('--structure');
    const revisions = listed.value.filter((r) => structure === undefined || r.structureId === structure);
    if (parsed.flags.has('--json')) {
      io.out(`${JSON.stringify(revisions, null, 2)}\n`);
      return EXIT_OK;
    }
    if (revisions.length === 0) {
      io.out(`No revisions recorded in ${path}${structure === undefined ? '' : ` for ${structure}`}.\n`);
      return EXIT_OK;
    }
    for (const r of revisions) {
      const when = r.recordedAt.replace('T', ' ').slice(0, 16);
      io.out(`@${r.id}  ${when}  ${r.party}  ${r.structureId}${r.note === null ? '' : `  ${r.note}`}\n`);
      const results = r.results;
      io.out(
        results === null
          ? '    results: not recorded (recorded before Orebridge kept each round’s results)\n'
          : `    results under ${results.scenarioId}: venture NPV ${results.ventureNpv}, IRR ${results.ventureIrr ?? 'none'}, government take ${results.governmentTake ?? 'not defined'}; PV ${results.parties.map((p) => `${p.id} ${p.pv}`).join(', ')}\n`,
      );
    }
    return EXIT_OK;
  },
};
