/**
 * `measureBuyingCenter`: the structure of the buying centre (Johnston & Bonoma 1981) and the
 * power/interest quadrant of every person.
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { SCORE_CHECKS, SCORE_DEFAULTS, displayName, rankKernel, type ScoreOptions } from '../internal/common.js';
import { byScoreThenId } from '../internal/decision-makers.js';
import { checks, resolveOptions } from '../internal/options.js';
import { rankScores } from '../internal/rank-scores.js';
import { u8 } from '../internal/arena.js';

/** Options of {@link measureBuyingCenter}. */
export interface BuyingCenterOptions extends ScoreOptions {
  /** Power (score relative to the top score) from which a person has high power. Default 0.5. */
  highPower?: number;
  /** Interest from which a person has high interest. Default 0.5. */
  highInterest?: number;
}

/** Mendelow's power/interest quadrant, with the stakeholder strategy it suggests. */
export type Quadrant = 'manage-closely' | 'keep-satisfied' | 'keep-informed' | 'monitor';

/** One person on the power/interest grid. */
export interface PowerInterest {
  readonly id: string;
  readonly name: string;
  /** Key-people score relative to the top score, 0..1. */
  readonly power: number;
  /** 0..1: takes part 1, any role 0.75, not recorded 0.4 (below the default high mark: nothing known is not interest), does not take part 0.2; +0.2 with recorded needs (capped at 1). */
  readonly interest: number;
  readonly quadrant: Quadrant;
  /** Counted as a member of the buying centre (takes part, or holds any role). */
  readonly member: boolean;
}

/** Result of {@link measureBuyingCenter}. */
export interface BuyingCenter {
  /** Ids of the buying-centre members: people who take part or hold a role. */
  readonly members: readonly string[];
  /** Vertical involvement: the number of formal levels among the members. */
  readonly verticalInvolvement: number;
  /** Lateral involvement: the number of departments among the members (people without one are not counted). */
  readonly lateralInvolvement: number;
  /** Extensivity: the number of members. */
  readonly extensivity: number;
  /** Connectedness: the share of ordered member pairs linked by an influence or informs line, 0..1. */
  readonly connectedness: number;
  /**
   * Centrality of the purchasing function: for each member with the role `procurement`, the share
   * of the other members they are linked with (either direction). Empty when nobody is in procurement.
   */
  readonly centrality: readonly { readonly id: string; readonly value: number }[];
  /** Everyone on the power/interest grid, by power descending, then id. */
  readonly grid: readonly PowerInterest[];
  readonly rule: string;
}

const DEFAULTS: Required<BuyingCenterOptions> = { ...SCORE_DEFAULTS, highPower: 0.5, highInterest: 0.5 };

/**
 * Measures the buying centre with the five structural dimensions of Johnston & Bonoma (1981) —
 * vertical involvement, lateral involvement, extensivity, connectedness and the centrality of the
 * purchasing function — and places every person on the power/interest grid (Mendelow): manage
 * closely (high power, high interest), keep satisfied, keep informed, monitor.
 *
 * Members are people who take part in the project (`inProject`) or hold any role; people
 * marked `inProject: false` are not members even with a role.
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link BuyingCenterOptions}
 * @returns the five dimensions and the grid
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} on a bad option
 * @example
 * ```ts
 * const bc = measureBuyingCenter(harborDeal);
 * bc.extensivity;          // => 5   (Lee Park has no role and no inProject, so is not a member)
 * bc.verticalInvolvement;  // => 3
 * ```
 * @see Johnston, W. J. & Bonoma, T. V. (1981). The buying center: structure and interaction patterns. Journal of Marketing 45(3).
 * @category Buying centre
 */
export function measureBuyingCenter(input: Deal | PowerGraph | unknown, options?: BuyingCenterOptions): BuyingCenter {
  const o = resolveOptions('measureBuyingCenter', DEFAULTS, options, {
    ...SCORE_CHECKS,
    highPower: checks.number(0, 1),
    highInterest: checks.number(0, 1),
  });
  const g = toPowerGraph(input);
  const { p } = rankScores(g, rankKernel(o));
  const maxP = p.reduce((m, x) => Math.max(m, x), 0);
  const isMember = u8(g.n);
  for (let i = 0; i < g.n; i++) {
    const person = g.people[i]!;
    isMember[i] = person.inProject === true || (person.inProject !== false && person.roles.length > 0) ? 1 : 0;
  }
  const members: number[] = [];
  for (let i = 0; i < g.n; i++) if (isMember[i]) members.push(i);

  // Linked ordered pairs among members: influence (w > 0) or informs lines.
  const linked = new Set<number>();
  const addLinks = (rowsAreSources: boolean, csr: { ptr: Int32Array; idx: Int32Array }) => {
    for (const r of members)
      for (let e = csr.ptr[r]!; e < csr.ptr[r + 1]!; e++) {
        const c = csr.idx[e]!;
        if (!isMember[c]) continue;
        const [from, to] = rowsAreSources ? [r, c] : [c, r];
        linked.add(from * g.n + to);
      }
  };
  addLinks(true, g.influenceOut);
  addLinks(false, g.informsIn);
  const m = members.length;
  // Distinct linked members of each member (either direction), in one pass over the links.
  const linkedWith = new Map<number, Set<number>>();
  for (const key of linked) {
    const from = Math.floor(key / g.n);
    const to = key - from * g.n;
    for (const [a, b] of [[from, to], [to, from]] as const) {
      let set = linkedWith.get(a);
      if (!set) linkedWith.set(a, (set = new Set()));
      set.add(b);
    }
  }
  const neighbours = (i: number) => linkedWith.get(i)?.size ?? 0;

  const grid = g.ids.map((id, i): PowerInterest => {
    const person = g.people[i]!;
    const base = person.inProject === true ? 1 : person.inProject === false ? 0.2 : person.roles.length > 0 ? 0.75 : 0.4;
    const interest = Math.min(1, base + ((person.needs?.length ?? 0) > 0 ? 0.2 : 0));
    const power = maxP > 0 ? p[i]! / maxP : 0;
    const high = [power >= o.highPower, interest >= o.highInterest];
    const quadrant: Quadrant = high[0] ? (high[1] ? 'manage-closely' : 'keep-satisfied') : high[1] ? 'keep-informed' : 'monitor';
    return { id, name: displayName(g, i), power, interest, quadrant, member: isMember[i] === 1 };
  });
  grid.sort(byScoreThenId((x) => x.power, (x) => x.id));

  return {
    members: members.map((i) => g.ids[i]!),
    verticalInvolvement: new Set(members.map((i) => g.level[i]!)).size,
    lateralInvolvement: new Set(members.flatMap((i) => (g.people[i]!.department === undefined ? [] : [g.people[i]!.department!]))).size,
    extensivity: m,
    connectedness: m > 1 ? linked.size / (m * (m - 1)) : 0,
    centrality: members
      .filter((i) => g.people[i]!.roles.includes('procurement'))
      .map((i) => ({ id: g.ids[i]!, value: m > 1 ? neighbours(i) / (m - 1) : 0 })),
    grid,
    rule:
      'members take part or hold a role; vertical = levels, lateral = departments, extensivity = members, ' +
      'connectedness = linked ordered member pairs / m(m-1), centrality = share of members the purchasing person is linked with; ' +
      `grid: high power at >= ${o.highPower} of the top score, high interest at >= ${o.highInterest}`,
  };
}
