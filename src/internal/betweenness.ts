/**
 * Brokerage: unweighted betweenness centrality on the directed influence graph (Brandes 2001),
 * exact up to `exactLimit` people, estimated above it from `pivots` sampled sources (Brandes &
 * Pich 2007) with a fixed seed. O(V·E) exact, O(k·E) sampled.
 *
 * @internal
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';
import { samplePivots } from './rng.js';

export interface BrokerageOptions {
  /** Exact betweenness up to this many people; sampled above. Default 2,000. */
  exactLimit: number;
  /** Number of sampled source pivots above `exactLimit`. Default 256. */
  pivots: number;
  /** Seed of the pivot sampling. Default 1. */
  seed: number;
}

export const BROKERAGE_DEFAULTS: BrokerageOptions = { exactLimit: 2000, pivots: 256, seed: 1 };

export interface Brokerage {
  /** Betweenness normalised by (n-1)(n-2), the number of ordered pairs excluding the person (0 when n < 3). */
  readonly value: Float64Array;
  readonly method: 'exact' | 'sampled';
  /** Sources used (n when exact). */
  readonly sources: number;
}

/** Brokerage of every person, memoised on the graph per option set. */
export function brokerage(g: PowerGraph, options: BrokerageOptions = BROKERAGE_DEFAULTS): Brokerage {
  const key = `brokerage:${options.exactLimit}:${options.pivots}:${options.seed}`;
  const hit = g.memo.get(key) as Brokerage | undefined;
  if (hit) return hit;
  const n = g.n;
  const exact = n <= options.exactLimit || options.pivots >= n;
  const sources = exact ? Int32Array.from({ length: n }, (_, i) => i) : samplePivots(n, options.pivots, options.seed);
  const bc = new Float64Array(n);
  const { ptr, idx } = g.influenceOut;
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (const s of sources) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++]!;
      for (let e = ptr[v]!; e < ptr[v + 1]!; e++) {
        const w = idx[e]!;
        if (dist[w]! < 0) {
          dist[w] = dist[v]! + 1;
          order[tail++] = w;
        }
        if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
      }
    }
    // Accumulate in reverse BFS order; predecessors of w are the v with an edge v -> w one level up.
    for (let k = tail - 1; k > 0; k--) {
      const v = order[k]!;
      for (let e = ptr[v]!; e < ptr[v + 1]!; e++) {
        const w = idx[e]!;
        if (dist[w] === dist[v]! + 1) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      bc[v]! += delta[v]!;
    }
  }
  const scale = (exact ? 1 : n / sources.length) / (n > 2 ? (n - 1) * (n - 2) : 1);
  for (let i = 0; i < n; i++) bc[i] = n > 2 ? bc[i]! * scale : 0;
  const result: Brokerage = { value: bc, method: exact ? 'exact' : 'sampled', sources: sources.length };
  g.memo.set(key, result);
  return result;
}
