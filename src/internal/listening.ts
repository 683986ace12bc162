/**
 * The listening matrix W and the prior v of design section 6, as O(V + E) typed-array views.
 *
 * @internal
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';

/** How rows of the listening matrix are normalised. */
export type Normalization = 'slack' | 'row';

/**
 * The listening matrix W without storing it: `W_ik = w_ki * scale_i` for each influence edge
 * k -> i (so a row is read from `influenceIn`, a column from `influenceOut`), and `W_ii = self_i`.
 */
export interface Listening {
  readonly scale: Float64Array;
  readonly self: Float64Array;
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
  const scale = new Float64Array(g.n);
  const self = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) {
    let s = 0;
    for (let e = ptr[i]!; e < ptr[i + 1]!; e++) s += w[e]!;
    if (s <= 0) {
      scale[i] = 1;
      self[i] = 1;
    } else if (normalization === 'slack' && s <= 1) {
      scale[i] = 1;
      self[i] = 1 - s;
    } else {
      scale[i] = 1 / s;
      self[i] = 0;
    }
  }
  const result = { scale, self };
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
  const infl = new Float64Array(g.n);
  let sum = 0;
  for (let i = 0; i < g.n; i++) {
    const x = g.influence[i]!;
    infl[i] = Number.isNaN(x) ? assumedValue : x;
    sum += infl[i]!;
  }
  const v = new Float64Array(g.n);
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

/** Stance with unknown counted as 0 (point estimates). */
export function stanceOrZero(g: PowerGraph, i: number): number {
  const u = g.stance[i]!;
  return Number.isNaN(u) ? 0 : u;
}
