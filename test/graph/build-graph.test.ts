import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { OptionError, ValidationError, buildGraph, decayedStrength, parseDeal, type PowerGraph } from '../../src/index.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryDeal, arbitraryShuffledDeal, freezeDeep } from '../support/arbitraries.js';
import { loadFixture } from '../support/fixtures.js';
import { graphWithout } from '../../src/graph/build-graph.js';
import { withoutPerson } from '../../src/internal/without-person.js';

const twoPeople = { id: 'd', people: [{ id: 'a' }, { id: 'b', reportsTo: 'a' }] };

/** The level of each person, by id. */
function levelsById(g: PowerGraph): Record<string, number> {
  return Object.fromEntries(g.ids.map((id, i) => [id, g.level[i]!]));
}

/** A deal with one contact with `whm`, for recency checks. */
function contactDeal(contact: Record<string, unknown>, asOf: string | null = '2026-11-01'): Record<string, unknown> {
  return {
    id: 'd',
    ...(asOf === null ? {} : { asOf }),
    people: [{ id: 'whm' }, { id: 'other' }],
    contacts: [{ person: 'whm', ...contact }],
  };
}

function relOf(g: PowerGraph, id: string): number {
  return g.rel[g.indexOf(id)!]!;
}

describe('buildGraph', () => {
  it.each<[Record<string, unknown>, string]>([
    [{ managerWeight: 2 }, 'managerWeight'],
    [{ managerWeight: -0.1 }, 'managerWeight'],
    [{ managerWeight: Number.NaN }, 'managerWeight'],
    [{ reportWeight: 1.5 }, 'reportWeight'],
    [{ reportWeight: '0.3' }, 'reportWeight'],
    [{ halfLifeDays: 0 }, 'halfLifeDays'],
    [{ halfLifeDays: -90 }, 'halfLifeDays'],
    [{ halfLifeDays: Number.NaN }, 'halfLifeDays'],
    [{ halfLife: 30 }, 'halfLife'], // an unknown option name is an error, not ignored
    [{ managerweight: 0.5 }, 'managerweight'],
  ])('buildGraph(deal, %j) throws OptionError naming %s', (options, option) => {
    expect(() => buildGraph(twoPeople, options as never)).toThrow(OptionError);
    try {
      buildGraph(twoPeople, options as never);
    } catch (error) {
      expect((error as OptionError).code).toBe('invalid_option');
      expect((error as OptionError).option).toBe(option);
    }
  });

  it('throws ValidationError on an invalid deal', () => {
    expect(() => buildGraph({ id: 'd', people: [{ id: 'a', reportsTo: 'x' }] })).toThrow(ValidationError);
    expect(() => buildGraph(loadFixture('ten-mistakes.json'))).toThrow(ValidationError);
  });

  it('accepts the option values at the ends of their ranges, and undefined as the default', () => {
    expect(() => buildGraph(twoPeople, { managerWeight: 0, reportWeight: 1, halfLifeDays: Number.POSITIVE_INFINITY })).not.toThrow();
    expect(buildGraph(twoPeople, { managerWeight: undefined }).options).toEqual({ managerWeight: 0.5, reportWeight: 0.3, halfLifeDays: 90 });
  });

  it('builds the same graph from a raw deal and from its parsed form', () => {
    const raw = loadFixture('harbor-wms.json');
    const a = buildGraph(raw);
    const b = buildGraph(parseDeal(raw));
    expect(b.ids).toEqual(a.ids);
    expect(b.influenceOut).toEqual(a.influenceOut);
    expect(b.rel).toEqual(a.rel);
  });

  describe('on the Harbor worked example', () => {
    const g = buildGraph(loadFixture('harbor-wms.json'));

    it('indexes people by ascending id', () => {
      expect(g.ids).toEqual(['buyer', 'ceo', 'cfo', 'coo', 'it', 'whm']);
      expect(g.n).toBe(6);
      expect(g.ids.map((id) => g.indexOf(id))).toEqual([0, 1, 2, 3, 4, 5]);
      expect(g.people.map((p) => p.id)).toEqual(g.ids);
    });

    it('has the CSR views of the hand-checked edges', () => {
      // Index: buyer 0, ceo 1, cfo 2, coo 3, it 4, whm 5. Rows by source (columns ascending):
      // buyer: cfo .3 | ceo: cfo .5, coo .5 | cfo: buyer .5, ceo .5 (explicit)
      // coo: ceo .3/2, it .5, whm .5 | it: cfo .7 (noisy-OR), coo .3/2 | whm: coo .6 (explicit)
      expect(Array.from(g.influenceOut.ptr)).toEqual([0, 1, 3, 5, 8, 10, 11]);
      expect(Array.from(g.influenceOut.idx)).toEqual([2, 2, 3, 0, 1, 1, 4, 5, 2, 3, 3]);
      const expectedOut = [0.3, 0.5, 0.5, 0.5, 0.5, 0.15, 0.5, 0.5, 0.7, 0.15, 0.6];
      expect(g.influenceOut.w).toHaveLength(expectedOut.length);
      expectedOut.forEach((x, k) => expect(g.influenceOut.w[k]).toBeCloseTo(x, 12));
      expect(Array.from(g.derivedOut)).toEqual([1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 0]);
      // Rows by target (entries are sources):
      // buyer: cfo .5 | ceo: cfo .5, coo .15 | cfo: buyer .3, ceo .5, it .7
      // coo: ceo .5, it .15, whm .6 | it: coo .5 | whm: coo .5
      expect(Array.from(g.influenceIn.ptr)).toEqual([0, 1, 3, 6, 9, 10, 11]);
      expect(Array.from(g.influenceIn.idx)).toEqual([2, 2, 3, 0, 1, 4, 1, 4, 5, 3, 3]);
      const expectedIn = [0.5, 0.5, 0.15, 0.3, 0.5, 0.7, 0.5, 0.15, 0.6, 0.5, 0.5];
      expectedIn.forEach((x, k) => expect(g.influenceIn.w[k]).toBeCloseTo(x, 12));
      expect(g.edgeCount).toBe(11);
    });

    it('has levels ceo 1; cfo, coo 2; whm, it, buyer 3', () => {
      expect(levelsById(g)).toEqual({ ceo: 1, cfo: 2, coo: 2, whm: 3, it: 3, buyer: 3 });
      expect(Array.from(g.hasManager)).toEqual([1, 0, 1, 1, 1, 1]);
    });

    it('has rel whm 0.9 * 0.5^(30/90) = 0.714330, it 0.6 (no date), others 0', () => {
      // lastContact 2026-10-02, asOf 2026-11-01: 30 days, a third of a 90-day half-life.
      expect(relOf(g, 'whm')).toBeCloseTo(0.9 * 0.5 ** (30 / 90), 12);
      expect(relOf(g, 'whm')).toBeCloseTo(0.71433, 5); // the worked example's rounded figure
      expect(relOf(g, 'it')).toBe(0.6);
      for (const id of ['buyer', 'ceo', 'cfo', 'coo']) expect(relOf(g, id)).toBe(0);
    });

    it('keeps stances and influences as given, NaN for unknown', () => {
      // index order buyer, ceo, cfo, coo, it, whm
      expect(Array.from(g.stance)).toEqual([0, Number.NaN, -0.5, 0.5, -0.4, 1]);
      expect(Array.from(g.influence)).toEqual([0.25, 1, 0.8, 0.75, 0.5, Number.NaN]);
    });

    it('records the whm - it conflict both ways and no other', () => {
      const [whm, it_] = [g.indexOf('whm')!, g.indexOf('it')!];
      expect(g.inConflict(whm, it_)).toBe(true);
      expect(g.inConflict(it_, whm)).toBe(true);
      let pairs = 0;
      for (let a = 0; a < g.n; a++) for (let b = 0; b < g.n; b++) if (g.inConflict(a, b)) pairs++;
      expect(pairs).toBe(2);
    });
  });

  describe('levels', () => {
    it('gives 1 to everyone without a manager', () => {
      expect(levelsById(buildGraph({ id: 'd', people: [{ id: 'a' }, { id: 'b' }, { id: 'c', reportsTo: null }] }))).toEqual({
        a: 1,
        b: 1,
        c: 1,
      });
    });

    it('counts 1 + the level of the manager down a chain', () => {
      const g = buildGraph({ id: 'd', people: [{ id: 'c', reportsTo: 'b' }, { id: 'b', reportsTo: 'a' }, { id: 'a' }] });
      expect(levelsById(g)).toEqual({ a: 1, b: 2, c: 3 });
    });

    it('lets an explicit level win, and counts from it below', () => {
      // b says level 5 although a is level 1; c reports to b: 1 + 5 = 6. top says 2 and has no manager.
      const g = buildGraph({
        id: 'd',
        people: [{ id: 'a' }, { id: 'b', reportsTo: 'a', level: 5 }, { id: 'c', reportsTo: 'b' }, { id: 'top', level: 2 }, { id: 'x', reportsTo: 'top' }],
      });
      expect(levelsById(g)).toEqual({ a: 1, b: 5, c: 6, top: 2, x: 3 });
    });

    it('takes the smallest level among all managers, dotted lines included', () => {
      // a 1, b 2, c 3; d reports to [c, a]: 1 + min(3, 1) = 2; e reports to [d, c]: 1 + min(2, 3) = 3.
      const g = buildGraph({
        id: 'd',
        people: [
          { id: 'e', reportsTo: ['d', 'c'] },
          { id: 'd', reportsTo: ['c', 'a'] },
          { id: 'c', reportsTo: 'b' },
          { id: 'b', reportsTo: 'a' },
          { id: 'a' },
        ],
      });
      expect(levelsById(g)).toEqual({ a: 1, b: 2, c: 3, d: 2, e: 3 });
    });

    it('walks a 100,000-long reporting chain without recursion', () => {
      // p0 at the top, p(k) reports to p(k-1): level of p(k) is k + 1. Listed bottom-up.
      const n = 100_000;
      const people = Array.from({ length: n }, (_, j) => {
        const k = n - 1 - j;
        return k === 0 ? { id: 'p0' } : { id: `p${k}`, reportsTo: `p${k - 1}` };
      });
      const g = buildGraph({ id: 'chain', people });
      expect(g.level[g.indexOf(`p${n - 1}`)!]).toBe(n);
      expect(g.level[g.indexOf('p0')!]).toBe(1);
    }, 30_000);
  });

  describe('relationship strength (rel) with recency decay', () => {
    it('decays by 0.5^(days / 90): 30 days -> 0.9 * 0.5^(1/3)', () => {
      const g = buildGraph(contactDeal({ strength: 0.9, lastContact: '2026-10-02' }));
      expect(relOf(g, 'whm')).toBeCloseTo(0.9 * 0.5 ** (30 / 90), 12);
      expect(relOf(g, 'other')).toBe(0);
    });

    it('counts fractional days for a date-time: 29.5 days', () => {
      // 2026-10-02T12:00Z to 2026-11-01T00:00Z = 29 days and 12 hours.
      const g = buildGraph(contactDeal({ strength: 0.9, lastContact: '2026-10-02T12:00:00Z' }));
      expect(relOf(g, 'whm')).toBeCloseTo(0.9 * 0.5 ** (29.5 / 90), 12);
    });

    it('reads an asOf date-time too, in UTC', () => {
      // 2026-10-02T00:00Z to 2026-11-01T06:00Z = 30.25 days.
      const g = buildGraph(contactDeal({ strength: 0.8, lastContact: '2026-10-02' }, '2026-11-01T06:00:00Z'));
      expect(relOf(g, 'whm')).toBeCloseTo(0.8 * 0.5 ** (30.25 / 90), 12);
    });

    it('applies time-zone offsets: 18:00 at -06:00 the day before asOf is 0 days', () => {
      const g = buildGraph(contactDeal({ strength: 0.7, lastContact: '2026-10-31T18:00:00-06:00' }));
      expect(relOf(g, 'whm')).toBe(0.7);
    });

    it('does not decay a contact dated after asOf (days clamp at 0)', () => {
      const g = buildGraph(contactDeal({ strength: 0.9, lastContact: '2026-12-25' }));
      expect(relOf(g, 'whm')).toBe(0.9);
    });

    it('does not decay without asOf', () => {
      const g = buildGraph(contactDeal({ strength: 0.9, lastContact: '2020-01-01' }, null));
      expect(relOf(g, 'whm')).toBe(0.9);
    });

    it('does not decay without lastContact', () => {
      const g = buildGraph(contactDeal({ strength: 0.6 }));
      expect(relOf(g, 'whm')).toBe(0.6);
    });

    it('takes the half-life from the options', () => {
      // halfLifeDays 30 and 30 days: exactly one half-life, 0.9 / 2 = 0.45. Infinity: no decay.
      expect(relOf(buildGraph(contactDeal({ strength: 0.9, lastContact: '2026-10-02' }), { halfLifeDays: 30 }), 'whm')).toBeCloseTo(0.45, 12);
      expect(
        relOf(buildGraph(contactDeal({ strength: 0.9, lastContact: '2026-10-02' }), { halfLifeDays: Number.POSITIVE_INFINITY }), 'whm'),
      ).toBe(0.9);
    });

    it('takes the max over several contacts with one person, after decay', () => {
      // 0.9 ninety days ago (2026-08-03: 28 + 30 + 31 + 1 = 90 days) -> 0.45;
      // 0.5 with no date -> 0.5; 0.6 thirty days ago -> 0.6 * 0.5^(1/3) = 0.476..; max = 0.5.
      const g = buildGraph({
        id: 'd',
        asOf: '2026-11-01',
        people: [{ id: 'whm' }],
        team: [{ id: 'rep' }, { id: 'se' }],
        contacts: [
          { member: 'rep', person: 'whm', strength: 0.9, lastContact: '2026-08-03' },
          { member: 'se', person: 'whm', strength: 0.5 },
          { person: 'whm', strength: 0.6, lastContact: '2026-10-02' },
        ],
      });
      expect(relOf(g, 'whm')).toBeCloseTo(0.5, 12);
    });
  });

  test.prop([arbitraryShuffledDeal()], { seed: PROPERTY_SEED, numRuns: 300 })(
    'person order in the input does not change the graph',
    ([deal, shuffled]) => {
      const a = buildGraph(deal);
      const b = buildGraph(shuffled);
      expect(b.ids).toEqual(a.ids);
      expect(b.influenceOut).toEqual(a.influenceOut);
      expect(b.influenceIn).toEqual(a.influenceIn);
      expect(b.derivedOut).toEqual(a.derivedOut);
      expect(b.informsIn).toEqual(a.informsIn);
      expect(b.level).toEqual(a.level);
      expect(b.hasManager).toEqual(a.hasManager);
      expect(b.rel).toEqual(a.rel);
      expect(b.stance).toEqual(a.stance);
      expect(b.influence).toEqual(a.influence);
      const conflicts = (g: PowerGraph) => g.ids.flatMap((_, i) => g.ids.map((__, j) => g.inConflict(i, j)));
      expect(conflicts(b)).toEqual(conflicts(a));
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal()], { seed: PROPERTY_SEED, numRuns: 200 })('buildGraph never mutates its input', (deal) => {
    const copy = structuredClone(deal);
    buildGraph(freezeDeep(deal)); // a write to a frozen object would throw (ESM is strict mode)
    expect(deal).toStrictEqual(copy);
  }, PROPERTY_TIMEOUT);

  test.prop([arbitraryDeal({ graphologySafeIds: true })], { seed: PROPERTY_SEED, numRuns: 100 })(
    'building the graphology view never mutates the input either',
    (deal) => {
      const copy = structuredClone(deal);
      void buildGraph(freezeDeep(deal)).graphology;
      expect(deal).toStrictEqual(copy);
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal()], { seed: PROPERTY_SEED, numRuns: 200 })(
    'every level is 1 without a manager, else explicit or 1 + the smallest level of the managers',
    (raw) => {
      const g = buildGraph(raw);
      g.people.forEach((p, i) => {
        const managerLevels = p.reportsTo.map((m) => g.level[g.indexOf(m)!]!);
        const expected = p.level ?? (managerLevels.length === 0 ? 1 : 1 + Math.min(...managerLevels));
        expect(g.level[i]).toBe(expected);
      });
    },
    PROPERTY_TIMEOUT,
  );

  test.prop([arbitraryDeal(), fc.constantFrom(30, 90, 365)], { seed: PROPERTY_SEED, numRuns: 200 })(
    'rel lies between 0 and the strongest contact, and is 0 without contacts',
    (raw, halfLifeDays) => {
      const g = buildGraph(raw, { halfLifeDays });
      g.ids.forEach((id, i) => {
        const strengths = g.deal.contacts.filter((c) => c.person === id).map((c) => c.strength);
        expect(g.rel[i]).toBeGreaterThanOrEqual(0);
        expect(g.rel[i]).toBeLessThanOrEqual(strengths.length === 0 ? 0 : Math.max(...strengths));
      });
    },
    PROPERTY_TIMEOUT,
  );
});

