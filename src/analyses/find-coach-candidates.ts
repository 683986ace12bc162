/**
 * `findCoachCandidates` (M9): who can be our coach (内线), and what makes a current coach weak.
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { accessGraph, bestTree } from '../internal/access-graph.js';
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
import { byScoreThenId, decisionMakers } from '../internal/decision-makers.js';
import { listening } from '../internal/listening.js';
import { checks, resolveOptions, type OptionCheck } from '../internal/options.js';
import { rankScores } from '../internal/rank-scores.js';
import { f64 } from '../internal/arena.js';

/** The eight criteria of M9, in the method's order. */
export const COACH_CRITERIA = [
  'position',
  'power',
  'information',
  'participation',
  'reputation',
  'willingness',
  'backing',
  'character',
] as const;

/** One of the eight coach criteria of M9. */
export type CoachCriterion = (typeof COACH_CRITERIA)[number];

/** Options of {@link findCoachCandidates}. */
export interface CoachOptions extends ScoreOptions, BrokerageSettings {
  /** Weight of each criterion in the geometric mean. Default 1 each. */
  weights?: Partial<Record<CoachCriterion, number>>;
  /** Floor applied to the six non-gating criteria in the mean, so missing evidence lowers but does not disqualify. Default 0.05. */
  floor?: number;
  /** Power (score relative to the top score) from which a candidate is a mobiliser. Default 0.5. */
  mobiliserPower?: number;
  /** A criterion below this is named as a weakness. Default 0.5. */
  weakBelow?: number;
}

/** One criterion's value with the evidence that set it. */
export interface CriterionScore {
  readonly criterion: CoachCriterion;
  /** 0..1. */
  readonly value: number;
  /** The weight in the geometric mean. */
  readonly weight: number;
  /**
   * `(weight / total weight) * ln(max(value, floor))` (no floor on willingness and participation); the
   * parts add up to ln(score). `null` when a gating criterion is 0: it disqualifies and the score is 0.
   */
  readonly logContribution: number | null;
  /** What set the value, in words. */
  readonly evidence: string;
}

/** A person assessed as a coach. */
export interface CoachAssessment {
  readonly id: string;
  readonly name: string;
  /** Weighted geometric mean of the criteria, 0..1. */
  readonly score: number;
  /** All eight criteria in the method's order. */
  readonly criteria: readonly CriterionScore[];
  /** The criterion with the smallest value (ties: the method's order). */
  readonly weakest: CoachCriterion;
  /** `mobiliser`: has power to move others; `talker`: friendly but without power. */
  readonly kind: 'mobiliser' | 'talker';
  readonly stance: number | null;
}

/** A person already marked `coach` or `champion`, and what makes them weak. */
export interface CurrentCoach extends CoachAssessment {
  /** Whether they would qualify as a candidate at all (stance > 0, takes part, not a decision maker). */
  readonly qualifies: boolean;
  /** Criteria below `weakBelow`, weakest first. */
  readonly weaknesses: readonly { readonly criterion: CoachCriterion; readonly value: number; readonly evidence: string }[];
}

/** Result of {@link findCoachCandidates}. */
export interface CoachCandidates {
  /** People with stance > 0 who take part and are not decision makers, by score descending, then id. */
  readonly candidates: readonly (CoachAssessment & { readonly rank: number })[];
  /** People marked `coach` or `champion`, by id. */
  readonly current: readonly CurrentCoach[];
  readonly weights: Readonly<Record<CoachCriterion, number>>;
  readonly rule: string;
}

const DEFAULT_WEIGHTS: Record<CoachCriterion, number> = {
  position: 1,
  power: 1,
  information: 1,
  participation: 1,
  reputation: 1,
  willingness: 1,
  backing: 1,
  character: 1,
};

const DEFAULTS: Required<CoachOptions> = {
  ...SCORE_DEFAULTS,
  ...BROKERAGE_SETTINGS_DEFAULTS,
  weights: DEFAULT_WEIGHTS,
  floor: 0.05,
  mobiliserPower: 0.5,
  weakBelow: 0.5,
};

