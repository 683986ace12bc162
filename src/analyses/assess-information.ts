/**
 * `assessInformation` (M5): information power — what we know of the nine points, and the gaps.
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { explain } from '../explain/format-message.js';
import type { Explanation, Locale } from '../explain/types.js';
import { displayName } from '../internal/common.js';
import { checks, resolveOptions } from '../internal/options.js';
import { i32 } from '../internal/arena.js';

/** The nine information points of M5, in the method's order. */
export const INFORMATION_POINTS = [
  'plan',
  'procurement',
  'organisation',
  'decision-structure',
  'finance',
  'needs',
  'resources',
  'competitors',
  'success-factors',
] as const;

/** One of the nine information points. */
export type InformationPoint = (typeof INFORMATION_POINTS)[number];

/** Options of {@link assessInformation}. */
export interface InformationOptions {
  /** A point with a score at or above this is `known`. Default 0.8. */
  knownAt?: number;
  /** Language of the gap messages. Default `en`. */
  locale?: Locale;
  /** List at most this many names in one gap message. Default 8. */
  maxNames?: number;
}

/** What we know of one information point. */
export interface InformationPointResult {
  /** 1..9, the method's numbering. */
  readonly number: number;
  readonly point: InformationPoint;
  /** `known` (score >= knownAt), `partial` (> 0), `unknown` (0). */
  readonly status: 'known' | 'partial' | 'unknown';
  /** 0..1: the share of the point's facts that are recorded. */
  readonly score: number;
  /** The facts that count, and how many are recorded. */
  readonly evidence: string;
  /** What is missing, concretely ("influence not assessed for: Zhang Wei, Li Qiang"). */
  readonly gaps: readonly Explanation[];
}

/** Result of {@link assessInformation}. */
export interface Information {
  /** The nine points in the method's order. */
  readonly points: readonly InformationPointResult[];
  /** Mean of the nine scores. */
  readonly completeness: number;
  readonly rule: string;
}

const DEFAULTS: Required<InformationOptions> = { knownAt: 0.8, locale: 'en', maxNames: 8 };

/**
 * Assesses information power (M5): for each of the nine points, whether it is known, partial or
 * unknown from the data, a score (the share of the point's facts recorded), and the concrete gaps.
 *
 * | # | point | facts that count |
 * |---|---|---|
 * | 1 | plan | `intel.plan.steps`, `intel.plan.difficulties` |
 * | 2 | procurement | `intel.procurement.process`, `intel.procurement.focus` |
 * | 3 | organisation | share of people placed in the structure (a manager, or the top: the person at level 1 with the most direct reports) and share with a known stance |
 * | 4 | decision structure | a decision maker or economic buyer marked; share of people with assessed influence |
 * | 5 | finance | `intel.finance.budget`, `.budgetApproved`, `.credit` |
 * | 6 | needs | `intel.projectReason`; share of engaged or participating people with recorded needs |
 * | 7 | resources | `intel.resources.ours`, `intel.resources.theirs` |
 * | 8 | competitors | competitors listed; their strength recorded |
 * | 9 | success factors | the three most important key success factors recorded with a status |
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link InformationOptions}
 * @returns the nine points with status, score and gaps, and the overall completeness
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} on a bad option
 * @example
 * ```ts
 * const info = assessInformation(harborDeal);
 * info.points[3].status;          // => 'known'   (1/2 + 1/2 · 5/6 = 11/12 >= 0.8)
 * info.points[3].gaps[0].message; // => 'Influence not assessed for: Ana Silva.'
 * ```
 * @see methodology M5 — information power and its nine points
 * @category Information power
 */
