/**
 * `classifyAccount` (M1): which of the four kinds of key account this customer is.
 *
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';
import { isPowerGraph } from '../graph/power-graph.js';
import { parseDeal } from '../model/parse-deal.js';
import type { Deal } from '../model/types.js';
import { explain } from '../explain/format-message.js';
import type { Explanation, Locale } from '../explain/types.js';
import { checks, resolveOptions } from '../internal/options.js';

/** The four kinds of key account of M1. */
export type AccountKind = 'economic' | 'important' | 'group' | 'strategic';

/** Options of {@link classifyAccount}. */
export interface AccountOptions {
  /** Annual volume from which an account is economic (with the frequency). Default 1,000,000. */
  economicVolume?: number;
  /** Purchases or uses per year from which an account is economic (with the volume). Default 12. */
  economicFrequency?: number;
  /** Growth potential from which an account is strategic. Default 0.6. */
  strategicGrowth?: number;
  /** Sector names (normalised: lower case) that make an account important (public bodies). */
  publicSectors?: readonly string[];
  locale?: Locale;
}

/** One kind the account is, with the reason. */
export interface AccountKindResult {
  readonly kind: AccountKind;
  readonly reason: Explanation;
}

/** Result of {@link classifyAccount}. */
export interface AccountClassification {
  /** The kinds, in the method's order (economic, important, group, strategic); an account can be several. */
  readonly kinds: readonly AccountKindResult[];
  /** True when the account is at least one kind: a key account. */
  readonly isKeyAccount: boolean;
  /** Facts that are missing to decide a kind. */
  readonly missing: readonly Explanation[];
  readonly rule: string;
}

/** Sectors read as state and public bodies (M1 "important"), English and Chinese. */
export const PUBLIC_SECTORS: readonly string[] = [
  'government', 'public sector', 'public administration', 'party', 'military', 'defence', 'defense', 'court', 'courts',
  'judiciary', 'public security', 'police', 'education', 'school', 'university', 'health', 'health care', 'healthcare',
  'hospital', 'media', 'news', 'news media', 'broadcasting',
  '政府', '党政', '党政军', '军队', '部队', '法院', '检察院', '公检法', '公安', '教育', '学校', '高校', '医疗', '卫生', '医院', '媒体', '新闻', '新闻媒体',
];

const DEFAULTS: Required<AccountOptions> = {
  economicVolume: 1_000_000,
  economicFrequency: 12,
  strategicGrowth: 0.6,
  publicSectors: PUBLIC_SECTORS,
  locale: 'en',
};

/**
 * Classifies the account by the four kinds of M1, each with its reason:
 * - **economic**: `annualVolume >= economicVolume` and `purchaseFrequency >= economicFrequency`;
 * - **important**: `publicSector` is true, or `sector` is one of `publicSectors` (state and public bodies);
 * - **group**: `valueChainLinked` and `usesOurProduct` are both true;
 * - **strategic**: `growthPotential >= strategicGrowth`, or `competitorTarget` is true.
 *
 * `missing` names the facts that could still change a kind: an unknown fact is not listed when a
 * known one already rules the kind out (a volume below `economicVolume`, `valueChainLinked: false`).
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param options - see {@link AccountOptions}
 * @returns the kinds with reasons, and the facts missing to decide the others
 * @throws {@link ValidationError} on an invalid deal; {@link OptionError} on a bad option
 * @example
 * ```ts
 * classifyAccount({ id: 'd', people: [{ id: 'a' }], account: { publicSector: true, growthPotential: 0.7 } })
 *   .kinds.map((k) => k.kind);
 * // => ['important', 'strategic']
 * ```
 * @see methodology M1 — what a key account is: four kinds
 * @category Account
 */
export function classifyAccount(input: Deal | PowerGraph | unknown, options?: AccountOptions): AccountClassification {
  const o = resolveOptions('classifyAccount', DEFAULTS, options, {
    economicVolume: checks.number(0, Number.MAX_VALUE),
    economicFrequency: checks.number(0, Number.MAX_VALUE),
    strategicGrowth: checks.number(0, 1),
    publicSectors: (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'an array of sector names'),
    locale: checks.oneOf(['en', 'zh-CN']),
  });
  const deal = isPowerGraph(input) ? input.deal : parseDeal(input);
  const a = deal.account ?? {};
  const say = (code: string, params: Record<string, string | number> = {}) => explain(code, params, o.locale);
  const kinds: AccountKindResult[] = [];
  const missing: Explanation[] = [];

  // A fact is missing only while it could still change the answer: a known value that already
  // rules a kind out (a small volume, no value-chain link, ...) decides it.
  const couldReach = (x: number | undefined, min: number) => x === undefined || x >= min;
  if (a.annualVolume !== undefined && a.purchaseFrequency !== undefined && a.annualVolume >= o.economicVolume && a.purchaseFrequency >= o.economicFrequency)
    kinds.push({ kind: 'economic', reason: say('account_economic', { volume: a.annualVolume, frequency: a.purchaseFrequency }) });
  else if (
    (a.annualVolume === undefined || a.purchaseFrequency === undefined) &&
    couldReach(a.annualVolume, o.economicVolume) &&
    couldReach(a.purchaseFrequency, o.economicFrequency)
  )
    missing.push(say('account_missing_volume'));

  const sector = a.sector?.trim().toLowerCase();
  const publicSectors = new Set(o.publicSectors.map((s) => s.toLowerCase()));
  if (a.publicSector === true) kinds.push({ kind: 'important', reason: say('account_important_flag') });
  // An explicit publicSector: false wins over the sector (a private hospital is not a public body).
  else if (a.publicSector !== false && sector !== undefined && publicSectors.has(sector)) kinds.push({ kind: 'important', reason: say('account_important_sector', { sector: a.sector! }) });
  else if (a.publicSector === undefined && sector === undefined) missing.push(say('account_missing_sector'));

  if (a.valueChainLinked === true && a.usesOurProduct === true) kinds.push({ kind: 'group', reason: say('account_group') });
  else if (a.valueChainLinked !== false && a.usesOurProduct !== false) missing.push(say('account_missing_chain'));

  if (a.growthPotential !== undefined && a.growthPotential >= o.strategicGrowth)
    kinds.push({ kind: 'strategic', reason: say('account_strategic_growth', { growth: a.growthPotential }) });
  else if (a.competitorTarget === true) kinds.push({ kind: 'strategic', reason: say('account_strategic_target') });
  else if (a.growthPotential === undefined) missing.push(say('account_missing_growth'));

  return {
    kinds,
    isKeyAccount: kinds.length > 0,
    missing,
    rule:
      `economic: volume >= ${o.economicVolume} and frequency >= ${o.economicFrequency}; important: public body; ` +
      `group: linked in the value chain and uses our product; strategic: growth potential >= ${o.strategicGrowth} or a competitor target`,
  };
}
