/**
 * `supportTrend` (M6.3 dynamics): the support base over a history of snapshots.
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { OptionError } from '../errors.js';
import { SCORE_CHECKS, SCORE_DEFAULTS, type ScoreOptions } from '../internal/common.js';
import { checks, resolveOptions } from '../internal/options.js';
import { parseIsoDate } from '../model/schema.js';
import { checkDecisionMakerCoverage } from './check-decision-maker-coverage.js';
import { findAllies } from './find-allies.js';
import { measureSupportBase } from './measure-support-base.js';

/** Options of {@link supportTrend}. */
export interface SupportTrendOptions extends ScoreOptions {
  /** A change of net support smaller than this counts as stable. Default 0.01. */
  stableWithin?: number;
}

/** One snapshot's point of the series. */
export interface TrendPoint {
  readonly asOf: string | null;
  readonly people: number;
  readonly support: number;
  readonly opposition: number;
  readonly net: number;
  readonly unknownShare: number;
  readonly allies: number;
  /** Best access probability to the first decision maker (by id). */
  readonly decisionMakerAccess: number;
  /** `net` minus the previous point's `net` (null for the first). */
  readonly change: number | null;
}

/** Result of {@link supportTrend}. */
export interface SupportTrend {
  /** One point per snapshot, by `asOf` ascending (snapshots without `asOf` keep their input order, first). */
  readonly points: readonly TrendPoint[];
  /** The direction of the last change: growing, shrinking or stable (stable with fewer than two snapshots). */
  readonly direction: 'growing' | 'shrinking' | 'stable';
  /** The largest net support seen, and when. */
  readonly peak: { readonly asOf: string | null; readonly net: number } | null;
  /** `last.net - peak.net` (0 or negative): how far the base is below its best. */
  readonly fromPeak: number;
}

const DEFAULTS: Required<SupportTrendOptions> = { ...SCORE_DEFAULTS, stableWithin: 0.01 };

/**
 * Follows the support base over several dated snapshots of one deal: support, opposition, net,
 * unknown share, allies and decision-maker access per snapshot, the change from one to the next,
 * the direction of the last change, and the distance from the peak.
 *
 * @param snapshots - deals or PowerGraphs of the same deal at different `asOf` dates
 * @param options - see {@link SupportTrendOptions}
 * @returns the series in date order
 * @throws {@link OptionError} when `snapshots` is empty; {@link ValidationError} when a deal is invalid
 * @example
 * ```ts
 * supportTrend([may, july, september]).points.map((p) => p.change === null ? null : p.change > 0);
 * // => [null, true, false]   (grows, then shrinks after the champion leaves)
 * ```
 * @see methodology M6.3 — the support base is never fixed
 * @category Dynamics
 */
export function supportTrend(snapshots: readonly (Deal | PowerGraph | unknown)[], options?: SupportTrendOptions): SupportTrend {
  const o = resolveOptions('supportTrend', DEFAULTS, options, { ...SCORE_CHECKS, stableWithin: checks.number(0, 2) });
  if (!Array.isArray(snapshots) || snapshots.length === 0)
    throw new OptionError('supportTrend', 'snapshots', snapshots, 'a non-empty array of deals');
  const score = { alpha: o.alpha, normalization: o.normalization };
  const graphs = snapshots
    .map((s, k) => ({ g: toPowerGraph(s), k }))
    .sort((x, y) => dateKey(x.g) - dateKey(y.g) || x.k - y.k)
    .map((x) => x.g);
  let previous: number | null = null;
  const points = graphs.map((g): TrendPoint => {
    const base = measureSupportBase(g, score);
    const dms = checkDecisionMakerCoverage(g, { ...score, k: 1 }).decisionMakers;
    const point = {
      asOf: g.deal.asOf ?? null,
      people: g.n,
      support: base.support,
      opposition: base.opposition,
      net: base.net,
      unknownShare: base.unknownShare,
      allies: findAllies(g, score).allies.length,
      decisionMakerAccess: dms[0]?.best?.probability ?? 0,
      change: previous === null ? null : base.net - previous,
    };
    previous = base.net;
    return point;
  });
  const last = points[points.length - 1]!;
  const direction = last.change === null || Math.abs(last.change) < o.stableWithin ? 'stable' : last.change > 0 ? 'growing' : 'shrinking';
  const peak = points.reduce<TrendPoint | null>((best, p) => (best === null || p.net > best.net ? p : best), null);
  return {
    points,
    direction,
    peak: peak && { asOf: peak.asOf, net: peak.net },
    fromPeak: last.net - (peak?.net ?? last.net),
  };
}

function dateKey(g: PowerGraph): number {
  return g.deal.asOf === undefined ? Number.NEGATIVE_INFINITY : parseIsoDate(g.deal.asOf)!;
}