const GATING = new Set<CoachCriterion>(['willingness', 'participation']);
// The roles that place someone in the buying process. `coach` and `champion` are left out: they are
// our own label for the person, and the score must judge that label, not be raised by it.
const BUYING_ROLES = new Set(['decision-maker', 'economic-buyer', 'approver', 'technical-buyer', 'user', 'influencer', 'procurement', 'legal']);

/**
 * Scores every person on the eight coach criteria of M9, each 0..1 with the evidence that set it:
 *
 * 1. **position** — `(maxLevel - level + 1) / maxLevel`, at least 0.75 with a buying role;
 * 2. **power** — key-people score relative to the top score;
 * 3. **information** — the larger of `informs` lines received and brokerage, each relative to the top;
 * 4. **participation** — `inProject`: true 1, false 0, unknown 0.5 (0.75 with a buying role);
 * 5. **reputation** (others think well of them) — how much others listen to them, `sum_j W_ji`, relative to the top;
 * 6. **willingness** — `max(0, stance) * (1 + rel) / 2`;
 * 7. **backing** (support from higher up) — the larger of the influence received from more senior
 *    people (capped at 1) and the best access probability to a decision maker (1 for a decision maker);
 * 8. **character** — `integrity`, unknown 0.5.
 *
 * The score is the weighted geometric mean, so a zero on willingness or participation disqualifies;
 * the other six are floored at `floor` in the mean. A person with stance <= 0 (hostile, neutral or
 * unknown) or who does not take part is never a candidate, and neither is a decision maker: the
 * coach is the inside contact who leads us to the decision maker (a supportive decision maker is a
 * sponsor, which {@link checkDecisionMakerCoverage} reports).
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link CoachOptions}
 * @returns the ranked candidates, and for people marked coach or champion, their weaknesses
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} on a bad option
 * @example
 * ```ts
 * const { candidates } = findCoachCandidates(harborDeal);
 * candidates.map((c) => [c.id, c.kind, c.weakest]);
 * // => [['coo', 'mobiliser', 'willingness'], ['whm', 'mobiliser', 'information']]
 * ```
 * @see methodology M9 — the coach and the eight criteria; design.md section 6 item 6
 * @category Decision power
 */
export function findCoachCandidates(input: Deal | PowerGraph | unknown, options?: CoachOptions): CoachCandidates {
  const o = resolveOptions('findCoachCandidates', DEFAULTS, options, {
    ...SCORE_CHECKS,
    ...BROKERAGE_CHECKS,
    weights: checkWeights,
    floor: checks.number(0, 1),
    mobiliserPower: checks.number(0, 1),
    weakBelow: checks.number(0, 1),
  });
  const weights = { ...DEFAULT_WEIGHTS, ...o.weights };
  const g = toPowerGraph(input);
  const evidence = gatherEvidence(g, o);
  const dms = new Set(decisionMakers(g, rankKernel(o)).map((d) => d.index));
  const qualifies = (i: number) => {
    const u = g.stance[i]!;
    return !Number.isNaN(u) && u > 0 && g.people[i]!.inProject !== false && !dms.has(i);
  };
  const marked = (i: number) => g.people[i]!.roles.includes('coach') || g.people[i]!.roles.includes('champion');
  // Only the people the result reports are assessed: candidates and those marked coach or champion.
  const all = new Map<number, CoachAssessment>();
  for (let i = 0; i < g.n; i++) if (qualifies(i) || marked(i)) all.set(i, assess(g, i, evidence, weights, o));
  const candidates = [...all]
    .filter(([i]) => qualifies(i))
    .map(([, a]) => a)
    .sort(byScoreThenId((x) => x.score, (x) => x.id))
    .map((a, k) => ({ ...a, rank: k + 1 }));
  const current: CurrentCoach[] = [];
  all.forEach((a, i) => {
    if (!marked(i)) return;
    current.push({
      ...a,
      qualifies: qualifies(i),
      weaknesses: a.criteria
        .filter((c) => c.value < o.weakBelow)
        .sort((x, y) => x.value - y.value || COACH_CRITERIA.indexOf(x.criterion) - COACH_CRITERIA.indexOf(y.criterion))
        .map(({ criterion, value, evidence }) => ({ criterion, value, evidence })),
    });
  });
  return {
    candidates,
    current,
    weights,
    rule:
      'score = weighted geometric mean of the eight M9 criteria (willingness and participation unfloored, the others floored); ' +
      'candidates have stance > 0, take part and are not decision makers; mobiliser when power >= ' +
      o.mobiliserPower,
  };
}