describe('decayedStrength', () => {
  it.each<[number, string | undefined, string | undefined, number, number]>([
    // strength, lastContact, asOf, halfLifeDays -> expected (derivation in the name of each row)
    [0.9, '2026-10-02', '2026-11-01', 90, 0.9 * 0.5 ** (30 / 90)], // 30 days
    [0.8, '2026-08-03', '2026-11-01', 90, 0.4], // 90 days = one half-life
    [1, '2025-11-01', '2026-11-01', 365, 0.5], // 365 days = one half-life of 365
    [1, '2025-11-01', '2026-11-01', 182.5, 0.25], // two half-lives
    [0.9, '2026-10-02T12:00:00Z', '2026-11-01', 90, 0.9 * 0.5 ** (29.5 / 90)], // 29.5 days
    [0.9, '2026-11-15', '2026-11-01', 90, 0.9], // after asOf: 0 days
    [0.9, undefined, '2026-11-01', 90, 0.9], // no lastContact
    [0.9, '2026-10-02', undefined, 90, 0.9], // no asOf
    [0.9, '2000-01-01', '2026-11-01', Number.POSITIVE_INFINITY, 0.9], // no decay
    [0, '2026-10-02', '2026-11-01', 90, 0],
  ])('decayedStrength(%j, %j, %j, %j) = %j', (strength, lastContact, asOf, halfLifeDays, expected) => {
    expect(decayedStrength(strength, lastContact, asOf, halfLifeDays)).toBeCloseTo(expected, 12);
  });
});

