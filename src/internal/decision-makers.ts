/**
 * The one set of decision makers used everywhere (design section 6, "Decision makers"):
 * role `decision-maker`; if nobody has it, every `economic-buyer`; if none, the single highest-p
 * person with no manager (or the highest overall if everyone has one), marked inferred.
 *
 * @internal
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';
import { RANK_KERNEL_DEFAULTS, rankScores, type RankKernelOptions } from './rank-scores.js';
import { iota } from './arena.js';

export interface DecisionMakerRef {
  readonly index: number;
  readonly inferred: boolean;
  /** Why this person counts as a decision maker. */
  readonly basis: 'role:decision-maker' | 'role:economic-buyer' | 'inferred:top-score-without-manager' | 'inferred:top-score';
}

/** Decision makers in index (= id) order. `p` options only matter when one must be inferred. */
export function decisionMakers(g: PowerGraph, rank: RankKernelOptions = RANK_KERNEL_DEFAULTS): DecisionMakerRef[] {
  const key = `dms:${rank.alpha}:${rank.normalization}`;
  const hit = g.memo.get(key) as DecisionMakerRef[] | undefined;
  if (hit) return hit;
  const result = findDecisionMakers(g, rank);
  g.memo.set(key, result);
  return result;
}

function findDecisionMakers(g: PowerGraph, rank: RankKernelOptions): DecisionMakerRef[] {
  const withRole = (role: 'decision-maker' | 'economic-buyer') =>
    g.people.flatMap((p, i) => (p.roles.includes(role) ? [i] : []));
  const dms = withRole('decision-maker');
  if (dms.length > 0) return dms.map((index) => ({ index, inferred: false, basis: 'role:decision-maker' }));
  const ebs = withRole('economic-buyer');
  if (ebs.length > 0) return ebs.map((index) => ({ index, inferred: false, basis: 'role:economic-buyer' }));
  const { p } = rankScores(g, rank);
  let best = -1;
  let anyTop = false;
  for (let i = 0; i < g.n; i++) if (g.hasManager[i] === 0) anyTop = true;
  for (let i = 0; i < g.n; i++) {
    if (anyTop && g.hasManager[i] !== 0) continue;
    // Strictly greater beyond the tie tolerance: ties keep the smaller index (= smaller id).
    if (best < 0 || greaterThan(p[i]!, p[best]!)) best = i;
  }
  return [{ index: best, inferred: true, basis: anyTop ? 'inferred:top-score-without-manager' : 'inferred:top-score' }];
}

/** The tie rule of design section 6: a and b are tied when they differ by at most 1e-12 x max(1, |a|, |b|). */
export function tied(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** `a > b` and not tied. */
export function greaterThan(a: number, b: number): boolean {
  return a > b && !tied(a, b);
}

/** Sort comparator: score descending, ties (design rule) by id ascending. */
export function byScoreThenId<T>(score: (x: T) => number, id: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const sa = score(a);
    const sb = score(b);
    if (!tied(sa, sb)) return sb - sa;
    const ia = id(a);
    const ib = id(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
}

/** From this many items on, {@link orderByScore} sorts by radix: a comparator sort costs about 0.5 µs an item there. */
const RADIX_FROM = 4096;

/**
 * Positions `0..n-1` ordered by `s` descending, equal values in position order: a stable LSD radix
 * sort on the IEEE-754 bits (four 16-bit digits), O(n). The bits are mapped so that unsigned order
 * is descending numeric order (-0 comes after +0; the caller's tie pass treats them as tied).
 *
 * @internal
 */
export function radixOrderDescending(s: Float64Array): Int32Array {
  const n = s.length;
  const bits = new Uint32Array(s.buffer, s.byteOffset, 2 * n); // little-endian: [lo, hi] per value
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const h = bits[2 * k + 1]!;
    const l = bits[2 * k]!;
    // Ascending-sortable: negative -> flip every bit; positive -> flip the sign bit. Then flip
    // every bit again for descending: negative -> the bits as they are; positive -> all but the sign.
    if (h & 0x80000000) {
      hi[k] = h;
      lo[k] = l;
    } else {
      hi[k] = (h ^ 0x7fffffff) >>> 0;
      lo[k] = ~l >>> 0;
    }
  }
  let from: Int32Array = iota(n);
  let to: Int32Array = new Int32Array(n);
  const count = new Int32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let k = 0; k < n; k++) count[((word[from[k]!]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 0; d < 65536; d++) count[d + 1]! += count[d]!;
    for (let k = 0; k < n; k++) {
      const e = from[k]!;
      to[count[(word[e]! >>> shift) & 0xffff]!++] = e;
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * Sorts item indices by score descending, ties (the design rule) by index ascending — which is id
 * order whenever indices are person indices (people are indexed in id order). A numeric sort, then
 * each run of tied neighbours re-sorted by index: no closure per comparison, so it is fast on
 * 100,000 items.
 */
export function orderByScore(items: Int32Array, score: (i: number) => number): Int32Array {
  const s = Float64Array.from(items, score);
  let pos: Int32Array;
  if (items.length >= RADIX_FROM) pos = radixOrderDescending(s);
  else {
    pos = iota(items.length);
    pos.sort((a, b) => s[b]! - s[a]! || items[a]! - items[b]!);
  }
  const out = Int32Array.from(pos, (k) => items[k]!);
  const sorted = Float64Array.from(pos, (k) => s[k]!);
  for (let a = 0; a < out.length; ) {
    let b = a + 1;
    while (b < out.length && tied(sorted[b - 1]!, sorted[b]!)) b++;
    if (b - a > 1) out.subarray(a, b).sort();
    a = b;
  }
  return out;
}

/**
 * The `k` best of the indices `0..n-1` whose score passes `keep`, in the order of
 * {@link orderByScore} (score descending, ties by index): a selection in O(n k), for when only the
 * head of a long list is shown.
 */
export function topByScore(n: number, k: number, score: (i: number) => number, keep: (s: number) => boolean): number[] {
  const best: number[] = [];
  const bestScore: number[] = [];
  if (k <= 0) return best;
  for (let i = 0; i < n; i++) {
    const s = score(i);
    if (!keep(s)) continue;
    // Indices come in ascending order, so a tied score never goes before an earlier one.
    let at = best.length;
    while (at > 0 && !tied(bestScore[at - 1]!, s) && s > bestScore[at - 1]!) at--;
    if (at >= k) continue;
    best.splice(at, 0, i);
    bestScore.splice(at, 0, s);
    if (best.length > k) {
      best.pop();
      bestScore.pop();
    }
  }
  return best;
}

