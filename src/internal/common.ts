/**
 * Small helpers shared by the analyses.
 *
 * @internal
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';
import { checks, type OptionCheck } from './options.js';
import type { RankKernelOptions } from './rank-scores.js';
import type { SolveOptions } from './friedkin-johnsen.js';
import type { BrokerageOptions } from './betweenness.js';

/** The person's name, or their id when unnamed. */
export function displayName(g: PowerGraph, i: number): string {
  return g.people[i]!.name ?? g.ids[i]!;
}

/** Stance with unknown as `null` (for results). */
export function stanceOrNull(g: PowerGraph, i: number): number | null {
  const u = g.stance[i]!;
  return Number.isNaN(u) ? null : u;
}

/** Options every analysis built on the key-people score accepts. */
export interface ScoreOptions {
  /** Damping of the personalised PageRank: the share of a score that flows through listeners. Default 0.5. */
  alpha?: number;
  /** Row normalisation of the listening matrix. Default `'slack'`. */
  normalization?: 'slack' | 'row';
}

/** Options of the Friedkin–Johnsen analyses. */
export interface DynamicsOptions extends ScoreOptions {
  /** Default susceptibility (lambda) of a person. Default 0.5. */
  susceptibility?: number;
  /** Default susceptibility of a decision maker. Default 0.3. */
  decisionMakerSusceptibility?: number;
  /** Stop when the largest change of a sweep is below this. Default 1e-12. */
  tolerance?: number;
  /** Give up (ConvergenceError) after this many sweeps. Default 100,000. */
  maxIterations?: number;
}

export const SCORE_DEFAULTS = { alpha: 0.5, normalization: 'slack' } as const satisfies Required<ScoreOptions>;
export const DYNAMICS_DEFAULTS = {
  ...SCORE_DEFAULTS,
  susceptibility: 0.5,
  decisionMakerSusceptibility: 0.3,
  tolerance: 1e-12,
  maxIterations: 100_000,
} as const satisfies Required<DynamicsOptions>;

export const SCORE_CHECKS: Record<keyof Required<ScoreOptions>, OptionCheck> = {
  alpha: checks.number(0, 1, true),
  normalization: checks.oneOf(['slack', 'row']),
};
export const DYNAMICS_CHECKS: Record<keyof Required<DynamicsOptions>, OptionCheck> = {
  ...SCORE_CHECKS,
  susceptibility: checks.number(0, 1),
  decisionMakerSusceptibility: checks.number(0, 1),
  tolerance: checks.positive(),
  maxIterations: checks.integer(1),
};

/** Kernel options for the key-people score. */
export function rankKernel(o: Required<ScoreOptions>): RankKernelOptions {
  return { alpha: o.alpha, normalization: o.normalization, tolerance: 1e-12, maxIterations: 10_000 };
}

/** Solver options for the FJ kernels. */
export function solveKernel(o: Required<DynamicsOptions>): SolveOptions {
  return { normalization: o.normalization, tolerance: o.tolerance, maxIterations: o.maxIterations };
}

/** Options of the brokerage (betweenness) computation. */
export interface BrokerageSettings {
  /** Exact brokerage up to this many people; pivot-sampled above (Brandes & Pich 2007). Default 2,000. */
  brokerageExactLimit?: number;
  /**
   * Sampled pivots above the exact limit. Default `'auto'`: 256, fewer on graphs with more than
   * about 117,000 people and edges (at least 32): `min(256, max(32, floor(3e7 / (n + edges))))`.
   */
  brokeragePivots?: number | 'auto';
  /** Seed of the pivot sampling. Default 1. */
  brokerageSeed?: number;
}
export const BROKERAGE_SETTINGS_DEFAULTS: Required<BrokerageSettings> = {
  brokerageExactLimit: 2000,
  brokeragePivots: 'auto',
  brokerageSeed: 1,
};
export const BROKERAGE_CHECKS: Record<keyof Required<BrokerageSettings>, OptionCheck> = {
  brokerageExactLimit: checks.integer(0),
  brokeragePivots: (v) => (v === 'auto' ? undefined : checks.integer(1)(v)),
  brokerageSeed: checks.integer(0),
};
export function brokerageKernel(o: Required<BrokerageSettings>): BrokerageOptions {
  return { exactLimit: o.brokerageExactLimit, pivots: o.brokeragePivots, seed: o.brokerageSeed };
}
