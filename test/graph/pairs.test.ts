// The edge rules of design section 3 and the "details two implementations must agree on" (section 6),
// implemented in src/graph/pairs.ts and observed through buildGraph's weights.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildGraph, type PowerGraph } from '../../src/index.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, real } from '../support/arbitraries.js';
import { loadFixture } from '../support/fixtures.js';

/** Influence of `from` on `to`, by id. */
function w(g: PowerGraph, from: string, to: string): number {
  const u = g.indexOf(from);
  const v = g.indexOf(to);
  if (u === undefined || v === undefined) throw new Error(`no person ${from} or ${to}`);
  return g.weight(u, v);
}

/** Weight of the `informs` line from -> to (0 when none), read from the informsIn CSR (rows by target). */
function informs(g: PowerGraph, from: string, to: string): number {
  const u = g.indexOf(from)!;
  const v = g.indexOf(to)!;
  const { ptr, idx, w: values } = g.informsIn;
  for (let k = ptr[v]!; k < ptr[v + 1]!; k++) if (idx[k] === u) return values[k]!;
  return 0;
}

function deal(people: Record<string, unknown>[], relations: Record<string, unknown>[] = []): Record<string, unknown> {
  return { id: 'd', people, relations };
}

// m manages r1 and r2.
const team = [{ id: 'm' }, { id: 'r1', reportsTo: 'm' }, { id: 'r2', reportsTo: 'm' }];

