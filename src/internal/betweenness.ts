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
import { f64, i32, iota } from './arena.js';

export interface BrokerageOptions {
  /** Exact betweenness up to this many people; sampled above. Default 2,000. */
  exactLimit: number;
  /**
   * Number of sampled source pivots above `exactLimit`. Default `'auto'`: 256, fewer on very large
   * graphs (at least 32) so that the sampled searches stay within about 30 million edge visits:
   * `min(256, max(32, floor(3e7 / (n + edges))))`.
   */
  pivots: number | 'auto';
  /** Seed of the pivot sampling. Default 1. */
  seed: number;
}

export const BROKERAGE_DEFAULTS: BrokerageOptions = { exactLimit: 2000, pivots: 'auto', seed: 1 };

/** The number of pivots `'auto'` chooses for a graph. */
export function autoPivots(n: number, edges: number): number {
  return Math.min(256, Math.max(32, Math.floor(3e7 / Math.max(1, n + edges))));
}

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
  const pivots = options.pivots === 'auto' ? autoPivots(n, g.edgeCount) : options.pivots;
  const exact = n <= options.exactLimit || pivots >= n;
  const sources = exact ? iota(n) : samplePivots(n, pivots, options.seed);
  const bc = f64(n);
  const { ptr, idx } = g.influenceOut;
  const sigma = f64(n);
  const dist = i32(n);
  const delta = f64(n);
  const order = i32(n);
  dist.fill(-1);
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si]!;
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++]!;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      const end = ptr[v + 1]!;
      for (let e = ptr[v]!; e < end; e++) {
        const w = idx[e]!;
        const dw = dist[w]!;
        if (dw < 0) {
          dist[w] = next;
          order[tail++] = w;
          sigma[w] = sv;
        } else if (dw === next) sigma[w] = sigma[w]! + sv;
      }
    }
    // Accumulate in reverse BFS order; the successors of v are the w with an edge v -> w one level down.
    for (let k = tail - 1; k > 0; k--) {
      const v = order[k]!;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      const end = ptr[v + 1]!;
      let acc = 0;
      for (let e = ptr[v]!; e < end; e++) {
        const w = idx[e]!;
        if (dist[w] === next) acc += (1 + delta[w]!) / sigma[w]!;
      }
      const dv = sv * acc;
      delta[v] = dv;
      bc[v] = bc[v]! + dv;
    }
    // Reset only what this search touched (its BFS order), not all n entries.
    for (let k = 0; k < tail; k++) {
      const v = order[k]!;
      sigma[v] = 0;
      delta[v] = 0;
      dist[v] = -1;
    }
  }
  const scale = (exact ? 1 : n / sources.length) / (n > 2 ? (n - 1) * (n - 2) : 1);
  for (let i = 0; i < n; i++) bc[i] = n > 2 ? bc[i]! * scale : 0;
  const result: Brokerage = { value: bc, method: exact ? 'exact' : 'sampled', sources: sources.length };
  g.memo.set(key, result);
  return result;
}
