/**
 * Personalised PageRank on the listening matrix (design section 6 item 1), on CSR arrays:
 * `p = alpha * W^T p + (1 - alpha) * v`, solved by Gauss–Seidel sweeps to an L1 change per sweep
 * below `tolerance` (not scaled by N).
 *
 * @internal
 * @module
 */
import { ConvergenceError } from '../errors.js';
import type { PowerGraph } from '../graph/power-graph.js';
import { listening, priors, type Normalization } from './listening.js';
import { f64From } from './arena.js';

/** The scores and how the solve went. */
export interface RankScores {
  readonly p: Float64Array;
  readonly iterations: number;
  readonly residual: number;
}

export interface RankKernelOptions {
  alpha: number;
  normalization: Normalization;
  tolerance: number;
  maxIterations: number;
}

export const RANK_KERNEL_DEFAULTS: RankKernelOptions = {
  alpha: 0.5,
  normalization: 'slack',
  tolerance: 1e-12,
  maxIterations: 10_000,
};

/**
 * `(W^T p)_i = W_ii p_i + sum over edges i -> j of W_ji p_j`: a gather over the
 * out-edges of i, O(V + E) per iteration. Memoised on the graph per option set.
 */
export function rankScores(g: PowerGraph, options: RankKernelOptions = RANK_KERNEL_DEFAULTS, fn = 'rankKeyPeople'): RankScores {
  const key = `rank:${options.alpha}:${options.normalization}:${options.tolerance}:${options.maxIterations}`;
  const hit = g.memo.get(key) as RankScores | undefined;
  if (hit) return hit;
  const { alpha, tolerance, maxIterations } = options;
  const { self, outW } = listening(g, options.normalization);
  const { v } = priors(g);
  const { ptr, idx } = g.influenceOut;
  const n = g.n;
  // Gauss–Seidel sweeps in index order: p_i = ((1 - alpha) v_i + alpha sum_j W_ji p_j) / (1 - alpha W_ii),
  // using the newest p_j. Same fixed point as the power iteration, in about half the sweeps.
  const p = f64From(v);
  let iterations = 0;
  let residual = Number.POSITIVE_INFINITY;
  while (!(residual < tolerance)) {
    if (iterations >= maxIterations) throw new ConvergenceError(fn, iterations, residual);
    residual = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      const end = ptr[i + 1]!;
      for (let e = ptr[i]!; e < end; e++) acc += outW[e]! * p[idx[e]!]!;
      const x = ((1 - alpha) * v[i]! + alpha * acc) / (1 - alpha * self[i]!);
      residual += Math.abs(x - p[i]!);
      p[i] = x;
    }
    iterations++;
  }
  // Gauss–Seidel does not keep sum(p) = 1 exactly on the way (the power iteration does); the fixed
  // point sums to 1, so normalise away what is left of the convergence error.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += p[i]!;
  if (sum > 0) for (let i = 0; i < n; i++) p[i] = p[i]! / sum;
  const result = { p, iterations, residual };
  g.memo.set(key, result);
  return result;
}
