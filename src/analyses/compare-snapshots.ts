/**
 * `compareSnapshots` (M6.3 dynamics): what changed between two dated snapshots of one deal.
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { explain } from '../explain/format-message.js';
import type { Explanation, Locale } from '../explain/types.js';
import { SCORE_CHECKS, SCORE_DEFAULTS, displayName, stanceOrNull, type ScoreOptions } from '../internal/common.js';
import { checks, resolveOptions } from '../internal/options.js';
import { checkDecisionMakerCoverage, type CoverageStatus } from './check-decision-maker-coverage.js';
import { measureSupportBase } from './measure-support-base.js';

/** Options of {@link compareSnapshots}. */
export interface CompareOptions extends ScoreOptions {
  /** A change of the net support base smaller than this counts as stable. Default 0.01. */
  stableWithin?: number;
  /** A stance from which someone counts as a champion for "champion cooling". Default 0.75. */
  championStance?: number;
  locale?: Locale;
}

/** A person's change between the snapshots. */
export interface PersonChange {
  readonly id: string;
  readonly name: string;
  readonly before: number | null;
  readonly after: number | null;
}

/** Decision-maker access before and after. */
export interface AccessChange {
  readonly id: string;
  readonly before: CoverageStatus | null;
  readonly after: CoverageStatus | null;
  readonly probabilityBefore: number;
  readonly probabilityAfter: number;
  /** `gained` (now direct/path, was not), `lost` (was direct/path, now not), `changed`, or `same`. */
  readonly change: 'gained' | 'lost' | 'changed' | 'same';
}

/** Result of {@link compareSnapshots}. */
export interface SnapshotComparison {
  readonly before: { readonly asOf: string | null; readonly net: number; readonly support: number; readonly opposition: number };
  readonly after: { readonly asOf: string | null; readonly net: number; readonly support: number; readonly opposition: number };
  /** `after.net - before.net`. */
  readonly netChange: number;
  /** Whether the support base is growing, shrinking, or stable (|netChange| < stableWithin). */
  readonly trend: 'growing' | 'shrinking' | 'stable';
  /** People in `after` only, by id. */
  readonly added: readonly { readonly id: string; readonly name: string }[];
  /** People in `before` only (they left), by id. */
  readonly removed: readonly { readonly id: string; readonly name: string }[];
  /** Stance changes of people in both, largest change first. */
  readonly stanceChanges: readonly PersonChange[];
  /** Influence changes of people in both, largest change first. */
  readonly influenceChanges: readonly PersonChange[];
  /** Relationship strength (after decay) changes: new contacts (from 0), lost contacts (to 0), and changed ones. */
  readonly contactChanges: readonly (PersonChange & { readonly change: 'new' | 'lost' | 'stronger' | 'weaker' })[];
  /** Champions who cooled: stance was >= championStance and dropped, or who left. */
  readonly championsCooling: readonly PersonChange[];
  /** Access to each decision maker of either snapshot, by id. */
  readonly decisionMakerAccess: readonly AccessChange[];
  /** The main changes in words, most important first. */
  readonly summary: readonly Explanation[];
}

const DEFAULTS: Required<CompareOptions> = { ...SCORE_DEFAULTS, stableWithin: 0.01, championStance: 0.75, locale: 'en' };
const EPS = 1e-12;

/**
 * Compares two snapshots of one deal, joined by person id: who joined and who left, stance and
 * influence changes, new and lost contacts, champions cooling, whether the support base is growing
 * or shrinking (and by how much), and decision-maker access gained or lost.
 *
 * @param before - the earlier snapshot (deal or PowerGraph)
 * @param after - the later snapshot
 * @param options - see {@link CompareOptions}
 * @returns the changes, most important first in `summary`
 * @throws {@link ValidationError} when either deal is invalid; {@link OptionError} on a bad option
 * @example
 * ```ts
 * const c = compareSnapshots(july, september);
 * c.trend;                        // => 'shrinking'
 * c.removed.map((p) => p.id);     // => ['nadia-haddad']
 * ```
 * @see methodology M6.3 — the support base is never fixed: it is always growing or shrinking
 * @category Dynamics
 */
