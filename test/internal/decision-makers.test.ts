import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ValidationError, buildGraph } from '../../src/index.js';
import { byScoreThenId, decisionMakers, greaterThan, orderByScore, radixOrderDescending, tied, topByScore } from '../../src/internal/decision-makers.js';
import { PROPERTY_SEED } from '../support/arbitraries.js';
import { RANK_KERNEL_DEFAULTS, rankScores } from '../../src/internal/rank-scores.js';
import { loadFixture } from '../support/fixtures.js';

function deal(people: Record<string, unknown>[], more: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemaVersion: 1, id: 'd', people, ...more };
}

/** The decision makers of a deal as [id, inferred, basis]. */
function dms(input: unknown, rank = RANK_KERNEL_DEFAULTS): [string, boolean, string][] {
  const g = buildGraph(input);
  return decisionMakers(g, rank).map((d) => [g.ids[d.index]!, d.inferred, d.basis]);
}

/**
 * boss (no manager, influence 0.2), star (reports to boss, influence 1), other (no manager, 0.3).
 * Derived edges: boss -> star 0.5, star -> boss 0.3 / 1. Priors v = (0.2, 1, 0.3) / 1.5 = 2/15, 10/15, 3/15.
 * W (slack): boss listens to star 0.3 and to themself 0.7; star listens to boss 0.5 and to themself 0.5;
 * other listens only to themself. With alpha = 1/2:
 *   p_b = 1/2 (0.7 p_b + 0.5 p_s) + 1/15,  p_s = 1/2 (0.3 p_b + 0.5 p_s) + 1/3,  p_o = 1/2 p_o + 1/10
 *   => p_o = 1/5;  p_s = 0.2 p_b + 4/9;  0.6 p_b = 1/9 + 1/15 = 8/45  =>  p_b = 8/27, p_s = 68/135.
 * star has the top score (0.504) but a manager; among people without one, boss 0.296 > other 0.2.
 * With alpha = 0, p = v: other 3/15 > boss 2/15.
 */
const bossStarOther = deal([
  { id: 'boss', influence: 0.2 },
  { id: 'star', reportsTo: 'boss', influence: 1 },
  { id: 'other', influence: 0.3 },
]);

describe('decisionMakers', () => {
  it('needs a valid deal: a reporting cycle (where everyone would have a manager) throws ValidationError (invalid_input)', () => {
    const cycle = deal([
      { id: 'a', reportsTo: 'b' },
      { id: 'b', reportsTo: 'a' },
    ]);
    expect(() => decisionMakers(buildGraph(cycle))).toThrow(ValidationError);
    try {
      buildGraph(cycle);
    } catch (error) {
      expect((error as ValidationError).code).toBe('invalid_input');
      expect((error as ValidationError).issues.map((i) => i.code)).toContain('reports_to_cycle');
    }
  });

  it('returns every person with role decision-maker, in id order, not inferred, and ignores economic buyers then', () => {
    expect(
      dms(
        deal([
          { id: 'zed', roles: ['decision-maker'] },
          { id: 'cfo', roles: ['economic-buyer'] },
          { id: 'amy', roles: ['decision-maker', 'economic-buyer'] },
        ]),
      ),
    ).toEqual([
      ['amy', false, 'role:decision-maker'],
      ['zed', false, 'role:decision-maker'],
    ]);
  });

  it('reads role aliases: 决策者 is a decision maker', () => {
    expect(dms(deal([{ id: 'ceo', roles: ['决策者'] }, { id: 'x' }]))).toEqual([['ceo', false, 'role:decision-maker']]);
  });

  it('falls back to every economic buyer (inferred false)', () => {
    expect(
      dms(
        deal([
          { id: 'vp', roles: ['economic-buyer'] },
          { id: 'ceo', influence: 1 },
          { id: 'cfo', roles: ['economic-buyer', 'approver'] },
        ]),
      ),
    ).toEqual([
      ['cfo', false, 'role:economic-buyer'],
      ['vp', false, 'role:economic-buyer'],
    ]);
  });

  it('uses the worked example declaration: Dana is the decision maker, Sam (economic buyer) is not', () => {
    expect(dms(loadFixture('harbor-wms.json'))).toEqual([['ceo', false, 'role:decision-maker']]);
  });

  it('checks the hand-computed scores the inference below relies on (boss 8/27, star 68/135, other 1/5)', () => {
    const g = buildGraph(bossStarOther);
    const { p } = rankScores(g);
    expect(p[g.index.get('boss')!]).toBeCloseTo(8 / 27, 11);
    expect(p[g.index.get('star')!]).toBeCloseTo(68 / 135, 11);
    expect(p[g.index.get('other')!]).toBeCloseTo(1 / 5, 11);
  });

  it('infers the highest-score person among those with no manager, not the top score overall', () => {
    expect(dms(bossStarOther)).toEqual([['boss', true, 'inferred:top-score-without-manager']]);
  });

  it('infers with the given score options: with alpha 0 the score is the prior, so other (3/15) beats boss (2/15)', () => {
    expect(dms(bossStarOther, { ...RANK_KERNEL_DEFAULTS, alpha: 0 })).toEqual([['other', true, 'inferred:top-score-without-manager']]);
  });

  it('breaks a tie between people without a manager by id', () => {
    // amy and zed are symmetric (both manage bob, same influence), so p_amy = p_zed exactly: amy first.
    expect(
      dms(
        deal([
          { id: 'zed', influence: 0.5 },
          { id: 'bob', reportsTo: ['zed', 'amy'], influence: 0.9 },
          { id: 'amy', influence: 0.5 },
        ]),
      ),
    ).toEqual([['amy', true, 'inferred:top-score-without-manager']]);
  });

  it('infers the only person of a one-person deal', () => {
    expect(dms(deal([{ id: 'solo' }]))).toEqual([['solo', true, 'inferred:top-score-without-manager']]);
  });
});

