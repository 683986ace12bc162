/**
 * `runBatch`: NDJSON batch assessment on Node streams (Node only; the pure core is
 * {@link assessLines}).
 *
 * @module
 */
import { createInterface } from 'node:readline';
import type { AssessDealOptions } from '../analyses/assess-deal.js';
import type { OptionError } from '../errors.js'; // for the doc links
import { assessLines, type BatchResult } from './batch.js';

/** Options of {@link runBatch}. */
export interface RunBatchOptions {
  /**
   * Where to show progress (`\r123 deals, 2 failed`), only when it is a TTY. Default
   * `process.stderr`; `null` for none.
   */
  progress?: NodeJS.WriteStream | null;
  /** Options passed to `assessDeal` for every deal. */
  assess?: AssessDealOptions;
}

/** What {@link runBatch} resolves to. */
export interface BatchTotals {
  /** Deals (non-empty lines) processed. */
  readonly total: number;
  /** Of which could not be assessed (`ok: false`). */
  readonly failed: number;
}

/** Progress is redrawn at most this often (ms), and once at the end. */
const PROGRESS_INTERVAL = 100;

/**
 * Reads deals as NDJSON from `input` (one deal per line, read with `readline`, so memory stays
 * bounded by its buffer), assesses each with {@link assessLines}, and writes one
 * {@link BatchResult} per line as NDJSON to `output`, in order, waiting for `'drain'` whenever
 * `output` asks for it. While `progress` is a TTY it shows `\r<done> deals, <failed> failed`.
 * `output` is not ended, so it can be `process.stdout`.
 *
 * @param input - the NDJSON input (a file stream, `process.stdin`)
 * @param output - where the NDJSON results go
 * @param options - see {@link RunBatchOptions}
 * @returns the number of deals processed and how many failed
 * @throws {@link OptionError} when `options.assess` is invalid; rejects when `input` or `output`
 *   emits an error (a closed pipe, say)
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * const { total, failed } = await runBatch(createReadStream('deals.ndjson'), process.stdout);
 * process.exitCode = failed > 0 ? 1 : 0;
 * ```
 * @category Interop
 */
export async function runBatch(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: RunBatchOptions = {},
): Promise<BatchTotals> {
  const progress = options.progress === undefined ? process.stderr : options.progress;
  const tty = progress !== null && progress.isTTY === true;
  let lastDraw = 0;
  const draw = (done: number, failed: number, final = false): void => {
    if (!tty) return;
    const now = Date.now();
    if (!final && now - lastDraw < PROGRESS_INTERVAL) return;
    lastDraw = now;
    progress.write(`\r${done} deals, ${failed} failed${final ? '\n' : ''}`);
  };

  const rl = createInterface({ input, crlfDelay: Infinity });
  // An error (or a close) of the output while we wait for 'drain' rejects the wait; one at any
  // other time is kept and rethrown before the next write.
  let outputError: unknown;
  const onOutputError = (error?: unknown): void => {
    outputError ??= error ?? new Error('runBatch: the output stream closed before the batch ended');
  };
  output.on('error', onOutputError);
  output.on('close', onOutputError);
  let total = 0;
  let failed = 0;
  try {
    for await (const result of assessLines(rl, { ...(options.assess ? { assess: options.assess } : {}) })) {
      if (outputError !== undefined) throw outputError;
      total++;
      if (!result.ok) failed++;
      if (!output.write(`${JSON.stringify(result)}\n`)) await drained(output);
      draw(total, failed);
    }
    if (outputError !== undefined) throw outputError;
  } finally {
    output.off('error', onOutputError);
    output.off('close', onOutputError);
    rl.close();
  }
  draw(total, failed, true);
  return { total, failed };
}

/** Resolves on the next 'drain'; rejects on 'error' or 'close' (a closed output never drains). */
function drained(output: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: unknown): void => {
      output.off('drain', onDrain);
      output.off('error', onError);
      output.off('close', onClose);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onDrain = (): void => done();
    const onError = (error: unknown): void => done(error);
    const onClose = (): void => done(new Error('runBatch: the output stream closed before the batch ended'));
    output.on('drain', onDrain);
    output.on('error', onError);
    output.on('close', onClose);
  });
}
