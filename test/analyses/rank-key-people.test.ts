import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { OptionError, ValidationError, buildGraph, parseDeal, rankKeyPeople, type KeyPeopleRanking } from '../../src/index.js';
import { deal, harbor, infl, relabel, thrown } from '../support/analysis-fixtures.js';
import { PROPERTY_SEED, arbitraryDeal, arbitraryShuffledDeal, freezeDeep } from '../support/arbitraries.js';

/** Score of each person by id. */
function scores(r: KeyPeopleRanking): Record<string, number> {
  return Object.fromEntries(r.people.map((p) => [p.id, p.score]));
}

function person(r: KeyPeopleRanking, id: string) {
  const p = r.people.find((x) => x.id === id);
  if (!p) throw new Error(`no ${id} in the ranking`);
  return p;
}

/** a -> b with w = 1/2, equal influence. */
const twoPeople = () =>
  deal([{ id: 'a', influence: 0.5, stance: 1 }, { id: 'b', influence: 0.5, stance: -1 }], [infl('a', 'b', 0.5)]);

describe('rankKeyPeople', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['rankKeyPeople(d, { alpha: 1 })', { alpha: 1 }, 'alpha'],
    ['rankKeyPeople(d, { alpha: -0.1 })', { alpha: -0.1 }, 'alpha'],
    ['rankKeyPeople(d, { alpha: NaN })', { alpha: Number.NaN }, 'alpha'],
    ['rankKeyPeople(d, { alpha: "0.5" })', { alpha: '0.5' }, 'alpha'],
    ["rankKeyPeople(d, { normalization: 'foo' })", { normalization: 'foo' }, 'normalization'],
    ['rankKeyPeople(d, { alfa: 0.5 }) (unknown option name)', { alfa: 0.5 }, 'alfa'],
    ['rankKeyPeople(d, { brokeragePivots: 0 })', { brokeragePivots: 0 }, 'brokeragePivots'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => rankKeyPeople(twoPeople(), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('rankKeyPeople(invalid deal) throws ValidationError invalid_input with every issue', () => {
    const error = thrown(() => rankKeyPeople({ schemaVersion: 1, id: 'x', people: [{ id: 'a', stance: 2 }, { id: 'b', reportsTo: 'zz' }] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['people[0].stance', 'people[1].reportsTo']);
  });

  describe('the Harbor worked example', () => {
    const r = rankKeyPeople(harbor());

    it.each([
      ['ceo', 0.231632],
      ['coo', 0.194266],
      ['whm', 0.185622],
      ['cfo', 0.172719],
      ['it', 0.151581],
      ['buyer', 0.064181],
    ])('score of %s is %d (independent implementation, 6 decimals)', (id, score) => {
      expect(person(r, id).score).toBeCloseTo(score, 6);
    });

    it('ranks ceo, coo, whm, cfo, it, buyer with ranks 1..6', () => {
      expect(r.people.map((p) => [p.id, p.rank])).toEqual([
        ['ceo', 1],
        ['coo', 2],
        ['whm', 3],
        ['cfo', 4],
        ['it', 5],
        ['buyer', 6],
      ]);
    });

    it("assumes Ana's unassessed influence at the median of (1, 0.8, 0.75, 0.5, 0.25) = 0.75", () => {
      expect(r.assumedInfluence).toEqual({ ids: ['whm'], value: 0.75 });
      expect(person(r, 'whm').influenceAssumed).toBe(true);
      expect(person(r, 'whm').influence).toBe(0.75);
      expect(person(r, 'ceo').influenceAssumed).toBe(false);
      // sum(infl) = 1 + 0.8 + 0.75 + 0.75 + 0.5 + 0.25 = 4.05
      expect(person(r, 'cfo').prior).toBeCloseTo(0.8 / 4.05, 15);
    });

    it.each([
      // W_ji > 0 when i -> j is an influence edge; W_ii = 1 - (sum of in-weights) when that is <= 1.
      // ceo: cfo and coo listen to the ceo; ceo's in-weights 0.5 (cfo) + 0.15 (coo) = 0.65 => W_ii = 0.35.
      ['ceo', ['ceo', 'cfo', 'coo']],
      // cfo: ceo and buyer listen; cfo's in-weights 0.5 + 0.7 + 0.3 = 1.5 > 1 => W_ii = 0 (not listed).
      ['cfo', ['buyer', 'ceo']],
      // coo: ceo, whm, it listen; in-weights 0.5 + 0.6 + 0.15 = 1.25 > 1 => W_ii = 0.
      ['coo', ['ceo', 'it', 'whm']],
      // whm -> coo, so coo listens to whm; whm's in-weight is 0.5 (from coo) => W_ii = 0.5.
      ['whm', ['coo', 'whm']],
      // buyer -> cfo, so cfo listens; buyer's in-weight 0.5 (from cfo) => W_ii = 0.5.
      ['buyer', ['buyer', 'cfo']],
    ])('via of %s lists every listener j with W_ji > 0, itself included when W_ii > 0', (id, ids) => {
      expect(person(r, id).parts.via.map((x) => x.id).sort()).toEqual(ids);
    });

    it('parts.own + sum(parts.via) = score for everyone', () => {
      // Exact at the fixed point; the iteration stops at an L1 change below 1e-12, so to ~1e-12.
      for (const p of r.people) {
        const total = p.parts.own + p.parts.via.reduce((s, x) => s + x.amount, 0);
        expect(total).toBeCloseTo(p.score, 12);
      }
    });

    it('reports formal levels (ceo 1; cfo, coo 2; the rest 3) and brokerage alongside', () => {
      expect(Object.fromEntries(r.people.map((p) => [p.id, p.level]))).toEqual({ ceo: 1, cfo: 2, coo: 2, whm: 3, it: 3, buyer: 3 });
      // Raj (it) sits on shortest paths only for coo -> cfo (coo>ceo>cfo, coo>it>cfo: 1/2),
      // whm -> cfo (1/2), coo -> buyer (1/2) and whm -> buyer (1/2): 2 of (6-1)(6-2) = 20 => 1/10.
      expect(person(r, 'it').brokerage).toBeCloseTo(1 / 10, 15);
      expect(person(r, 'whm').brokerage).toBe(0);
      expect(r.brokerageMethod).toEqual({ method: 'exact', sources: 6 });
    });
  });

  describe('hand-computed fixtures', () => {
    it('rankKeyPeople(two people a -> b, w = 1/2): p_a = 2/3, p_b = 1/3', () => {
      // v = (1/2, 1/2), alpha = 1/2. W: a listens to nobody (W_aa = 1); b: W_ba = 1/2, W_bb = 1/2.
      // p_b = 1/2·(1/2·p_b) + 1/4  =>  3/4·p_b = 1/4  =>  p_b = 1/3
      // p_a = 1/2·(p_a + 1/2·p_b) + 1/4  =>  1/2·p_a = 1/12 + 1/4  =>  p_a = 2/3
      const r = rankKeyPeople(twoPeople());
      expect(scores(r).a).toBeCloseTo(2 / 3, 12);
      expect(scores(r).b).toBeCloseTo(1 / 3, 12);
      // parts of a: own = (1 - alpha)·v_a = 1/4; via a itself = 1/2·1·2/3 = 1/3; via b = 1/2·1/2·1/3 = 1/12.
      const a = person(r, 'a');
      expect(a.parts.own).toBeCloseTo(1 / 4, 15);
      expect(a.parts.via.map((x) => x.id)).toEqual(['a', 'b']); // largest first
      expect(a.parts.via[0]!.amount).toBeCloseTo(1 / 3, 12);
      expect(a.parts.via[1]!.amount).toBeCloseTo(1 / 12, 12);
      // parts of b: own = 1/4; via b itself = 1/2·1/2·1/3 = 1/12.
      const b = person(r, 'b');
      expect(b.parts.own).toBeCloseTo(1 / 4, 15);
      expect(b.parts.via).toHaveLength(1);
      expect(b.parts.via[0]!.id).toBe('b');
      expect(b.parts.via[0]!.amount).toBeCloseTo(1 / 12, 12);
    });

    it("rankKeyPeople(two people, { normalization: 'row' }): the row of b is scaled to 1, W_bb = 0", () => {
      // 'row': b's in-weights s = 1/2 > 0 => W_ba = (1/2)/(1/2) = 1, W_bb = 0; W_aa = 1 still.
      // p_b = 1/2·0 + 1/4 = 1/4;  p_a = 1/2·(p_a + p_b) + 1/4  =>  1/2·p_a = 1/8 + 1/4  =>  p_a = 3/4.
      const r = rankKeyPeople(twoPeople(), { normalization: 'row' });
      expect(scores(r).a).toBeCloseTo(3 / 4, 12);
      expect(scores(r).b).toBeCloseTo(1 / 4, 12);
      expect(person(r, 'b').parts.via).toEqual([]); // nobody listens to b, and W_bb = 0
      expect(r.normalization).toBe('row');
    });

    it("rankKeyPeople(a -> b with a subnormal weight 5e-324, { normalization: 'row' }): W_ba is still 1", () => {
      // 'row' scales b's row by s = 5e-324: W_ba = 5e-324 / 5e-324 = 1 (1/s alone would overflow to
      // Infinity), W_bb = 0. So the scores are those of the 'row' case above: p_a = 3/4, p_b = 1/4.
      const r = rankKeyPeople(deal([{ id: 'a', influence: 0.5 }, { id: 'b', influence: 0.5 }], [infl('a', 'b', 5e-324)]), {
        normalization: 'row',
      });
      expect(scores(r).a).toBeCloseTo(3 / 4, 12);
      expect(scores(r).b).toBeCloseTo(1 / 4, 12);
      expect(person(r, 'a').parts.via.find((x) => x.id === 'b')!.amount).toBeCloseTo(1 / 2 * 1 * 1 / 4, 12);
    });

    it('rankKeyPeople(in-weights of c sum to 1.4 > 1): the row is scaled and W_cc = 0', () => {
      // a -> c 0.8, b -> c 0.6: s_c = 1.4 > 1 => W_ca = 0.8/1.4 = 4/7, W_cb = 3/7, W_cc = 0.
      // W_aa = W_bb = 1. v = (1/3, 1/3, 1/3), alpha = 1/2.
      // p_c = 1/2·0 + 1/6 = 1/6
      // p_a = 1/2·(p_a + 4/7·p_c) + 1/6  =>  1/2·p_a = 1/6 + 2/7·1/6 = 9/42  =>  p_a = 3/7
      // p_b = 1/2·(p_b + 3/7·p_c) + 1/6  =>  1/2·p_b = 1/6 + 3/14·1/6 = 17/84 =>  p_b = 17/42
      // check: 18/42 + 17/42 + 7/42 = 1.
      const r = rankKeyPeople(
        deal(
          [
            { id: 'a', influence: 0.6 },
            { id: 'b', influence: 0.6 },
            { id: 'c', influence: 0.6 },
          ],
          [infl('a', 'c', 0.8), infl('b', 'c', 0.6)],
        ),
      );
      expect(scores(r).a).toBeCloseTo(3 / 7, 12);
      expect(scores(r).b).toBeCloseTo(17 / 42, 12);
      expect(scores(r).c).toBeCloseTo(1 / 6, 12);
      // via of a: c listens with W_ca = 4/7: 1/2·4/7·1/6 = 1/21; a itself: 1/2·1·3/7 = 3/14.
      const via = Object.fromEntries(person(r, 'a').parts.via.map((x) => [x.id, x.amount]));
      expect(via.a).toBeCloseTo(3 / 14, 12);
      expect(via.c).toBeCloseTo(1 / 21, 12);
      expect(person(r, 'c').parts.via).toEqual([]); // W_cc = 0 and c influences nobody
    });

    it('rankKeyPeople(in-weights sum exactly 1): slack 0, so W_ii = 0 is not listed in via', () => {
      // a -> b 0.5 and c -> b 0.5: s_b = 1 => W_ba = W_bc = 1/2, W_bb = 0.
      const r = rankKeyPeople(deal([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [infl('a', 'b', 0.5), infl('c', 'b', 0.5)]));
      // nobody assessed: 1/2 each => v uniform. p_b = 1/6; p_a = p_c: 1/2·p_a = 1/6 + 1/2·1/2·1/6 => p_a = 5/12.
      expect(scores(r).b).toBeCloseTo(1 / 6, 12);
      expect(scores(r).a).toBeCloseTo(5 / 12, 12);
      expect(person(r, 'b').parts.via).toEqual([]);
    });

    it('rankKeyPeople(unassessed influence, even count): the median is the mean of the two middle values', () => {
      // assessed 0.2, 0.4, 0.6, 1 => median (0.4 + 0.6)/2 = 0.5 for e.
      // No edges: W = I, so p = v = infl / 2.7: (2, 4, 6, 10, 5)/27.
      const r = rankKeyPeople(
        deal([
          { id: 'a', influence: 0.2 },
          { id: 'b', influence: 0.4 },
          { id: 'c', influence: 0.6 },
          { id: 'd', influence: 1 },
          { id: 'e', influence: null },
        ]),
      );
      expect(r.assumedInfluence).toEqual({ ids: ['e'], value: 0.5 });
      const s = scores(r);
      expect([s.a, s.b, s.c, s.d, s.e].map((x) => x! * 27)).toEqual([2, 4, 6, 10, 5].map((x) => expect.closeTo(x, 12)));
      expect(r.people.map((p) => p.id)).toEqual(['d', 'c', 'e', 'b', 'a']);
    });

    it("rankKeyPeople(nobody assessed): 0.5 each, all named in assumedInfluence ('unknown' counts as not assessed)", () => {
      const r = rankKeyPeople(deal([{ id: 'b', influence: 'unknown' }, { id: 'a' }, { id: 'c', influence: null }]));
      expect(r.assumedInfluence).toEqual({ ids: ['a', 'b', 'c'], value: 0.5 });
      for (const p of r.people) expect(p.score).toBeCloseTo(1 / 3, 14);
    });

    it('rankKeyPeople(every influence 0): the prior is uniform', () => {
      const r = rankKeyPeople(deal([{ id: 'a', influence: 0 }, { id: 'b', influence: 'none' }]));
      expect(r.assumedInfluence.ids).toEqual([]);
      expect(r.people.map((p) => p.prior)).toEqual([0.5, 0.5]);
    });

    it('rankKeyPeople(alpha 0): the score is the prior', () => {
      const r = rankKeyPeople(twoPeople(), { alpha: 0 });
      expect(r.people.map((p) => p.score)).toEqual([0.5, 0.5]);
      expect(r.people.map((p) => p.parts.via.every((x) => x.amount === 0))).toEqual([true, true]);
    });

    it('rankKeyPeople(tied scores): ties sort by id (code-unit order), ranks are positions', () => {
      const r = rankKeyPeople(deal([{ id: 'b' }, { id: 'B' }, { id: 'a' }, { id: '王' }]));
      expect(r.people.map((p) => [p.id, p.rank])).toEqual([
        ['B', 1],
        ['a', 2],
        ['b', 3],
        ['王', 4],
      ]);
    });

    it('rankKeyPeople(Harbor, { brokerageExactLimit: 2, brokeragePivots: 3 }) samples 3 pivots; scores are unchanged', () => {
      const sampled = rankKeyPeople(harbor(), { brokerageExactLimit: 2, brokeragePivots: 3 });
      expect(sampled.brokerageMethod).toEqual({ method: 'sampled', sources: 3 });
      expect(sampled.people.map((p) => p.score)).toEqual(rankKeyPeople(harbor()).people.map((p) => p.score));
    });

    it('rankKeyPeople(a deal, a parsed deal or a PowerGraph) gives the same result', () => {
      const raw = harbor();
      const expected = JSON.stringify(rankKeyPeople(raw));
      expect(JSON.stringify(rankKeyPeople(parseDeal(raw)))).toBe(expected);
      expect(JSON.stringify(rankKeyPeople(buildGraph(raw)))).toBe(expected);
    });

    it('rankKeyPeople(frozen deal) never mutates its input', () => {
      const raw = freezeDeep(harbor());
      expect(() => rankKeyPeople(raw)).not.toThrow();
      expect(raw).toEqual(harbor());
    });
  });

  describe('properties', () => {
    test.prop([arbitraryDeal()], { seed: PROPERTY_SEED })('scores sum to 1', (raw) => {
      const r = rankKeyPeople(raw);
      expect(r.people.reduce((s, p) => s + p.score, 0)).toBeCloseTo(1, 12);
      for (const p of r.people) expect(p.score).toBeGreaterThanOrEqual(0);
    });

    test.prop([arbitraryDeal(), fc.constantFrom('slack', 'row'), fc.double({ min: 0, max: 0.95, noNaN: true })], { seed: PROPERTY_SEED })(
      'parts add up to the score',
      (raw, normalization, alpha) => {
        // Exact at the fixed point; the power iteration stops at an L1 change below 1e-12, and
        // own + via is one more step of it, so they agree to that change (allow 1e-11).
        const r = rankKeyPeople(raw, { normalization, alpha });
        for (const p of r.people) {
          const total = p.parts.own + p.parts.via.reduce((s, x) => s + x.amount, 0);
          expect(Math.abs(total - p.score)).toBeLessThanOrEqual(1e-11);
          expect(p.parts.own).toBeCloseTo((1 - alpha) * p.prior, 15);
        }
        expect(r.people.map((p) => p.rank)).toEqual(r.people.map((_, k) => k + 1));
      },
    );

    test.prop([arbitraryDeal().chain((raw) => fc.tuple(fc.constant(raw), fc.shuffledSubarray(raw.people.map((_, k) => k), { minLength: raw.people.length, maxLength: raw.people.length })))], {
      seed: PROPERTY_SEED,
    })('relabelling people changes nothing but names', ([raw, perm]) => {
      const names = new Map(raw.people.map((p, k) => [p.id, `p${perm[k]}`]));
      const rename = (id: string) => names.get(id)!;
      const before = rankKeyPeople(raw);
      const after = rankKeyPeople(relabel(raw, rename));
      const byId = new Map(after.people.map((p) => [p.id, p]));
      for (const p of before.people) {
        const q = byId.get(rename(p.id))!;
        expect(q.score).toBeCloseTo(p.score, 12);
        expect(q.parts.own).toBeCloseTo(p.parts.own, 12);
        expect(q.brokerage).toBeCloseTo(p.brokerage, 12);
        expect(q.level).toBe(p.level);
        expect(q.influenceAssumed).toBe(p.influenceAssumed);
        const via = new Map(q.parts.via.map((x) => [x.id, x.amount]));
        expect([...via.keys()].sort()).toEqual(p.parts.via.map((x) => rename(x.id)).sort());
        for (const x of p.parts.via) expect(via.get(rename(x.id))).toBeCloseTo(x.amount, 12);
      }
      expect([...after.assumedInfluence.ids].sort()).toEqual(before.assumedInfluence.ids.map(rename).sort());
    });

    test.prop([arbitraryShuffledDeal()], { seed: PROPERTY_SEED })('permuting people and relations order changes nothing', ([raw, shuffled]) => {
      expect(JSON.stringify(rankKeyPeople(shuffled))).toBe(JSON.stringify(rankKeyPeople(raw)));
    });

    test.prop([arbitraryDeal()], { seed: PROPERTY_SEED })('results are identical across runs', (raw) => {
      expect(JSON.stringify(rankKeyPeople(structuredClone(raw)))).toBe(JSON.stringify(rankKeyPeople(structuredClone(raw))));
    });
  });
});

describe('rankKeyPeople via order', () => {
  it('lists tied amounts by id: a leader with three equal reports', () => {
    // m has no manager and reports a, b, c (derived lines m -> report at 0.5, report -> m at 0.3/3 = 0.1).
    // Each report listens to m alone with W = 0.5 (slack 0.5 on the diagonal), and the reports are
    // symmetric, so p_a = p_b = p_c and m's via amounts 1/2 * 0.5 * p_r are equal: by id, a, b, c.
    const r = rankKeyPeople(deal([{ id: 'm' }, { id: 'c', reportsTo: 'm' }, { id: 'a', reportsTo: 'm' }, { id: 'b', reportsTo: 'm' }]));
    expect(person(r, 'm').parts.via.map((x) => x.id).filter((id) => id !== 'm')).toEqual(['a', 'b', 'c']);
  });

  test.prop([arbitraryDeal()], { seed: PROPERTY_SEED })('every via list runs from the largest amount down, ties by id', (raw) => {
    for (const p of rankKeyPeople(raw).people)
      for (let k = 1; k < p.parts.via.length; k++) {
        const [a, b] = [p.parts.via[k - 1]!, p.parts.via[k]!];
        const isTied = Math.abs(a.amount - b.amount) <= 1e-12 * Math.max(1, Math.abs(a.amount), Math.abs(b.amount));
        expect(isTied ? a.id < b.id : a.amount > b.amount).toBe(true);
      }
  });
});
