/**
 * The listening matrix W and the prior v of design section 6, as O(V + E) typed-array views.
 *
 * @internal
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';
import { f64 } from './arena.js';

/** How rows of the listening matrix are normalised. */
export type Normalization = 'slack' | 'row';

/**
 * The listening matrix W in the CSR layout of the graph: `W_ik` for each influence edge k -> i
 * (`inW`, read by rows from `influenceIn`; `outW`, the same entries read by columns from
 * `influenceOut`), and `W_ii = self_i`.
 */
export interface Listening {
  /**
   * Row scale: `W_ik = w_ki * scale_i`. Kept for callers that scale sums; it overflows to
   * Infinity when a row's in-weights are subnormal ('row' mode), so kernels use `inW` / `outW`.
   */
  readonly scale: Float64Array;
  readonly self: Float64Array;
  /** `W_ik` per edge k -> i, aligned with `g.influenceIn` (row i lists the k that i listens to). */
  readonly inW: Float64Array;
  /** `W_ji` per edge i -> j, aligned with `g.influenceOut` (row i lists the j that listen to i). */
  readonly outW: Float64Array;
}

/**
 * W per design section 6: with `s_i = sum_k w_ki`, 'slack' keeps the weights when `s <= 1` and
 * puts the slack `1 - s` on the diagonal, else scales the row to 1; 'row' always scales the row
 * (diagonal 1 for a person nobody influences). Memoised on the graph.
 */
export function listening(g: PowerGraph, normalization: Normalization): Listening {
  const key = `listening:${normalization}`;
  const hit = g.memo.get(key) as Listening | undefined;
  if (hit) return hit;
  const { ptr, w } = g.influenceIn;
  const scale = f64(g.n);
  const self = f64(g.n);
  // The divisor of each row (1 when the row keeps its weights): entries are w / divisor, computed
  // by division so that a subnormal row sum (1 / s = Infinity) still gives entries in [0, 1].
  const divisor = f64(g.n);
  for (let i = 0; i < g.n; i++) {
    let s = 0;
    for (let e = ptr[i]!; e < ptr[i + 1]!; e++) s += w[e]!;
    if (s <= 0) {
      scale[i] = 1;
      self[i] = 1;
      divisor[i] = 1;
    } else if (normalization === 'slack' && s <= 1) {
      scale[i] = 1;
      self[i] = 1 - s;
      divisor[i] = 1;
    } else {
      scale[i] = 1 / s;
      self[i] = 0;
      divisor[i] = s;
    }
  }
  const inW = f64(w.length);
  for (let i = 0; i < g.n; i++) for (let e = ptr[i]!; e < ptr[i + 1]!; e++) inW[e] = w[e]! / divisor[i]!;
  const out = g.influenceOut;
  const outW = f64(out.w.length);
  for (let i = 0; i < g.n; i++) for (let e = out.ptr[i]!; e < out.ptr[i + 1]!; e++) outW[e] = out.w[e]! / divisor[out.idx[e]!]!;
  const result = { scale, self, inW, outW };
  g.memo.set(key, result);
  return result;
}

/** The prior of design section 6. */
export interface Priors {
  /** Influence used per person: assessed, or the median of the assessed values (0.5 when none). */
  readonly infl: Float64Array;
  /** `v_i = infl_i / sum(infl)`, uniform when the sum is 0. */
  readonly v: Float64Array;
  /** Indices of people whose influence was assumed (not assessed), ascending. */
  readonly assumed: readonly number[];
  /** The value assumed for them. */
  readonly assumedValue: number;
}

/** Priors v from influence, memoised on the graph. */
export function priors(g: PowerGraph): Priors {
  const hit = g.memo.get('priors') as Priors | undefined;
  if (hit) return hit;
  const assessed: number[] = [];
  const assumed: number[] = [];
  for (let i = 0; i < g.n; i++) {
    const x = g.influence[i]!;
    if (Number.isNaN(x)) assumed.push(i);
    else assessed.push(x);
  }
  const assumedValue = assessed.length === 0 ? 0.5 : median(assessed);
  const infl = f64(g.n);
  let sum = 0;
  for (let i = 0; i < g.n; i++) {
    const x = g.influence[i]!;
    infl[i] = Number.isNaN(x) ? assumedValue : x;
    sum += infl[i]!;
  }
  const v = f64(g.n);
  for (let i = 0; i < g.n; i++) v[i] = sum > 0 ? infl[i]! / sum : 1 / g.n;
  const result = { infl, v, assumed, assumedValue };
  g.memo.set('priors', result);
  return result;
}

/** Median; with an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
