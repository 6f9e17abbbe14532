import { commands } from './commands/index.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CommandIO } from './io.ts';

const VERSION = '0.1.0';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: orebridge COMMAND [options]

Orebridge evaluates cooperative mining joint ventures: every party's NPV, IRR, risk and benefit
split, for each deal structure and scenario of a project.

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show this help (or "orebridge COMMAND --help" for a command)
  -v, --version  print the version

Exit codes: 0 success; 2 invalid input (every problem on stderr, one per line); 1 anything else.
`;
}

const wantsHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h');

/** Runs the command line; returns the exit code and never throws. */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? topic.help : overview());
    return name === undefined ? EXIT_FAILURE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.out(`orebridge ${VERSION}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`orebridge: unknown command "${name}" (commands: ${commands.map((c) => c.name).join(', ')}; see orebridge --help)\n`);
    return EXIT_FAILURE;
  }
  if (wantsHelp(rest)) {
    io.out(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`orebridge ${command.name}: ${error.message} (see orebridge ${command.name} --help)\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.err(`orebridge ${command.name}: unexpected error: ${message.split('\n')[0]}\n`);
    }
    return EXIT_FAILURE;
  }
}
