/**
 * The vocabularies of the Deal (design section 4): stance, influence and role labels with their
 * aliases, and the scales they map to.
 *
 * Labels match case-insensitively after trimming, with spaces and underscores read as `-`
 * (`"Economic Buyer"`, `"economic_buyer"` and `" economic-buyer "` are the same role).
 *
 * @module
 */

/** The canonical buying roles. */
export const ROLES = [
  'decision-maker',
  'economic-buyer',
  'approver',
  'technical-buyer',
  'user',
  'influencer',
  'gatekeeper',
  'procurement',
  'legal',
  'coach',
  'champion',
  'blocker',
] as const;

/** A canonical buying role (design section 4). */
export type Role = (typeof ROLES)[number];

/** Stance labels and their values on -1..1 (`unknown` is `null`). Includes Altify's support scale. */
export const STANCE_LABELS: Readonly<Record<string, number | null>> = {
  champion: 1,
  supporter: 0.5,
  neutral: 0,
  skeptic: -0.5,
  sceptic: -0.5,
  opponent: -1,
  unknown: null,
  // Altify support labels
  mentor: 1,
  'non-supporter': -0.5,
  enemy: -1,
};

/** Influence labels and their values on 0..1 (`unknown` is `null`). */
export const INFLUENCE_LABELS: Readonly<Record<string, number | null>> = {
  decisive: 1,
  high: 0.75,
  medium: 0.5,
  low: 0.25,
  none: 0,
  unknown: null,
};

/**
 * Role aliases: MEDDPICC, Miller Heiman Blue Sheet, Altify, and the default contact-role picklists
 * of Salesforce (OpportunityContactRole) and HubSpot (buying roles), plus the Chinese names used
 * in the method. Keys are normalised labels.
 */
export const ROLE_ALIASES: Readonly<Record<string, Role>> = {
  // canonical names map to themselves
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
  // decision maker
  dm: 'decision-maker',
  'final-decision-maker': 'decision-maker',
  'top-decision-maker': 'decision-maker',
  决策者: 'decision-maker',
  最高决策者: 'decision-maker',
  // economic buyer (MEDDPICC "E", Blue Sheet "Economic Buying Influence", HubSpot "Budget Holder")
  eb: 'economic-buyer',
  'economic-buying-influence': 'economic-buyer',
  'economic-decision-maker': 'economic-buyer',
  'budget-holder': 'economic-buyer',
  经济决策者: 'economic-buyer',
  // approver (Altify; Salesforce/HubSpot "Executive Sponsor")
  'executive-sponsor': 'approver',
  sponsor: 'approver',
  审批者: 'approver',
  // technical buyer (Blue Sheet "Technical Buying Influence", Salesforce "Evaluator")
  tb: 'technical-buyer',
  'technical-buying-influence': 'technical-buyer',
  evaluator: 'technical-buyer',
  'technical-evaluator': 'technical-buyer',
  技术把关者: 'technical-buyer',
  技术评估者: 'technical-buyer',
  // user (Blue Sheet "User Buying Influence", Salesforce "Business User", HubSpot "End User")
  'user-buyer': 'user',
  'user-buying-influence': 'user',
  'business-user': 'user',
  'end-user': 'user',
  使用者: 'user',
  用户: 'user',
  影响者: 'influencer',
  // gatekeeper (the method's "little devils", 小鬼)
  'gate-keeper': 'gatekeeper',
  'executive-assistant': 'gatekeeper',
  守门人: 'gatekeeper',
  小鬼: 'gatekeeper',
  采购: 'procurement',
  purchasing: 'procurement',
  'legal-&-compliance': 'legal',
  'legal-and-compliance': 'legal',
  法务: 'legal',
  // coach (Blue Sheet "Coach", the method's 内线)
  内线: 'coach',
  教练: 'coach',
  // blocker
  反对者: 'blocker',
  'anti-sponsor': 'blocker',
};

/**
 * Normalises a label for lookup: trims, lower-cases, and reads runs of spaces and underscores as `-`.
 *
 * @param label - a label as typed by a user
 * @returns the normalised label
 * @example
 * ```ts
 * normalizeLabel('  Economic_Buyer '); // => 'economic-buyer'
 * ```
 */
export function normalizeLabel(label: string): string {
  // ASCII-only case folding, exactly what the JSON Schema patterns accept (no Unicode case tricks).
  return label.trim().replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[\s_]+/g, '-');
}

function lookup<T>(table: Readonly<Record<string, T>>, label: string): T | undefined {
  const key = normalizeLabel(label);
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/**
 * Maps a stance label to its value, `null` for `unknown`, `undefined` when the label is not known.
 *
 * @example
 * ```ts
 * stanceFromLabel('Skeptic'); // => -0.5
 * ```
 */
export function stanceFromLabel(label: string): number | null | undefined {
  return lookup(STANCE_LABELS, label);
}

/**
 * Maps an influence label to its value, `null` for `unknown`, `undefined` when not known.
 *
 * @example
 * ```ts
 * influenceFromLabel('HIGH'); // => 0.75
 * ```
 */
export function influenceFromLabel(label: string): number | null | undefined {
  return lookup(INFLUENCE_LABELS, label);
}

/**
 * Maps a role label or alias to its canonical role, `undefined` when not known.
 *
 * @example
 * ```ts
 * roleFromLabel('Economic Buying Influence'); // => 'economic-buyer'
 * ```
 */
export function roleFromLabel(label: string): Role | undefined {
  return lookup(ROLE_ALIASES, label);
}

/** A Miller Heiman rating -5..+5 maps to a stance by x / 5. */
export function stanceFromRating(rating: number): number {
  return rating / 5;
}

/** A 1..5 scale maps to an influence by (x - 1) / 4. */
export function influenceFromScale5(x: number): number {
  return (x - 1) / 4;
}

/**
 * The label closest to a stance value, for reports (`champion` .. `opponent`).
 *
 * @example
 * ```ts
 * stanceLabel(-0.4); // => 'skeptic'
 * stanceLabel(null); // => 'unknown'
 * ```
 */
export function stanceLabel(stance: number | null): string {
  if (stance === null) return 'unknown';
  if (stance >= 0.75) return 'champion';
  if (stance >= 0.25) return 'supporter';
  if (stance > -0.25) return 'neutral';
  if (stance > -0.75) return 'skeptic';
  return 'opponent';
}

/**
 * The label closest to an influence value, for reports (`decisive` .. `none`).
 *
 * @example
 * ```ts
 * influenceLabel(0.8); // => 'high'
 * ```
 */
export function influenceLabel(influence: number | null): string {
  if (influence === null) return 'unknown';
  if (influence >= 0.875) return 'decisive';
  if (influence >= 0.625) return 'high';
  if (influence >= 0.375) return 'medium';
  if (influence >= 0.125) return 'low';
  return 'none';
}
