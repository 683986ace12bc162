/**
 * Types of the red-flag rule engine.
 *
 * @module
 */
import type { Allies } from '../analyses/find-allies.js';
import type { CoachCandidates } from '../analyses/find-coach-candidates.js';
import type { Coverage } from '../analyses/check-decision-maker-coverage.js';
import type { Gatekeepers } from '../analyses/find-gatekeepers.js';
import type { Information } from '../analyses/assess-information.js';
import type { KeyPeopleRanking } from '../analyses/rank-key-people.js';
import type { Resilience } from '../analyses/analyze-resilience.js';
import type { SnapshotComparison } from '../analyses/compare-snapshots.js';
import type { SupportBase } from '../analyses/measure-support-base.js';
import type { Locale, MessageParams } from '../explain/types.js';
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import type { Role } from '../model/vocabulary.js';

/** How serious a red flag is, most serious first. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** Severities in order, most serious first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** Thresholds of the built-in rules (all optional; defaults in {@link RULE_THRESHOLDS}). */
export interface RuleThresholds {
  /** `single_threaded` when we know fewer of their people than this. Default 2. */
  minContacts?: number;
  /** A coach candidate counts from this score. Default 0.3. */
  coachMinScore?: number;
  /** `blocker_near_dm`: stance at or below this... Default -0.5. */
  blockerStance?: number;
  /** ...with at least this influence on a decision maker. Default 0.3. */
  blockerWeight?: number;
  /** `unknown_high_influence`: assessed influence from this, or a top-quartile score. Default 0.75. */
  highInfluence?: number;
  /** `opposition_pressure_on_dm`: weighted stance of the people a decision maker listens to below this. Default -0.2. */
  oppositionPressure?: number;
  /** `shrinking_support`: net support dropped by at least this since the previous snapshot. Default 0.01. */
  supportDrop?: number;
}

/** Which role must be engaged by which `stage.progress` (the stage template). */
export interface StageRequirement {
  readonly role: Role;
  /** Progress (0..1) by which someone with this role should be a contact. */
  readonly by: number;
}

/** Everything a rule can read: the deal, the graph, and the analyses, computed once. */
export interface RuleContext {
  readonly deal: Deal;
  readonly graph: PowerGraph;
  /** `stage.progress`, 0 when missing. */
  readonly progress: number;
  readonly locale: Locale;
  readonly thresholds: Readonly<Required<RuleThresholds>>;
  readonly stageTemplate: readonly StageRequirement[];
  readonly ranking: KeyPeopleRanking;
  readonly support: SupportBase;
  readonly allies: Allies;
  readonly gatekeepers: Gatekeepers;
  readonly coverage: Coverage;
  readonly coach: CoachCandidates;
  readonly resilience: Resilience;
  readonly information: Information;
  /** The comparison with the previous snapshot, when one was given. */
  readonly comparison: SnapshotComparison | null;
  /** A person's display name (their name, else their id). */
  name(id: string): string;
}

/** What a rule found: one hit becomes one red flag. */
export interface RuleHit {
  readonly severity: Severity;
  /** Values for the message template. */
  readonly params?: MessageParams;
  /** Ids of the people the flag names. */
  readonly people?: readonly string[];
}

/**
 * A red-flag rule. Built-in rules use the message catalogue (`flag_<code>`); a user rule gives
 * its own `messages` (templates with `{name}` placeholders, per locale; `en` is the fallback).
 */
export interface Rule {
  /** Stable code, e.g. `no_dm_contact`. */
  readonly code: string;
  /** What the rule checks, in one sentence. */
  readonly description: string;
  /** The methodology point the rule serves, e.g. `M7`. */
  readonly methodology?: string;
  readonly messages?: Partial<Record<Locale, string>>;
  evaluate(context: RuleContext): readonly RuleHit[];
}

/** A red flag: a code, a severity, a message and the people it names. */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly params: MessageParams;
  readonly people: readonly string[];
}

/** How to configure the rules. */
export interface RulesConfig {
  /** Codes of built-in (or user) rules to switch off. */
  disable?: readonly string[];
  /** Threshold overrides for the built-in rules. */
  thresholds?: RuleThresholds;
  /** Additional user rules, evaluated after the built-in ones. */
  custom?: readonly Rule[];
  /** Which roles must be engaged by which progress (replaces the default template). */
  stageTemplate?: readonly StageRequirement[];
}
