import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { OptionError, ValidationError, parseDeal, predictConsensus, recommendEngagements, type Engagements } from '../../src/index.js';
import { deal, harbor, infl, thrown, withStances } from '../support/analysis-fixtures.js';
import { PROPERTY_SEED, arbitraryDeal, arbitraryShuffledDeal } from '../support/arbitraries.js';

function byId(r: Engagements, id: string) {
  const x = r.recommendations.find((e) => e.id === id);
  if (!x) throw new Error(`no recommendation for ${id}`);
  return x;
}

/**
 * a -> b with w = 1/2, both susceptibility 1/2 (explicit), equal influence (v = 1/2 each).
 * Stances a 0 (neutral), b -1/2. We know a (rel 1/2); b only through a.
 *
 * Forward: x_a = 1/2 x_a + 1/2 u_a => x_a = u_a;  x_b = 1/2 (1/2 x_a + 1/2 x_b) + 1/2 u_b => x_b = 1/3 u_a + 2/3 u_b.
 * So V = [[1, 0], [1/3, 2/3]] and g = V^T v = (1/2 + 1/6, 1/3) = (2/3, 1/3).
 * gain_a = 2/3 · (1 - 0) = 2/3; gain_b = 1/3 · (1 + 1/2) = 1/2.
 * Feasibility: a = rel 1/2; b = 1/2 (us - a) · (1 + 0)/2 (a passes on half) · 1/2 (a - b) = 1/8.
 * expected: a 1/3, b 1/16.
 */
const pair = () =>
  deal(
    [
      { id: 'a', influence: 0.5, stance: 0, susceptibility: 0.5 },
      { id: 'b', influence: 0.5, stance: -0.5, susceptibility: 0.5 },
    ],
    [infl('a', 'b', 0.5)],
    { contacts: [{ person: 'a', strength: 0.5 }] },
  );

/** The trio of predictConsensus: a decision maker (lambda 3/10), b 1/2, c explicit 4/5; no contacts. */
const trio = () =>
  deal(
    [
      { id: 'a', roles: ['decision-maker'], influence: 0.5, stance: 1 },
      { id: 'b', influence: 0.25, stance: -1 },
      { id: 'c', influence: 0.25, stance: null, susceptibility: 0.8 },
    ],
    [infl('b', 'a', 0.5), infl('a', 'b', 0.5), infl('a', 'c', 0.5), infl('b', 'c', 0.5)],
  );

