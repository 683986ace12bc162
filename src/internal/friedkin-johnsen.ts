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
  return sweep(g.n, options, fn, x, (i) => {
    let acc = 0;
    for (let e = ptr[i]!; e < ptr[i + 1]!; e++) acc += inW[e]! * x[idx[e]!]!;
    return (lambda[i]! * acc + (1 - lambda[i]!) * b[i]!) / (1 - lambda[i]! * self[i]!);
  });
}

/**
 * Solves the adjoint `y = v + W^T L y` (so that `V^T v = (I - L) y` with `V = (I - L W)^-1 (I - L)`).
 * Column j of W is read from `influenceOut` (edge j -> i gives `W_ij`).
 */
export function solveAdjoint(g: PowerGraph, lambda: Float64Array, v: Float64Array, options: SolveOptions, fn: string): Solution {
  const { self, outW } = listening(g, options.normalization);
  const { ptr, idx } = g.influenceOut;
  const y = f64From(v);
  return sweep(g.n, options, fn, y, (j) => {
    let acc = 0;
    for (let e = ptr[j]!; e < ptr[j + 1]!; e++) {
      const i = idx[e]!;
      acc += outW[e]! * lambda[i]! * y[i]!;
    }
    return (v[j]! + acc) / (1 - lambda[j]! * self[j]!);
  });
}

function sweep(n: number, options: SolveOptions, fn: string, x: Float64Array, update: (i: number) => number): Solution {
  let iterations = 0;
  let residual = Number.POSITIVE_INFINITY;
  // `!(residual < tol)` and not `residual >= tol`: a NaN residual must not end the loop as converged.
  while (!(residual < options.tolerance)) {
    if (iterations >= options.maxIterations) throw new ConvergenceError(fn, iterations, residual);
    residual = 0;
    for (let i = 0; i < n; i++) {
      const next = update(i);
      const change = Math.abs(next - x[i]!);
      if (change > residual) residual = change;
      x[i] = next;
    }
    iterations++;
  }
  return { x, iterations, residual };
}
