/**
 * Monotonicity: a better stance, more contact or more information never makes things worse.
 *
 * - Raising one person's stance never lowers support or net, nor raises opposition (each is a sum
 *   of p_i · max(0, ±u_i) with p independent of stances), never lowers the committee lean (V is
 *   non-negative), and never lowers the best access probability to a decision maker or anyone's
 *   feasibility: a person's pass-through factor (1 + u)/2 only grows. The decision makers do not
 *   depend on stances, so the same people are compared.
 * - Adding or strengthening a contact only raises `rel`, so no decision maker's best access
 *   probability, and no feasibility, drops; access status never gets worse.
 * - Adding a fact to `intel` never lowers a point's score or the completeness.
 *
 * "Never lowers" is exact up to 1e-12 (relative) slack for rounding.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  assessInformation,
  checkDecisionMakerCoverage,
  findAllies,
  measureSupportBase,
  parseDeal,
  predictConsensus,
  recommendEngagements,
  type Coverage,
  type Engagements,
} from '../../src/index.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryDeal, real, type RawDeal } from '../support/arbitraries.js';
import { addContact, setStance, strengthenContact, withIntel } from '../support/public-api.js';

const SLACK = 1e-12;

function atLeast(after: number, before: number, what: string): void {
  expect(after, `${what}: ${before} -> ${after}`).toBeGreaterThanOrEqual(before - SLACK * Math.max(1, Math.abs(before)));
}

const STATUS_ORDER = ['none', 'weak-path', 'path', 'direct'];

/** After is at least as good as before for every decision maker: best probability and status. */
function accessNeverWorse(before: Coverage, after: Coverage): void {
  expect(after.decisionMakers.map((d) => d.id)).toEqual(before.decisionMakers.map((d) => d.id));
  before.decisionMakers.forEach((dm, k) => {
    const em = after.decisionMakers[k]!;
    atLeast(em.best?.probability ?? 0, dm.best?.probability ?? 0, `best access probability to ${dm.id}`);
    expect(STATUS_ORDER.indexOf(em.status), `status of ${dm.id}: ${dm.status} -> ${em.status}`).toBeGreaterThanOrEqual(STATUS_ORDER.indexOf(dm.status));
  });
}

/** Everyone recommended both times has at least the same feasibility after. */
function feasibilityNeverWorse(before: Engagements, after: Engagements): void {
  const now = new Map(after.recommendations.map((r) => [r.id, r.feasibility]));
  for (const r of before.recommendations) if (now.has(r.id)) atLeast(now.get(r.id)!, r.feasibility, `feasibility of ${r.id}`);
}

/** Every recommendation (all people below target), to compare feasibility per person. */
const ALL = { limit: 1000, viaLimit: 0 };

/** A deal, the position of one person in it, and a higher stance for them (an unknown stance counts 0). */
const stanceRise = arbitraryDeal().chain((raw) =>
  fc.tuple(fc.constant(raw), fc.nat({ max: raw.people.length - 1 }), real(0, 1)).map(([raw, k, t]) => {
    const old = parseDeal(raw).people[k]!.stance ?? 0;
    return { raw, k, raised: setStance(raw, k, Math.min(1, old + t * (1 - old))) };
  }),
);

