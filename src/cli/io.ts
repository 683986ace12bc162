/**
 * The CLI's side effects behind one small interface, so that commands can be tested without
 * spawning a process.
 */
import { readFile, writeFile } from 'node:fs/promises';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  /** Whether stdout is a terminal (colour, progress bars). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** The raw streams, for streaming commands (`batch`). */
  streams: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream };
}

/** Reads a file as UTF-8 text; bytes that are not UTF-8 fail with code `EILSEQ` instead of turning into U+FFFD. */
export async function readTextFile(path: string): Promise<string> {
  const bytes = await readFile(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw Object.assign(new Error('not valid UTF-8'), { code: 'EILSEQ' });
  }
}

/** The real process. */
export function nodeIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: readTextFile,
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    streams: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
  };
}

/** A usage or I/O problem: exit code 2, message on stderr, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

/** Reads and JSON-parses a file, turning every failure into a {@link CliError} (exit 2). */
export async function readJsonFile(io: Io, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' :
      code === 'EISDIR' ? 'it is a directory' :
      code === 'EACCES' ? 'permission denied' :
      code === 'EILSEQ' ? 'the file is not valid UTF-8 text' :
      String((error as Error).message);
    throw new CliError(`cannot read ${path}: ${why}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CliError(`cannot read ${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** `--help` on a command: print its usage on stdout and exit 0. */
export class CliHelp extends Error {}
