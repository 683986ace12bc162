/**
 * `simulate`: what-if — apply changes to a deal and compare the assessments before and after.
 *
 * @module
 */
import { ValidationError, type Issue } from '../errors.js';
import { isPowerGraph, type PowerGraph } from '../graph/power-graph.js';
import { parseDeal } from '../model/parse-deal.js';
import type { Deal } from '../model/types.js';
import type { Finding } from '../rules/types.js';
import { assessDeal, type AssessDealOptions, type DealAssessment } from './assess-deal.js';

/** One change to try. Values accept the same forms as the Deal (labels, scales). */
export type Change =
  | { readonly type: 'stance'; readonly person: string; readonly stance: unknown }
  | { readonly type: 'influence'; readonly person: string; readonly influence: unknown }
  | { readonly type: 'leave'; readonly person: string }
  | { readonly type: 'join'; readonly person: Record<string, unknown> }
  | { readonly type: 'contact'; readonly person: string; readonly strength: number; readonly member?: string; readonly lastContact?: string }
  | { readonly type: 'relation'; readonly from: string; readonly to: string; readonly kind: 'influences' | 'informs' | 'conflict'; readonly weight?: number };

/** A number before and after. */
export interface Delta {
  readonly before: number;
  readonly after: number;
  readonly change: number;
}

/** Result of {@link simulate}. */
export interface Simulation {
  readonly before: DealAssessment;
  readonly after: DealAssessment;
  /** The deal with the changes applied (parsed). */
  readonly deal: Deal;
  readonly differences: {
    readonly lean: Delta;
    readonly net: Delta;
    readonly support: Delta;
    readonly thresholds: Readonly<Record<'information' | 'relationship' | 'decision', { readonly before: boolean; readonly after: boolean }>>;
    /** Flags raised by the changes. */
    readonly flagsAdded: readonly Finding[];
    /** Flags the changes cleared. */
    readonly flagsRemoved: readonly Finding[];
    /** Best access probability and status per decision maker (of either side), by id. */
    readonly decisionMakerAccess: readonly {
      readonly id: string;
      readonly before: { readonly status: string; readonly probability: number } | null;
      readonly after: { readonly status: string; readonly probability: number } | null;
    }[];
  };
}

/**
 * Tries changes on a deal without touching it — a stance moves, a person leaves or joins, a
 * contact is made, an influence line appears — and returns the assessment before and after with
 * the differences: committee lean, support base, thresholds, red flags, decision-maker access.
 *
 * @param input - a deal (parsed or raw) or a {@link PowerGraph}
 * @param changes - the changes, applied in order
 * @param options - {@link AssessDealOptions} for both assessments
 * @returns before, after, the changed deal, and the differences
 * @throws {@link ValidationError} when a change names an unknown person or makes the deal invalid
 *   (paths like `changes[1].person`)
 * @example
 * ```ts
 * const s = simulate(harborDeal, [{ type: 'contact', person: 'ceo', strength: 0.8 }]);
 * s.differences.decisionMakerAccess[0].after.status; // => 'direct'
 * ```
 * @category Assessment
 */
export function simulate(input: Deal | PowerGraph | unknown, changes: readonly Change[], options?: AssessDealOptions): Simulation {
  const deal = isPowerGraph(input) ? input.deal : parseDeal(input);
  const next = applyChanges(deal, changes);
  const before = assessDeal(isPowerGraph(input) ? input : deal, options);
  const after = assessDeal(next, options);
  // A flag is the same flag when code, people and severity match; a change of severity shows as removed + added.
  const key = (f: Finding) => `${f.code}\u0000${f.severity}\u0000${f.people.join('\u0001')}`;
  const beforeKeys = new Set(before.flags.map(key));
  const afterKeys = new Set(after.flags.map(key));
  const delta = (a: number, b: number): Delta => ({ before: a, after: b, change: b - a });
  const dmIds = [...new Set([...before.coverage.decisionMakers, ...after.coverage.decisionMakers].map((d) => d.id))].sort();
  const access = (a: DealAssessment, id: string) => {
    const dm = a.coverage.decisionMakers.find((d) => d.id === id);
    return dm ? { status: dm.status, probability: dm.best?.probability ?? 0 } : null;
  };
  return {
    before,
    after,
    deal: next,
    differences: {
      lean: delta(before.consensus.lean, after.consensus.lean),
      net: delta(before.support.net, after.support.net),
      support: delta(before.support.support, after.support.support),
      thresholds: {
        information: { before: before.thresholds.information.passed, after: after.thresholds.information.passed },
        relationship: { before: before.thresholds.relationship.passed, after: after.thresholds.relationship.passed },
        decision: { before: before.thresholds.decision.passed, after: after.thresholds.decision.passed },
      },
      flagsAdded: after.flags.filter((f) => !beforeKeys.has(key(f))),
      flagsRemoved: before.flags.filter((f) => !afterKeys.has(key(f))),
      decisionMakerAccess: dmIds.map((id) => ({ id, before: access(before, id), after: access(after, id) })),
    },
  };
}

