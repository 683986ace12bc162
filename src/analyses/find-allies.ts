/**
 * `findAllies` (M6.2): the people who actively help us win.
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import type { Role } from '../model/vocabulary.js';
import { SCORE_CHECKS, SCORE_DEFAULTS, displayName, rankKernel, type ScoreOptions } from '../internal/common.js';
import { byScoreThenId } from '../internal/decision-makers.js';
import { checks, resolveOptions } from '../internal/options.js';
import { rankScores } from '../internal/rank-scores.js';

/** Options of {@link findAllies}. */
export interface AlliesOptions extends ScoreOptions {
  /** Smallest stance of an ally. Default 0.5 (a supporter). */
  minStance?: number;
  /** Smallest relationship strength (after decay) of an ally. Default 0.3. */
  minRel?: number;
}

/** An ally. */
export interface Ally {
  readonly id: string;
  readonly name: string;
  readonly stance: number;
  /** Our relationship strength after recency decay. */
  readonly rel: number;
  /** Key-people score (how much the ally matters). */
  readonly score: number;
  readonly level: number;
  readonly roles: readonly Role[];
}

/** Result of {@link findAllies}. */
export interface Allies {
  /** Allies by score descending, then id. */
  readonly allies: readonly Ally[];
  /** Their total key-people score: the share of the organisation's weight that is actively with us. */
  readonly weight: number;
  readonly rule: string;
}

const DEFAULTS: Required<AlliesOptions> = { ...SCORE_DEFAULTS, minStance: 0.5, minRel: 0.3 };

/**
 * Finds our allies: people with stance >= 0.5 (supporter or better) with whom we have a working
 * relationship (strength >= 0.3 after recency decay). A supporter we do not talk to is not yet an
 * ally; an ally is someone who can act for us.
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link AlliesOptions}
 * @returns the allies by key-people score, and their total weight
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} on a bad option
 * @example
 * ```ts
 * findAllies(harborDeal).allies.map((a) => a.id); // => ['whm']  (Ana: champion, rel 0.714)
 * ```
 * @see methodology M6.2 — keep growing the allies; design.md section 6 item 2
 * @category Relationship power
 */
export function findAllies(input: Deal | PowerGraph | unknown, options?: AlliesOptions): Allies {
  const o = resolveOptions('findAllies', DEFAULTS, options, {
    ...SCORE_CHECKS,
    minStance: checks.number(-1, 1),
    minRel: checks.number(0, 1),
  });
  const g = toPowerGraph(input);
  const { p } = rankScores(g, rankKernel(o));
  const allies: Ally[] = [];
  for (let i = 0; i < g.n; i++) {
    const u = g.stance[i]!;
    if (Number.isNaN(u) || u < o.minStance || g.rel[i]! < o.minRel) continue;
    allies.push({
      id: g.ids[i]!,
      name: displayName(g, i),
      stance: u,
      rel: g.rel[i]!,
      score: p[i]!,
      level: g.level[i]!,
      roles: [...g.people[i]!.roles], // a copy: a caller changing it must not change the deal
    });
  }
  allies.sort(byScoreThenId((x) => x.score, (x) => x.id));
  return {
    allies,
    weight: allies.reduce((s, a) => s + a.score, 0),
    rule: `ally: stance >= ${o.minStance} and relationship strength >= ${o.minRel} (after recency decay)`,
  };
}