export function assessInformation(input: Deal | PowerGraph | unknown, options?: InformationOptions): Information {
  const o = resolveOptions('assessInformation', DEFAULTS, options, {
    knownAt: checks.number(0, 1),
    locale: checks.oneOf(['en', 'zh-CN']),
    maxNames: checks.integer(1),
  });
  const g = toPowerGraph(input);
  const d = g.deal;
  const intel = d.intel ?? {};
  const gap = (code: string, params: Record<string, string | number> = {}) => explain(code, params, o.locale);
  const names = (idx: readonly number[]) => {
    const shown = idx.slice(0, o.maxNames).map((i) => displayName(g, i));
    return idx.length > o.maxNames ? `${shown.join(', ')} (+${idx.length - o.maxNames})` : shown.join(', ');
  };
  const listed = (xs: readonly unknown[] | undefined) => (xs?.length ?? 0) > 0;

  const raw: [number, string, Explanation[]][] = [];
  // 1. plan
  {
    const facts = [listed(intel.plan?.steps), listed(intel.plan?.difficulties)];
    const gaps: Explanation[] = [];
    if (!facts[0]) gaps.push(gap('gap_plan_steps'));
    if (!facts[1]) gaps.push(gap('gap_plan_difficulties'));
    raw.push([share(facts), `${count(facts)} of 2 recorded: steps, difficulties`, gaps]);
  }
  // 2. procurement
  {
    const facts = [listed(intel.procurement?.process), listed(intel.procurement?.focus)];
    const gaps: Explanation[] = [];
    if (!facts[0]) gaps.push(gap('gap_procurement_process'));
    if (!facts[1]) gaps.push(gap('gap_procurement_focus'));
    raw.push([share(facts), `${count(facts)} of 2 recorded: procurement process, procurement focus`, gaps]);
  }
  // 3. organisation structure and how wide our support is
  {
    let roots = 0;
    for (let i = 0; i < g.n; i++) if (!g.hasManager[i]) roots++;
    // Everyone with a manager is placed; of those without one, the top is placed too: the person
    // at level 1 with the most direct reports (ties: id order), so that a newcomer entered without
    // a manager is the gap, not the CEO whose id happens to sort after theirs.
    const reports = i32(g.n);
    for (const person of g.people) for (const m of person.reportsTo) reports[g.index.get(m)!]!++;
    let top = -1;
    for (let i = 0; i < g.n; i++) if (!g.hasManager[i] && g.level[i] === 1 && (top < 0 || reports[i]! > reports[top]!)) top = i;
    const unplaced: number[] = [];
    for (let i = 0; i < g.n; i++) if (!g.hasManager[i] && i !== top) unplaced.push(i);
    const unknownStance: number[] = [];
    for (let i = 0; i < g.n; i++) if (Number.isNaN(g.stance[i]!)) unknownStance.push(i);
    const placed = (g.n - unplaced.length) / g.n;
    const stanceKnown = (g.n - unknownStance.length) / g.n;
    const gaps: Explanation[] = [];
    if (unplaced.length > 0) gaps.push(gap('gap_no_manager', { count: unplaced.length, people: names(unplaced) }));
    if (unknownStance.length > 0) gaps.push(gap('gap_stance_unknown', { count: unknownStance.length, people: names(unknownStance) }));
    raw.push([
      (placed + stanceKnown) / 2,
      `${g.n - unplaced.length} of ${g.n} people placed in the structure (${roots} without a manager); ${g.n - unknownStance.length} of ${g.n} stances known`,
      gaps,
    ]);
  }
  // 4. decision structure and each person's influence
  {
    const marked = g.people.some((p) => p.roles.includes('decision-maker') || p.roles.includes('economic-buyer'));
    const unassessed: number[] = [];
    for (let i = 0; i < g.n; i++) if (Number.isNaN(g.influence[i]!)) unassessed.push(i);
    const gaps: Explanation[] = [];
    if (unassessed.length > 0) gaps.push(gap('gap_influence_unassessed', { count: unassessed.length, people: names(unassessed) }));
    if (!marked) gaps.push(gap('gap_no_decision_maker'));
    raw.push([
      (marked ? 0.5 : 0) + 0.5 * ((g.n - unassessed.length) / g.n),
      `decision maker ${marked ? 'marked' : 'not marked'}; influence assessed for ${g.n - unassessed.length} of ${g.n}`,
      gaps,
    ]);
  }
  // 5. funding and credit
  {
    const f = intel.finance;
    const facts = [f?.budget !== undefined && f.budget !== null, f?.budgetApproved !== undefined, (f?.credit ?? '').trim() !== ''];
    const gaps: Explanation[] = [];
    if (!facts[0]) gaps.push(gap('gap_budget'));
    if (!facts[1]) gaps.push(gap('gap_budget_approved'));
    if (!facts[2]) gaps.push(gap('gap_credit'));
    raw.push([share(facts), `${count(facts)} of 3 recorded: budget, budget approval, credit`, gaps]);
  }
  // 6. why the project started; the real needs of each kind of person
  {
    const engaged: number[] = [];
    for (let i = 0; i < g.n; i++) if (g.rel[i]! > 0 || g.people[i]!.inProject === true) engaged.push(i);
    const noNeeds = engaged.filter((i) => (g.people[i]!.needs?.length ?? 0) === 0);
    const reason = (intel.projectReason ?? '').trim() !== '';
    const needsShare = engaged.length === 0 ? 0 : (engaged.length - noNeeds.length) / engaged.length;
    const gaps: Explanation[] = [];
    if (!reason) gaps.push(gap('gap_project_reason'));
    if (engaged.length === 0) gaps.push(gap('gap_nobody_engaged'));
    if (noNeeds.length > 0) gaps.push(gap('gap_needs_unknown', { count: noNeeds.length, people: names(noNeeds) }));
    raw.push([
      (reason ? 0.5 : 0) + 0.5 * needsShare,
      `project reason ${reason ? 'recorded' : 'missing'}; needs recorded for ${engaged.length - noNeeds.length} of ${engaged.length} engaged people`,
      gaps,
    ]);
  }
  // 7. resources on both sides
  {
    const facts = [listed(intel.resources?.ours), listed(intel.resources?.theirs)];
    const gaps: Explanation[] = [];
    if (!facts[0]) gaps.push(gap('gap_resources_ours'));
    if (!facts[1]) gaps.push(gap('gap_resources_theirs'));
    raw.push([share(facts), `${count(facts)} of 2 recorded: our resources, theirs`, gaps]);
  }
  // 8. competitors
  {
    const competitors = d.competitors;
    const withoutStrength = competitors.filter((c) => c.strength === undefined);
    const gaps: Explanation[] = [];
    let score = 0;
    if (competitors.length === 0) gaps.push(gap('gap_no_competitors'));
    else {
      score = 0.5 + 0.5 * ((competitors.length - withoutStrength.length) / competitors.length);
      if (withoutStrength.length > 0)
        gaps.push(gap('gap_competitor_strength', { count: withoutStrength.length, competitors: [...withoutStrength].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((c) => c.name ?? c.id).join(', ') }));
    }
    raw.push([score, `${competitors.length} competitors listed, ${competitors.length - withoutStrength.length} with a strength`, gaps]);
  }
  // 9. key success factors: track the three most important
  {
    const ksf = [...d.keySuccessFactors].sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity));
    const top = ksf.slice(0, 3);
    const tracked = top.filter((k) => k.status !== undefined && k.status !== 'unknown');
    const gaps: Explanation[] = [];
    if (ksf.length === 0) gaps.push(gap('gap_ksf_none'));
    else if (ksf.length < 3) gaps.push(gap('gap_ksf_count', { count: ksf.length }));
    const untracked = top.filter((k) => !tracked.includes(k));
    if (untracked.length > 0) gaps.push(gap('gap_ksf_status', { factors: untracked.map((k) => k.name).join(', ') }));
    raw.push([tracked.length / 3, `${ksf.length} key success factors, ${tracked.length} of the top 3 tracked`, gaps]);
  }

  const points = raw.map(([score, evidence, gaps], k): InformationPointResult => ({
    number: k + 1,
    point: INFORMATION_POINTS[k]!,
    status: score >= o.knownAt ? 'known' : score > 0 ? 'partial' : 'unknown',
    score,
    evidence,
    gaps,
  }));
  return {
    points,
    completeness: points.reduce((s, p) => s + p.score, 0) / points.length,
    rule: `each point scores the share of its facts recorded; known at >= ${o.knownAt}, unknown at 0; completeness = mean of the nine`,
  };
}

function count(facts: readonly boolean[]): number {
  return facts.filter(Boolean).length;
}

function share(facts: readonly boolean[]): number {
  return count(facts) / facts.length;
}