/** Applies changes to a parsed deal, returning a new parsed deal; the input is not touched. */
function applyChanges(deal: Deal, changes: readonly Change[]): Deal {
  if (!Array.isArray(changes)) throw new ValidationError('simulate', [{ code: 'invalid_type', path: 'changes', message: 'expected an array of changes' }]);
  const issues: Issue[] = [];
  let current: Record<string, unknown> & Deal = JSON.parse(JSON.stringify(deal));
  const has = (id: string) => current.people.some((p) => p.id === id);
  changes.forEach((change, k) => {
    const path = `changes[${k}]`;
    const unknown = (field: string, id: unknown) =>
      issues.push({ code: 'unknown_person', path: `${path}.${field}`, message: `no person with id ${JSON.stringify(id)}` });
    switch (change?.type) {
      case 'stance':
      case 'influence': {
        if (!has(change.person)) return unknown('person', change.person);
        const field = change.type;
        if (!(field in change)) {
          issues.push({ code: 'required', path: `${path}.${field}`, message: `a ${field} change needs a ${field} value (null for unknown)` });
          return;
        }
        const value = change.type === 'stance' ? change.stance : change.influence;
        current.people = current.people.map((p) => (p.id === change.person ? { ...p, [field]: value } : p)) as Deal['people'];
        return;
      }
      case 'leave':
        if (!has(change.person)) return unknown('person', change.person);
        current = leave(current, change.person);
        return;
      case 'join':
        current.people = [...current.people, change.person as unknown as Deal['people'][number]];
        return;
      case 'contact':
        if (!has(change.person)) return unknown('person', change.person);
        current.contacts = [...current.contacts, { person: change.person, strength: change.strength, ...(change.member === undefined ? {} : { member: change.member }), ...(change.lastContact === undefined ? {} : { lastContact: change.lastContact }) }];
        return;
      case 'relation':
        if (!has(change.from)) unknown('from', change.from);
        if (!has(change.to)) unknown('to', change.to);
        current.relations = [...current.relations, { from: change.from, to: change.to, kind: change.kind, ...(change.weight === undefined ? {} : { weight: change.weight }) }];
        return;
      default:
        issues.push({ code: 'invalid_value', path: `${path}.type`, message: 'type must be one of stance, influence, leave, join, contact, relation' });
    }
  });
  if (issues.length > 0) throw new ValidationError('simulate', issues);
  return parseDeal(current);
}

/**
 * The deal without one person. Unlike the parsed-deal helper, it accepts people joined by an
 * earlier change, whose `reportsTo` may still be a single id, null or missing.
 */
function leave<T extends Deal>(deal: T, id: string): T {
  const managers = (r: unknown): unknown => {
    if (r === id) return null;
    return Array.isArray(r) ? r.filter((m) => m !== id) : r;
  };
  return {
    ...deal,
    people: deal.people
      .filter((p) => p.id !== id)
      .map((p) => ('reportsTo' in p ? { ...p, reportsTo: managers(p.reportsTo) } : p)) as Deal['people'],
    relations: deal.relations.filter((r) => r.from !== id && r.to !== id),
    contacts: deal.contacts.filter((c) => c.person !== id),
  };
}
