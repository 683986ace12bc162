/**
 * `recommendEngagements` (M6.2): who to win over next.
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { accessFromUs, pathTo } from '../internal/access-graph.js';
import {
  DYNAMICS_CHECKS,
  DYNAMICS_DEFAULTS,
  displayName,
  rankKernel,
  solveKernel,
  stanceOrNull,
  type DynamicsOptions,
} from '../internal/common.js';
import { byScoreThenId, topByScore } from '../internal/decision-makers.js';
import { solveAdjoint, solveForward, susceptibilities } from '../internal/friedkin-johnsen.js';
import { priors } from '../internal/listening.js';
import { checks, resolveOptions } from '../internal/options.js';
import { f64 } from '../internal/arena.js';

/** Options of {@link recommendEngagements}. */
export interface EngagementOptions extends DynamicsOptions {
  /** The stance we aim to bring people to. Default 1 (champion). */
  target?: number;
  /** How many recommendations. Default 5. */
  limit?: number;
  /** How many committee members to list in each `via` (the rest is summed in `viaOther`). Default 5. */
  viaLimit?: number;
}

/** A committee member through whom part of a gain flows. */
export interface GainVia {
  readonly id: string;
  /** `v_i * V_ij * (target - u_j)`: the part of the gain that arrives through i's final stance. */
  readonly amount: number;
}

/** One recommended engagement. */
export interface Engagement {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly stance: number | null;
  /** How much the committee lean rises if this person moves to `target`: `g_j * (target - u_j)`. */
  readonly gain: number;
  /** How likely we can reach them: the best access probability (it includes our own relationship). */
  readonly feasibility: number;
  /** `gain * feasibility`. */
  readonly expected: number;
  /** The committee members through whom the gain flows, largest first; with `viaOther` they add up to `gain`. */
  readonly via: readonly GainVia[];
  /** The rest of the gain, through members not listed in `via`. */
  readonly viaOther: number;
  /** How to reach them: person ids from our entry contact (`[id]` when we know them), or null. */
  readonly path: readonly string[] | null;
}

/** Result of {@link recommendEngagements}. */
export interface Engagements {
  /** By `expected` descending, then id. */
  readonly recommendations: readonly Engagement[];
  readonly target: number;
  readonly rule: string;
}

const DEFAULTS: Required<EngagementOptions> = { ...DYNAMICS_DEFAULTS, target: 1, limit: 5, viaLimit: 5 };

/**
 * Recommends who to win over next: for every person j below `target`, the gain in committee lean
 * if j moved to `target` — `gain_j = g_j (target - u_j)` with `g = V^T v`,
 * `V = (I - L W)^-1 (I - L)` (one adjoint sparse solve for everyone) — times the feasibility of
 * reaching j (our best access probability). Gains are exactly additive over a set of people.
 *
 * Each recommendation says through whom the gain flows (`via`: one extra forward solve per
 * recommendation) and how we can reach the person (`path`).
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link EngagementOptions}
 * @returns the top `limit` people by expected gain
 * @throws {@link ConvergenceError}, {@link ValidationError}, {@link OptionError}
 * @example
 * ```ts
 * recommendEngagements(harborDeal).recommendations.map((r) => [r.id, +r.expected.toFixed(6)]);
 * // => [['it', 0.119248], ['ceo', 0.046297], ['coo', 0.039181], ['cfo', 0.027356], ['buyer', 0.000952]]
 * ```
 * @see methodology M6.2 — keep growing the allies; design.md section 6 item 4
 * @category Relationship power
 */
export function recommendEngagements(input: Deal | PowerGraph | unknown, options?: EngagementOptions): Engagements {
  const o = resolveOptions('recommendEngagements', DEFAULTS, options, {
    ...DYNAMICS_CHECKS,
    target: checks.number(-1, 1),
    limit: checks.integer(0),
    viaLimit: checks.integer(0),
  });
  const g = toPowerGraph(input);
  const { gain, lambda } = engagementGains(g, o);
  const access = accessFromUs(g);
  const candidates: { j: number; gain: number; feasibility: number; expected: number }[] = [];
  for (let j = 0; j < g.n; j++) {
    if (Number.isNaN(gain[j]!)) continue;
    const feasibility = access.probability[j]!;
    candidates.push({ j, gain: gain[j]!, feasibility, expected: gain[j]! * feasibility });
  }
  candidates.sort(byScoreThenId((c) => c.expected, (c) => g.ids[c.j]!));
  const { v } = priors(g);
  const recommendations = candidates.slice(0, o.limit).map((c, k): Engagement => {
    const shown = gainVia(g, lambda, v, c.j, o, c.gain);
    const path = pathTo(access, c.j);
    return {
      id: g.ids[c.j]!,
      name: displayName(g, c.j),
      rank: k + 1,
      stance: stanceOrNull(g, c.j),
      gain: c.gain,
      feasibility: c.feasibility,
      expected: c.expected,
      via: shown,
      viaOther: c.gain - shown.reduce((s, x) => s + x.amount, 0),
      path: path && path.map((x) => g.ids[x]!),
    };
  });
  return {
    recommendations,
    target: o.target,
    rule:
      'gain_j = g_j (target - u_j), g = V^T v, V = (I - L W)^-1 (I - L); expected = gain x feasibility (best access probability); ' +
      'only people below target; unknown stance counts 0.',
  };
}

/**
 * Gains of every person (NaN for people at or above target): one adjoint solve.
 *
 * @internal
 */
export function engagementGains(
  g: PowerGraph,
  o: Required<DynamicsOptions> & { target: number },
): { gain: Float64Array; lambda: Float64Array } {
  const lambda = susceptibilities(g, o, rankKernel(o));
  const { v } = priors(g);
  const { x: y } = solveAdjoint(g, lambda, v, solveKernel(o), 'recommendEngagements');
  const gain = f64(g.n);
  for (let j = 0; j < g.n; j++) {
    const u = Number.isNaN(g.stance[j]!) ? 0 : g.stance[j]!;
    gain[j] = u < o.target ? (1 - lambda[j]!) * y[j]! * (o.target - u) : Number.NaN;
  }
  return { gain, lambda };
}

/**
 * Column j of V times v_i and (target - u_j): where person j's gain arrives. One forward solve;
 * the `limit` largest amounts (ties by id), and the sum of every amount, so that the rest can be
 * reported as `viaOther` without listing everyone.
 */
function gainVia(
  g: PowerGraph,
  lambda: Float64Array,
  v: Float64Array,
  j: number,
  o: Required<EngagementOptions>,
  gain: number,
): GainVia[] {
  const e = f64(g.n);
  e[j] = 1;
  const { x: column } = solveForward(g, lambda, e, solveKernel(o), 'recommendEngagements');
  const u = Number.isNaN(g.stance[j]!) ? 0 : g.stance[j]!;
  const amount = (i: number) => v[i]! * column[i]! * (o.target - u);
  const floor = 1e-15 * Math.max(1, gain);
  return topByScore(g.n, o.viaLimit, amount, (a) => a > floor).map((i) => ({ id: g.ids[i]!, amount: amount(i) }));
}
