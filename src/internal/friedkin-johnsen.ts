/**
 * Friedkin–Johnsen opinion dynamics on CSR arrays (design section 6 items 3-4):
 * the forward solve `x = L W x + (I - L) u` and the adjoint solve `y = v + W^T L y`, both by
 * Gauss–Seidel sweeps in index order, to a max change below `tolerance`.
 *
 * @internal
 * @module
 */
import { ConvergenceError } from '../errors.js';
import type { PowerGraph } from '../graph/power-graph.js';
import { decisionMakers } from './decision-makers.js';
import { listening, type Normalization } from './listening.js';
import type { RankKernelOptions } from './rank-scores.js';
import { f64, f64From } from './arena.js';

export interface SolveOptions {
  normalization: Normalization;
  tolerance: number;
  maxIterations: number;
}

export interface Solution {
  readonly x: Float64Array;
  readonly iterations: number;
  readonly residual: number;
}

/** Susceptibility lambda: explicit, else 0.3 for a decision maker and 0.5 otherwise; capped at 0.999. */
export function susceptibilities(
  g: PowerGraph,
  defaults: { susceptibility: number; decisionMakerSusceptibility: number },
  rank: RankKernelOptions,
): Float64Array {
  const lambda = f64(g.n).fill(defaults.susceptibility);
  for (const dm of decisionMakers(g, rank)) lambda[dm.index] = defaults.decisionMakerSusceptibility;
  for (let i = 0; i < g.n; i++) {
    const explicit = g.people[i]!.susceptibility;
    if (explicit !== undefined) lambda[i] = explicit;
    lambda[i] = Math.min(lambda[i]!, 0.999);
  }
  return lambda;
}

/**
 * Solves `x = L W x + (I - L) b` for x (the forward FJ equation; with b = u it gives the final
 * stances). Row i of W is read from `influenceIn`.
 */
export function solveForward(g: PowerGraph, lambda: Float64Array, b: Float64Array, options: SolveOptions, fn: string): Solution {
  const { self, inW } = listening(g, options.normalization);
  const { ptr, idx } = g.influenceIn;
  const x = f64From(b);
  const n = g.n;
  let iterations = 0;
  let residual = Number.POSITIVE_INFINITY;
  // The sweep is written out here and in solveAdjoint (not shared through a callback): a callback
  // called per person from two places is not inlined, which cost about 15% of predictConsensus at
  // 100,000 people.
  // `!(residual < tol)` and not `residual >= tol`: a NaN residual must not end the loop as converged.
  while (!(residual < options.tolerance)) {
    if (iterations >= options.maxIterations) throw new ConvergenceError(fn, iterations, residual);
    residual = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      const end = ptr[i + 1]!;
      for (let e = ptr[i]!; e < end; e++) acc += inW[e]! * x[idx[e]!]!;
      const next = (lambda[i]! * acc + (1 - lambda[i]!) * b[i]!) / (1 - lambda[i]! * self[i]!);
      const change = Math.abs(next - x[i]!);
      if (change > residual) residual = change;
      x[i] = next;
    }
    iterations++;
  }
  return { x, iterations, residual };
}

/**
 * Solves the adjoint `y = v + W^T L y` (so that `V^T v = (I - L) y` with `V = (I - L W)^-1 (I - L)`).
 * Column j of W is read from `influenceOut` (edge j -> i gives `W_ij`).
 */
export function solveAdjoint(g: PowerGraph, lambda: Float64Array, v: Float64Array, options: SolveOptions, fn: string): Solution {
  const { self, outW } = listening(g, options.normalization);
  const { ptr, idx } = g.influenceOut;
  const y = f64From(v);
  const n = g.n;
  let iterations = 0;
  let residual = Number.POSITIVE_INFINITY;
  while (!(residual < options.tolerance)) {
    if (iterations >= options.maxIterations) throw new ConvergenceError(fn, iterations, residual);
    residual = 0;
    for (let j = 0; j < n; j++) {
      let acc = 0;
      const end = ptr[j + 1]!;
      for (let e = ptr[j]!; e < end; e++) {
        const i = idx[e]!;
        acc += outW[e]! * lambda[i]! * y[i]!;
      }
      const next = (v[j]! + acc) / (1 - lambda[j]! * self[j]!);
      const change = Math.abs(next - y[j]!);
      if (change > residual) residual = change;
      y[j] = next;
    }
    iterations++;
  }
  return { x: y, iterations, residual };
}

