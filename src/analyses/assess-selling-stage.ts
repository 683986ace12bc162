/**
 * `assessSellingStage` (M3): relationship selling, needs selling, or trust selling?
 *
 * @module
 */
import { decayedStrength, toPowerGraph } from '../graph/build-graph.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { explain } from '../explain/format-message.js';
import type { Explanation, Locale } from '../explain/types.js';
import { SCORE_CHECKS, SCORE_DEFAULTS, type ScoreOptions } from '../internal/common.js';
import { checks, resolveOptions } from '../internal/options.js';
import { checkDecisionMakerCoverage } from './check-decision-maker-coverage.js';
import { findAllies } from './find-allies.js';

/** The three stages of key-account selling (M3), in order. */
export const SELLING_STAGES = ['relationship', 'needs', 'trust'] as const;
/** A selling stage. */
export type SellingStage = (typeof SELLING_STAGES)[number];

/** Options of {@link assessSellingStage}: the thresholds of each stage. */
export interface SellingStageOptions extends ScoreOptions {
  /** Needs selling: at least this many of our people engage... Default 2. */
  needsOurPeople?: number;
  /** ...or at least this many of theirs. Default 3. */
  needsTheirPeople?: number;
  /** Needs selling: share of engaged people whose needs are recorded. Default 0.5. */
  needsRecorded?: number;
  /** Trust selling: at least this many of our people engage... Default 3. */
  trustOurPeople?: number;
  /** ...at least this many of theirs. Default 5. */
  trustTheirPeople?: number;
  /** Trust selling: share of engaged people whose needs are recorded. Default 0.75. */
  trustNeedsRecorded?: number;
  /** Trust selling: an ally at this formal level or more senior. Default 2. */
  seniorLevel?: number;
  locale?: Locale;
}

/** The evidence the stage is read from. */
export interface SellingStageEvidence {
  /** Our team members with at least one contact. */
  readonly ourPeopleEngaged: number;
  /** Their people we have a relationship with (strength > 0 after decay). */
  readonly theirPeopleEngaged: number;
  /** Share of engaged people (ours or taking part) whose needs are recorded. */
  readonly needsRecordedShare: number;
  /** Allies at `seniorLevel` or above. */
  readonly seniorAllies: readonly string[];
  /** A decision maker supports us (stance >= 0.5) and we can reach them (direct or path). */
  readonly decisionMakerSupport: boolean;
}

