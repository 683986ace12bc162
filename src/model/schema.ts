/**
 * The zod schema of a Deal, schema version 1 (design section 3). It accepts labels and scales
 * (section 4) on input and produces numbers or `null` on output; the output is itself a valid
 * input, so `parseDeal(JSON.parse(JSON.stringify(parseDeal(x))))` equals `parseDeal(x)`.
 *
 * @module
 */
import { z } from 'zod';
import {
  INFLUENCE_LABELS,
  ROLE_ALIASES,
  STANCE_LABELS,
  influenceFromLabel,
  influenceFromScale5,
  roleFromLabel,
  stanceFromLabel,
  stanceFromRating,
  type Role,
} from './vocabulary.js';

/**
 * A JSON-Schema-compatible regular expression matching any of `labels` the way
 * {@link normalizeLabel} does: case-insensitive (ASCII), trimmed, spaces/underscores read as `-`.
 * JSON Schema patterns have no flags, so case-insensitivity is spelled out per letter.
 */
function labelPattern(labels: readonly string[]): RegExp {
  const alternatives = [...labels]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((label) =>
      [...label]
        .map((ch) => {
          if (ch === '-') return '(?:-|[\\s_]+)';
          if (/[a-z]/.test(ch)) return `[${ch}${ch.toUpperCase()}]`;
          return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join(''),
    );
  return new RegExp(`^\\s*(?:${alternatives.join('|')})\\s*$`);
}

const stanceLabels = Object.keys(STANCE_LABELS);
const influenceLabels = Object.keys(INFLUENCE_LABELS);
const roleLabels = Object.keys(ROLE_ALIASES);

/** An ISO 8601 date (`2026-11-01`) or date-time (`2026-11-01T09:30:00Z`, offset optional = UTC). */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an ISO date or date-time string to epoch milliseconds (UTC when no offset is given),
 * or `undefined` when the text is not a real calendar date.
 *
 * @example
 * ```ts
 * parseIsoDate('2026-11-01'); // => 1793491200000
 * parseIsoDate('2026-02-30'); // => undefined
 * ```
 */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  const frac = /\.(\d+)/.exec(text.slice(10));
  let ms = Date.UTC(year, month - 1, day, hour, minute, second) + (frac ? Number(`0.${frac[1]}`) * 1000 : 0);
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offH = Number(digits.slice(0, 2));
    const offM = Number(digits.slice(2));
    if (offH > 23 || offM > 59) return undefined;
    ms -= sign * (offH * 60 + offM) * 60_000;
  }
  return ms;
}

const dateString = z
  .string()
  .regex(ISO_DATE, { abort: true, error: 'must be an ISO 8601 date like "2026-11-01" or date-time like "2026-11-01T09:30:00Z"' })
  .refine((s) => parseIsoDate(s) !== undefined, { error: 'is not a real calendar date or time' })
  .meta({ format: 'date-time-or-date' });

const id = z.string().min(1, { error: 'must be a non-empty string' });
const unit = z.number().min(0).max(1);
const text = z.string();
const textList = z.array(z.string());

/** A stance: -1..1, a label, `{ rating: -5..5 }` (Miller Heiman), or `null` = unknown. */
export const stanceSchema = z
  .union(
    [
      z.number().min(-1).max(1),
      z.string().regex(labelPattern(stanceLabels), {
        error: (iss) => `unknown stance label ${JSON.stringify(iss.input)}; use one of ${stanceLabels.join(', ')}`,
      }),
      z.object({ rating: z.number().min(-5).max(5) }).strict(),
      z.null(),
    ],
    {
      error: () =>
        `stance must be a number from -1 to 1, a label (${stanceLabels.join(', ')}), { "rating": -5..5 } or null`,
    },
  )
  .transform((v): number | null => {
    if (v === null || typeof v === 'number') return v;
    if (typeof v === 'string') return stanceFromLabel(v) ?? null;
    return stanceFromRating(v.rating);
  })
  .meta({ description: 'Stance toward us: -1 (opponent) .. 1 (champion), a label, {rating: -5..5}, or null (unknown).' });

/** An influence: 0..1, a label, `{ scale5: 1..5 }`, or `null` = not assessed. */
export const influenceSchema = z
  .union(
    [
      z.number().min(0).max(1),
      z.string().regex(labelPattern(influenceLabels), {
        error: (iss) => `unknown influence label ${JSON.stringify(iss.input)}; use one of ${influenceLabels.join(', ')}`,
      }),
      z.object({ scale5: z.number().min(1).max(5) }).strict(),
      z.null(),
    ],
    {
      error: () =>
        `influence must be a number from 0 to 1, a label (${influenceLabels.join(', ')}), { "scale5": 1..5 } or null`,
    },
  )
  .transform((v): number | null => {
    if (v === null || typeof v === 'number') return v;
    if (typeof v === 'string') return influenceFromLabel(v) ?? null;
    return influenceFromScale5(v.scale5);
  })
  .meta({ description: 'Influence on the decision: 0..1, a label, {scale5: 1..5}, or null (not assessed).' });