export function compareSnapshots(
  before: Deal | PowerGraph | unknown,
  after: Deal | PowerGraph | unknown,
  options?: CompareOptions,
): SnapshotComparison {
  const o = resolveOptions('compareSnapshots', DEFAULTS, options, {
    ...SCORE_CHECKS,
    stableWithin: checks.number(0, 2),
    championStance: checks.number(-1, 1),
    locale: checks.oneOf(['en', 'zh-CN']),
  });
  const a = toPowerGraph(before);
  const b = toPowerGraph(after);
  const score = { alpha: o.alpha, normalization: o.normalization };
  const say = (code: string, params: Record<string, string | number> = {}) => explain(code, params, o.locale);
  const baseA = measureSupportBase(a, score);
  const baseB = measureSupportBase(b, score);
  const netChange = baseB.net - baseA.net;
  const trend = Math.abs(netChange) < o.stableWithin ? 'stable' : netChange > 0 ? 'growing' : 'shrinking';

  const added = b.ids.filter((id) => !a.index.has(id)).map((id) => ({ id, name: displayName(b, b.index.get(id)!) }));
  const removed = a.ids.filter((id) => !b.index.has(id)).map((id) => ({ id, name: displayName(a, a.index.get(id)!) }));
  const both = a.ids.filter((id) => b.index.has(id));
  const change = (value: (g: PowerGraph, i: number) => number | null) =>
    both
      .map((id): PersonChange => {
        const i = a.index.get(id)!;
        return { id, name: displayName(b, b.index.get(id)!), before: value(a, i), after: value(b, b.index.get(id)!) };
      })
      .filter((c) => (c.before === null) !== (c.after === null) || (c.before !== null && Math.abs(c.after! - c.before) > EPS))
      .sort((x, y) => magnitude(y) - magnitude(x) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  const stanceChanges = change((g, i) => stanceOrNull(g, i));
  const influenceChanges = change((g, i) => (Number.isNaN(g.influence[i]!) ? null : g.influence[i]!));
  const contactChanges = change((g, i) => g.rel[i]!).map((c) => ({
    ...c,
    change: (c.before === 0 ? 'new' : c.after === 0 ? 'lost' : c.after! > c.before! ? 'stronger' : 'weaker') as 'new' | 'lost' | 'stronger' | 'weaker',
  }));
  const championsCooling = [
    ...stanceChanges.filter((c) => c.before !== null && c.before >= o.championStance && (c.after === null || c.after < c.before)),
    ...removed
      .filter((r) => {
        const u = stanceOrNull(a, a.index.get(r.id)!);
        return u !== null && u >= o.championStance;
      })
      .map((r) => ({ id: r.id, name: r.name, before: stanceOrNull(a, a.index.get(r.id)!), after: null })),
  ];

  const dmA = checkDecisionMakerCoverage(a, { ...score, k: 1 }).decisionMakers;
  const dmB = checkDecisionMakerCoverage(b, { ...score, k: 1 }).decisionMakers;
  const good = (s: CoverageStatus | null) => s === 'direct' || s === 'path';
  const dmIds = [...new Set([...dmA.map((d) => d.id), ...dmB.map((d) => d.id)])].sort();
  const decisionMakerAccess = dmIds.map((id): AccessChange => {
    const x = dmA.find((d) => d.id === id);
    const y = dmB.find((d) => d.id === id);
    const sb = x?.status ?? null;
    const sa = y?.status ?? null;
    return {
      id,
      before: sb,
      after: sa,
      probabilityBefore: x?.best?.probability ?? 0,
      probabilityAfter: y?.best?.probability ?? 0,
      change: good(sa) && !good(sb) ? 'gained' : good(sb) && !good(sa) ? 'lost' : sa !== sb ? 'changed' : 'same',
    };
  });

  // Summaries name people, as every other line does (the display name, not the id).
  const dmName = (id: string) => (dmB.find((d) => d.id === id) ?? dmA.find((d) => d.id === id))!.name;
  const summary: Explanation[] = [];
  const rounded = Math.round(netChange * 1000) / 1000 + 0;
  const signed = `${rounded >= 0 ? '+' : ''}${rounded}`;
  summary.push(say(`trend_${trend}`, { before: baseA.net, after: baseB.net, change: signed }));
  for (const d of decisionMakerAccess.filter((x) => x.change === 'lost')) summary.push(say('trend_dm_lost', { person: dmName(d.id) }));
  for (const c of championsCooling) summary.push(say(c.after === null && removed.some((r) => r.id === c.id) ? 'trend_champion_left' : 'trend_champion_cooling', { person: c.name }));
  for (const r of removed) if (!championsCooling.some((c) => c.id === r.id)) summary.push(say('trend_person_left', { person: r.name }));
  for (const x of added) summary.push(say('trend_person_joined', { person: x.name }));
  for (const d of decisionMakerAccess.filter((x) => x.change === 'gained')) summary.push(say('trend_dm_gained', { person: dmName(d.id) }));

  const side = (g: PowerGraph, base: typeof baseA) => ({ asOf: g.deal.asOf ?? null, net: base.net, support: base.support, opposition: base.opposition });
  return {
    before: side(a, baseA),
    after: side(b, baseB),
    netChange,
    trend,
    added,
    removed,
    stanceChanges,
    influenceChanges,
    contactChanges,
    championsCooling,
    decisionMakerAccess,
    summary,
  };
}

function magnitude(c: PersonChange): number {
  if (c.before === null || c.after === null) return 2;
  return Math.abs(c.after - c.before);
}