describe('buildGraph: influence edges', () => {
  it('derives manager -> report 1/2 and report -> manager 0.3/2 for a manager with two reports', () => {
    // m has two reports, so each report -> m edge is 0.3 / 2 = 0.15; m -> each report is 0.5.
    const g = buildGraph(deal(team));
    expect(w(g, 'm', 'r1')).toBeCloseTo(0.5, 12);
    expect(w(g, 'm', 'r2')).toBeCloseTo(0.5, 12);
    expect(w(g, 'r1', 'm')).toBeCloseTo(0.3 / 2, 12);
    expect(w(g, 'r2', 'm')).toBeCloseTo(0.3 / 2, 12);
    // peers are not connected by the reporting lines
    expect(w(g, 'r1', 'r2')).toBe(0);
    expect(w(g, 'r2', 'r1')).toBe(0);
    expect(g.edgeCount).toBe(4);
  });

  it('lets an explicit edge of weight 0 remove the derived edge for that ordered pair only', () => {
    // r1 -> m explicit 0: r1 no longer moves m. m -> r1 keeps its derived 0.5, and r2 -> m stays
    // 0.3 / 2 because m is still listed as manager by two people.
    const g = buildGraph(deal(team, [{ from: 'r1', to: 'm', kind: 'influences', weight: 0 }]));
    expect(w(g, 'r1', 'm')).toBe(0);
    expect(w(g, 'm', 'r1')).toBeCloseTo(0.5, 12);
    expect(w(g, 'r2', 'm')).toBeCloseTo(0.15, 12);
    expect(g.edgeCount).toBe(3); // a zero weight is no edge in the CSR views
  });

  it('replaces the derived edge with an explicit one of any weight (no noisy-OR with the derived edge)', () => {
    // m -> r1 explicit 0.9: 0.9, not 1 - (1 - 0.5)(1 - 0.9) = 0.95. An explicit 0.1 up: 0.1, not 0.15.
    const g = buildGraph(
      deal(team, [
        { from: 'm', to: 'r1', kind: 'influences', weight: 0.9 },
        { from: 'r2', to: 'm', kind: 'influences', weight: 0.1 },
      ]),
    );
    expect(w(g, 'm', 'r1')).toBeCloseTo(0.9, 12);
    expect(w(g, 'r2', 'm')).toBeCloseTo(0.1, 12);
    expect(w(g, 'r1', 'm')).toBeCloseTo(0.15, 12);
    expect(w(g, 'm', 'r2')).toBeCloseTo(0.5, 12);
  });

  it('combines three parallel explicit edges by noisy-OR: 0.2, 0.5, 0.5 -> 0.8', () => {
    // 1 - (1 - 0.2)(1 - 0.5)(1 - 0.5) = 1 - 0.8 * 0.5 * 0.5 = 1 - 0.2 = 0.8
    const g = buildGraph(
      deal(
        [{ id: 'a' }, { id: 'b' }],
        [
          { from: 'a', to: 'b', kind: 'influences', weight: 0.2 },
          { from: 'a', to: 'b', kind: 'influences', weight: 0.5 },
          { from: 'a', to: 'b', kind: 'influences', weight: 0.5 },
        ],
      ),
    );
    expect(w(g, 'a', 'b')).toBeCloseTo(0.8, 12);
    expect(w(g, 'b', 'a')).toBe(0);
  });

  it('combines parallel edges by noisy-OR and still replaces the derived edge', () => {
    // b reports to a; explicit a -> b 0.4 and 0.5: 1 - 0.6 * 0.5 = 0.7 (the derived 0.5 is gone).
    // A zero among parallel edges changes nothing: b -> a 0 and 0.25 -> 1 - 1 * 0.75 = 0.25.
    const g = buildGraph(
      deal(
        [{ id: 'a' }, { id: 'b', reportsTo: 'a' }],
        [
          { from: 'a', to: 'b', kind: 'influences', weight: 0.4 },
          { from: 'a', to: 'b', kind: 'influences', weight: 0.5 },
          { from: 'b', to: 'a', kind: 'influences', weight: 0 },
          { from: 'b', to: 'a', kind: 'influences', weight: 0.25 },
        ],
      ),
    );
    expect(w(g, 'a', 'b')).toBeCloseTo(0.7, 12);
    expect(w(g, 'b', 'a')).toBeCloseTo(0.25, 12);
  });

  it('keeps a single explicit weight exactly', () => {
    const g = buildGraph(deal([{ id: 'a' }, { id: 'b' }], [{ from: 'a', to: 'b', kind: 'influences', weight: 0.1 }]));
    expect(w(g, 'a', 'b')).toBe(0.1);
  });

  it('treats every manager of a dotted-line report as a full line', () => {
    // p reports to [a, b]; q reports to a. a is listed by p and q (2 people), b by p only (1).
    // a -> p 0.5, b -> p 0.5; p -> a 0.3/2, q -> a 0.3/2; p -> b 0.3/1.
    const g = buildGraph(deal([{ id: 'a' }, { id: 'b' }, { id: 'p', reportsTo: ['a', 'b'] }, { id: 'q', reportsTo: 'a' }]));
    expect(w(g, 'a', 'p')).toBeCloseTo(0.5, 12);
    expect(w(g, 'b', 'p')).toBeCloseTo(0.5, 12);
    expect(w(g, 'a', 'q')).toBeCloseTo(0.5, 12);
    expect(w(g, 'p', 'a')).toBeCloseTo(0.3 / 2, 12);
    expect(w(g, 'q', 'a')).toBeCloseTo(0.3 / 2, 12);
    expect(w(g, 'p', 'b')).toBeCloseTo(0.3, 12);
    expect(g.edgeCount).toBe(6);
  });

  it('reads a reportsTo array with a repeated manager as one line', () => {
    // ["m", "m"] is de-duplicated: m is listed by one person, so r -> m = 0.3 / 1.
    const g = buildGraph(deal([{ id: 'm' }, { id: 'r', reportsTo: ['m', 'm'] }]));
    expect(w(g, 'r', 'm')).toBeCloseTo(0.3, 12);
    expect(w(g, 'm', 'r')).toBeCloseTo(0.5, 12);
  });

  it('takes managerWeight and reportWeight from the options', () => {
    // managerWeight 0.8: m -> r1 = 0.8; reportWeight 0.6 split over two reports: 0.6 / 2 = 0.3.
    const g = buildGraph(deal(team), { managerWeight: 0.8, reportWeight: 0.6 });
    expect(w(g, 'm', 'r1')).toBeCloseTo(0.8, 12);
    expect(w(g, 'r2', 'm')).toBeCloseTo(0.3, 12);
    expect(g.options).toEqual({ managerWeight: 0.8, reportWeight: 0.6, halfLifeDays: 90 });
  });

  it('derives no edge when its option weight is 0', () => {
    const g = buildGraph(deal(team), { managerWeight: 0 });
    expect(w(g, 'm', 'r1')).toBe(0);
    expect(w(g, 'r1', 'm')).toBeCloseTo(0.15, 12);
    expect(g.edgeCount).toBe(2);
  });

  it('marks which edges were derived from reportsTo (derivedOut, aligned with influenceOut)', () => {
    // ids ascending: m 0, r1 1, r2 2. Row m: -> r1 (explicit 0.9), -> r2 (derived); rows r1, r2: -> m (derived).
    const g = buildGraph(deal(team, [{ from: 'm', to: 'r1', kind: 'influences', weight: 0.9 }]));
    expect(Array.from(g.influenceOut.ptr)).toEqual([0, 2, 3, 4]);
    expect(Array.from(g.influenceOut.idx)).toEqual([1, 2, 0, 0]);
    expect(Array.from(g.derivedOut)).toEqual([0, 1, 1, 1]);
  });

  it('gives informs lines a default weight of 1, combines parallel ones by noisy-OR, and adds no influence', () => {
    // a informs b (no weight) = 1; a informs c with 0.4 and 0.5 = 1 - 0.6 * 0.5 = 0.7.
    const g = buildGraph(
      deal(
        [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        [
          { from: 'a', to: 'b', kind: 'informs' },
          { from: 'a', to: 'c', kind: 'informs', weight: 0.4 },
          { from: 'a', to: 'c', kind: 'informs', weight: 0.5 },
        ],
      ),
    );
    expect(informs(g, 'a', 'b')).toBe(1);
    expect(informs(g, 'a', 'c')).toBeCloseTo(0.7, 12);
    expect(informs(g, 'b', 'a')).toBe(0);
    expect(g.edgeCount).toBe(0);
  });

  it('changes no weight for a conflict, and records it symmetrically', () => {
    // Same deal with and without "r1 conflict m" (with a weight, which is ignored): identical CSR views.
    const plain = buildGraph(deal(team));
    const fighting = buildGraph(deal(team, [{ from: 'r1', to: 'm', kind: 'conflict', weight: 0.9 }]));
    expect(fighting.influenceOut).toEqual(plain.influenceOut);
    expect(fighting.influenceIn).toEqual(plain.influenceIn);
    const [m, r1, r2] = ['m', 'r1', 'r2'].map((id) => fighting.indexOf(id)!) as [number, number, number];
    expect(fighting.inConflict(r1, m)).toBe(true);
    expect(fighting.inConflict(m, r1)).toBe(true);
    expect(fighting.inConflict(m, r2)).toBe(false);
    expect(plain.inConflict(m, r1)).toBe(false);
  });

  it('keeps a single informs weight exactly', () => {
    const g = buildGraph(deal([{ id: 'a' }, { id: 'b' }], [{ from: 'a', to: 'b', kind: 'informs', weight: 0.1 }]));
    expect(informs(g, 'a', 'b')).toBe(0.1);
  });

  // Parallel lines on one ordered pair, then the same lines in another order: the merged weight
  // must be the same number to the last bit (floating-point products depend on their order).
  const parallel = fc
    .array(real(0, 1), { minLength: 1, maxLength: 6 })
    .chain((ws) => fc.tuple(fc.constant(ws), fc.shuffledSubarray(ws, { minLength: ws.length, maxLength: ws.length })));

  test.prop([parallel, fc.constantFrom('influences', 'informs')], { seed: PROPERTY_SEED, numRuns: 300 })(
    'the noisy-OR of parallel lines does not depend on their order, and is 1 - prod(1 - w)',
    ([ws, shuffled], kind) => {
      const build = (weights: number[]) =>
        buildGraph(deal([{ id: 'a' }, { id: 'b' }], weights.map((weight) => ({ from: 'a', to: 'b', kind, weight }))));
      const read = (g: PowerGraph) => (kind === 'influences' ? w(g, 'a', 'b') : informs(g, 'a', 'b'));
      const merged = read(build(ws));
      expect(read(build(shuffled))).toBe(merged);
      expect(merged).toBeCloseTo(1 - ws.reduce((miss, x) => miss * (1 - x), 1), 12);
    },
    PROPERTY_TIMEOUT,
  );

  it('gives the Harbor worked example the edges of its hand checks', () => {
    // worked-example.md, "Hand checks":
    // ceo -> cfo 0.5 and ceo -> coo 0.5 (manager -> report); cfo -> ceo explicit 0.5 replaces the
    // derived 0.3/2; coo -> ceo 0.3/2 = 0.15; it -> cfo = 1 - (1 - 0.4)(1 - 0.5) = 0.7;
    // whm -> coo explicit 0.6; coo -> whm 0.5, coo -> it 0.5, it -> coo 0.3/2.
    // Also: cfo -> buyer 0.5 and buyer -> cfo 0.3/1 (buyer is the only one reporting to cfo).
    const g = buildGraph(loadFixture('harbor-wms.json'));
    const expected: [string, string, number][] = [
      ['ceo', 'cfo', 0.5],
      ['ceo', 'coo', 0.5],
      ['cfo', 'ceo', 0.5],
      ['coo', 'ceo', 0.3 / 2],
      ['it', 'cfo', 1 - (1 - 0.4) * (1 - 0.5)],
      ['whm', 'coo', 0.6],
      ['coo', 'whm', 0.5],
      ['coo', 'it', 0.5],
      ['it', 'coo', 0.3 / 2],
      ['cfo', 'buyer', 0.5],
      ['buyer', 'cfo', 0.3],
    ];
    for (const [from, to, weight] of expected) expect(w(g, from, to), `${from} -> ${to}`).toBeCloseTo(weight, 12);
    expect(g.edgeCount).toBe(expected.length);
    // the conflict whm - it is no influence either way
    expect(w(g, 'whm', 'it')).toBe(0);
    expect(w(g, 'it', 'whm')).toBe(0);
  });
});