describe('recommendEngagements', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['recommendEngagements(d, { limit: -1 })', { limit: -1 }, 'limit'],
    ['recommendEngagements(d, { limit: 2.5 })', { limit: 2.5 }, 'limit'],
    ['recommendEngagements(d, { viaLimit: -1 })', { viaLimit: -1 }, 'viaLimit'],
    ['recommendEngagements(d, { target: 2 })', { target: 2 }, 'target'],
    ['recommendEngagements(d, { alpha: 1 })', { alpha: 1 }, 'alpha'],
    ["recommendEngagements(d, { normalization: 'foo' })", { normalization: 'foo' }, 'normalization'],
    ['recommendEngagements(d, { top: 3 }) (unknown option name)', { top: 3 }, 'top'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => recommendEngagements(pair(), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('recommendEngagements(invalid deal) throws ValidationError invalid_input', () => {
    const error = thrown(() => recommendEngagements({ schemaVersion: 1, id: 'x', people: [{ id: 'a' }], relations: [{ from: 'a', to: 'a', kind: 'informs' }] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['relations[0]']);
  });

  describe('the Harbor worked example', () => {
    const r = recommendEngagements(harbor());

    it('recommends it, ceo, coo, cfo, buyer (Ana is already a champion: at the target, excluded)', () => {
      expect(r.recommendations.map((x) => [x.id, x.rank])).toEqual([
        ['it', 1],
        ['ceo', 2],
        ['coo', 3],
        ['cfo', 4],
        ['buyer', 5],
      ]);
    });

    it.each([
      ['it', 0.198746, 0.6, 0.119248],
      ['ceo', 0.288051, 0.160724, 0.046297],
      ['coo', 0.091416, 0.428598, 0.039181],
      ['cfo', 0.217111, 0.126, 0.027356],
      ['buyer', 0.060451, 0.01575, 0.000952],
    ])('%s: gain %d, feasibility %d, expected %d (independent implementation, 6 decimals)', (id, gain, feasibility, expected) => {
      const x = byId(r, id);
      expect(x.gain).toBeCloseTo(gain, 6);
      expect(x.feasibility).toBeCloseTo(feasibility, 6);
      expect(x.expected).toBeCloseTo(expected, 6);
      expect(x.expected).toBeCloseTo(x.gain * x.feasibility, 15);
    });

    it.each([
      // Raj: our contact, 0.6 undated.
      ['it', ['it'], 0.6],
      // us -> Ana 0.714330 · (1+1)/2 · whm-coo 0.6 · (1+0.5)/2 · coo-ceo 0.5 = 0.160724
      ['ceo', ['whm', 'coo', 'ceo'], 0.9 * 0.5 ** (1 / 3) * 1 * 0.6 * 0.75 * 0.5],
      // us -> Ana 0.714330 · 1 · 0.6 = 0.428598
      ['coo', ['whm', 'coo'], 0.9 * 0.5 ** (1 / 3) * 0.6],
      // us -> Raj 0.6 · (1 - 0.4)/2 · it-cfo 0.7 = 0.126
      ['cfo', ['it', 'cfo'], 0.6 * 0.3 * 0.7],
      // ... · Sam (1 - 0.5)/2 · cfo-buyer 0.5 = 0.01575
      ['buyer', ['it', 'cfo', 'buyer'], 0.6 * 0.3 * 0.7 * 0.25 * 0.5],
    ])('path to %s is the access path %j (probability = feasibility)', (id, path, feasibility) => {
      expect(byId(r, id).path).toEqual(path);
      expect(byId(r, id).feasibility).toBeCloseTo(feasibility as number, 12);
    });

    it('via amounts and viaOther add up to the gain', () => {
      for (const x of r.recommendations) {
        expect(x.via.reduce((s, v) => s + v.amount, 0) + x.viaOther).toBeCloseTo(x.gain, 14);
      }
    });
  });

  describe('hand-computed fixtures', () => {
    it('recommendEngagements(pair): gain 2/3 and 1/2, feasibility 1/2 and 1/8, expected 1/3 and 1/16', () => {
      const r = recommendEngagements(pair());
      expect(r.recommendations.map((x) => x.id)).toEqual(['a', 'b']);
      const [a, b] = r.recommendations;
      expect(a!.gain).toBeCloseTo(2 / 3, 12);
      expect(a!.feasibility).toBeCloseTo(1 / 2, 15);
      expect(a!.expected).toBeCloseTo(1 / 3, 12);
      expect(a!.path).toEqual(['a']);
      expect(b!.gain).toBeCloseTo(1 / 2, 12);
      expect(b!.feasibility).toBeCloseTo(1 / 8, 15);
      expect(b!.expected).toBeCloseTo(1 / 16, 12);
      expect(b!.path).toEqual(['a', 'b']);
    });

    it('recommendEngagements(pair): via_i = v_i · V_ij · (target - u_j)', () => {
      // a: column (1, 1/3) => a 1/2 · 1 · 1 = 1/2, b 1/2 · 1/3 · 1 = 1/6 (sum 2/3).
      // b: column (0, 2/3) => only b: 1/2 · 2/3 · 3/2 = 1/2 (a's V_ab = 0 is not listed).
      const [a, b] = recommendEngagements(pair()).recommendations;
      expect(a!.via.map((x) => x.id)).toEqual(['a', 'b']);
      expect(a!.via.map((x) => x.amount)).toEqual([1 / 2, 1 / 6].map((x) => expect.closeTo(x, 12)));
      expect(a!.viaOther).toBeCloseTo(0, 12);
      expect(b!.via.map((x) => x.id)).toEqual(['b']);
      expect(b!.via[0]!.amount).toBeCloseTo(1 / 2, 12);
    });

    it('recommendEngagements(pair): moving a to the target raises the lean by exactly gain_a', () => {
      // Before: x = (0, -1/3), lean = -1/6. With u_a = 1: x = (1, 1/3 - 1/3 = 0), lean = 1/2. 1/2 + 1/6 = 2/3.
      const before = predictConsensus(pair()).lean;
      const after = predictConsensus(withStances(pair(), new Map([[0, 1]]))).lean;
      expect(before).toBeCloseTo(-1 / 6, 12);
      expect(after - before).toBeCloseTo(recommendEngagements(pair()).recommendations[0]!.gain, 12);
    });

    it('recommendEngagements(trio): g = V^T v by one adjoint solve; gains b 31/48, c 1/20; a (at target) excluded', () => {
      // Adjoint y = v + W^T L y, g = (I - L) y. Every row of W is (1/2, 1/2, 0), lambda = (3/10, 1/2, 4/5):
      //   y_a = 1/2 + T/2,  y_b = 1/4 + T/2,  y_c = 1/4 (nobody listens to c),  T = 3/10 y_a + 1/2 y_b + 4/5 y_c.
      //   y_a - y_b = 1/4 => T = 4/5 y_a + 3/40 => y_a = 1/2 + 2/5 y_a + 3/80 => y_a = 43/48, y_b = 31/48.
      //   g = (7/10 · 43/48, 1/2 · 31/48, 1/5 · 1/4) = (301/480, 31/96, 1/20)   (sums to 1; g·u = 73/240 = the lean).
      // gain_b = 31/96 · (1 - (-1)) = 31/48; gain_c = 1/20 · (1 - 0) = 1/20 (unknown stance counts 0).
      // No contacts: feasibility 0, expected 0 for both; ties by id, and they still fill the list.
      const r = recommendEngagements(trio());
      expect(r.recommendations.map((x) => x.id)).toEqual(['b', 'c']);
      expect(byId(r, 'b').gain).toBeCloseTo(31 / 48, 12);
      expect(byId(r, 'c').gain).toBeCloseTo(1 / 20, 12);
      expect(byId(r, 'c').stance).toBeNull();
      for (const x of r.recommendations) {
        expect(x.feasibility).toBe(0);
        expect(x.expected).toBe(0);
        expect(x.path).toBeNull();
      }
    });

    it('recommendEngagements(trio): via of b is v_i · (column b of V) · 2 = a 1/8, b 17/48, c 1/6', () => {
      // Column b of V: (I - LW) x = (I - L) e_b = (0, 1/2, 0):
      //   17/20 x_a - 3/20 x_b = 0 => 17 x_a = 3 x_b;  -1/4 x_a + 3/4 x_b = 1/2 => x_a = 1/8, x_b = 17/24;
      //   x_c = 2/5 (1/8 + 17/24) = 1/3.
      // via = (1/2 · 1/8, 1/4 · 17/24, 1/4 · 1/3) · 2 = (1/8, 17/48, 1/6), sum 31/48 = gain_b.
      const b = byId(recommendEngagements(trio()), 'b');
      expect(b.via.map((x) => x.id)).toEqual(['b', 'c', 'a']);
      expect(b.via.map((x) => x.amount)).toEqual([17 / 48, 1 / 6, 1 / 8].map((x) => expect.closeTo(x, 12)));
      const shown = byId(recommendEngagements(trio(), { viaLimit: 2 }), 'b');
      expect(shown.via.map((x) => x.id)).toEqual(['b', 'c']);
      expect(shown.viaOther).toBeCloseTo(1 / 8, 12);
      const none = byId(recommendEngagements(trio(), { viaLimit: 0 }), 'b');
      expect(none.via).toEqual([]);
      expect(none.viaOther).toBe(none.gain);
    });

    it('recommendEngagements(trio, { target: 0.5 }): gain = g_j (0.5 - u_j): b 31/96 · 3/2 = 31/64, c 1/20 · 1/2 = 1/40', () => {
      const r = recommendEngagements(trio(), { target: 0.5 });
      expect(r.target).toBe(0.5);
      expect(byId(r, 'b').gain).toBeCloseTo(31 / 64, 12);
      expect(byId(r, 'c').gain).toBeCloseTo(1 / 40, 12);
    });

    it('recommendEngagements(d, { target: 0.5 }) excludes people at or above the target', () => {
      // No edges: x* = u and g = v = 1/3 each. Only y (0.2 < 0.5) remains: gain = 1/3 · 0.3 = 0.1.
      const r = recommendEngagements(
        deal([
          { id: 'x', stance: 0.5 },
          { id: 'y', stance: 0.2 },
          { id: 'z', stance: 0.6 },
        ]),
        { target: 0.5 },
      );
      expect(r.recommendations.map((e) => e.id)).toEqual(['y']);
      expect(r.recommendations[0]!.gain).toBeCloseTo(0.1, 15);
    });

    it.each([
      ['recommendEngagements(Harbor, { limit: 1 })', { limit: 1 }, ['it']],
      ['recommendEngagements(Harbor, { limit: 0 })', { limit: 0 }, []],
      ['recommendEngagements(Harbor, { limit: 10 }) (only 5 people are below the target)', { limit: 10 }, ['it', 'ceo', 'coo', 'cfo', 'buyer']],
    ])('%s', (_name, options, ids) => {
      expect(recommendEngagements(harbor(), options).recommendations.map((x) => x.id)).toEqual(ids);
    });
  });

  describe('properties', () => {
    test.prop(
      [
        arbitraryDeal().chain((raw) => fc.tuple(fc.constant(raw), fc.subarray(raw.people.map((_, k) => k)))),
      ],
      { seed: PROPERTY_SEED },
    )('gains are additive', ([raw, subset]) => {
      // Move every person of S (those below the target) to the target: the lean rises by sum of their gains.
      const parsed = parseDeal(raw);
      const n = parsed.people.length;
      const gains = new Map(recommendEngagements(raw, { limit: n, viaLimit: 0 }).recommendations.map((x) => [x.id, x.gain]));
      const moved = new Map<number, number>();
      let total = 0;
      for (const k of subset) {
        const id = raw.people[k]!.id;
        if (!gains.has(id)) continue; // already at the target
        moved.set(k, 1);
        total += gains.get(id)!;
      }
      const before = predictConsensus(raw, { decisionRule: 'weighted' }).lean;
      const after = predictConsensus(withStances(raw, moved), { decisionRule: 'weighted' }).lean;
      expect(Math.abs(after - before - total)).toBeLessThanOrEqual(1e-9);
    });

    test.prop([arbitraryDeal()], { seed: PROPERTY_SEED })('via amounts and viaOther add up to the gain; people at the target are never recommended', (raw) => {
      const parsed = parseDeal(raw);
      const stance = new Map(parsed.people.map((p) => [p.id, p.stance ?? 0]));
      const r = recommendEngagements(raw, { limit: parsed.people.length, viaLimit: 2 });
      for (const x of r.recommendations) {
        expect(stance.get(x.id)!).toBeLessThan(1);
        expect(x.gain).toBeGreaterThanOrEqual(0);
        expect(x.via.length).toBeLessThanOrEqual(2);
        expect(Math.abs(x.via.reduce((s, v) => s + v.amount, 0) + x.viaOther - x.gain)).toBeLessThanOrEqual(1e-12);
        expect(x.feasibility).toBeGreaterThanOrEqual(0);
        expect(x.feasibility).toBeLessThanOrEqual(1);
        if (x.path) expect(x.path[x.path.length - 1]).toBe(x.id);
        else expect(x.feasibility).toBe(0);
      }
      const expected = r.recommendations.map((x) => x.expected);
      for (let k = 1; k < expected.length; k++) expect(expected[k]!).toBeLessThanOrEqual(expected[k - 1]! + 1e-12);
    });

    test.prop([arbitraryShuffledDeal()], { seed: PROPERTY_SEED })('permuting people and relations order changes nothing', ([raw, shuffled]) => {
      expect(JSON.stringify(recommendEngagements(shuffled))).toBe(JSON.stringify(recommendEngagements(raw)));
    });

    test.prop([arbitraryDeal()], { seed: PROPERTY_SEED })('results are identical across runs', (raw) => {
      expect(JSON.stringify(recommendEngagements(structuredClone(raw)))).toBe(JSON.stringify(recommendEngagements(structuredClone(raw))));
    });
  });
});
