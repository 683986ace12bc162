/**
 * Defaults of the rule engine: thresholds and the stage template.
 *
 * @module
 */
import type { RuleThresholds, StageRequirement } from './types.js';

/** Default thresholds of the built-in rules. */
export const RULE_THRESHOLDS: Readonly<Required<RuleThresholds>> = {
  minContacts: 2,
  coachMinScore: 0.3,
  blockerStance: -0.5,
  blockerWeight: 0.3,
  highInfluence: 0.75,
  oppositionPressure: -0.2,
  supportDrop: 0.01,
};

/**
 * The default stage template: which roles must be engaged (be one of our contacts) by which
 * `stage.progress`. Users first (20%), then technical buyers (30%), the economic buyer (50%),
 * procurement and approvers (60%), legal (75%). Decision makers have their own rule (`no_dm_contact`).
 */
export const DEFAULT_STAGE_TEMPLATE: readonly StageRequirement[] = [
  { role: 'user', by: 0.2 },
  { role: 'technical-buyer', by: 0.3 },
  { role: 'economic-buyer', by: 0.5 },
  { role: 'procurement', by: 0.6 },
  { role: 'approver', by: 0.6 },
  { role: 'legal', by: 0.75 },
];
