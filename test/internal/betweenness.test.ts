import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildGraph, type PowerGraph } from '../../src/index.js';
import { brokerage } from '../../src/internal/betweenness.js';
import { samplePivots } from '../../src/internal/rng.js';
import { deal, harbor, infl } from '../support/analysis-fixtures.js';
import { PROPERTY_SEED, arbitraryDeal } from '../support/arbitraries.js';

/** A deal of people `ids` with explicit influence edges only (no reporting lines). */
function graphOf(ids: string[], edges: [string, string, number?][]): PowerGraph {
  return buildGraph(deal(ids.map((id) => ({ id })), edges.map(([from, to, w]) => infl(from, to, w ?? 0.5))));
}

/** Brokerage by id. */
function byId(g: PowerGraph, values: Float64Array): Record<string, number> {
  return Object.fromEntries(g.ids.map((id, i) => [id, values[i]!]));
}

/**
 * Brute force: for every source s (of `sources`, default all), enumerate every shortest path from s
 * (a DFS that only steps from distance d to distance d + 1, after a BFS for the distances), and for
 * each target t give every person strictly inside a path the share 1 / (number of shortest s-t paths).
 * Sum over sources, then scale by `n / |sources|` and normalise by (n - 1)(n - 2).
 */
function bruteForce(out: number[][], sources?: readonly number[]): number[] {
  const n = out.length;
  const bc = new Array<number>(n).fill(0);
  const from = sources ?? out.map((_, i) => i);
  for (const s of from) {
    const dist = new Array<number>(n).fill(-1);
    dist[s] = 0;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      const x = queue[h]!;
      for (const y of out[x]!) {
        if (dist[y] !== -1) continue;
        dist[y] = dist[x]! + 1;
        queue.push(y);
      }
    }
    const paths: number[][][] = out.map(() => []); // paths[t] = every shortest path s..t
    const walk = (path: number[]) => {
      const x = path[path.length - 1]!;
      paths[x]!.push(path);
      for (const y of out[x]!) if (dist[y] === dist[x]! + 1) walk([...path, y]);
    };
    walk([s]);
    for (let t = 0; t < n; t++) {
      if (t === s || paths[t]!.length === 0) continue;
      for (const path of paths[t]!) for (const v of path.slice(1, -1)) bc[v]! += 1 / paths[t]!.length;
    }
  }
  const scale = n / from.length / (n > 2 ? (n - 1) * (n - 2) : 1);
  return bc.map((x) => (n > 2 ? x * scale : 0));
}

/** The influence out-neighbours of every person, read from the graph's CSR (the edges themselves are tested in test/graph). */
function adjacency(g: PowerGraph): number[][] {
  const { ptr, idx } = g.influenceOut;
  return g.ids.map((_, i) => Array.from(idx.subarray(ptr[i]!, ptr[i + 1]!)));
}