/** Result of {@link assessSellingStage}. */
export interface SellingStageResult {
  readonly stage: SellingStage;
  readonly evidence: SellingStageEvidence;
  /** What is missing for the next stage (empty at `trust`). */
  readonly missingForNext: readonly Explanation[];
  readonly rule: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

const DEFAULTS: Required<SellingStageOptions> = {
  ...SCORE_DEFAULTS,
  needsOurPeople: 2,
  needsTheirPeople: 3,
  needsRecorded: 0.5,
  trustOurPeople: 3,
  trustTheirPeople: 5,
  trustNeedsRecorded: 0.75,
  seniorLevel: 2,
  locale: 'en',
};

/**
 * Reads which of the three stages of M3 the account is at, from evidence in the data:
 * - **relationship selling**: one salesperson and personal ties (the starting point);
 * - **needs selling**: a small team (`needsOurPeople` of ours or `needsTheirPeople` of theirs
 *   engaged) and needs recorded for `needsRecorded` of the engaged people;
 * - **trust selling**: the whole organisation sells (`trustOurPeople` of ours engage
 *   `trustTheirPeople` of theirs), needs recorded for `trustNeedsRecorded`, an ally at a senior
 *   level, and a supportive decision maker we can reach.
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link SellingStageOptions}
 * @returns the stage, its evidence, and what is missing for the next one
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} on a bad option
 * @example
 * ```ts
 * const s = assessSellingStage(harborDeal);
 * s.stage;                      // => 'relationship'   (one of our people, two of theirs)
 * s.missingForNext.length > 0;  // => true
 * ```
 * @see methodology M3 — three stages of key-account selling
 * @category Selling stage
 */
export function assessSellingStage(input: Deal | PowerGraph | unknown, options?: SellingStageOptions): SellingStageResult {
  const count = checks.integer(0);
  const o = resolveOptions('assessSellingStage', DEFAULTS, options, {
    ...SCORE_CHECKS,
    needsOurPeople: count,
    needsTheirPeople: count,
    needsRecorded: checks.number(0, 1),
    trustOurPeople: count,
    trustTheirPeople: count,
    trustNeedsRecorded: checks.number(0, 1),
    seniorLevel: checks.integer(1),
    locale: checks.oneOf(['en', 'zh-CN']),
  });
  const g = toPowerGraph(input);
  const score = { alpha: o.alpha, normalization: o.normalization };
  const say = (code: string, params: Record<string, string | number> = {}) => explain(code, params, o.locale);

  // Our people engaged: team members holding a contact whose strength has not decayed to nothing.
  const ourPeople = new Set(
    g.deal.contacts
      .filter((c) => decayedStrength(c.strength, c.lastContact, g.deal.asOf, g.options.halfLifeDays) > 0)
      .map((c) => c.member ?? '(unnamed)'),
  ).size;
  let theirs = 0;
  let engaged = 0;
  let withNeeds = 0;
  for (let i = 0; i < g.n; i++) {
    if (g.rel[i]! > 0) theirs++;
    if (g.rel[i]! > 0 || g.people[i]!.inProject === true) {
      engaged++;
      if ((g.people[i]!.needs?.length ?? 0) > 0) withNeeds++;
    }
  }
  const needsShare = engaged === 0 ? 0 : withNeeds / engaged;
  const seniorAllies = findAllies(g, score).allies.filter((a) => a.level <= o.seniorLevel).map((a) => a.id);
  const dmSupport = checkDecisionMakerCoverage(g, score).decisionMakers.some(
    (dm) => dm.stance !== null && dm.stance >= 0.5 && (dm.status === 'direct' || dm.status === 'path'),
  );
  const evidence: SellingStageEvidence = {
    ourPeopleEngaged: ourPeople,
    theirPeopleEngaged: theirs,
    needsRecordedShare: needsShare,
    seniorAllies,
    decisionMakerSupport: dmSupport,
  };

  const needsMissing: Explanation[] = [];
  if (ourPeople < o.needsOurPeople && theirs < o.needsTheirPeople)
    needsMissing.push(say('stage_need_team', { ours: ourPeople, theirs, needOurs: o.needsOurPeople, needTheirs: o.needsTheirPeople }));
  if (needsShare < o.needsRecorded) needsMissing.push(say('stage_need_needs', { share: pct(needsShare), needed: pct(o.needsRecorded) }));

  const trustMissing: Explanation[] = [];
  if (ourPeople < o.trustOurPeople || theirs < o.trustTheirPeople)
    trustMissing.push(say('stage_trust_team', { ours: ourPeople, theirs, needOurs: o.trustOurPeople, needTheirs: o.trustTheirPeople }));
  if (needsShare < o.trustNeedsRecorded) trustMissing.push(say('stage_need_needs', { share: pct(needsShare), needed: pct(o.trustNeedsRecorded) }));
  if (seniorAllies.length === 0) trustMissing.push(say('stage_trust_senior_ally', { level: o.seniorLevel }));
  if (!dmSupport) trustMissing.push(say('stage_trust_dm'));

  const stage: SellingStage = needsMissing.length > 0 ? 'relationship' : trustMissing.length > 0 ? 'needs' : 'trust';
  return {
    stage,
    evidence,
    missingForNext: stage === 'relationship' ? needsMissing : stage === 'needs' ? trustMissing : [],
    rule:
      `needs selling: ${o.needsOurPeople}+ of our people or ${o.needsTheirPeople}+ of theirs engaged, needs recorded for ${o.needsRecorded}; ` +
      `trust selling: ${o.trustOurPeople}+ of ours engage ${o.trustTheirPeople}+ of theirs, needs for ${o.trustNeedsRecorded}, a senior ally, a supportive decision maker we can reach`,
  };
}