/** A role label or alias (MEDDPICC, Blue Sheet, Altify, Salesforce, HubSpot, Chinese). */
export const roleSchema = z
  .string()
  .regex(labelPattern(roleLabels), {
    error: (iss) => `unknown role ${JSON.stringify(iss.input)}; use one of decision-maker, economic-buyer, approver, technical-buyer, user, influencer, gatekeeper, procurement, legal, coach, champion, blocker (or an alias)`,
  })
  .transform((v): Role => roleFromLabel(v) ?? 'influencer');

const reportsToSchema = z
  .union([id, z.array(id), z.null()], { error: () => 'reportsTo must be a person id, an array of person ids, or null' })
  .transform((v): string[] => (v === null ? [] : typeof v === 'string' ? [v] : [...new Set(v)]));

const personSchema = z
  .object({
    id,
    name: text.optional(),
    title: text.optional(),
    department: text.optional(),
    reportsTo: reportsToSchema.optional().transform((v) => v ?? []),
    level: z.number().int().min(1).optional(),
    roles: z
      .array(roleSchema)
      .optional()
      .transform((v) => [...new Set(v ?? [])]),
    influence: influenceSchema.optional().transform((v) => v ?? null),
    stance: stanceSchema.optional().transform((v) => v ?? null),
    susceptibility: unit.optional(),
    inProject: z.boolean().optional(),
    needs: textList.optional(),
    integrity: unit.nullable().optional(),
    competitorAffinity: z.record(z.string(), unit).optional(),
    notes: text.optional(),
  })
  .strict();

const relationSchema = z
  .object({
    from: id,
    to: id,
    kind: z.enum(['influences', 'informs', 'conflict']),
    weight: unit.optional(),
    note: text.optional(),
  })
  .strict();

const teamMemberSchema = z.object({ id, name: text.optional(), role: text.optional() }).strict();

const contactSchema = z
  .object({
    member: id.optional(),
    person: id,
    strength: unit,
    lastContact: dateString.optional(),
    note: text.optional(),
  })
  .strict();

const competitorSchema = z.object({ id, name: text.optional(), strength: unit.optional() }).strict();

const intelSchema = z
  .object({
    plan: z.object({ steps: textList.optional(), difficulties: textList.optional() }).strict().optional(),
    procurement: z.object({ process: textList.optional(), focus: textList.optional() }).strict().optional(),
    finance: z
      .object({
        budget: z.number().min(0).nullable().optional(),
        budgetApproved: z.boolean().optional(),
        credit: text.optional(),
      })
      .strict()
      .optional(),
    projectReason: text.optional(),
    resources: z.object({ ours: textList.optional(), theirs: textList.optional() }).strict().optional(),
  })
  .strict();

const keySuccessFactorSchema = z
  .object({
    name: z.string().min(1),
    priority: z.number().int().min(1).optional(),
    status: z.enum(['on-track', 'at-risk', 'off-track', 'done', 'unknown']).optional(),
  })
  .strict();

const accountSchema = z
  .object({
    name: text.optional(),
    sector: text.optional(),
    publicSector: z.boolean().optional(),
    annualVolume: z.number().min(0).optional(),
    purchaseFrequency: z.number().min(0).optional(),
    valueChainLinked: z.boolean().optional(),
    usesOurProduct: z.boolean().optional(),
    growthPotential: unit.optional(),
    competitorTarget: z.boolean().optional(),
  })
  .strict();

/** The zod schema of a Deal (schema version 1). Parse with {@link parseDeal}, which adds cross-reference checks. */
export const dealSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1, { error: 'schemaVersion must be 1' }).optional().transform((): 1 => 1),
    id,
    name: text.optional(),
    asOf: dateString.optional(),
    stage: z.object({ name: text.optional(), progress: unit.optional() }).strict().optional(),
    account: accountSchema.optional(),
    people: z.array(personSchema).min(1, { error: 'a deal needs at least one person' }),
    relations: z.array(relationSchema).optional().transform((v) => v ?? []),
    team: z.array(teamMemberSchema).optional().transform((v) => v ?? []),
    contacts: z.array(contactSchema).optional().transform((v) => v ?? []),
    competitors: z.array(competitorSchema).optional().transform((v) => v ?? []),
    intel: intelSchema.optional(),
    keySuccessFactors: z.array(keySuccessFactorSchema).optional().transform((v) => v ?? []),
  })
  .strict()
  .meta({
    title: 'powermap Deal',
    description: 'One buying decision at one account, seen at one date (schema version 1).',
  });

/** What a Deal looks like on input: labels, scales and shorthands allowed. */
export type DealInput = z.input<typeof dealSchema>;
