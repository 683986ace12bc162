/**
 * `predictConsensus`: where the buying committee will land (Friedkin–Johnsen).
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import {
  DYNAMICS_CHECKS,
  DYNAMICS_DEFAULTS,
  displayName,
  rankKernel,
  solveKernel,
  stanceOrNull,
  type DynamicsOptions,
} from '../internal/common.js';
import { byScoreThenId, decisionMakers } from '../internal/decision-makers.js';
import { solveForward, susceptibilities } from '../internal/friedkin-johnsen.js';
import { priors } from '../internal/listening.js';
import { checks, resolveOptions } from '../internal/options.js';

/** How the committee's lean is read from the final stances. */
export type DecisionRule = 'weighted' | 'dm-decides';

/** Options of {@link predictConsensus}. */
export interface ConsensusOptions extends DynamicsOptions {
  /** `weighted`: lean = sum v_i x*_i (influence-weighted); `dm-decides`: mean of x* over the decision makers. Default `weighted`. */
  decisionRule?: DecisionRule;
  /** Lean above which the verdict is `support` (and below minus it, `oppose`). Default 0.2. */
  verdictThreshold?: number;
}

/** One person's stance before and after the committee talks. */
export interface StanceShift {
  readonly id: string;
  readonly name: string;
  /** The recorded stance (null = unknown, counted 0). */
  readonly initial: number | null;
  /** The predicted final stance x*_i. */
  readonly final: number;
  /** The susceptibility used, lambda_i. */
  readonly susceptibility: number;
}

/** Result of {@link predictConsensus}. */
export interface Consensus {
  /** The committee lean S in -1..1. */
  readonly lean: number;
  /** `support` if S > 0.2, `oppose` if S < -0.2, else `contested`. */
  readonly verdict: 'support' | 'oppose' | 'contested';
  /** Everyone, final stance descending, then id. */
  readonly stances: readonly StanceShift[];
  /** Gauss–Seidel sweeps until the largest change fell below the tolerance. */
  readonly iterations: number;
  readonly residual: number;
  readonly decisionRule: DecisionRule;
  /** Ids of the decision makers (their susceptibility defaults to 0.3). */
  readonly decisionMakers: readonly string[];
  readonly rule: string;
}

const DEFAULTS: Required<ConsensusOptions> = {
  ...DYNAMICS_DEFAULTS,
  decisionRule: 'weighted',
  verdictThreshold: 0.2,
};

/**
 * Predicts where the committee will land: Friedkin–Johnsen opinion dynamics, in which each person
 * keeps a share `1 - lambda` of their own stance and takes `lambda` from the people they listen to:
 * `x* = (I - L W)^-1 (I - L) u`. The committee lean is the influence-weighted mean of the final
 * stances (`S = sum v_i x*_i`), or with `decisionRule: 'dm-decides'` the decision makers' mean.
 *
 * Final stances always stay within the range of the initial ones. Unknown stances start at 0.
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link ConsensusOptions}
 * @returns the lean, the verdict, every final stance, and the iteration count
 * @throws {@link ConvergenceError} (with iterations and residual) if the solve does not converge;
 *   {@link ValidationError} on an invalid deal; {@link OptionError} on a bad option
 * @example
 * ```ts
 * const c = predictConsensus(harborDeal);
 * c.lean;    // => 0.144224
 * c.verdict; // => 'contested'
 * ```
 * @see Friedkin & Johnsen (1990), Social influence and opinions; design.md section 6 item 3
 * @category Relationship power
 */
export function predictConsensus(input: Deal | PowerGraph | unknown, options?: ConsensusOptions): Consensus {
  const o = resolveOptions('predictConsensus', DEFAULTS, options, {
    ...DYNAMICS_CHECKS,
    decisionRule: checks.oneOf(['weighted', 'dm-decides']),
    verdictThreshold: checks.number(0, 1),
  });
  const g = toPowerGraph(input);
  const dms = decisionMakers(g, rankKernel(o));
  const lambda = susceptibilities(g, o, rankKernel(o));
  const u = Float64Array.from(g.stance, (x) => (Number.isNaN(x) ? 0 : x));
  const { x, iterations, residual } = solveForward(g, lambda, u, solveKernel(o), 'predictConsensus');
  const { v } = priors(g);
  let lean = 0;
  if (o.decisionRule === 'weighted') for (let i = 0; i < g.n; i++) lean += v[i]! * x[i]!;
  else lean = dms.reduce((s, dm) => s + x[dm.index]!, 0) / dms.length;
  const stances = g.ids.map((id, i) => ({
    id,
    name: displayName(g, i),
    initial: stanceOrNull(g, i),
    final: x[i]! + 0, // + 0: never -0
    susceptibility: lambda[i]!,
  }));
  stances.sort(byScoreThenId((s) => s.final, (s) => s.id));
  return {
    lean,
    verdict: lean > o.verdictThreshold ? 'support' : lean < -o.verdictThreshold ? 'oppose' : 'contested',
    stances,
    iterations,
    residual,
    decisionRule: o.decisionRule,
    decisionMakers: dms.map((d) => g.ids[d.index]!),
    rule:
      'x* = (I - L W)^-1 (I - L) u (Friedkin–Johnsen), L = diag(susceptibility): 0.5, 0.3 for decision makers, explicit values win; ' +
      (o.decisionRule === 'weighted' ? 'lean = sum v_i x*_i' : 'lean = mean of x* over the decision makers') +
      `; support if lean > ${o.verdictThreshold}, oppose if < -${o.verdictThreshold}, else contested.`,
  };
}