/** Every array and table of a graph, in comparable form (typed arrays as plain arrays, sets sorted). */
function anatomy(g: PowerGraph): Record<string, unknown> {
  const csr = (c: { ptr: Int32Array; idx: Int32Array; w: Float64Array }) => ({ ptr: [...c.ptr], idx: [...c.idx], w: [...c.w] });
  return {
    deal: g.deal,
    options: g.options,
    ids: g.ids,
    people: g.people,
    index: [...g.index],
    influenceOut: csr(g.influenceOut),
    influenceIn: csr(g.influenceIn),
    derivedOut: [...g.derivedOut],
    informsIn: csr(g.informsIn),
    level: [...g.level],
    hasManager: [...g.hasManager],
    rel: [...g.rel],
    stance: [...g.stance],
    influence: [...g.influence],
    conflictKeys: [...g.conflictKeys].sort((a, b) => a - b),
    edgeCount: g.edgeCount,
  };
}

describe('graphWithout', () => {
  it('throws when the person is not in the graph', () => {
    expect(() => graphWithout(buildGraph(twoPeople), 'nobody')).toThrow(/no person "nobody"/);
  });

  it('re-weights the derived lines of the manager who loses a report (hand-derived)', () => {
    // m has three reports a, b, c: each derived report -> manager line weighs 0.3 / 3 = 0.1.
    // Without c, a and b are two reports of m: 0.3 / 2 = 0.15. The manager -> report lines stay 0.5.
    const g = buildGraph({ id: 'd', people: [{ id: 'm' }, { id: 'a', reportsTo: 'm' }, { id: 'b', reportsTo: 'm' }, { id: 'c', reportsTo: 'm' }] });
    expect(g.weight(g.indexOf('a')!, g.indexOf('m')!)).toBeCloseTo(0.1, 15);
    const after = graphWithout(g, 'c');
    expect(after.ids).toEqual(['a', 'b', 'm']);
    expect(after.weight(after.indexOf('a')!, after.indexOf('m')!)).toBe(0.3 / 2);
    expect(after.weight(after.indexOf('m')!, after.indexOf('b')!)).toBe(0.5);
  });

  test.prop([arbitraryDeal({ maxPeople: 9 }), fc.nat(), fc.record({ managerWeight: fc.double({ min: 0, max: 1, noNaN: true }), reportWeight: fc.double({ min: 0, max: 1, noNaN: true }), halfLifeDays: fc.constantFrom(30, 90, Number.POSITIVE_INFINITY) })], { seed: PROPERTY_SEED, numRuns: 300 })(
    'removing a person from the graph gives exactly the graph built from the deal without them',
    (raw, pick, options) => {
      const g = buildGraph(raw, options);
      if (g.n < 2) return;
      const id = g.ids[pick % g.n]!;
      const expected = buildGraph(parseDeal(withoutPerson(g.deal, id)), options);
      expect(anatomy(graphWithout(g, id))).toEqual(anatomy(expected));
    },
    PROPERTY_TIMEOUT,
  );
});

describe('graphWithout at the edges of floating point', () => {
  it('builds the line that no longer underflows when a subnormal reportWeight is shared by one report fewer', () => {
    // reportWeight = 1e-323 (two units of the smallest subnormal 5e-324): shared by 4 reports it is
    // half a unit, which rounds to 0 (ties to even), so no line; shared by 3 it is 2/3 of a unit,
    // which rounds to 5e-324, so the line exists.
    const raw = { id: 'd', people: [{ id: 'm' }, ...['a', 'b', 'c', 'e'].map((id) => ({ id, reportsTo: 'm' }))] };
    const options = { reportWeight: 1e-323 };
    const g = buildGraph(raw, options);
    expect(g.weight(g.indexOf('a')!, g.indexOf('m')!)).toBe(0);
    const expected = buildGraph(parseDeal(withoutPerson(g.deal, 'c')), options);
    expect(expected.weight(expected.indexOf('a')!, expected.indexOf('m')!)).toBe(5e-324);
    expect(anatomy(graphWithout(g, 'c'))).toEqual(anatomy(expected));
  });
});
