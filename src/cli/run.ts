/**
 * The `powermap` command: argument parsing and dispatch. A thin shell over the public API.
 */
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { PowermapError, type CrmPreset, type Locale } from '../index.js';
import { CliError, CliHelp, type Io } from './io.js';
import { analyzeCommand, type ReportFormat } from './commands/analyze.js';
import { batchCommand } from './commands/batch.js';
import { demoCommand } from './commands/demo.js';
import { diffCommand } from './commands/diff.js';
import { EXPORT_FORMATS, exportCommand, type ExportFormat } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';

export const HELP = `powermap ${pkg.version} — key-account selling analytics on an influence graph

Usage:
  powermap analyze <deal.json> [--format text|md|json|html|csv] [--lang en|zh-CN] [--out FILE] [--previous FILE]
                                    the assessment: thresholds, red flags, next actions, every analysis
  powermap diff <before.json> <after.json> [--format text|md|json] [--lang en|zh-CN] [--out FILE]
                                    what changed between two snapshots of a deal
  powermap export <deal.json> --to gexf|graphml|dot|mermaid|cytoscape [--out FILE]
                                    the influence graph for Gephi, yEd, Graphviz, Mermaid, Cytoscape.js
  powermap import --people contacts.csv [--relations rel.csv] [--map mapping.json]
                  [--preset salesforce|hubspot|powermap] [--id ID] [--name NAME] [--as-of DATE] [--out FILE]
                                    a deal from CRM exports; bad rows reported with their line number
  powermap batch <deals.ndjson | -> [--lang en|zh-CN]
                                    one assessment per line, as NDJSON on stdout
  powermap validate <deal.json>     check a deal; print every problem as "path: message"
  powermap schema                   print the JSON Schema of a deal
  powermap demo                     analyse the bundled example deal and write powermap-report.html
  powermap --help | --version

Exit codes: 0 ok, 1 invalid input (or some rows/deals failed), 2 usage or I/O error.
Colour only on a terminal; set NO_COLOR to turn it off. Docs: docs/cli.md
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

const LOCALES = ['en', 'zh-CN'] as const;

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`--${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

function optional(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
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
  const str = { type: 'string' } as const;
  switch (command) {
    case 'analyze': {
      const usage = 'analyze <deal.json> [--format text|md|json|html|csv] [--lang en|zh-CN] [--out FILE] [--previous FILE]';
      const { values, positionals } = parse(rest, { format: str, lang: str, out: str, previous: str }, 1, usage);
      return analyzeCommand(io, {
        file: positionals[0]!,
        format: oneOf<ReportFormat>('format', values.format, ['text', 'md', 'json', 'html', 'csv'], 'text'),
        locale: oneOf<Locale>('lang', values.lang, LOCALES, 'en'),
        out: optional(values.out),
        previous: optional(values.previous),
      });
    }
    case 'diff': {
      const usage = 'diff <before.json> <after.json> [--format text|md|json] [--lang en|zh-CN] [--out FILE]';
      const { values, positionals } = parse(rest, { format: str, lang: str, out: str }, 2, usage);
      return diffCommand(io, {
        before: positionals[0]!,
        after: positionals[1]!,
        format: oneOf('format', values.format, ['text', 'md', 'json'] as const, 'text'),
        locale: oneOf<Locale>('lang', values.lang, LOCALES, 'en'),
        out: optional(values.out),
      });
    }
    case 'export': {
      const usage = 'export <deal.json> --to gexf|graphml|dot|mermaid|cytoscape [--out FILE]';
      const { values, positionals } = parse(rest, { to: str, out: str }, 1, usage);
      if (values.to === undefined) throw new CliError(`--to is required.\nUsage: powermap ${usage}`);
      return exportCommand(io, { file: positionals[0]!, to: oneOf<ExportFormat>('to', values.to, EXPORT_FORMATS, 'gexf'), out: optional(values.out) });
    }
    case 'import': {
      const usage =
        'import --people contacts.csv [--relations rel.csv] [--map mapping.json] [--preset salesforce|hubspot|powermap] [--id ID] [--name NAME] [--as-of DATE] [--out FILE]';
      const { values } = parse(
        rest,
        { people: str, relations: str, map: str, preset: str, id: str, name: str, 'as-of': str, out: str },
        0,
        usage,
      );
      if (values.people === undefined) throw new CliError(`--people is required.\nUsage: powermap ${usage}`);
      const preset = values.preset === undefined ? undefined : oneOf<CrmPreset>('preset', values.preset, ['salesforce', 'hubspot', 'powermap'], 'powermap');
      return importCommand(io, {
        people: values.people as string,
        relations: optional(values.relations),
        map: optional(values.map),
        preset,
        id: optional(values.id),
        name: optional(values.name),
        asOf: optional(values['as-of']),
        out: optional(values.out),
      });
    }
    case 'batch': {
      const usage = 'batch <deals.ndjson | -> [--lang en|zh-CN]';
      const { values, positionals } = parse(rest, { lang: str }, 1, usage);
      return batchCommand(io, { file: positionals[0]!, locale: oneOf<Locale>('lang', values.lang, LOCALES, 'en') });
    }
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
export function parse(
  args: readonly string[],
  options: OptionSpec,
  positionals: number,
  usage: string,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.replace(/^.*?: /, '')}\nUsage: powermap ${usage}`);
  }
  if (parsed.values.help) throw new CliHelp(`Usage: powermap ${usage}`);
  if (parsed.positionals.length !== positionals)
    throw new CliError(
      `expected ${positionals === 0 ? 'no file arguments' : positionals === 1 ? 'one file' : `${positionals} files`}, got ${parsed.positionals.length}.\nUsage: powermap ${usage}`,
    );
  return parsed;
}
