/**
 * `analyzeResilience` (M6.3): what remains of our position if one person leaves.
 *
 * @module
 */
import { graphWithout, toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { accessFromUs, accessGraph, pathProbability, pathTo } from '../internal/access-graph.js';
import { SCORE_CHECKS, SCORE_DEFAULTS, displayName, rankKernel, type ScoreOptions } from '../internal/common.js';
import { byScoreThenId, decisionMakers } from '../internal/decision-makers.js';
import { rankScores } from '../internal/rank-scores.js';
import { checks, resolveOptions } from '../internal/options.js';
import type { CoverageStatus } from './check-decision-maker-coverage.js';
import { findAllies } from './find-allies.js';
import { supportTotals } from './measure-support-base.js';

/** Options of {@link analyzeResilience}. */
export interface ResilienceOptions extends ScoreOptions {
  /**
   * Analyse at most this many people (our contacts and allies with the highest key-people score).
   * Default `'auto'`: 25, and fewer on graphs with more than 20,000 people and edges (at least 3),
   * since each departure rebuilds the graph.
   */
  limit?: number | 'auto';
  /** A drop of the net support base by at least this much also makes a single point of failure. Default 0.1. */
  supportDrop?: number;
}

/** Our access to one decision maker. */
export interface DecisionMakerAccess {
  readonly id: string;
  readonly probability: number;
  readonly status: CoverageStatus;
}

/** What remains if one person leaves. */
export interface DepartureImpact {
  readonly id: string;
  readonly name: string;
  /** Why this person was analysed: one of our contacts, an ally, or both. */
  readonly why: readonly ('contact' | 'ally')[];
  /** Support and net support base without them. */
  readonly support: number;
  readonly net: number;
  /** `baseline.net - net`: how much net support their departure costs (negative: it helps). */
  readonly netLoss: number;
  /** Access to each baseline decision maker who remains. */
  readonly decisionMakerAccess: readonly DecisionMakerAccess[];
  /** Decision makers whose access status falls to `weak-path` or `none` (from `direct` or `path`). */
  readonly lostAccessTo: readonly string[];
  /** True when their departure loses decision-maker access, leaves us without any contact, or drops net support by `supportDrop` or more. */
  readonly singlePointOfFailure: boolean;
  /** Why it is a single point of failure, in words (empty otherwise). */
  readonly reasons: readonly string[];
  /** True when this person is our only contact in the account. */
  readonly onlyContact: boolean;
  /** True when net support drops by `supportDrop` or more without them. */
  readonly supportDropped: boolean;
}

/** Result of {@link analyzeResilience}. */
export interface Resilience {
  readonly baseline: {
    readonly support: number;
    readonly net: number;
    readonly decisionMakerAccess: readonly DecisionMakerAccess[];
  };
  /** Single points of failure first, then by net loss descending, then id. */
  readonly people: readonly DepartureImpact[];
  /** Contacts and allies not analysed because of `limit`, by id. */
  readonly skipped: readonly string[];
  readonly rule: string;
}

const DEFAULTS: Required<ResilienceOptions> = { ...SCORE_DEFAULTS, limit: 'auto', supportDrop: 0.1 };

/**
 * For each of our contacts and each ally: the support base and decision-maker access that remain
 * if that person leaves (their relations and contacts leave with them; their reports lose that
 * manager line). Single points of failure come first: people whose departure loses our access to a
 * decision maker, leaves us without any contact, or drops the net support base by `supportDrop`.
 *
 * Each departure rebuilds the graph and re-runs the analyses: O(limit x (V + E) log V).
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link ResilienceOptions}
 * @returns the baseline and the impact of each departure
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} on a bad option
 * @example
 * ```ts
 * const r = analyzeResilience(harborDeal);
 * r.people[0].id;                    // => 'whm'   (Ana carries our only good path to the CEO)
 * r.people[0].singlePointOfFailure;  // => true
 * ```
 * @see methodology M6.3 — the support base grows or shrinks; a champion leaving is the classic shrink
 * @category Relationship power
 */
export function analyzeResilience(input: Deal | PowerGraph | unknown, options?: ResilienceOptions): Resilience {
  const o = resolveOptions('analyzeResilience', DEFAULTS, options, {
    ...SCORE_CHECKS,
    limit: (v) => (v === 'auto' ? undefined : checks.integer(0)(v)),
    supportDrop: checks.number(0, 2),
  });
  const g = toPowerGraph(input);
  const score = { alpha: o.alpha, normalization: o.normalization };
  const base = supportTotals(g, score);
  const baseAccess = decisionMakers(g, rankKernel(score)).map((dm) => accessTo(g, g.ids[dm.index]!));
  const { p } = rankScores(g, rankKernel(score));
  const weightOf = (id: string) => p[g.index.get(id)!]!;

  const why = new Map<string, ('contact' | 'ally')[]>();
  for (let i = 0; i < g.n; i++) if (g.rel[i]! > 0) why.set(g.ids[i]!, ['contact']);
  for (const ally of findAllies(g, score).allies) why.set(ally.id, [...(why.get(ally.id) ?? []), 'ally']);
  const ranked = [...why.keys()].sort(byScoreThenId(weightOf, (id) => id));
  // 'auto': 25, fewer on large graphs so that the rebuilds stay within about 25 passes over 20,000 people and edges.
  const limit = o.limit === 'auto' ? Math.min(25, Math.max(3, Math.floor(500_000 / (g.n + g.edgeCount)))) : o.limit;
  const analysed = g.n > 1 ? ranked.slice(0, limit) : [];
  const contacts = [...why].filter(([, w]) => w.includes('contact')).map(([id]) => id);

  const people = analysed.map((id): DepartureImpact => {
    const after = graphWithout(g, id);
    const afterBase = supportTotals(after, score);
    // Every baseline decision maker who remains, in baseline order: an inferred decision maker may
    // no longer be the top score without the person, but is still there to be reached.
    const afterAccess = baseAccess.filter((b) => b.id !== id).map((b) => accessTo(after, b.id));
    const lostAccessTo = baseAccess
      .filter((b) => b.id !== id && (b.status === 'direct' || b.status === 'path'))
      .filter((b) => {
        const now = afterAccess.find((a) => a.id === b.id);
        return !now || now.status === 'weak-path' || now.status === 'none';
      })
      .map((b) => b.id);
    const netLoss = base.net - afterBase.net;
    const reasons: string[] = [];
    if (lostAccessTo.length > 0) reasons.push(`loses our access to ${lostAccessTo.map((x) => displayName(g, g.index.get(x)!)).join(', ')}`);
    const onlyContact = contacts.length === 1 && contacts[0] === id;
    if (onlyContact) reasons.push('our only contact in the account');
    const supportDropped = netLoss >= o.supportDrop;
    if (supportDropped) reasons.push(`net support drops by ${netLoss.toFixed(3)}`);
    return {
      id,
      name: displayName(g, g.index.get(id)!),
      why: why.get(id)!,
      support: afterBase.support,
      net: afterBase.net,
      netLoss,
      decisionMakerAccess: afterAccess,
      lostAccessTo,
      singlePointOfFailure: reasons.length > 0,
      reasons,
      onlyContact,
      supportDropped,
    };
  });
  people.sort((a, b) => Number(b.singlePointOfFailure) - Number(a.singlePointOfFailure) || byScoreThenId<DepartureImpact>((x) => x.netLoss, (x) => x.id)(a, b));
  return {
    baseline: { support: base.support, net: base.net, decisionMakerAccess: baseAccess },
    people,
    // With one person there is nobody to remove: nothing is analysed and nothing was skipped for `limit`.
    skipped: g.n > 1 ? ranked.slice(analysed.length).sort() : [],
    rule: 'remove the person with their relations and contacts, rebuild, and re-measure the support base and decision-maker access',
  };
}

/**
 * Access to a person who is not (or no longer) in the decision-maker set, by the rules of
 * {@link checkDecisionMakerCoverage} with its default thresholds: best path probability from us,
 * `direct` when rel >= 0.5, else `path` from 0.1, `weak-path` above 0, else `none`.
 */
function accessTo(g: PowerGraph, id: string): DecisionMakerAccess {
  const j = g.index.get(id)!;
  const a = accessGraph(g);
  const path = pathTo(accessFromUs(g), j);
  const probability = path ? pathProbability(a, [a.us, ...path]) : 0;
  const status: CoverageStatus = g.rel[j]! >= 0.5 ? 'direct' : probability >= 0.1 ? 'path' : probability > 0 ? 'weak-path' : 'none';
  return { id, probability, status };
}

