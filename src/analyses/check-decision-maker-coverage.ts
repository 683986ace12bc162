/**
 * `checkDecisionMakerCoverage` (M7): can we reach the top decision maker, and through whom?
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { accessGraph, kBestPaths, widestPath, type AccessGraph } from '../internal/access-graph.js';
import { SCORE_CHECKS, SCORE_DEFAULTS, displayName, rankKernel, stanceOrNull, type ScoreOptions } from '../internal/common.js';
import { byScoreThenId, decisionMakers } from '../internal/decision-makers.js';
import { checks, resolveOptions } from '../internal/options.js';

/** Options of {@link checkDecisionMakerCoverage}. */
export interface CoverageOptions extends ScoreOptions {
  /** How many best introduction paths to return (Yen's k shortest loopless paths). Default 3. */
  k?: number;
  /** Our relationship strength from which contact counts as `direct`. Default 0.5. */
  directThreshold?: number;
  /** Best path probability from which access counts as `path` (below: `weak-path`). Default 0.1. */
  pathThreshold?: number;
}

/** An introduction path: person ids from our entry contact to the decision maker. */
export interface IntroductionPath {
  /** Person ids from our entry contact to the target (a direct contact's path is `[targetId]`). */
  readonly path: readonly string[];
  /** Product of the relationship strengths along the path times `(1 + u) / 2` for every person inside it. */
  readonly probability: number;
}

/** The widest path: the route whose weakest link is strongest. */
export interface Bottleneck {
  readonly path: readonly string[];
  /** The smallest factor along the path. */
  readonly width: number;
  /** The weakest step: a relationship (`from` -> `to`, `from` null = us) or a person's stance (`from`). */
  readonly limitedBy: { readonly from: string | null; readonly to: string; readonly by: 'relationship' | 'stance' };
}

/** Someone who can introduce us to the decision maker: the person next to them on one of the best paths. */
export interface Introducer {
  readonly id: string;
  readonly name: string;
  /** Probability of the best path through this introducer. */
  readonly probability: number;
  readonly path: readonly string[];
}

/** Access status: `direct` (rel >= 0.5), `path` (best >= 0.1), `weak-path` (> 0), `none`. */
export type CoverageStatus = 'direct' | 'path' | 'weak-path' | 'none';
/** Risk: `low` when direct; else `medium` below progress 0.5, `high` below 0.75, `critical` from 0.75. */
export type CoverageRisk = 'low' | 'medium' | 'high' | 'critical';

/** Coverage of one decision maker. */
export interface DecisionMakerCoverage {
  readonly id: string;
  readonly name: string;
  /** True when nobody is marked decision maker or economic buyer and this person was inferred (top score). */
  readonly inferred: boolean;
  /** Why this person counts: `role:decision-maker`, `role:economic-buyer`, or `inferred:...`. */
  readonly basis: string;
  readonly stance: number | null;
  readonly status: CoverageStatus;
  readonly risk: CoverageRisk;
  /** Our direct relationship strength after recency decay. */
  readonly rel: number;
  /** The most probable introduction path (may be `[id]` when we know them directly), or null. */
  readonly best: IntroductionPath | null;
  /** Yen's k best loopless paths, `best` first. */
  readonly alternatives: readonly IntroductionPath[];
  readonly bottleneck: Bottleneck | null;
  /** People next to the decision maker on the best paths, by best path probability. */
  readonly introducers: readonly Introducer[];
}

/** Result of {@link checkDecisionMakerCoverage}. */
export interface Coverage {
  /** Decision makers in id order. */
  readonly decisionMakers: readonly DecisionMakerCoverage[];
  /** The deal's progress used for risk (missing = 0). */
  readonly progress: number;
  readonly rule: string;
}

const DEFAULTS: Required<CoverageOptions> = { ...SCORE_DEFAULTS, k: 3, directThreshold: 0.5, pathThreshold: 0.1 };

