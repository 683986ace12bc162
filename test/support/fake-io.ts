/**
 * A fake {@link Io} for running the CLI in-process (`run(argv, io)`): stdout and stderr are
 * captured, files are read from disk the way the real CLI reads them (UTF-8, fatal on bad bytes),
 * and writes are kept in a Map. Shared by the CLI tests, the hostile-input tests and the fuzz suite.
 *
 * @module
 */
import { PassThrough, Readable } from 'node:stream';
import { readTextFile, type Io } from '../../src/cli/io.js';

/** A captured CLI run. */
export interface CapturedIo {
  io: Io;
  out: () => string;
  err: () => string;
  files: Map<string, string>;
}

/** A fake Io: no TTY, no colour, the given environment and stdin. */
export function fakeIo(options: { tty?: boolean; env?: Record<string, string>; stdin?: string } = {}): CapturedIo {
  let out = '';
  let err = '';
  const files = new Map<string, string>();
  const stdout = new PassThrough();
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const io: Io = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readFile: readTextFile,
    writeFile: async (path, text) => void files.set(path, text),
    isTTY: options.tty ?? false,
    env: options.env ?? {},
    streams: {
      stdin: Readable.from([options.stdin ?? '']),
      stdout,
      stderr: Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream,
    },
  };
  return { io, out: () => out, err: () => err, files };
}