const checkWeights: OptionCheck = (value) => {
  if (typeof value !== 'object' || value === null) return 'an object of criterion weights';
  for (const [key, w] of Object.entries(value)) {
    if (!(COACH_CRITERIA as readonly string[]).includes(key)) return `criteria among ${COACH_CRITERIA.join(', ')} (got "${key}")`;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) return `non-negative weights (${key})`;
  }
  const total = COACH_CRITERIA.reduce((s, c) => s + ((value as Record<string, number>)[c] ?? DEFAULT_WEIGHTS[c]), 0);
  return total > 0 ? undefined : 'weights that do not all vanish';
};

interface Evidence {
  p: Float64Array;
  maxP: number;
  maxLevel: number;
  informs: Float64Array;
  maxInforms: number;
  bc: Float64Array;
  maxBc: number;
  listenedTo: Float64Array;
  maxListened: number;
  seniorInfluence: Float64Array;
  dmAccess: Float64Array;
  dmAccessVia: string[];
}

function gatherEvidence(g: PowerGraph, o: Required<CoachOptions>): Evidence {
  const n = g.n;
  const { p } = rankScores(g, rankKernel(o));
  const bc = brokerage(g, brokerageKernel(o)).value;
  // W_ji per edge i -> j (computed by division, so a subnormal row sum cannot make it Infinity or NaN).
  const { outW } = listening(g, o.normalization);
  const informs = f64(n);
  const listenedTo = f64(n);
  const seniorInfluence = f64(n);
  for (let i = 0; i < n; i++) {
    for (let e = g.informsIn.ptr[i]!; e < g.informsIn.ptr[i + 1]!; e++) informs[i]! += g.informsIn.w[e]!;
    const out = g.influenceOut;
    for (let e = out.ptr[i]!; e < out.ptr[i + 1]!; e++) listenedTo[i]! += outW[e]!;
    const inn = g.influenceIn;
    for (let e = inn.ptr[i]!; e < inn.ptr[i + 1]!; e++) if (g.level[inn.idx[e]!]! < g.level[i]!) seniorInfluence[i]! += inn.w[e]!;
  }
  const a = accessGraph(g);
  const dmAccess = f64(n);
  const dmAccessVia = new Array<string>(n).fill('');
  for (const dm of decisionMakers(g, rankKernel(o))) {
    const tree = bestTree(a, dm.index, true);
    for (let i = 0; i < n; i++) {
      const prob = i === dm.index ? 1 : tree.probability[i]!;
      if (prob > dmAccess[i]!) {
        dmAccess[i] = prob;
        dmAccessVia[i] = g.ids[dm.index]!;
      }
    }
  }
  const max = (xs: Float64Array) => xs.reduce((m, x) => Math.max(m, x), 0);
  return {
    p,
    maxP: max(p),
    maxLevel: g.level.reduce((m, x) => Math.max(m, x), 1),
    informs,
    maxInforms: max(informs),
    bc,
    maxBc: max(bc),
    listenedTo,
    maxListened: max(listenedTo),
    seniorInfluence,
    dmAccess,
    dmAccessVia,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000 + 0; // + 0: never -0
const rel = (x: number, max: number) => (max > 0 ? x / max : 0);

function assess(
  g: PowerGraph,
  i: number,
  ev: Evidence,
  weights: Record<CoachCriterion, number>,
  o: Required<CoachOptions>,
): CoachAssessment {
  const person = g.people[i]!;
  const level = g.level[i]!;
  const buyingRoles = person.roles.filter((r) => BUYING_ROLES.has(r));
  const u = g.stance[i]!;
  const stance = Number.isNaN(u) ? 0 : u;
  const values: Record<CoachCriterion, [number, string]> = {
    position: (() => {
      const byLevel = (ev.maxLevel - level + 1) / ev.maxLevel;
      return buyingRoles.length > 0 && byLevel < 0.75
        ? [0.75, `level ${level} of ${ev.maxLevel}, raised by the buying role ${buyingRoles.join(', ')}`]
        : [byLevel, `level ${level} of ${ev.maxLevel}${buyingRoles.length ? `; role ${buyingRoles.join(', ')}` : ''}`];
    })(),
    power: [rel(ev.p[i]!, ev.maxP), `key-people score ${round(ev.p[i]!)}, top score ${round(ev.maxP)}`],
    information: (() => {
      const inf = rel(ev.informs[i]!, ev.maxInforms);
      const br = rel(ev.bc[i]!, ev.maxBc);
      return [Math.max(inf, br), `informed by others ${round(ev.informs[i]!)} (relative ${round(inf)}); brokerage relative ${round(br)}`];
    })(),
    participation:
      person.inProject === true ? [1, 'takes part in the project'] :
      person.inProject === false ? [0, 'does not take part in the project'] :
      buyingRoles.length > 0 ? [0.75, `participation not recorded; holds the buying role ${buyingRoles.join(', ')}`] :
      [0.5, 'participation not recorded'],
    reputation: [rel(ev.listenedTo[i]!, ev.maxListened), `others listen to them with total weight ${round(ev.listenedTo[i]!)} (top ${round(ev.maxListened)})`],
    willingness: [
      Math.max(0, stance) * (1 + g.rel[i]!) / 2,
      `stance ${Number.isNaN(u) ? 'unknown' : round(u)}, our relationship ${round(g.rel[i]!)}`,
    ],
    backing: (() => {
      const senior = Math.min(1, ev.seniorInfluence[i]!);
      const access = ev.dmAccess[i]!;
      return senior >= access
        ? [senior, `influence received from more senior people ${round(senior)}`]
        : [access, `access to decision maker ${ev.dmAccessVia[i]} with probability ${round(access)}`];
    })(),
    character: person.integrity == null ? [0.5, 'integrity not assessed'] : [person.integrity, `integrity ${person.integrity}`],
  };
  const total = COACH_CRITERIA.reduce((s, c) => s + weights[c], 0);
  const criteria = COACH_CRITERIA.map((criterion): CriterionScore => {
    const [value, evidence] = values[criterion];
    const used = GATING.has(criterion) ? value : Math.max(value, o.floor);
    const weight = weights[criterion];
    const logContribution = weight === 0 ? 0 : used > 0 ? (weight / total) * Math.log(used) : null;
    return { criterion, value, weight, logContribution, evidence };
  });
  const logScore = criteria.some((c) => c.logContribution === null)
    ? Number.NEGATIVE_INFINITY
    : criteria.reduce((s, c) => s + c.logContribution!, 0);
  let weakest = criteria[0]!;
  for (const c of criteria) if (c.value < weakest.value) weakest = c;
  const power = values.power[0];
  return {
    id: g.ids[i]!,
    name: displayName(g, i),
    score: Number.isFinite(logScore) ? Math.exp(logScore) : 0,
    criteria,
    weakest: weakest.criterion,
    kind: power >= o.mobiliserPower ? 'mobiliser' : 'talker',
    stance: stanceOrNull(g, i),
  };
}
