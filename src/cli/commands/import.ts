import { importCrm, OptionError, type ColumnMapping, type CrmPreset } from '../../index.js';
import { writeOutput } from './analyze.js';
import { CliError, readJsonFile, type Io } from '../io.js';

/**
 * `powermap import --people contacts.csv [--relations rel.csv] [--map mapping.json] [--preset P]`:
 * a Deal JSON on stdout (or --out); every problem row on stderr with its line number. Good rows are
 * kept. Exit 1 when a row was left out (the deal is still written), else 0.
 */
export async function importCommand(
  io: Io,
  args: { people: string; relations?: string; map?: string; preset?: CrmPreset; id?: string; name?: string; asOf?: string; out?: string },
): Promise<number> {
  const read = async (path: string) => {
    try {
      return await io.readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EILSEQ' ? 'the file is not valid UTF-8 text' : (error as Error).message}`);
    }
  };
  const people = await read(args.people);
  const relations = args.relations === undefined ? undefined : await read(args.relations);
  const mapping = args.map === undefined ? undefined : ((await readJsonFile(io, args.map)) as ColumnMapping);
  let result;
  try {
    result = importCrm(
      { people, ...(relations === undefined ? {} : { relations }) },
      {
        ...(args.preset ? { preset: args.preset } : {}),
        ...(mapping ? { mapping } : {}),
        ...(args.id ? { dealId: args.id } : {}),
        ...(args.name ? { dealName: args.name } : {}),
        ...(args.asOf ? { asOf: args.asOf } : {}),
      },
    );
  } catch (error) {
    // A bad --as-of, --id or mapping value is a usage error (exit 2), not bad CSV rows.
    if (error instanceof OptionError) throw new CliError(error.message);
    throw error;
  }
  for (const issue of result.issues) {
    const file = issue.file === 'people' ? args.people : (args.relations ?? 'relations');
    const where = issue.line > 0 ? `${file}:${issue.line}` : file;
    io.stderr(`${where}: ${issue.severity}: ${issue.message}${issue.column ? ` (column ${issue.column})` : ''} [${issue.code}]\n`);
  }
  const dropped = result.issues.filter((i) => i.severity === 'error').length;
  io.stderr(`imported ${result.rowsKept} of ${result.rowsRead} people (preset ${result.preset})${dropped ? `; ${dropped} problem(s) left rows out` : ''}\n`);
  if (result.rowsKept === 0) throw new CliError(`${args.people}: no person could be imported`, 1);
  await writeOutput(io, `${JSON.stringify(result.deal, null, 2)}\n`, args.out);
  return dropped > 0 ? 1 : 0;
}
