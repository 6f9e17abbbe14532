/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help text for `orebridge NAME --help`. */
  help: string;
  /** Returns the exit code: 0 success, 2 invalid input, 1 anything else. */
  run(args: string[], io: CommandIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID = 2;

/** A problem with the command line itself: reported as one line, exit code 1. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/**
 * Parses `args` against the options a command accepts (`valued` take a value, `--x v` or
 * `--x=v`; `flags` do not). Unknown options are a UsageError.
 */
export function parseArgs(args: readonly string[], valued: readonly string[], flags: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (flags.includes(name) && eq < 0) parsed.flags.add(name);
    else if (valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      parsed.options.set(name, value);
    } else throw new UsageError(`unknown option ${name}`);
  }
  return parsed;
}
