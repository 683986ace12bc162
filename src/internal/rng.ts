/**
 * A small seeded PRNG (mulberry32): deterministic sampling, never an unseeded random source.
 *
 * @internal
 * @module
 */
import { iota } from './arena.js';
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `k` distinct integers from 0..n-1, chosen by a partial Fisher–Yates shuffle with `seed`, ascending. */
export function samplePivots(n: number, k: number, seed: number): Int32Array {
  const rand = mulberry32(seed);
  const pool = iota(n);
  const m = Math.min(k, n);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rand() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, m).sort();
}
