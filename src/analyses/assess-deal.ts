/**
 * `assessDeal` (M8): the three thresholds, every analysis, the red flags and the next actions.
 *
 * @module
 */
import { toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { explain, formatMessage } from '../explain/format-message.js';
import { spinQuestions, type SpinQuestion } from '../explain/spin-questions.js';
import type { Explanation, Locale } from '../explain/types.js';
import { SCORE_CHECKS, SCORE_DEFAULTS, type ScoreOptions } from '../internal/common.js';
import { byScoreThenId } from '../internal/decision-makers.js';
import { checks, resolveOptions, type OptionCheck } from '../internal/options.js';
import { OptionError } from '../errors.js';
import { ROLES } from '../model/vocabulary.js';
import { BUILTIN_RULES } from '../rules/builtin-rules.js';
import { DEFAULT_STAGE_TEMPLATE, RULE_THRESHOLDS } from '../rules/defaults.js';
import { evaluateRules } from '../rules/evaluate-rules.js';
import type { Finding, RuleContext, RulesConfig, RuleThresholds } from '../rules/types.js';
import { analyzeResilience, type Resilience, type ResilienceOptions } from './analyze-resilience.js';
import { assessInformation, type Information } from './assess-information.js';
import { assessSellingStage, type SellingStageResult } from './assess-selling-stage.js';
import { checkDecisionMakerCoverage, type Coverage } from './check-decision-maker-coverage.js';
import { classifyAccount, type AccountClassification } from './classify-account.js';
import { compareSnapshots, type SnapshotComparison } from './compare-snapshots.js';
import { findAllies, type Allies } from './find-allies.js';
import { findCoachCandidates, type CoachCandidates } from './find-coach-candidates.js';
import { findGatekeepers, type Gatekeepers } from './find-gatekeepers.js';
import { measureBuyingCenter, type BuyingCenter } from './measure-buying-center.js';
import { measureSupportBase, type SupportBase } from './measure-support-base.js';
import { predictConsensus, type Consensus } from './predict-consensus.js';
import { rankKeyPeople, type KeyPeopleRanking } from './rank-key-people.js';
import { recommendEngagements, type Engagements } from './recommend-engagements.js';

/** Options of {@link assessDeal}. */
export interface AssessDealOptions extends ScoreOptions {
  /** Language of messages, flags and questions. Default `en`. */
  locale?: Locale;
  /** The previous snapshot of the same deal, for trends and the `shrinking_support` rule. */
  previous?: Deal | PowerGraph | unknown;
  /** Rules: switch off, change thresholds, add your own, replace the stage template. */
  rules?: RulesConfig;
  /** Information threshold: completeness needed. Default 0.6. */
  informationPass?: number;
  /** Decision threshold: the stance every decision maker needs. Default 0.5 (supporter). */
  decisionMinStance?: number;
  /** How many engagements to recommend. Default 5. */
  engagements?: number;
  /** How many contacts and allies the resilience check analyses. Default `'auto'` (25, fewer on very large graphs; see {@link ResilienceOptions}). */
  resilienceLimit?: number | 'auto';
  /** How many people to ask SPIN questions of. Default 5. */
  questionsFor?: number;
}

/** One of the three thresholds of M8. */
export interface Threshold {
  readonly passed: boolean;
  readonly evidence: readonly Explanation[];
}

/** A next action for the seller. */
export interface NextAction {
  /** 1..n in the order to do them. */
  readonly priority: number;
  /** `meet`: who to meet (and through whom); `find-out`: an information gap; `ask`: discovery questions. */
  readonly kind: 'meet' | 'find-out' | 'ask';
  readonly message: string;
  readonly people: readonly string[];
  /** SPIN questions for `ask` actions. */
  readonly questions?: readonly SpinQuestion[];
}

/** Result of {@link assessDeal}. */
export interface DealAssessment {
  readonly deal: { readonly id: string; readonly name: string | null; readonly asOf: string | null; readonly stage: string | null; readonly progress: number };
  /** The three thresholds of M8. Cross all three and the project is safe. */
  readonly thresholds: {
    readonly information: Threshold;
    readonly relationship: Threshold;
    readonly decision: Threshold;
    readonly passed: number;
  };
  /** Red flags by severity. */
  readonly flags: readonly Finding[];
  /** What to do next, in order: who to meet, what to find out, which questions to ask. */
  readonly actions: readonly NextAction[];
  readonly account: AccountClassification;
  readonly sellingStage: SellingStageResult;
  readonly information: Information;
  readonly ranking: KeyPeopleRanking;
  readonly support: SupportBase;
  readonly allies: Allies;
  readonly gatekeepers: Gatekeepers;
  readonly consensus: Consensus;
  readonly engagements: Engagements;
  readonly coverage: Coverage;
  readonly coach: CoachCandidates;
  readonly resilience: Resilience;
  readonly buyingCenter: BuyingCenter;
  /** Compared with `options.previous`, when given. */
  readonly comparison: SnapshotComparison | null;
}

const DEFAULTS: Required<AssessDealOptions> = {
  ...SCORE_DEFAULTS,
  locale: 'en',
  previous: undefined,
  rules: {},
  informationPass: 0.6,
  decisionMinStance: 0.5,
  engagements: 5,
  resilienceLimit: 'auto',
  questionsFor: 5,
};

/**
 * Assesses a whole deal (M8): the three thresholds of winning — information power, relationship
 * power and decision power — each passed or not with its evidence; every analysis; the red flags
 * of the rule engine ordered by severity; and the next actions in order (who to meet, what to
 * find out, which SPIN questions to ask of whom).
 *
 * - **Information** passes when completeness >= `informationPass` and the organisation (point 3)
 *   and decision structure (point 4) are known.
 * - **Relationship** passes when the net support base is positive, we have an ally, and a coach
 *   candidate scores at least the `coachMinScore` threshold.
 * - **Decision** passes when every decision maker is a direct contact (strength >= 0.5) with
 *   stance >= `decisionMinStance`.
 *
 * The graph is built once and shared by every analysis.
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link AssessDealOptions}
 * @returns the thresholds, flags, actions and every analysis
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} on a bad option, including
 *   a bad or unknown setting inside `rules` (option named like `rules.thresholds.minContacts`)
 * @example
 * ```ts
 * const a = assessDeal(harborDeal);
 * a.thresholds.decision.passed; // => false   (nobody has met the CEO)
 * a.flags[0].code;              // => 'no_dm_contact'
 * a.actions[0].kind;            // => 'meet'
 * ```
 * @see methodology M8 — the three thresholds
 * @category Assessment
 */
export function assessDeal(input: Deal | PowerGraph | unknown, options?: AssessDealOptions): DealAssessment {
  const o = resolveOptions('assessDeal', DEFAULTS, options, {
    ...SCORE_CHECKS,
    locale: checks.oneOf(['en', 'zh-CN']),
    previous: checks.any(),
    rules: (v) => (typeof v === 'object' && v !== null ? undefined : 'an object (disable, thresholds, custom, stageTemplate)'),
    informationPass: checks.number(0, 1),
    decisionMinStance: checks.number(-1, 1),
    engagements: checks.integer(0),
    resilienceLimit: (v) => (v === 'auto' ? undefined : checks.integer(0)(v)),
    questionsFor: checks.integer(0),
  });
  checkRulesConfig(o.rules);
  const g = toPowerGraph(input);
  const score = { alpha: o.alpha, normalization: o.normalization };
  const locale = o.locale;
  const thresholds = { ...RULE_THRESHOLDS };
  for (const [key, value] of Object.entries(o.rules.thresholds ?? {})) if (value !== undefined) Object.assign(thresholds, { [key]: value });
  const say = (code: string, params: Record<string, string | number | readonly string[]> = {}) => explain(code, params, locale);
  const name = (id: string) => g.people[g.index.get(id)!]?.name ?? id;

  const ranking = rankKeyPeople(g, score);
  const support = measureSupportBase(g, score);
  const allies = findAllies(g, score);
  const gatekeepers = findGatekeepers(g, score);
  const consensus = predictConsensus(g, score);
  const engagements = recommendEngagements(g, { ...score, limit: o.engagements });
  const coverage = checkDecisionMakerCoverage(g, score);
  const coach = findCoachCandidates(g, score);
  const resilience = analyzeResilience(g, { ...score, limit: o.resilienceLimit });
  const information = assessInformation(g, { locale });
  const comparison = o.previous === undefined ? null : compareSnapshots(o.previous, g, { ...score, locale });

  // The three thresholds (M8).
  const unknownCore = information.points.filter((p) => (p.point === 'organisation' || p.point === 'decision-structure') && p.status !== 'known');
  const infoPassed = information.completeness >= o.informationPass && unknownCore.length === 0;
  const infoEvidence = infoPassed
    ? [say('threshold_information_pass', { completeness: round(information.completeness) })]
    : [
        say('threshold_information_fail', {
          completeness: round(information.completeness),
          needed: o.informationPass,
          points: information.points.filter((p) => p.status !== 'known').map((p) => `${p.number} ${p.point}`),
          pointNames: information.points
            .filter((p) => p.status !== 'known')
            .map((p) => `${p.number} ${formatMessage(`point_${p.point}`, {}, locale)}`),
        }),
      ];
  // Our coach: a person marked coach or champion who qualifies and scores enough, else the best candidate.
  const markedCoach = coach.current
    .filter((c) => c.qualifies && c.score >= thresholds.coachMinScore)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))[0];
  const bestCoach = markedCoach ?? coach.candidates[0];
  const coachOk = bestCoach !== undefined && bestCoach.score >= thresholds.coachMinScore;
  const relPassed = support.net > 0 && allies.allies.length > 0 && coachOk;
  const relParams = { net: round(support.net), allies: allies.allies.length, coach: coachOk ? bestCoach!.name : '—' };
  const notReady = coverage.decisionMakers.filter((dm) => dm.status !== 'direct' || dm.stance === null || dm.stance < o.decisionMinStance);
  const decPassed = coverage.decisionMakers.length > 0 && notReady.length === 0;

  const context: RuleContext = {
    deal: g.deal,
    graph: g,
    progress: g.deal.stage?.progress ?? 0,
    locale,
    thresholds,
    stageTemplate: o.rules.stageTemplate ?? DEFAULT_STAGE_TEMPLATE,
    ranking,
    support,
    allies,
    gatekeepers,
    coverage,
    coach,
    resilience,
    information,
    comparison,
    name,
  };
  const flags = evaluateRules(context, [...BUILTIN_RULES, ...(o.rules.custom ?? [])], o.rules.disable ?? []);

  return {
    deal: {
      id: g.deal.id,
      name: g.deal.name ?? null,
      asOf: g.deal.asOf ?? null,
      stage: g.deal.stage?.name ?? null,
      progress: context.progress,
    },
    thresholds: {
      information: { passed: infoPassed, evidence: infoEvidence },
      relationship: { passed: relPassed, evidence: [say(relPassed ? 'threshold_relationship_pass' : 'threshold_relationship_fail', relParams)] },
      decision: {
        passed: decPassed,
        evidence: [decPassed ? say('threshold_decision_pass') : say('threshold_decision_fail', { people: notReady.map((d) => d.name) })],
      },
      passed: [infoPassed, relPassed, decPassed].filter(Boolean).length,
    },
    flags,
    actions: nextActions(g, { coverage, engagements, information, locale, questionsFor: o.questionsFor, decisionMinStance: o.decisionMinStance, ranking, name }),
    account: classifyAccount(g, { locale }),
    sellingStage: assessSellingStage(g, { ...score, locale }),
    information,
    ranking,
    support,
    allies,
    gatekeepers,
    consensus,
    engagements,
    coverage,
    coach,
    resilience,
    buyingCenter: measureBuyingCenter(g, score),
    comparison,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000 + 0; // + 0: never -0
const pct = (x: number) => `${Math.round(x * 100)}%`;

const RULES_KEYS = ['disable', 'thresholds', 'custom', 'stageTemplate'];
const THRESHOLD_CHECKS: Record<keyof Required<RuleThresholds>, OptionCheck> = {
  minContacts: checks.integer(0),
  coachMinScore: checks.number(0, 1),
  blockerStance: checks.number(-1, 1),
  blockerWeight: checks.number(0, 1),
  highInfluence: checks.number(0, 1),
  oppositionPressure: checks.number(-1, 1),
  supportDrop: checks.number(0, 2),
};

/**
 * Validates `options.rules` like every other option, so that a typo (`rules.thresholds.minContact`,
 * `rules.disable: ['no_dm_contacts']`) throws {@link OptionError} instead of passing silently.
 */
function checkRulesConfig(rules: RulesConfig): void {
  const fail = (path: string, value: unknown, expected: string): never => {
    throw new OptionError('assessDeal', `rules.${path}`, value, expected);
  };
  const raw = rules as Record<string, unknown>;
  for (const key of Object.keys(raw))
    if (raw[key] !== undefined && !RULES_KEYS.includes(key)) fail(key, raw[key], `no such setting; known: ${RULES_KEYS.join(', ')}`);
  const { disable, thresholds, custom, stageTemplate } = rules;
  if (custom !== undefined) {
    if (!Array.isArray(custom)) fail('custom', custom, 'an array of rules');
    custom.forEach((rule, k) => {
      const r = rule as unknown as Record<string, unknown> | null;
      if (typeof r !== 'object' || r === null || typeof r.code !== 'string' || r.code === '' || typeof r.evaluate !== 'function')
        fail(`custom[${k}]`, rule, 'a rule: { code, description, evaluate(context) }');
    });
  }
  if (disable !== undefined) {
    if (!Array.isArray(disable)) fail('disable', disable, 'an array of rule codes');
    const codes = [...BUILTIN_RULES, ...(custom ?? [])].map((r) => r.code);
    disable.forEach((code, k) => {
      if (!codes.includes(code)) fail(`disable[${k}]`, code, `a rule code (${codes.join(', ')})`);
    });
  }
  if (thresholds !== undefined) {
    if (typeof thresholds !== 'object' || thresholds === null || Array.isArray(thresholds)) fail('thresholds', thresholds, 'an object of thresholds');
    for (const [key, value] of Object.entries(thresholds)) {
      if (value === undefined) continue;
      const check = Object.prototype.hasOwnProperty.call(THRESHOLD_CHECKS, key) ? THRESHOLD_CHECKS[key as keyof RuleThresholds] : undefined;
      if (!check) fail(`thresholds.${key}`, value, `no such threshold; known: ${Object.keys(THRESHOLD_CHECKS).join(', ')}`);
      const expected = check!(value);
      if (expected !== undefined) fail(`thresholds.${key}`, value, expected);
    }
  }
  if (stageTemplate !== undefined) {
    if (!Array.isArray(stageTemplate)) fail('stageTemplate', stageTemplate, 'an array of { role, by }');
    stageTemplate.forEach((req, k) => {
      const r = req as unknown as Record<string, unknown> | null;
      if (typeof r !== 'object' || r === null) return fail(`stageTemplate[${k}]`, req, 'an object { role, by }');
      if (!(ROLES as readonly unknown[]).includes(r.role)) fail(`stageTemplate[${k}].role`, r.role, `a role (${ROLES.join(', ')})`);
      const expected = checks.number(0, 1)(r.by);
      if (expected !== undefined) fail(`stageTemplate[${k}].by`, r.by, expected);
    });
  }
}

function nextActions(
  g: PowerGraph,
  a: {
    coverage: Coverage;
    engagements: Engagements;
    information: Information;
    ranking: KeyPeopleRanking;
    locale: Locale;
    questionsFor: number;
    decisionMinStance: number;
    name: (id: string) => string;
  },
): NextAction[] {
  const actions: Omit<NextAction, 'priority'>[] = [];
  const say = (code: string, params: Record<string, string | number | readonly string[]>) => explain(code, params, a.locale).message;
  const route = (path: readonly string[] | null) => (path ? path.map(a.name).join(' → ') : '—');

  // Who to meet: decision makers first, then the best engagements.
  const meet = new Set<string>();
  for (const dm of a.coverage.decisionMakers) {
    if (dm.status === 'direct') {
      if (dm.stance === null || dm.stance < a.decisionMinStance) {
        actions.push({ kind: 'meet', message: say('action_meet_dm_direct', { person: dm.name }), people: [dm.id] });
        meet.add(dm.id);
      }
    } else if (dm.best && dm.best.path.length > 1) {
      const introducer = dm.introducers[0];
      actions.push({
        kind: 'meet',
        message: say('action_meet_dm', { person: dm.name, introducer: introducer?.name ?? a.name(dm.best.path[0]!), path: route(dm.best.path) }),
        people: [dm.id, ...(introducer ? [introducer.id] : [])],
      });
      meet.add(dm.id);
    } else if (dm.best) {
      // Our best route is our own weak line to the decision maker: strengthen it.
      actions.push({ kind: 'meet', message: say('action_strengthen_dm', { person: dm.name, rel: round(dm.rel) }), people: [dm.id] });
      meet.add(dm.id);
    }
  }
  for (const r of a.engagements.recommendations) {
    if (meet.has(r.id) || r.expected <= 0) continue;
    actions.push({
      kind: 'meet',
      message: say('action_win_over', { person: r.name, gain: round(r.gain), feasibility: pct(r.feasibility), path: route(r.path) }),
      people: [r.id],
    });
  }
  // What to find out: the first gap of every point that is not known, in the method's order.
  for (const point of a.information.points) {
    if (point.status === 'known' || point.gaps.length === 0) continue;
    actions.push({ kind: 'find-out', message: say('action_find_out', { gap: point.gaps[0]!.message }), people: [] });
  }
  // Which questions to ask: engaged people without recorded needs, most influential first (M11).
  const score = new Map(a.ranking.people.map((p) => [p.id, p.score]));
  const unknownNeeds = g.ids
    .filter((_, i) => (g.rel[i]! > 0 || g.people[i]!.inProject === true) && (g.people[i]!.needs?.length ?? 0) === 0)
    .sort(byScoreThenId((id) => score.get(id)!, (id) => id))
    .slice(0, a.questionsFor);
  for (const id of unknownNeeds) {
    const person = g.people[g.index.get(id)!]!;
    actions.push({ kind: 'ask', message: say('action_ask', { person: a.name(id) }), people: [id], questions: spinQuestions(person.roles, a.locale) });
  }
  return actions.map((x, k) => ({ priority: k + 1, ...x }));
}
