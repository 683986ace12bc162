/**
 * `rankKeyPeople` (M6.1): who really matters in the buying organisation.
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { brokerage } from '../internal/betweenness.js';
import {
  BROKERAGE_CHECKS,
  BROKERAGE_SETTINGS_DEFAULTS,
  SCORE_CHECKS,
  SCORE_DEFAULTS,
  brokerageKernel,
  displayName,
  rankKernel,
  type BrokerageSettings,
  type ScoreOptions,
} from '../internal/common.js';
import { orderByScore, tied } from '../internal/decision-makers.js';
import { listening, priors } from '../internal/listening.js';
import { resolveOptions } from '../internal/options.js';
import { rankScores } from '../internal/rank-scores.js';
import { f64, iota } from '../internal/arena.js';

/** Options of {@link rankKeyPeople}. */
export interface RankKeyPeopleOptions extends ScoreOptions, BrokerageSettings {}

/** One person's part of a score that arrives through another person (or through themself). */
export interface ScoreVia {
  /** The listener j through whom the amount arrives: `alpha * W_ji * p_j`. */
  readonly id: string;
  readonly amount: number;
}

/** One ranked person. */
export interface RankedPerson {
  readonly id: string;
  readonly name: string;
  /** The key-people score p_i; all scores sum to 1. */
  readonly score: number;
  /** Position 1..N after sorting (score descending, id ascending). */
  readonly rank: number;
  /** `own + sum(via) = score`. */
  readonly parts: {
    /** `(1 - alpha) * v_i`: the person's own assessed influence share. */
    readonly own: number;
    /** What arrives through each listener j, largest first (the person themself included when W_ii > 1e-12). */
    readonly via: readonly ScoreVia[];
  };
  /** The influence used: assessed, or assumed (the median) when not assessed. */
  readonly influence: number;
  /** True when the influence was not assessed and the median was assumed. */
  readonly influenceAssumed: boolean;
  /** The prior v_i = influence_i / sum(influence). */
  readonly prior: number;
  /** Brokerage: unweighted betweenness on influence edges, normalised by (n-1)(n-2). Reported, not mixed in. */
  readonly brokerage: number;
  /** Formal level (1 = top). Reported, not mixed in. */
  readonly level: number;
}

/** Result of {@link rankKeyPeople}. */
export interface KeyPeopleRanking {
  /** Everyone, score descending then id ascending. */
  readonly people: readonly RankedPerson[];
  /** People whose influence was not assessed, and the value assumed for them. */
  readonly assumedInfluence: { readonly ids: readonly string[]; readonly value: number };
  /** Gauss–Seidel sweeps until the L1 change of a sweep fell below 1e-12. */
  readonly iterations: number;
  /** How brokerage was computed: exactly, or from sampled pivots above the exact limit. */
  readonly brokerageMethod: { readonly method: 'exact' | 'sampled'; readonly sources: number };
  readonly alpha: number;
  readonly normalization: 'slack' | 'row';
  /** The rule, in words. */
  readonly rule: string;
}

const DEFAULTS: Required<RankKeyPeopleOptions> = { ...SCORE_DEFAULTS, ...BROKERAGE_SETTINGS_DEFAULTS };

/**
 * Ranks every person by influence on the decision: personalised PageRank on the listening matrix,
 * `p = alpha * W^T p + (1 - alpha) * v`, where `v` is the assessed influence (normalised) and
 * `W_ik` how much person i listens to person k. A person scores by their own influence and by
 * being listened to by people who score. `parts` split each score into `own` and what arrives
 * `via` each listener; they add up to the score.
 *
 * Brokerage (betweenness) and formal level are reported alongside, not mixed in.
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link RankKeyPeopleOptions}
 * @returns everyone ranked, with parts, and who had an assumed influence
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} when `alpha` is outside [0, 1)
 * @example
 * ```ts
 * const ranking = rankKeyPeople(harborDeal);
 * ranking.people.map((p) => [p.id, +p.score.toFixed(6)]);
 * // => [['ceo', 0.231632], ['coo', 0.194266], ['whm', 0.185622], ['cfo', 0.172719], ['it', 0.151581], ['buyer', 0.064181]]
 * ranking.assumedInfluence; // => { ids: ['whm'], value: 0.75 }
 * ```
 * @see methodology M6.1 — find every key person and score their influence; design.md section 6 item 1
 * @category Relationship power
 */
export function rankKeyPeople(input: Deal | PowerGraph | unknown, options?: RankKeyPeopleOptions): KeyPeopleRanking {
  const o = resolveOptions('rankKeyPeople', DEFAULTS, options, { ...SCORE_CHECKS, ...BROKERAGE_CHECKS });
  const g = toPowerGraph(input);
  const { p, iterations } = rankScores(g, rankKernel(o));
  const { v, infl, assumed, assumedValue } = priors(g);
  const { self, outW } = listening(g, o.normalization);
  const bc = brokerage(g, brokerageKernel(o));
  const { ptr, idx } = g.influenceOut;
  const assumedSet = new Set(assumed);

  const amount = f64(g.n); // scratch: what arrives from each listener j
  const listeners = new Int32Array(g.n); // scratch: one person's listeners, in order
  const people = g.ids.map((id, i) => {
    // j listens to i when i -> j is an influence edge (W_ji = outW[e]); i itself when W_ii > 1e-12.
    let count = 0;
    const end = ptr[i + 1]!;
    const last = self[i]! > 1e-12 ? end + 1 : end; // the out-edges of i, then i itself
    for (let e = ptr[i]!; e < last; e++) {
      const j = e < end ? idx[e]! : i;
      amount[j] = o.alpha * (e < end ? outW[e]! : self[i]!) * p[j]!;
      // Insertion: amount descending, ties by index (= id order). Rows are short.
      let k = count++;
      while (k > 0 && (tied(amount[listeners[k - 1]!]!, amount[j]!) ? listeners[k - 1]! > j : amount[listeners[k - 1]!]! < amount[j]!)) {
        listeners[k] = listeners[k - 1]!;
        k--;
      }
      listeners[k] = j;
    }
    const via = new Array<ScoreVia>(count);
    for (let k = 0; k < count; k++) via[k] = { id: g.ids[listeners[k]!]!, amount: amount[listeners[k]!]! };
    return {
      id,
      name: displayName(g, i),
      score: p[i]!,
      rank: 0,
      parts: { own: (1 - o.alpha) * v[i]!, via },
      influence: infl[i]!,
      influenceAssumed: assumedSet.has(i),
      prior: v[i]!,
      brokerage: bc.value[i]!,
      level: g.level[i]!,
    };
  });
  // People are indexed in id order, so ordering indices orders by score, then id.
  const ranked = Array.from(orderByScore(iota(g.n), (i) => p[i]!), (i, k) => {
    const person = people[i]!;
    person.rank = k + 1;
    return person;
  });

  return {
    people: ranked,
    assumedInfluence: { ids: assumed.map((i) => g.ids[i]!), value: assumedValue },
    iterations,
    brokerageMethod: { method: bc.method, sources: bc.sources },
    alpha: o.alpha,
    normalization: o.normalization,
    rule:
      'p = alpha * W^T p + (1 - alpha) * v: personalised PageRank on the listening matrix W, prior v = influence / sum(influence); ' +
      'score = own (1 - alpha) v_i + via each listener j alpha W_ji p_j.',
  };
}
