import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/index.js';
import type { BatchResult } from '../../src/io/batch.js';
import { runBatch } from '../../src/io/node-batch.js';

const ONE = (id: string) => JSON.stringify({ id, people: [{ id: 'ceo' }] });

/** A writable that keeps what it is given, as text. */
function sink(options: { highWaterMark?: number; slow?: boolean } = {}): { stream: Writable; text: () => string; drains: () => number } {
  const chunks: string[] = [];
  let drains = 0;
  const stream = new Writable({
    highWaterMark: options.highWaterMark ?? 16_384,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      if (options.slow) setImmediate(callback);
      else callback();
    },
  });
  stream.on('drain', () => drains++);
  return { stream, text: () => chunks.join(''), drains: () => drains };
}

/** A fake terminal: a stream that says it is a TTY and keeps what it is given. */
function terminal(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const s = sink();
  return { stream: Object.assign(s.stream, { isTTY }) as unknown as NodeJS.WriteStream, text: s.text };
}

function parse(ndjson: string): BatchResult[] {
  expect(ndjson.endsWith('\n')).toBe(true);
  return ndjson.trimEnd().split('\n').map((line) => JSON.parse(line) as BatchResult);
}

describe('runBatch', () => {
  it('rejects invalid assess options with an OptionError', async () => {
    const out = sink();
    await expect(runBatch(Readable.from([ONE('a')]), out.stream, { progress: null, assess: { alpha: -1 } })).rejects.toThrow(OptionError);
    expect(out.text()).toBe('');
  });

  it('reads NDJSON from a stream (lines split across chunks, CRLF), writes one result per deal, resolves the totals', async () => {
    const text = `${ONE('a')}\r\n\r\n{"id": oops}\r\n${ONE('c')}\n${JSON.stringify({ id: 'd', people: [] })}`;
    const chunks = [text.slice(0, 7), text.slice(7, 40), text.slice(40, 41), text.slice(41)]; // cuts inside lines
    const out = sink();
    const totals = await runBatch(Readable.from(chunks), out.stream, { progress: null });
    expect(totals).toEqual({ total: 4, failed: 2 });
    expect(parse(out.text()).map((r) => [r.line, r.ok, r.ok ? r.id : r.error.code])).toEqual([
      [1, true, 'a'],
      [3, false, 'invalid_json'],
      [4, true, 'c'],
      [5, false, 'invalid_deal'],
    ]);
  });

  it('waits for drain when the output pushes back, and loses nothing', async () => {
    const n = 200;
    const input = Readable.from((function* () {
      for (let k = 1; k <= n; k++) yield `${k % 10 === 0 ? 'nope' : ONE(`d${k}`)}\n`;
    })());
    const out = sink({ highWaterMark: 1, slow: true });
    const totals = await runBatch(input, out.stream, { progress: null });
    expect(totals).toEqual({ total: n, failed: n / 10 });
    const results = parse(out.text());
    expect(results.map((r) => r.line)).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    expect(out.drains()).toBeGreaterThan(0); // write() returned false and we waited for 'drain'
    expect(out.stream.writableLength).toBe(0);
  });

  it('shows progress on a TTY only, and ends it with a newline', async () => {
    const input = () => Readable.from([`${ONE('a')}\n`, 'bad\n', `${ONE('c')}\n`]);
    const tty = terminal(true);
    await runBatch(input(), sink().stream, { progress: tty.stream });
    expect(tty.text().startsWith('\r')).toBe(true);
    expect(tty.text().endsWith('\r3 deals, 1 failed\n')).toBe(true);

    const pipe = terminal(false);
    await runBatch(input(), sink().stream, { progress: pipe.stream });
    expect(pipe.text()).toBe('');
  });

  it('does not end the output stream (it may be stdout)', async () => {
    const out = new PassThrough();
    out.resume();
    await runBatch(Readable.from([`${ONE('a')}\n`]), out, { progress: null });
    expect(out.writableEnded).toBe(false);
  });

  it('handles an empty input', async () => {
    const out = sink();
    expect(await runBatch(Readable.from([]), out.stream, { progress: null })).toEqual({ total: 0, failed: 0 });
    expect(out.text()).toBe('');
  });

  it('rejects when the input fails', async () => {
    const input = new Readable({ read() {} });
    input.push(`${ONE('a')}\n`);
    setImmediate(() => input.destroy(new Error('disk gone')));
    await expect(runBatch(input, sink().stream, { progress: null })).rejects.toThrow('disk gone');
  });

  it('rejects when the output fails while it waits for drain', async () => {
    const input = Readable.from((function* () {
      for (let k = 1; k <= 50; k++) yield `${ONE(`d${k}`)}\n`;
    })());
    const out = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        setImmediate(() => callback(new Error('EPIPE')));
      },
    });
    out.on('error', () => {}); // the test's own listener; runBatch must still see the error
    await expect(runBatch(input, out, { progress: null })).rejects.toThrow('EPIPE');
  });

  it('rejects, instead of hanging, when the output is closed without an error', async () => {
    const input = Readable.from((function* () {
      for (let k = 1; k <= 50; k++) yield `${ONE(`d${k}`)}\n`;
    })());
    const out = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        setImmediate(() => {
          callback();
          out.destroy();
        });
      },
    });
    await expect(runBatch(input, out, { progress: null })).rejects.toThrow(/closed/);
  });
});