describe('monotonicity', () => {
  describe('a better stance', () => {
    test.prop([stanceRise], { seed: PROPERTY_SEED, numRuns: 100 })(
      'support and net never drop, and opposition never rises, when one stance rises',
      ({ raw, raised }) => {
        const before = measureSupportBase(raw);
        const after = measureSupportBase(raised);
        atLeast(after.support, before.support, 'support');
        atLeast(after.net, before.net, 'net');
        atLeast(-after.opposition, -before.opposition, '-opposition');
      },
      PROPERTY_TIMEOUT,
    );

    test.prop([stanceRise, fc.constantFrom('weighted' as const, 'dm-decides' as const)], { seed: PROPERTY_SEED, numRuns: 80 })(
      'the committee lean never drops when one stance rises',
      ({ raw, raised }, decisionRule) => {
        const before = predictConsensus(raw, { decisionRule });
        const after = predictConsensus(raised, { decisionRule });
        // Two solves, each to a max change below 1e-12: compare with the solver's slack too.
        expect(after.lean).toBeGreaterThanOrEqual(before.lean - 1e-9);
      },
      PROPERTY_TIMEOUT,
    );

    test.prop([stanceRise], { seed: PROPERTY_SEED, numRuns: 100 })(
      "the best access probability to every decision maker never drops when one stance rises (a person's factor (1 + u)/2 only grows)",
      ({ raw, raised }) => {
        accessNeverWorse(checkDecisionMakerCoverage(raw), checkDecisionMakerCoverage(raised));
        feasibilityNeverWorse(recommendEngagements(raw, ALL), recommendEngagements(raised, ALL));
      },
      PROPERTY_TIMEOUT,
    );

    test.prop([stanceRise], { seed: PROPERTY_SEED, numRuns: 100 })('an ally stays an ally when their stance or anyone else\'s rises', ({ raw, raised }) => {
      const after = new Set(findAllies(raised).allies.map((a) => a.id));
      for (const ally of findAllies(raw).allies) expect(after.has(ally.id), ally.id).toBe(true);
    }, PROPERTY_TIMEOUT);
  });

  describe('more contact', () => {
    const newContact = arbitraryDeal().chain((raw) =>
      fc.tuple(fc.constant(raw), fc.constantFrom(...raw.people.map((p) => p.id)), real(0, 1)).map(([raw, person, strength]) => ({
        raw,
        more: addContact(raw, person, strength),
      })),
    );

    test.prop([newContact], { seed: PROPERTY_SEED, numRuns: 100 })(
      "adding a contact never lowers any decision maker's best access probability nor anyone's feasibility",
      ({ raw, more }) => {
        accessNeverWorse(checkDecisionMakerCoverage(raw), checkDecisionMakerCoverage(more));
        feasibilityNeverWorse(recommendEngagements(raw, ALL), recommendEngagements(more, ALL));
      },
      PROPERTY_TIMEOUT,
    );

    const strongerContact = arbitraryDeal()
      .filter((raw) => ((raw.contacts as unknown[] | undefined) ?? []).length > 0)
      .chain((raw) =>
        fc
          .tuple(fc.constant(raw), fc.nat({ max: (raw.contacts as unknown[]).length - 1 }), real(0, 1), fc.boolean())
          .map(([raw, k, strength, fresh]) => ({ raw, more: strengthenContact(raw, k, strength, fresh) })),
      );

    test.prop([strongerContact], { seed: PROPERTY_SEED, numRuns: 100 })(
      "strengthening or refreshing a contact never lowers any decision maker's best access probability nor anyone's feasibility",
      ({ raw, more }) => {
        accessNeverWorse(checkDecisionMakerCoverage(raw), checkDecisionMakerCoverage(more));
        feasibilityNeverWorse(recommendEngagements(raw, ALL), recommendEngagements(more, ALL));
      },
      PROPERTY_TIMEOUT,
    );
  });

  describe('more information', () => {
    /** The ten facts of `intel` (design.md section 6.7), each with values that record it and values that do not. */
    const FACTS = {
      'plan.steps': [fc.constant(['pilot', 'rollout']), fc.constant([])],
      'plan.difficulties': [fc.constant(['budget freeze']), fc.constant([])],
      'procurement.process': [fc.constant(['tender']), fc.constant([])],
      'procurement.focus': [fc.constant(['price', 'service']), fc.constant([])],
      'finance.budget': [fc.integer({ min: 0, max: 5_000_000 }), fc.constant(null)],
      'finance.budgetApproved': [fc.boolean(), fc.constant(undefined)],
      'finance.credit': [fc.constantFrom('good', 'AA'), fc.constantFrom('', '  ')],
      projectReason: [fc.constantFrom('old system end of life', '降本'), fc.constantFrom('', ' \t')],
      'resources.ours': [fc.constant(['solution architect']), fc.constant([])],
      'resources.theirs': [fc.constant(['IT team']), fc.constant([])],
    } as const;
    type Fact = keyof typeof FACTS;
    const factNames = Object.keys(FACTS) as Fact[];

    /** Builds `intel` from fact values (undefined = absent). */
    const toIntel = (facts: Partial<Record<Fact, unknown>>): Record<string, unknown> => {
      const intel: Record<string, Record<string, unknown> | unknown> = {};
      for (const [fact, value] of Object.entries(facts)) {
        if (value === undefined) continue;
        const [head, tail] = fact.split('.') as [string, string | undefined];
        if (tail === undefined) intel[head] = value;
        else intel[head] = { ...(intel[head] as Record<string, unknown> | undefined), [tail]: value };
      }
      return intel;
    };

    /** Some facts recorded, some present but empty, some absent. */
    const someIntel = fc.record(
      Object.fromEntries(factNames.map((f) => [f, fc.oneof(FACTS[f][0] as fc.Arbitrary<unknown>, FACTS[f][1] as fc.Arbitrary<unknown>)])) as Record<
        Fact,
        fc.Arbitrary<unknown>
      >,
      { requiredKeys: [] },
    );
    const oneMoreFact = fc.constantFrom(...factNames).chain((fact) => fc.tuple(fc.constant(fact), FACTS[fact][0] as fc.Arbitrary<unknown>));

    test.prop([arbitraryDeal({ maxPeople: 6 }), someIntel, oneMoreFact], { seed: PROPERTY_SEED, numRuns: 150 })(
      'adding a fact to intel never lowers information completeness nor any point',
      (raw: RawDeal, facts, [fact, value]) => {
        const before = assessInformation(withIntel(raw, toIntel(facts)));
        const after = assessInformation(withIntel(raw, toIntel({ ...facts, [fact]: value })));
        atLeast(after.completeness, before.completeness, `completeness after recording ${fact}`);
        before.points.forEach((p, k) => atLeast(after.points[k]!.score, p.score, `point ${p.point} after recording ${fact}`));
      },
      PROPERTY_TIMEOUT,
    );

    test.prop([arbitraryDeal({ maxPeople: 6 }), oneMoreFact], { seed: PROPERTY_SEED + 1, numRuns: 60 })(
      'recording a first fact in a deal without intel never lowers information completeness',
      (raw, [fact, value]) => {
        const before = assessInformation(withIntel(raw, undefined));
        const after = assessInformation(withIntel(raw, toIntel({ [fact]: value })));
        atLeast(after.completeness, before.completeness, `completeness after recording ${fact}`);
      },
      PROPERTY_TIMEOUT,
    );
  });
});
