import {
  assessDeal,
  buildGraph,
  safeParseDeal,
  toCsv,
  toHtml,
  toMarkdown,
  toText,
  ValidationError,
  type Locale,
} from '../../index.js';
import { CliError, readJsonFile, type Io } from '../io.js';

export type ReportFormat = 'text' | 'md' | 'json' | 'html' | 'csv';

export interface AnalyzeArgs {
  file: string;
  format: ReportFormat;
  locale: Locale;
  out?: string;
  previous?: string;
}

/** Whether to colour terminal output: stdout is a TTY and NO_COLOR is not set (https://no-color.org). */
export function useColor(io: Io): boolean {
  return io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/** Parses a deal file, turning an invalid deal into exit code 1 with every issue listed. */
export async function readDeal(io: Io, file: string) {
  const result = safeParseDeal(await readJsonFile(io, file));
  if (!result.success) throw invalid(file, result.error);
  return result.data;
}

export function invalid(file: string, error: ValidationError): CliError {
  const lines = error.issues.map((i) => `  ${i.path || '(root)'}: ${i.message} [${i.code}]`);
  return new CliError(`${file}: ${error.issues.length} ${error.issues.length === 1 ? 'problem' : 'problems'}\n${lines.join('\n')}`, 1);
}

/** Renders the assessment of one deal in a format. */
export async function renderAnalysis(io: Io, args: AnalyzeArgs, color: boolean): Promise<string> {
  const deal = await readDeal(io, args.file);
  const previous = args.previous === undefined ? undefined : await readDeal(io, args.previous);
  const graph = buildGraph(deal);
  const assessment = assessDeal(graph, { locale: args.locale, ...(previous ? { previous } : {}) });
  switch (args.format) {
    case 'json':
      return `${JSON.stringify(assessment, null, 2)}\n`;
    case 'md':
      return toMarkdown(assessment, { locale: args.locale, graph });
    case 'html':
      return toHtml(assessment, graph, { locale: args.locale });
    case 'csv':
      return toCsv(assessment, { graph });
    default:
      return toText(assessment, { locale: args.locale, graph, color, width: Number(io.env.COLUMNS) >= 60 ? Math.min(160, Number(io.env.COLUMNS)) : 100 });
  }
}

/** `powermap analyze <deal.json> [--format text|md|json|html] [--lang en|zh-CN] [--out FILE] [--previous FILE]`. */
export async function analyzeCommand(io: Io, args: AnalyzeArgs): Promise<number> {
  const text = await renderAnalysis(io, args, args.out === undefined && args.format === 'text' && useColor(io));
  await writeOutput(io, text, args.out);
  return 0;
}

/** Writes to `--out` (saying where) or to stdout. */
export async function writeOutput(io: Io, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  try {
    await io.writeFile(out, text);
  } catch (error) {
    throw new CliError(`cannot write ${out}: ${(error as Error).message}`);
  }
  io.stderr(`wrote ${out}\n`);
}
