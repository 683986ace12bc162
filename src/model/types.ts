/**
 * The parsed Deal: what {@link parseDeal} returns. Labels and scales have become numbers or
 * `null`, shorthands have become arrays, and every cross-reference has been checked.
 *
 * @module
 */
import type { Role } from './vocabulary.js';

/** A person in the buying organisation (design section 3). */
export interface Person {
  /** Unique id within the deal (any non-empty string; compared exactly). */
  id: string;
  name?: string;
  title?: string;
  department?: string;
  /** Ids of this person's managers: the solid line first, then dotted lines. `[]` when none. */
  reportsTo: string[];
  /** Formal level (1 = top), when set explicitly; otherwise the graph derives it. */
  level?: number;
  /** Buying roles (design section 4), canonical names, de-duplicated. */
  roles: Role[];
  /** Influence on the decision, 0..1; `null` = not assessed. */
  influence: number | null;
  /** Stance toward us, -1 (opponent) .. 1 (champion); `null` = unknown. */
  stance: number | null;
  /** How far others move this person's opinion, 0..1 (Friedkin–Johnsen lambda). */
  susceptibility?: number;
  /** Takes part in the project. */
  inProject?: boolean;
  /** Recorded needs and pains (M4, M11). */
  needs?: string[];
  /** Soundness of character, 0..1 (M9 criterion 8); `null` = unknown. */
  integrity?: number | null;
  /** Affinity to each competitor (by competitor id), 0..1. */
  competitorAffinity?: Record<string, number>;
  notes?: string;
}

/** How one person acts on another. */
export type RelationKind = 'influences' | 'informs' | 'conflict';

/** An informal line between two people. */
export interface Relation {
  from: string;
  to: string;
  /** `influences`: from moves to's opinion; `informs`: information flows; `conflict`: antagonism (symmetric). */
  kind: RelationKind;
  /** 0..1. Required on `influences`; default 1 on `informs`; ignored on `conflict`. */
  weight?: number;
  note?: string;
}

/** A member of our own (selling) team. */
export interface TeamMember {
  id: string;
  name?: string;
  role?: string;
}

/** Our relationship with one person of theirs. */
export interface Contact {
  /** The team member who holds the relationship (an id from `team`), when known. */
  member?: string;
  /** The person of theirs (an id from `people`). */
  person: string;
  /** Strength of the relationship at `lastContact`, 0..1. */
  strength: number;
  /** ISO date or date-time of the last real contact; the strength decays from it. */
  lastContact?: string;
  note?: string;
}

/** A competitor in this deal (M5 point 8). */
export interface Competitor {
  id: string;
  name?: string;
  /** Our estimate of the competitor's position, 0..1. */
  strength?: number;
}

/** The nine points of information power (M5) that are not read from people and relations. */
export interface Intel {
  /** Point 1: the steps to advance the project, and the difficulties on the way. */
  plan?: { steps?: string[]; difficulties?: string[] };
  /** Point 2: the customer's procurement process and what procurement focuses on. */
  procurement?: { process?: string[]; focus?: string[] };
  /** Point 5: funding and credit. */
  finance?: { budget?: number | null; budgetApproved?: boolean; credit?: string };
  /** Point 6: why the customer started the project. */
  projectReason?: string;
  /** Point 7: resources each side can bring to bear. */
  resources?: { ours?: string[]; theirs?: string[] };
}

/** A key success factor (M5 point 9). */
export interface KeySuccessFactor {
  name: string;
  /** 1 = most important. */
  priority?: number;
  status?: 'on-track' | 'at-risk' | 'off-track' | 'done' | 'unknown';
}

/** Facts about the account, for {@link classifyAccount} (M1). All optional. */
export interface Account {
  name?: string;
  sector?: string;
  /** A state or public body (party, government, military, courts, public security, education, health, media). */
  publicSector?: boolean;
  /** Annual purchase volume, in the seller's currency. */
  annualVolume?: number;
  /** Purchases (or uses) per year. */
  purchaseFrequency?: number;
  /** Closely linked to us in the industry or value chain. */
  valueChainLinked?: boolean;
  /** Already uses our product. */
  usesOurProduct?: boolean;
  /** Growth potential found by market research, 0..1. */
  growthPotential?: number;
  /** A likely target for competitors to break into. */
  competitorTarget?: boolean;
}

/** Where the deal stands. */
export interface Stage {
  name?: string;
  /** Progress through the selling cycle, 0..1 (missing counts as 0). */
  progress?: number;
}

/** One buying decision at one account, seen at one date (schema version 1), after parsing. */
export interface Deal {
  /** A JSON Schema reference for editors (e.g. `docs/deal.schema.json`); kept, never read. */
  $schema?: string;
  schemaVersion: 1;
  id: string;
  name?: string;
  /** ISO date the deal was seen at; recency decay counts from it. */
  asOf?: string;
  stage?: Stage;
  account?: Account;
  people: Person[];
  relations: Relation[];
  team: TeamMember[];
  contacts: Contact[];
  competitors: Competitor[];
  intel?: Intel;
  keySuccessFactors: KeySuccessFactor[];
}