describe('tied', () => {
  it.each<[number, number, boolean]>([
    [1, 1, true],
    [1, 1 + 1e-13, true], // 1e-13 <= 1e-12 · max(1, 1, 1)
    [1, 1 + 1e-11, false],
    [0, 1e-13, true], // the scale is at least 1
    [1e6, 1e6 + 1e-7, true], // 1e-7 <= 1e-12 · 1e6 = 1e-6
    [1e6, 1e6 + 1e-5, false],
    [-2, -2 - 1e-12, true], // 1e-12 <= 2e-12
  ])('tied(%d, %d) is %s', (a, b, expected) => {
    expect(tied(a, b)).toBe(expected);
    expect(tied(b, a)).toBe(expected);
  });
});

describe('greaterThan', () => {
  it.each<[number, number, boolean]>([
    [2, 1, true],
    [1, 2, false],
    [1 + 1e-13, 1, false], // tied
    [1 + 1e-11, 1, true],
  ])('greaterThan(%d, %d) is %s', (a, b, expected) => {
    expect(greaterThan(a, b)).toBe(expected);
  });
});

describe('byScoreThenId', () => {
  it('sorts by score descending, then by id ascending when scores are tied', () => {
    const items = [
      { id: 'b', s: 0.5 },
      { id: 'c', s: 0.9 },
      { id: 'a', s: 0.5 + 1e-14 },
      { id: 'Z', s: 0.1 },
      { id: 'B', s: 0.5 },
    ];
    const sorted = [...items].sort(byScoreThenId((x) => x.s, (x) => x.id)).map((x) => x.id);
    // 'B' < 'a' < 'b' by code unit
    expect(sorted).toEqual(['c', 'B', 'a', 'b', 'Z']);
  });
});

describe('topByScore', () => {
  it.each<[string, number[], number, number[]]>([
    ['nothing asked, nothing given', [3, 1, 2], 0, []],
    ['the two largest, largest first', [0.1, 0.5, 0.3, 0.4], 2, [1, 3]],
    ['ties keep index order (= id order)', [0.2, 0.5, 0.5, 0.5], 2, [1, 2]],
    ['a score within 1e-12 of another counts as tied', [0.5, 0.5 + 1e-13, 0.1], 2, [0, 1]],
    ['fewer kept than asked', [0, 0.2, 0], 3, [1]],
    ['more asked than there are', [0.3, 0.1], 5, [0, 1]],
  ])('topByScore: %s', (_name, scores, k, expected) => {
    expect(topByScore(scores.length, k, (i) => scores[i]!, (s) => s > 0)).toEqual(expected);
  });

  test.prop([fc.array(fc.constantFrom(0, 0.1, 0.25, 0.5, 0.5 + 1e-13, 1, 2), { maxLength: 60 }), fc.nat({ max: 8 })], { seed: PROPERTY_SEED })(
    'the k best are the head of the full ordering',
    (scores, k) => {
      const kept = scores.map((s, i) => [s, i] as const).filter(([s]) => s > 0).map(([, i]) => i);
      const full = [...orderByScore(Int32Array.from(kept), (i) => scores[i]!)];
      expect(topByScore(scores.length, k, (i) => scores[i]!, (s) => s > 0)).toEqual(full.slice(0, k));
    },
  );
});

describe('radixOrderDescending', () => {
  it('orders by value descending, equal values in position order (hand-checked)', () => {
    // values:   0: 0.5, 1: -2, 2: 0.5, 3: Infinity, 4: -0, 5: 0, 6: -Infinity, 7: 1e-300
    // descending: Infinity(3), 0.5(0), 0.5(2), 1e-300(7), 0(5), -0(4), -2(1), -Infinity(6)
    const s = Float64Array.from([0.5, -2, 0.5, Infinity, -0, 0, -Infinity, 1e-300]);
    expect([...radixOrderDescending(s)]).toEqual([3, 0, 2, 7, 5, 4, 1, 6]);
  });

  test.prop([fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 0.5, 1)), { maxLength: 300 })], { seed: PROPERTY_SEED })(
    'radix order is the comparator order, ties by position',
    (values) => {
      const s = Float64Array.from(values);
      const expected = [...values.keys()].sort((a, b) => (s[a]! === s[b]! ? (Object.is(s[a], s[b]) ? a - b : Object.is(s[a], -0) ? 1 : -1) : s[b]! - s[a]!));
      expect([...radixOrderDescending(s)]).toEqual(expected);
    },
  );

  test.prop([fc.array(fc.constantFrom(0, 0.1, 0.25, 0.5, 0.5 + 1e-13, 1), { minLength: 4096, maxLength: 5000 })], { seed: PROPERTY_SEED, numRuns: 20 })(
    'orderByScore on many items (the radix path) gives the comparator order',
    (scores) => {
      const items = Int32Array.from(scores.keys());
      const expected = [...items].sort((a, b) => (tied(scores[a]!, scores[b]!) ? a - b : scores[b]! - scores[a]!));
      expect([...orderByScore(items, (i) => scores[i]!)]).toEqual(expected);
    },
  );
});
