/**
 * `findGatekeepers` (M6.3): the "little devils" (小鬼) — junior people who control access or broker information.
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
  stanceOrNull,
  type BrokerageSettings,
  type ScoreOptions,
} from '../internal/common.js';
import { byScoreThenId, tied } from '../internal/decision-makers.js';
import { median } from '../internal/listening.js';
import { checks, resolveOptions } from '../internal/options.js';
import { rankScores } from '../internal/rank-scores.js';
import { checkDecisionMakerCoverage } from './check-decision-maker-coverage.js';

/** Options of {@link findGatekeepers}. */
export interface GatekeepersOptions extends ScoreOptions, BrokerageSettings {
  /** Stance from which a gatekeeper counts as won over. Default 0.5. */
  wonStance?: number;
}

/** Why someone is a gatekeeper. */
export type GatekeeperReason = 'role' | 'best-path' | 'brokerage';

/** A gatekeeper. */
export interface Gatekeeper {
  readonly id: string;
  readonly name: string;
  /** `role`: marked gatekeeper; `best-path`: junior and on the best path to a decision maker; `brokerage`: junior and a top-quartile broker. */
  readonly reasons: readonly GatekeeperReason[];
  /** Decision makers on whose best introduction path this person sits. */
  readonly onPathTo: readonly string[];
  readonly level: number;
  readonly brokerage: number;
  readonly stance: number | null;
  readonly rel: number;
  /** Stance at or above `wonStance`. */
  readonly won: boolean;
  readonly score: number;
}

/** Result of {@link findGatekeepers}. */
export interface Gatekeepers {
  /** By key-people score descending, then id. */
  readonly gatekeepers: readonly Gatekeeper[];
  /** The median formal level; "junior" means a level number above it. */
  readonly medianLevel: number;
  /** The smallest brokerage in the top quartile (people at or above it, and above 0, qualify). */
  readonly brokerageCutoff: number;
  readonly rule: string;
}

const DEFAULTS: Required<GatekeepersOptions> = { ...SCORE_DEFAULTS, ...BROKERAGE_SETTINGS_DEFAULTS, wonStance: 0.5 };

/**
 * Finds the gatekeepers ("little devils"): people with the role `gatekeeper`, and people more
 * junior than the median (level number above the median level) who either sit on the best
 * introduction path to a decision maker or are in the top quartile of brokerage. They are easy to
 * overlook and can block; the method says to widen the support base to include them.
 *
 * Top quartile: brokerage > 0 and fewer than n/4 people have a strictly larger brokerage.
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link GatekeepersOptions}
 * @returns the gatekeepers with the reasons, and whether each is won over
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} on a bad option
 * @example
 * ```ts
 * findGatekeepers(harborDeal).gatekeepers.map((x) => [x.id, x.reasons]);
 * // => [['whm', ['best-path']]]   (Ana, level 3, is the entry of the best path to the CEO)
 * ```
 * @see methodology M6.3 — widen the support base to the "little devils"; design.md section 6 item 2
 * @category Relationship power
 */
export function findGatekeepers(input: Deal | PowerGraph | unknown, options?: GatekeepersOptions): Gatekeepers {
  const o = resolveOptions('findGatekeepers', DEFAULTS, options, {
    ...SCORE_CHECKS,
    ...BROKERAGE_CHECKS,
    wonStance: checks.number(-1, 1),
  });
  const g = toPowerGraph(input);
  const { p } = rankScores(g, rankKernel(o));
  const bc = brokerage(g, brokerageKernel(o)).value;
  const medianLevel = median(Array.from(g.level));
  const sorted = Float64Array.from(bc).sort().reverse();
  const quartile = Math.ceil(g.n / 4);
  const cutoff = sorted[Math.max(0, quartile - 1)] ?? 0;

  const onPath = new Map<number, string[]>();
  for (const dm of checkDecisionMakerCoverage(g, { alpha: o.alpha, normalization: o.normalization }).decisionMakers) {
    for (const id of dm.best?.path.slice(0, -1) ?? []) {
      const i = g.index.get(id)!;
      onPath.set(i, [...(onPath.get(i) ?? []), dm.id]);
    }
  }

  const gatekeepers: Gatekeeper[] = [];
  for (let i = 0; i < g.n; i++) {
    const reasons: GatekeeperReason[] = [];
    if (g.people[i]!.roles.includes('gatekeeper')) reasons.push('role');
    const junior = g.level[i]! > medianLevel;
    if (junior && onPath.has(i)) reasons.push('best-path');
    // At or above the cutoff, with the design's tie rule: equal brokerages may differ by an ulp.
    if (junior && bc[i]! > 0 && (bc[i]! >= cutoff || tied(bc[i]!, cutoff))) reasons.push('brokerage');
    if (reasons.length === 0) continue;
    const stance = stanceOrNull(g, i);
    gatekeepers.push({
      id: g.ids[i]!,
      name: displayName(g, i),
      reasons,
      onPathTo: onPath.get(i) ?? [],
      level: g.level[i]!,
      brokerage: bc[i]!,
      stance,
      rel: g.rel[i]!,
      won: stance !== null && stance >= o.wonStance,
      score: p[i]!,
    });
  }
  gatekeepers.sort(byScoreThenId((x) => x.score, (x) => x.id));
  return {
    gatekeepers,
    medianLevel,
    brokerageCutoff: cutoff,
    rule: 'gatekeeper: role gatekeeper, or junior (level above the median) and on the best path to a decision maker or in the top quartile of brokerage',
  };
}
