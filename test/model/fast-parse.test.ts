/**
 * The hand-written fast path of the schema (src/model/fast-parse.ts) against zod: whenever the fast
 * path answers, its answer is exactly zod's (values, key order, -0 read as 0, fresh objects); when
 * the input is anything but well-formed, it gives up and zod decides.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fastParseDeal } from '../../src/model/fast-parse.js';
import { dealSchema } from '../../src/model/schema.js';
import { safeParseDeal } from '../../src/index.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryDeal, freezeDeep } from '../support/arbitraries.js';
import { HOSTILE_VALUES, arbitraryEdgeDeal, arbitraryMutatedDeal } from '../support/mutated-deals.js';
import { generateOrg } from '../bench/generate-org.js';

/**
 * A value as a tagged tree that keeps key order and tells -0 from 0, so that `toEqual` on two
 * canonical forms means "the same JSON, key for key, in the same order".
 */
function canonical(value: unknown): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : value;
  if (Array.isArray(value)) return { array: value.map(canonical) };
  if (typeof value === 'object' && value !== null)
    return { keys: Object.keys(value), values: Object.values(value).map(canonical) };
  return value;
}

/** zod's output with -0 read as 0 (what parseDeal did before the fast path). */
function zodOutput(input: unknown): { ok: true; data: unknown } | { ok: false } {
  const r = dealSchema.safeParse(input);
  if (!r.success) return { ok: false };
  return { ok: true, data: JSON.parse(JSON.stringify(r.data, (_k, v: unknown) => (Object.is(v, -0) ? 0 : v))) as unknown };
}

/** The fast path either gives up or agrees with zod exactly. */
function expectAgreement(input: unknown): 'fast' | 'zod' {
  const fast = fastParseDeal(input);
  if (fast === undefined) return 'zod';
  const zod = zodOutput(input);
  expect(zod.ok).toBe(true);
  if (zod.ok) expect(canonical(fast)).toEqual(canonical(zod.data));
  return 'fast';
}

const person = (more: Record<string, unknown> = {}) => ({ id: 'a', ...more });
const deal = (people: unknown[], more: Record<string, unknown> = {}) => ({ schemaVersion: 1, id: 'd', people, ...more });

