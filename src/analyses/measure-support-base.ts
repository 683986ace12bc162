/**
 * `measureSupportBase` (M6.3): how much of the buying organisation supports us.
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import type { Role } from '../model/vocabulary.js';
import { SCORE_CHECKS, SCORE_DEFAULTS, displayName, rankKernel, stanceOrNull, type ScoreOptions } from '../internal/common.js';
import { byScoreThenId, orderByScore } from '../internal/decision-makers.js';
import { iota } from '../internal/arena.js';
import { resolveOptions } from '../internal/options.js';
import { rankScores } from '../internal/rank-scores.js';

/** Options of {@link measureSupportBase}. */
export type SupportBaseOptions = ScoreOptions;

/** One person's contribution to the support base. */
export interface SupportContributor {
  readonly id: string;
  readonly name: string;
  /** The key-people score used as the weight, s_i = p_i. */
  readonly weight: number;
  /** Stance, or null when unknown. */
  readonly stance: number | null;
  /** `weight * stance` (0 for an unknown stance). Positive contributions add up to `support`, negative to `-opposition`. */
  readonly contribution: number;
}

/** The support base of one group of people (a department or a role). */
export interface SupportGroup {
  /** Total weight of the group's people. */
  readonly weight: number;
  readonly support: number;
  readonly opposition: number;
  readonly net: number;
  readonly unknownShare: number;
  /** Ids of the group's people, by weight descending. */
  readonly people: readonly string[];
}

/** Result of {@link measureSupportBase}. */
export interface SupportBase {
  /** `sum s_i max(0, u_i)`. */
  readonly support: number;
  /** `sum s_i max(0, -u_i)`. */
  readonly opposition: number;
  /** `support - opposition = sum s_i u_i` (unknown stances count 0). */
  readonly net: number;
  /** The weight of people whose stance is unknown. */
  readonly unknownShare: number;
  /** `[net with every unknown stance at -1, net with every unknown at +1]`. */
  readonly interval: readonly [number, number];
  /** Everyone, by |contribution| descending, then id. */
  readonly contributors: readonly SupportContributor[];
  /** By department (people without one under `null`), by weight descending. */
  readonly byDepartment: readonly (SupportGroup & { readonly department: string | null })[];
  /** By role (a person counts in each of their roles; people without roles under `null`), by weight descending. */
  readonly byRole: readonly (SupportGroup & { readonly role: Role | null })[];
  readonly rule: string;
}

const DEFAULTS: Required<SupportBaseOptions> = SCORE_DEFAULTS;

/**
 * Measures how much of the buying organisation supports us, weighted by influence:
 * `support = sum p_i max(0, u_i)`, `opposition = sum p_i max(0, -u_i)`, `net = sum p_i u_i`, where
 * p is the key-people score of {@link rankKeyPeople}. Unknown stances count 0 in the point
 * estimate and -1 / +1 in the interval.
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link SupportBaseOptions}
 * @returns the shares, the interval, every person's contribution, and breakdowns by department and role
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} when `alpha` is outside [0, 1)
 * @example
 * ```ts
 * const base = measureSupportBase(harborDeal);
 * base.net;       // => 0.135763
 * base.interval;  // => [-0.095869, 0.367395]
 * ```
 * @see methodology M6.3 — the support base is never fixed: it grows or shrinks; design.md section 6 item 2
 * @category Relationship power
 */
export function measureSupportBase(input: Deal | PowerGraph | unknown, options?: SupportBaseOptions): SupportBase {
  const o = resolveOptions('measureSupportBase', DEFAULTS, options, SCORE_CHECKS);
  const g = toPowerGraph(input);
  const { p } = rankScores(g, rankKernel(o));
  const contributors: SupportContributor[] = g.ids.map((id, i) => {
    const stance = stanceOrNull(g, i);
    return { id, name: displayName(g, i), weight: p[i]!, stance, contribution: p[i]! * (stance ?? 0) + 0 }; // + 0: never -0 (JSON cannot carry it)
  });
  const totals = aggregate(contributors);
  const byDepartment = groupBy(contributors, (i) => [g.people[i]!.department ?? null]).map(([department, group]) => ({ department, ...group }));
  const byRole = groupBy(contributors, (i) => {
    const roles = g.people[i]!.roles;
    return roles.length > 0 ? roles : [null];
  }).map(([role, group]) => ({ role, ...group }));
  return {
    ...totals,
    interval: [totals.net - totals.unknownShare, totals.net + totals.unknownShare],
    // People are indexed in id order, so ordering indices orders by score, then id.
    contributors: Array.from(orderByScore(iota(g.n), (i) => Math.abs(contributors[i]!.contribution)), (i) => contributors[i]!),
    byDepartment,
    byRole,
    rule: 'support = sum p_i max(0, u_i); opposition = sum p_i max(0, -u_i); net = support - opposition; unknown stances count 0, and -1/+1 in the interval.',
  };
}

function aggregate(people: readonly SupportContributor[]): Omit<SupportGroup, 'people'> {
  let weight = 0;
  let support = 0;
  let opposition = 0;
  let unknownShare = 0;
  for (const c of people) {
    weight += c.weight;
    if (c.stance === null) unknownShare += c.weight;
    else if (c.stance > 0) support += c.weight * c.stance;
    else opposition -= c.weight * c.stance;
  }
  return { weight, support, opposition, net: support - opposition, unknownShare };
}

function groupBy<K extends string | null>(
  people: readonly SupportContributor[],
  keys: (i: number) => readonly K[],
): [K, SupportGroup][] {
  const groups = new Map<K, number[]>();
  people.forEach((_c, i) => {
    for (const key of keys(i)) {
      const list = groups.get(key);
      if (list) list.push(i);
      else groups.set(key, [i]);
    }
  });
  const out: [K, SupportGroup][] = [...groups].map(([key, members]) => [
    key,
    {
      ...aggregate(members.map((i) => people[i]!)),
      // Members are indices in ascending (= id) order: orderByScore breaks ties by id.
      people: Array.from(orderByScore(Int32Array.from(members), (i) => people[i]!.weight), (i) => people[i]!.id),
    },
  ]);
  return out.sort((a, b) =>
    byScoreThenId<[K, SupportGroup]>((x) => x[1].weight, (x) => (x[0] === null ? '\uffff' : x[0]))(a, b),
  );
}

/**
 * Support and net support only (no contributors or groups): for callers that re-measure many
 * variants of a deal, such as {@link analyzeResilience}.
 *
 * @internal
 */
export function supportTotals(g: PowerGraph, o: Required<ScoreOptions>): { support: number; net: number } {
  const { p } = rankScores(g, rankKernel(o));
  let support = 0;
  let opposition = 0;
  for (let i = 0; i < g.n; i++) {
    const u = g.stance[i]!;
    if (u > 0) support += p[i]! * u;
    else if (u < 0) opposition -= p[i]! * u;
  }
  return { support, net: support - opposition };
}