/**
 * Checks whether we can reach each decision maker: our direct relationship (with recency decay),
 * the most probable introduction path through people who support us (Dijkstra on `-ln`
 * probabilities), Yen's k best alternatives, the widest (bottleneck) path, the introducers, and a
 * status and risk that rise as the deal advances.
 *
 * A path's probability multiplies the relationship strengths along it (our contact strength, then
 * `max(w_uv, w_vu)` between people) and, for every person inside the path, `(1 + stance) / 2`:
 * a champion passes us on fully, a neutral half, an opponent not at all. Pairs in conflict and
 * zero weights never appear in a path.
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link CoverageOptions}
 * @returns every decision maker with status, risk, best path, alternatives, bottleneck and introducers
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} on a bad option
 * @example
 * ```ts
 * const [ceo] = checkDecisionMakerCoverage(harborDeal).decisionMakers;
 * ceo.status;       // => 'path'
 * ceo.risk;         // => 'high'   (progress 0.6)
 * ceo.best;         // => { path: ['whm', 'coo', 'ceo'], probability: 0.160724 }
 * ```
 * @see methodology M7 — decision power; design.md section 6 item 5
 * @category Decision power
 */
export function checkDecisionMakerCoverage(input: Deal | PowerGraph | unknown, options?: CoverageOptions): Coverage {
  const o = resolveOptions('checkDecisionMakerCoverage', DEFAULTS, options, {
    ...SCORE_CHECKS,
    k: checks.integer(1, 100),
    directThreshold: checks.number(0, 1),
    pathThreshold: checks.number(0, 1),
  });
  const g = toPowerGraph(input);
  const a = accessGraph(g);
  const progress = g.deal.stage?.progress ?? 0;
  const result = decisionMakers(g, rankKernel(o)).map((dm) => coverOne(g, a, dm.index, dm.inferred, dm.basis, progress, o));
  return {
    decisionMakers: result,
    progress,
    rule:
      'path probability = product of relationship strengths along the path x (1 + stance)/2 for every person inside it; ' +
      `status direct if rel >= ${o.directThreshold}, else path if best >= ${o.pathThreshold}, weak-path if > 0, else none; ` +
      'risk low when direct, else by progress: medium < 0.5 <= high < 0.75 <= critical.',
  };
}

function coverOne(
  g: PowerGraph,
  a: AccessGraph,
  target: number,
  inferred: boolean,
  basis: string,
  progress: number,
  o: Required<CoverageOptions>,
): DecisionMakerCoverage {
  const toIds = (nodes: readonly number[]) => nodes.filter((x) => x !== a.us).map((x) => g.ids[x]!);
  // A path whose product underflows to 0 (denormal strengths) counts as no path, like a blocked one,
  // so that `best` is null exactly when the status is `none`.
  // The path searches are kernels, memoised on the graph (the result objects are built fresh per call).
  const ranked = memo(g, `yen:${target}:${o.k}`, () => kBestPaths(a, a.us, target, o.k).filter((r) => r.probability > 0));
  const alternatives = ranked.map((r) => ({ path: toIds(r.nodes), probability: r.probability }));
  const best = alternatives[0] ?? null;
  const widest = best && memo(g, `widest:${target}`, () => widestPath(a, a.us, target));
  const rel = g.rel[target]!;
  const status: CoverageStatus =
    rel >= o.directThreshold ? 'direct' : best && best.probability >= o.pathThreshold ? 'path' : best && best.probability > 0 ? 'weak-path' : 'none';
  const risk: CoverageRisk = status === 'direct' ? 'low' : progress < 0.5 ? 'medium' : progress < 0.75 ? 'high' : 'critical';

  const introducers = new Map<string, Introducer>();
  for (const alt of alternatives) {
    if (alt.path.length < 2) continue;
    const id = alt.path[alt.path.length - 2]!;
    if (!introducers.has(id)) introducers.set(id, { id, name: displayName(g, g.index.get(id)!), probability: alt.probability, path: alt.path });
  }
  return {
    id: g.ids[target]!,
    name: displayName(g, target),
    inferred,
    basis,
    stance: stanceOrNull(g, target),
    status,
    risk,
    rel,
    best,
    alternatives,
    bottleneck: widest && {
      path: toIds(widest.nodes),
      width: widest.width,
      limitedBy: {
        from: widest.limit.from === a.us ? null : g.ids[widest.limit.from]!,
        to: g.ids[widest.limit.to]!,
        by: widest.limit.by,
      },
    },
    introducers: [...introducers.values()].sort(byScoreThenId((x) => x.probability, (x) => x.id)),
  };
}

function memo<T>(g: PowerGraph, key: string, compute: () => T): T {
  if (g.memo.has(key)) return g.memo.get(key) as T;
  const value = compute();
  g.memo.set(key, value);
  return value;
}