describe('brokerage', () => {
  describe('exact, on small graphs counted by hand', () => {
    it.each<[string, string[], [string, string, number?][], Record<string, number>]>([
      // b is inside the only shortest a -> c path: 1 of (3-1)(3-2) = 2 ordered pairs.
      ['a chain a -> b -> c', ['a', 'b', 'c'], [['a', 'b'], ['b', 'c']], { a: 0, b: 1 / 2, c: 0 }],
      // a -> d has two shortest paths (via b, via c): 1/2 each, of (4-1)(4-2) = 6 pairs.
      ['a diamond a -> {b, c} -> d', ['a', 'b', 'c', 'd'], [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd']], { a: 0, b: 1 / 12, c: 1 / 12, d: 0 }],
      // a -> c goes through b, b -> a through c, c -> b through a: 1 of 2 each.
      ['a directed cycle a -> b -> c -> a', ['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']], { a: 1 / 2, b: 1 / 2, c: 1 / 2 }],
      // x -> y and x -> z pass through h: 2 of (4-1)(4-2) = 6.
      ['a hub x -> h -> {y, z}', ['h', 'x', 'y', 'z'], [['x', 'h'], ['h', 'y'], ['h', 'z']], { h: 1 / 3, x: 0, y: 0, z: 0 }],
      // Unweighted: the direct a -> c edge (however weak) is the shortest path, so b brokers nothing.
      ['a weak shortcut a -> c beside a -> b -> c', ['a', 'b', 'c'], [['a', 'b', 0.9], ['b', 'c', 0.9], ['a', 'c', 0.01]], { a: 0, b: 0, c: 0 }],
      // A zero-weight influence is no edge: b brokers nothing.
      ['a zero-weight link a -> b -> c (b -> c = 0)', ['a', 'b', 'c'], [['a', 'b'], ['b', 'c', 0]], { a: 0, b: 0, c: 0 }],
      // n < 3: no pair can have anyone inside.
      ['two people a <-> b', ['a', 'b'], [['a', 'b'], ['b', 'a']], { a: 0, b: 0 }],
    ])('%s', (_name, ids, edges, expected) => {
      const g = graphOf(ids, edges);
      const result = brokerage(g);
      expect(result.method).toBe('exact');
      expect(result.sources).toBe(ids.length);
      const got = byId(g, result.value);
      for (const [id, x] of Object.entries(expected)) expect(got[id]).toBeCloseTo(x, 15);
    });

    it('a reporting chain a <- b <- c derives edges both ways: b is inside a -> c and c -> a (2 of 2)', () => {
      const g = buildGraph(deal([{ id: 'a' }, { id: 'b', reportsTo: 'a' }, { id: 'c', reportsTo: 'b' }]));
      expect(byId(g, brokerage(g).value).b).toBeCloseTo(1, 15);
    });

    it('an explicit zero-weight a -> b replaces the derived edge: b is inside c -> a only (1 of 2)', () => {
      const g = buildGraph(deal([{ id: 'a' }, { id: 'b', reportsTo: 'a' }, { id: 'c', reportsTo: 'b' }], [infl('a', 'b', 0)]));
      expect(byId(g, brokerage(g).value).b).toBeCloseTo(1 / 2, 15);
    });

    it('Harbor: matches the brute-force count (Raj: 2 of 20 pairs = 1/10)', () => {
      const g = buildGraph(harbor());
      const got = brokerage(g).value;
      const expected = bruteForce(adjacency(g));
      g.ids.forEach((_, i) => expect(got[i]).toBeCloseTo(expected[i]!, 14));
      expect(byId(g, got).it).toBeCloseTo(1 / 10, 15);
    });
  });

  describe('sampled (Brandes & Pich pivots)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const edges: [string, string][] = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['b', 'f'],
      ['f', 'd'],
      ['e', 'a'],
      ['g', 'c'],
      ['h', 'g'],
      ['d', 'h'],
    ];

    it('brokerage(g, { exactLimit: 0, pivots: n }) equals the exact value', () => {
      const exact = brokerage(graphOf(ids, edges)).value;
      const all = brokerage(graphOf(ids, edges), { exactLimit: 0, pivots: ids.length, seed: 7 });
      expect(all.sources).toBe(ids.length);
      expect(Array.from(all.value)).toEqual(Array.from(exact));
      expect(Array.from(exact)).toEqual(bruteForce(adjacency(graphOf(ids, edges))).map((x) => expect.closeTo(x, 14)));
    });

    it('brokerage(g, { exactLimit: 0, pivots: 3, seed }) is deterministic: the same seed gives the same numbers', () => {
      const first = brokerage(graphOf(ids, edges), { exactLimit: 0, pivots: 3, seed: 42 });
      const second = brokerage(graphOf(ids, edges), { exactLimit: 0, pivots: 3, seed: 42 });
      expect(first.method).toBe('sampled');
      expect(first.sources).toBe(3);
      expect(Array.from(second.value)).toEqual(Array.from(first.value));
    });

    it('brokerage(g, { exactLimit: 0, pivots: 3, seed }) is n/k times the dependencies of the sampled sources', () => {
      const g = graphOf(ids, edges);
      const pivots = Array.from(samplePivots(ids.length, 3, 42));
      expect(pivots).toHaveLength(3);
      expect(new Set(pivots).size).toBe(3);
      const got = brokerage(g, { exactLimit: 0, pivots: 3, seed: 42 }).value;
      expect(Array.from(got)).toEqual(bruteForce(adjacency(g), pivots).map((x) => expect.closeTo(x, 14)));
    });
  });

  describe('properties', () => {
    test.prop([arbitraryDeal({ maxPeople: 10 })], { seed: PROPERTY_SEED })('exact brokerage equals the brute-force count of shortest paths', (raw) => {
      const g = buildGraph(raw);
      const got = brokerage(g).value;
      const expected = bruteForce(adjacency(g));
      g.ids.forEach((_, i) => expect(Math.abs(got[i]! - expected[i]!)).toBeLessThanOrEqual(1e-12));
    });

    test.prop([arbitraryDeal({ minPeople: 3, maxPeople: 10 }), fc.nat(), fc.nat({ max: 1000 })], { seed: PROPERTY_SEED })(
      'the sampled estimate is n/k times the brute-force dependencies of the seeded pivots, and the same seed gives the same numbers',
      (raw, k, seed) => {
        const n = raw.people.length;
        const pivots = 1 + (k % (n - 1)); // 1 .. n-1: fewer than n, so sampled
        const first = brokerage(buildGraph(raw), { exactLimit: 0, pivots, seed });
        const second = brokerage(buildGraph(raw), { exactLimit: 0, pivots, seed });
        expect(first.method).toBe('sampled');
        expect(Array.from(second.value)).toEqual(Array.from(first.value));
        const g = buildGraph(raw);
        const expected = bruteForce(adjacency(g), Array.from(samplePivots(n, pivots, seed)));
        g.ids.forEach((_, i) => expect(Math.abs(first.value[i]! - expected[i]!)).toBeLessThanOrEqual(1e-12));
      },
    );
  });
});
