import { EXIT_FAILURE, EXIT_OK, parseArgs, UsageError, type Command } from '../io.ts';
import { loadProject, placeholderNote } from '../load-project.ts';
import { idList } from './file-errors.ts';
import { reportLoadFailure } from './shared.ts';

export const reportCommand: Command = {
  name: 'report',
  summary: 'write the negotiation pack (PDF) of chosen structures under one scenario',
  help: `Usage: orebridge report PROJECT -o PACK.pdf [--structures A,B] [--scenario ID]

Writes the negotiation pack: for each structure its term sheet, headline metrics, benefit split
(chart and table), partner metrics, yearly cash flow summary and who bears each shock; the
comparison of the structures; the changes of each structure's last negotiation round (from an
.orebridge file's revisions); the assumptions and the methodology version; page numbers and the
date. The app's Export › Negotiation pack writes the same pack.

Options:
  -o, --output FILE    the PDF to write (required)
  --structures IDS     comma-separated structure ids (default: the first structure)
  --scenario ID        the scenario (default: the first)
  -h, --help           show this help

Exit codes: 0 written; 2 the project is invalid; 1 anything else.
`,
  async run(args, io) {
    const parsed = parseArgs(args, ['-o', '--output', '--structures', '--scenario'], []);
    const [path, ...extra] = parsed.positionals;
    const target = parsed.options.get('-o') ?? parsed.options.get('--output');
    if (path === undefined) throw new UsageError('report needs a PROJECT file');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    if (target === undefined) throw new UsageError('report needs -o PACK.pdf');
    const structures = idList(parsed.options.get('--structures'));
    if (structures !== undefined && structures.length === 0) throw new UsageError('--structures needs at least one structure id');
    const scenario = parsed.options.get('--scenario');
    const loaded = await loadProject(path);
    if (!loaded.ok) return reportLoadFailure(loaded, io);
    const note = placeholderNote(loaded.placeholders);
    if (note) io.err(note);
    const { negotiationPack, lastRound } = await import('../../reports/pack/index.ts');
    const { writeExport } = await import('../../reports/write-export.ts');
    const rounds = path.endsWith('.orebridge') ? await roundsOf(path, structures ?? [loaded.project.structures[0]!.id], lastRound) : [];
    const pack = await negotiationPack(loaded.project, {
      ...(structures === undefined ? {} : { structures }),
      ...(scenario === undefined ? {} : { scenario }),
      rounds,
    });
    if (!pack.ok) {
      io.err(`orebridge: ${pack.error.message}\n`);
      return EXIT_FAILURE;
    }
    const written = writeExport(target, pack.bytes, path);
    if (!written.ok) {
      io.err(`orebridge: ${written.error.message}\n`);
      return EXIT_FAILURE;
    }
    io.out(`Wrote ${target} (${pack.pages} pages): ${pack.structures.join(', ')} under scenario ${pack.scenario}.\n`);
    return EXIT_OK;
  },
};

async function roundsOf(path: string, structures: string[], lastRound: typeof import('../../reports/pack/index.ts').lastRound) {
  const files = await import('../../files/index.ts');
  const revisions = await files.listFileRevisions(path);
  if (!revisions.ok) return [];
  const rounds = await Promise.all(structures.map((id) => lastRound(revisions.value, id, (from, to) => files.diffInFile(path, from, to))));
  return rounds.filter((r) => r !== null);
}
