import { describe, expect, it } from 'vitest';
import { OptionError, assessDeal } from '../../src/index.js';
import { assessLine, assessLines, type BatchResult } from '../../src/io/batch.js';
import { loadFixture } from '../support/fixtures.js';

async function* from(lines: readonly string[]): AsyncGenerator<string> {
  for (const line of lines) yield line;
}

async function collect(results: AsyncIterable<BatchResult>): Promise<BatchResult[]> {
  const out: BatchResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

const ONE = JSON.stringify({ id: 'one', people: [{ id: 'ceo' }] });
const HARBOR = JSON.stringify(loadFixture('harbor-wms.json'));

describe('assessLines', () => {
  it('rejects invalid assessDeal options on the first next(), before reading a line', async () => {
    let pulled = 0;
    async function* lines() {
      pulled++;
      yield ONE;
    }
    await expect(collect(assessLines(lines(), { assess: { alpha: 2 } }))).rejects.toThrow(OptionError);
    await expect(collect(assessLines(lines(), { assess: { nope: 1 } as never }))).rejects.toThrow(OptionError);
    expect(pulled).toBe(0);
  });

  it('yields one result per non-empty line, in order, with its line number; a bad line does not stop the batch', async () => {
    const results = await collect(
      assessLines(
        from([
          ONE, // 1 ok
          '', // 2 skipped
          '{"id": "broken", "people": [', // 3 invalid JSON
          '   ', // 4 skipped
          JSON.stringify({ id: 'bad', people: [{ id: 'a', stance: 2 }, { id: 'b', reportsTo: 'nobody' }] }), // 5 invalid deal
          '42', // 6 JSON, not a deal
          HARBOR, // 7 ok
        ]),
      ),
    );
    expect(results.map((r) => [r.line, r.ok, r.ok ? r.id : r.error.code, r.id])).toEqual([
      [1, true, 'one', 'one'],
      [3, false, 'invalid_json', undefined],
      [5, false, 'invalid_deal', 'bad'],
      [6, false, 'invalid_deal', undefined],
      [7, true, 'harbor-wms', 'harbor-wms'],
    ]);
    const invalid = results[2]!;
    expect(!invalid.ok && invalid.error.issues?.map((i) => [i.code, i.path])).toEqual([
      ['out_of_range', 'people[0].stance'],
      ['unknown_person', 'people[1].reportsTo'],
    ]);
  });

  it('summarises assessDeal: thresholds, flags by severity, lean, verdict, net support, decision makers, top actions', async () => {
    const [r] = await collect(assessLines(from([HARBOR])));
    const full = assessDeal(JSON.parse(HARBOR));
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    const s = r.result;
    expect(s).toMatchObject({ id: 'harbor-wms', name: 'Harbor Logistics warehouse system', asOf: '2026-11-01', stage: 'proposal', progress: 0.6 });
    expect(s.thresholds).toEqual({
      information: full.thresholds.information.passed,
      relationship: full.thresholds.relationship.passed,
      decision: false, // nobody has met the CEO (assessDeal's documented example)
      passed: full.thresholds.passed,
    });
    expect(s.flags.total).toBe(full.flags.length);
    expect(s.flags.critical.count + s.flags.high.count + s.flags.medium.count + s.flags.low.count).toBe(full.flags.length);
    for (const severity of ['critical', 'high', 'medium', 'low'] as const) {
      expect(s.flags[severity].codes).toEqual([...new Set(full.flags.filter((f) => f.severity === severity).map((f) => f.code))]);
    }
    expect([...s.flags.critical.codes, ...s.flags.high.codes, ...s.flags.medium.codes, ...s.flags.low.codes]).toContain('no_dm_contact');
    expect(s.lean).toBe(full.consensus.lean);
    expect(s.verdict).toBe('contested'); // lean 0.144 is within ±0.2 (predictConsensus's documented example)
    expect(s.netSupport).toBe(full.support.net);
    expect(s.decisionMakers).toEqual([{ id: 'ceo', inferred: false, status: 'path', risk: 'high' }]); // progress 0.6
    expect(s.topActions).toEqual(full.actions.slice(0, 3).map((a) => a.message));
    expect(s.topActions).toHaveLength(3);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r); // plain JSON, ready for NDJSON
  });

  it('passes the assess options on (locale)', async () => {
    const [en] = await collect(assessLines(from([HARBOR])));
    const [zh] = await collect(assessLines(from([HARBOR]), { assess: { locale: 'zh-CN' } }));
    expect(en?.ok && zh?.ok).toBe(true);
    if (en?.ok && zh?.ok) expect(zh.result.topActions[0]).not.toBe(en.result.topActions[0]);
  });

  it('ignores a byte-order mark on the first line and a trailing carriage return', async () => {
    const results = await collect(assessLines(from([`\uFEFF${ONE}\r`, `${ONE}\r`, '\r'])));
    expect(results.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, true],
    ]);
  });

  it('accepts a plain (synchronous) iterable', async () => {
    const results = await collect(assessLines([ONE, 'nope']));
    expect(results.map((r) => r.ok)).toEqual([true, false]);
  });

  it('reports progress after every result: deals done and failed so far', async () => {
    const calls: [number, number][] = [];
    await collect(assessLines(from([ONE, '', 'x', ONE]), { onProgress: (done, failed) => calls.push([done, failed]) }));
    expect(calls).toEqual([
      [1, 0],
      [2, 1],
      [3, 1],
    ]);
  });

  it('pulls lines one at a time: never more than one line ahead of the consumer', async () => {
    let pulled = 0; // non-blank lines handed out
    let consumed = 0;
    let maxAhead = 0;
    async function* lines() {
      for (let i = 0; i < 50; i++) {
        const blank = i % 5 === 4;
        if (!blank) pulled++;
        maxAhead = Math.max(maxAhead, pulled - consumed);
        yield blank ? '' : ONE;
      }
    }
    for await (const _ of assessLines(lines())) consumed++;
    expect(consumed).toBe(40);
    expect(maxAhead).toBe(1); // only the line whose result the consumer is waiting for
  });

  it('processes 5,000 generated lines without collecting them: every result arrives, in order, failures counted', async () => {
    // Line k (1-based): blank when k % 50 === 0; invalid JSON when k % 7 === 0; an invalid deal
    // (stance 3) when k % 11 === 0; otherwise a one-person deal with id "d<k>".
    const N = 5000;
    async function* lines() {
      for (let k = 1; k <= N; k++) {
        if (k % 50 === 0) yield '';
        else if (k % 7 === 0) yield `{"id":"d${k}",`;
        else if (k % 11 === 0) yield `{"id":"d${k}","people":[{"id":"p","stance":3}]}`;
        else yield `{"id":"d${k}","people":[{"id":"p","stance":0.5}]}`;
      }
    }
    let expectedTotal = 0;
    let expectedFailed = 0;
    for (let k = 1; k <= N; k++) {
      if (k % 50 === 0) continue;
      expectedTotal++;
      if (k % 7 === 0 || k % 11 === 0) expectedFailed++;
    }
    let total = 0;
    let failed = 0;
    let previousLine = 0;
    let lastProgress: [number, number] = [0, 0];
    for await (const r of assessLines(lines(), { onProgress: (d, f) => (lastProgress = [d, f]) })) {
      total++;
      expect(r.line).toBeGreaterThan(previousLine);
      previousLine = r.line;
      if (!r.ok) {
        failed++;
        expect(r.error.code).toBe(r.line % 7 === 0 ? 'invalid_json' : 'invalid_deal');
      } else expect(r.id).toBe(`d${r.line}`);
    }
    expect(expectedTotal).toBe(4900); // 5000 - 100 blank lines
    // Multiples of 7 (714) or 11 (454), less those of 77 (64), less the blank ones among them
    // (multiples of 350: 14, of 550: 9, of 3850: 1).
    expect(expectedFailed).toBe(714 + 454 - 64 - (14 + 9 - 1));
    expect([total, failed]).toEqual([expectedTotal, expectedFailed]);
    expect(lastProgress).toEqual([expectedTotal, expectedFailed]);
    expect(previousLine).toBe(4999);
  }, 120_000);
});

describe('assessLine', () => {
  it('turns every failure into data', () => {
    expect(assessLine('', 1)).toMatchObject({ line: 1, ok: false, error: { code: 'invalid_json' } });
    expect(assessLine('[1, 2]', 7)).toMatchObject({ line: 7, ok: false, error: { code: 'invalid_deal' } });
    expect(assessLine('{"id":"x","people":[]}', 2)).toMatchObject({ ok: false, id: 'x', error: { code: 'invalid_deal', issues: [{ code: 'too_few', path: 'people' }] } });
  });
});
