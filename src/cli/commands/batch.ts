import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { runBatch } from '../../io/node-batch.js';
import { CliError, type Io } from '../io.js';
import type { Locale } from '../../index.js';

/** `powermap batch <deals.ndjson | -> [--lang]`: one assessment summary per line on stdout; exit 1 if any failed. */
export async function batchCommand(io: Io, args: { file: string; locale: Locale }): Promise<number> {
  const streams = io.streams;
  let input: NodeJS.ReadableStream = streams.stdin;
  if (args.file !== '-') {
    const info = await stat(args.file).catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`cannot read ${args.file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    if (info.isDirectory()) throw new CliError(`cannot read ${args.file}: it is a directory`);
    const stream = createReadStream(args.file);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error: NodeJS.ErrnoException) =>
        reject(new CliError(`cannot read ${args.file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)),
      );
    });
    input = stream;
  }
  const { total, failed } = await runBatch(input, streams.stdout, { progress: streams.stderr, assess: { locale: args.locale } });
  io.stderr(`${total} deals, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
