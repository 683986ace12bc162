/**
 * The `powermap` command: argument parsing and dispatch. A thin shell over the public API.
 */
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { PowermapError } from '../index.js';
import { CliError, CliHelp, type Io } from './io.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { demoCommand } from './commands/demo.js';

export const HELP = `powermap ${pkg.version} — key-account selling analytics on an influence graph

Usage:
  powermap validate <deal.json>     check a deal; print every problem as "path: message"
  powermap schema                   print the JSON Schema of a deal
  powermap demo                     analyse the bundled example deal
  powermap --help | --version

Exit codes: 0 ok, 1 invalid input, 2 usage or I/O error.
Docs: docs/cli.md
`;

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliHelp) {
      io.stdout(`${error.message}\n`);
      return 0;
    }
    if (error instanceof CliError) {
      io.stderr(`powermap: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof PowermapError) {
      io.stderr(`powermap: ${error.message}\n`);
      return 1;
    }
    io.stderr(`powermap: unexpected error: ${(error as Error)?.message ?? String(error)}\nPlease report this with the input that caused it.\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(HELP);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  switch (command) {
    case 'validate': {
      const { positionals } = parse(rest, {}, 1, 'validate <deal.json>');
      return validateCommand(io, positionals[0]!);
    }
    case 'schema':
      parse(rest, {}, 0, 'schema');
      return schemaCommand(io);
    case 'demo':
      parse(rest, {}, 0, 'demo');
      return demoCommand(io);
    default:
      throw new CliError(`unknown command ${JSON.stringify(command)}. Run "powermap --help" for the commands.`);
  }
}

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** parseArgs with usage errors as {@link CliError} (exit 2) and an exact positional count. */
export function parse(args: readonly string[], options: OptionSpec, positionals: number, usage: string) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.replace(/^.*?: /, '')}\nUsage: powermap ${usage}`);
  }
  if (parsed.values.help) throw new CliHelp(`Usage: powermap ${usage}`);
  if (parsed.positionals.length !== positionals)
    throw new CliError(`expected ${positionals === 0 ? 'no arguments' : positionals === 1 ? 'one file' : `${positionals} arguments`}, got ${parsed.positionals.length}.\nUsage: powermap ${usage}`);
  return parsed;
}