describe('fastParseDeal', () => {
  // Input it must not answer: zod reports these (or, for odd-but-valid objects, parses them).
  class Person {
    id = 'a';
  }
  const throwing = Object.defineProperty({ id: 'a' }, 'name', { get: () => { throw new Error('boom'); }, enumerable: true });
  const hidden = Object.defineProperty({}, 'rival', { value: 0.5, enumerable: false });
  const inherited = Object.create({ name: 'inherited' }) as Record<string, unknown>;
  inherited.id = 'a';
  it.each([
    ['not an object', 42],
    ['null', null],
    ['an array', []],
    ['no people', deal([])],
    ['a stance out of range', deal([person({ stance: 2 })])],
    ['an unknown stance label', deal([person({ stance: 'fan' })])],
    ['an unknown role', deal([person({ roles: ['boss'] })])],
    ['an unknown field', deal([person({ mood: 'good' })])],
    ['an undefined value', deal([person({ name: undefined })])],
    ['NaN', deal([person({ influence: Number.NaN })])],
    ['Infinity', deal([], { account: { annualVolume: Number.POSITIVE_INFINITY } })],
    ['a fractional level', deal([person({ level: 1.5 })])],
    ['a level beyond the safe integers', deal([person({ level: 2 ** 53 })])],
    ['schemaVersion 2', { ...deal([person()]), schemaVersion: 2 }],
    ['an impossible date', deal([person()], { asOf: '2026-02-30' })],
    ['a hole in an array', deal([person(), , person({ id: 'b' })])], // eslint-disable-line no-sparse-arrays
    ['a class instance', deal([new Person()])],
    ['a getter that throws', deal([throwing])],
    ['an inherited field', deal([inherited])],
    ['a non-enumerable affinity key', deal([person({ competitorAffinity: hidden })])],
    ['a symbol affinity key', deal([person({ competitorAffinity: { [Symbol('s')]: 0.5 } })])],
    ['a {rating} with another key', deal([person({ stance: { rating: 3, note: 'x' } })])],
    ['an empty {scale5}', deal([person({ influence: {} })])],
  ])('gives up on %s, and zod decides', (_name, input) => {
    expect(fastParseDeal(input)).toBeUndefined();
  });

  it('reads labels, scales and shorthands as the schema does (hand-derived)', () => {
    const out = fastParseDeal(
      deal([
        person({
          // {rating: -5} -> -5/5 = -1; {scale5: 3} -> (3-1)/4 = 1/2; duplicates dropped in first-seen order.
          stance: { rating: -5 },
          influence: { scale5: 3 },
          reportsTo: ['b', 'c', 'b'],
          roles: [' Economic Buyer ', 'EB', 'dm'],
        }),
        { id: 'b', stance: ' NON_supporter ', influence: 'High', reportsTo: 'c', integrity: null },
        { id: 'c', stance: -0, influence: 'unknown', reportsTo: null },
      ]),
    );
    expect(out).toEqual({
      schemaVersion: 1,
      id: 'd',
      people: [
        { id: 'a', reportsTo: ['b', 'c'], roles: ['economic-buyer', 'decision-maker'], influence: 0.5, stance: -1 },
        { id: 'b', reportsTo: ['c'], roles: [], influence: 0.75, stance: -0.5, integrity: null },
        { id: 'c', reportsTo: [], roles: [], influence: null, stance: 0 },
      ],
      relations: [],
      team: [],
      contacts: [],
      competitors: [],
      keySuccessFactors: [],
    });
    // -0 is read as 0, not kept.
    expect(Object.is((out!.people as { stance: number }[])[2]!.stance, 0)).toBe(true);
  });

  it('returns fresh objects and arrays, never the input', () => {
    const needs = ['speed'];
    const input = freezeDeep(deal([person({ needs, reportsTo: [] })], { intel: { plan: { steps: ['a'] } } }));
    const out = fastParseDeal(input) as { people: { needs: string[] }[]; intel: { plan: { steps: string[] } } };
    expect(out.people[0]!.needs).toEqual(['speed']);
    expect(out.people[0]!.needs).not.toBe(needs);
    expect(out.intel.plan.steps).not.toBe((input as unknown as { intel: { plan: { steps: string[] } } }).intel.plan.steps);
  });

  it('answers for the benchmark organisations, exactly as zod does', () => {
    for (const n of [1, 20, 300]) expect(expectAgreement(generateOrg(n, n))).toBe('fast');
  });

  it('agrees with zod on every field of the schema at once', () => {
    const full = {
      $schema: 'https://example.com/deal.schema.json',
      schemaVersion: 1,
      id: 'd',
      name: 'Deal',
      asOf: '2026-11-01T09:30:00+01:00',
      stage: { name: 'proposal', progress: 0.5 },
      account: {
        name: 'Acme', sector: 'retail', publicSector: false, annualVolume: 1e6, purchaseFrequency: 2,
        valueChainLinked: true, usesOurProduct: false, growthPotential: 0.25, competitorTarget: true,
      },
      people: [
        {
          id: 'a', name: 'A', title: 'CEO', department: 'Exec', reportsTo: [], level: 1, roles: ['dm'], influence: 1,
          stance: 'supporter', susceptibility: 0.3, inProject: true, needs: ['growth'], integrity: 0.9,
          competitorAffinity: { rival: 0.2, 7: 0.1 }, notes: 'n',
        },
        { notes: 'fields in another order', stance: null, id: 'b', reportsTo: 'a' },
      ],
      relations: [{ note: 'x', weight: 0.5, kind: 'influences', to: 'b', from: 'a' }, { from: 'b', to: 'a', kind: 'informs' }],
      team: [{ id: 'rep', name: 'Rep', role: 'AE' }],
      contacts: [{ person: 'a', strength: 0.7, member: 'rep', lastContact: '2026-10-01', note: 'met' }],
      competitors: [{ id: 'rival', name: 'Rival', strength: 0.6 }, { id: '7' }],
      intel: {
        plan: { difficulties: ['d'], steps: ['s'] },
        procurement: { process: ['p'], focus: ['f'] },
        finance: { budget: null, budgetApproved: false, credit: 'AA' },
        projectReason: 'r',
        resources: { theirs: ['t'], ours: ['o'] },
      },
      keySuccessFactors: [{ name: 'uptime', priority: 1, status: 'at-risk' }],
    };
    expect(expectAgreement(full)).toBe('fast');
    expect(safeParseDeal(full).success).toBe(true);
  });

  test.prop([arbitraryDeal()], { seed: PROPERTY_SEED, numRuns: 300 })(
    'a generated valid deal takes the fast path and gets exactly what zod gives',
    (raw) => {
      expect(expectAgreement(raw)).toBe('fast');
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryMutatedDeal()], { seed: PROPERTY_SEED, numRuns: 500 })(
    'on a mutated deal the fast path gives up or agrees with zod',
    ({ deal: input }) => {
      expectAgreement(input);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryEdgeDeal()], { seed: PROPERTY_SEED, numRuns: 300 })(
    'on a deal pushed to the edges the fast path gives up or agrees with zod',
    ({ deal: input }) => {
      expectAgreement(input);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([fc.constantFrom(...HOSTILE_VALUES), fc.constantFrom('stance', 'influence', 'level', 'reportsTo', 'roles', 'integrity', 'name')], {
    seed: PROPERTY_SEED,
  })('a hostile value in any person field never gets past the fast path unless zod takes it too', (value, field) => {
    expectAgreement(deal([person({ [field]: value })]));
  });
});
