import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ConvergenceError, OptionError, ValidationError, parseDeal, predictConsensus, rankKeyPeople, type Consensus } from '../../src/index.js';
import { deal, harbor, infl, relabel, thrown, withStances } from '../support/analysis-fixtures.js';
import { PROPERTY_SEED, arbitraryDeal, arbitraryShuffledDeal } from '../support/arbitraries.js';

function finals(c: Consensus): Record<string, number> {
  return Object.fromEntries(c.stances.map((s) => [s.id, s.final]));
}

/**
 * Three people, a is the decision maker:
 *   b -> a 1/2, a -> b 1/2, a -> c 1/2, b -> c 1/2.
 * W (row i = whom i listens to): a = (1/2 self, 1/2 b), b = (1/2 a, 1/2 self), c = (1/2 a, 1/2 b, W_cc = 0).
 * lambda: a 3/10 (decision maker), b 1/2 (default), c 4/5 (explicit). u = (1, -1, unknown -> 0).
 * v = influence / sum = (1/2, 1/4, 1/4).
 */
const trio = (aFields: Record<string, unknown> = {}) =>
  deal(
    [
      { id: 'a', roles: ['decision-maker'], influence: 0.5, stance: 1, ...aFields },
      { id: 'b', influence: 0.25, stance: -1 },
      { id: 'c', influence: 0.25, stance: null, susceptibility: 0.8 },
    ],
    [infl('b', 'a', 0.5), infl('a', 'b', 0.5), infl('a', 'c', 0.5), infl('b', 'c', 0.5)],
  );

/** a -> b with w = 1/2, both susceptibility 1/2 (explicit), a champion, b opponent. */
const twoPeople = (weight = 0.5) =>
  deal(
    [
      { id: 'a', influence: 0.5, stance: 1, susceptibility: 0.5 },
      { id: 'b', influence: 0.5, stance: -1, susceptibility: 0.5 },
    ],
    [infl('a', 'b', weight)],
  );

describe('predictConsensus', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['predictConsensus(d, { alpha: 1 })', { alpha: 1 }, 'alpha'],
    ['predictConsensus(d, { susceptibility: 1.5 })', { susceptibility: 1.5 }, 'susceptibility'],
    ['predictConsensus(d, { decisionMakerSusceptibility: -0.1 })', { decisionMakerSusceptibility: -0.1 }, 'decisionMakerSusceptibility'],
    ["predictConsensus(d, { decisionRule: 'majority' })", { decisionRule: 'majority' }, 'decisionRule'],
    ["predictConsensus(d, { normalization: 'foo' })", { normalization: 'foo' }, 'normalization'],
    ['predictConsensus(d, { maxIterations: 0 })', { maxIterations: 0 }, 'maxIterations'],
    ['predictConsensus(d, { maxIterations: 1.5 })', { maxIterations: 1.5 }, 'maxIterations'],
    ['predictConsensus(d, { tolerance: 0 })', { tolerance: 0 }, 'tolerance'],
    ['predictConsensus(d, { verdictThreshold: 2 })', { verdictThreshold: 2 }, 'verdictThreshold'],
    ['predictConsensus(d, { rule: "weighted" }) (unknown option name)', { rule: 'weighted' }, 'rule'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => predictConsensus(trio(), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('predictConsensus(invalid deal) throws ValidationError invalid_input', () => {
    const error = thrown(() => predictConsensus({ schemaVersion: 1, id: 'x', people: [{ id: 'a', susceptibility: 2 }] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['people[0].susceptibility']);
  });

  it('predictConsensus(Harbor, { maxIterations: 1 }) throws ConvergenceError no_convergence with iterations and residual', () => {
    const error = thrown(() => predictConsensus(harbor(), { maxIterations: 1 }));
    expect(error).toBeInstanceOf(ConvergenceError);
    const e = error as ConvergenceError;
    expect(e.code).toBe('no_convergence');
    expect(e.iterations).toBe(1);
    expect(e.residual).toBeGreaterThanOrEqual(1e-12);
    expect(Number.isFinite(e.residual)).toBe(true);
  });

  describe('the Harbor worked example', () => {
    const c = predictConsensus(harbor());

    it.each([
      ['ceo', -0.027397],
      ['cfo', -0.292979],
      ['coo', 0.431689],
      ['whm', 0.810563],
      ['it', -0.12277],
      ['buyer', -0.09766],
    ])('final stance of %s is %d (independent implementation, 6 decimals)', (id, x) => {
      expect(finals(c)[id]).toBeCloseTo(x, 6);
    });

    it('lean 0.144224, verdict contested (|S| <= 0.2)', () => {
      expect(c.lean).toBeCloseTo(0.144224, 6);
      expect(c.verdict).toBe('contested');
      expect(c.decisionRule).toBe('weighted');
    });

    it('stances are sorted by final stance descending; unknown initial stances are null', () => {
      expect(c.stances.map((s) => s.id)).toEqual(['whm', 'coo', 'ceo', 'buyer', 'it', 'cfo']);
      expect(c.stances.find((s) => s.id === 'ceo')!.initial).toBeNull();
      expect(c.stances.find((s) => s.id === 'it')!.initial).toBeCloseTo(-0.4, 15);
    });

    it('the decision maker (Dana, ceo) gets susceptibility 0.3, everyone else 0.5', () => {
      expect(c.decisionMakers).toEqual(['ceo']);
      expect(Object.fromEntries(c.stances.map((s) => [s.id, s.susceptibility]))).toEqual({
        ceo: 0.3,
        cfo: 0.5,
        coo: 0.5,
        whm: 0.5,
        it: 0.5,
        buyer: 0.5,
      });
    });
  });

  describe('hand-computed fixtures', () => {
    it('predictConsensus(trio): x* = (I - LW)^-1 (I - L) u = (3/4, -5/12, 2/15), lean 73/240', () => {
      // (I - LW) x = (I - L) u, row by row (lambda = 3/10, 1/2, 4/5):
      //   (1 - 3/20) x_a - 3/20 x_b            = 7/10      =>  17 x_a - 3 x_b = 14
      //   -1/4 x_a + (1 - 1/4) x_b             = -1/2      =>  -x_a + 3 x_b = -2
      //   -2/5 x_a - 2/5 x_b + x_c             = 1/5 · 0   =>  x_c = 2/5 (x_a + x_b)
      // Adding the first two: 16 x_a = 12 => x_a = 3/4; 3 x_b = -2 + 3/4 => x_b = -5/12;
      // x_c = 2/5 · (9/12 - 5/12) = 2/15.
      // lean = 1/2 · 3/4 + 1/4 · (-5/12) + 1/4 · 2/15 = (90 - 25 + 8)/240 = 73/240 > 0.2 => support.
      const c = predictConsensus(trio());
      expect(finals(c).a).toBeCloseTo(3 / 4, 12);
      expect(finals(c).b).toBeCloseTo(-5 / 12, 12);
      expect(finals(c).c).toBeCloseTo(2 / 15, 12);
      expect(c.lean).toBeCloseTo(73 / 240, 12);
      expect(c.verdict).toBe('support');
      expect(c.stances.map((s) => [s.id, s.susceptibility])).toEqual([
        ['a', 0.3],
        ['c', 0.8],
        ['b', 0.5],
      ]);
      expect(c.stances.find((s) => s.id === 'c')!.initial).toBeNull();
    });

    it("predictConsensus(trio, { decisionRule: 'dm-decides' }): lean = x*_a = 3/4", () => {
      const c = predictConsensus(trio(), { decisionRule: 'dm-decides' });
      expect(c.lean).toBeCloseTo(3 / 4, 12);
      expect(c.decisionRule).toBe('dm-decides');
    });

    it('predictConsensus(trio with an explicit susceptibility 1/2 on the decision maker): explicit beats the 0.3 default', () => {
      // lambda = (1/2, 1/2, 4/5):
      //   3/4 x_a - 1/4 x_b = 1/2   =>  3 x_a - x_b = 2
      //   -1/4 x_a + 3/4 x_b = -1/2 =>  -x_a + 3 x_b = -2
      // => x_a = 1/2, x_b = -1/2, x_c = 2/5 · 0 = 0.
      const c = predictConsensus(trio({ susceptibility: 0.5 }));
      expect(c.stances.find((s) => s.id === 'a')!.susceptibility).toBe(0.5);
      expect(finals(c).a).toBeCloseTo(1 / 2, 12);
      expect(finals(c).b).toBeCloseTo(-1 / 2, 12);
      expect(finals(c).c).toBeCloseTo(0, 12);
    });

    it('predictConsensus(trio, { decisionMakerSusceptibility: 1/2, susceptibility: 0.1 }) changes only the defaults', () => {
      // a takes 1/2; b takes 0.1; c keeps its explicit 4/5.
      const c = predictConsensus(trio(), { decisionMakerSusceptibility: 0.5, susceptibility: 0.1 });
      expect(Object.fromEntries(c.stances.map((s) => [s.id, s.susceptibility]))).toEqual({ a: 0.5, b: 0.1, c: 0.8 });
    });

    it('predictConsensus(susceptibility 1) caps lambda at 0.999', () => {
      const c = predictConsensus(deal([{ id: 'a', susceptibility: 1, stance: 1 }, { id: 'b', stance: -1 }], [infl('b', 'a', 1)]));
      expect(c.stances.find((s) => s.id === 'a')!.susceptibility).toBe(0.999);
    });

    it('predictConsensus(two people a -> b, w = 1/2, lambda 1/2 each): x*_b = 1/3 u_a + 2/3 u_b', () => {
      // x_a = 1/2 x_a + 1/2 u_a => x_a = u_a = 1;  x_b = 1/2 (1/2 x_a + 1/2 x_b) + 1/2 u_b
      // => 3/4 x_b = 1/4 - 1/2 => x_b = -1/3.  lean = 1/2 (1 - 1/3) = 1/3.
      const c = predictConsensus(twoPeople());
      expect(finals(c).a).toBeCloseTo(1, 12);
      expect(finals(c).b).toBeCloseTo(-1 / 3, 12);
      expect(c.lean).toBeCloseTo(1 / 3, 12);
    });

    it.each([
      ["predictConsensus(two people, { normalization: 'row' })", 0.5],
      ["predictConsensus(two people, w = 5e-324, { normalization: 'row' })", 5e-324],
    ])('%s: W_ba = 1, W_bb = 0 => x*_b = 1/2 x_a + 1/2 u_b = 0', (_name, weight) => {
      const c = predictConsensus(twoPeople(weight), { normalization: 'row' });
      expect(finals(c).a).toBeCloseTo(1, 12);
      expect(finals(c).b).toBeCloseTo(0, 12);
    });

    it('predictConsensus(no decision-maker role, nobody an economic buyer): the inferred decision maker gets 0.3', () => {
      // boss (no manager) -> staff 0.5 (derived), staff -> boss 0.3 (derived). boss is the only person
      // without a manager, so boss is the inferred decision maker: lambda = (3/10, 1/2).
      // W: boss = (0.7 self, 0.3 staff), staff = (0.5 boss, 0.5 self). u = (1, -1).
      //   x_b = 3/10 (7/10 x_b + 3/10 x_s) + 7/10  =>  79 x_b - 9 x_s = 70
      //   x_s = 1/2 (1/2 x_b + 1/2 x_s) - 1/2      =>  -x_b + 3 x_s = -2
      // => x_b = 3 x_s + 2; 79 (3 x_s + 2) - 9 x_s = 70 => 228 x_s = -88 => x_s = -22/57, x_b = 16/19.
      // lean = 1/2 (48/57 - 22/57) = 13/57.
      const c = predictConsensus(
        deal([
          { id: 'boss', influence: 0.5, stance: 1 },
          { id: 'staff', reportsTo: 'boss', influence: 0.5, stance: -1 },
        ]),
      );
      expect(c.decisionMakers).toEqual(['boss']);
      expect(finals(c).boss).toBeCloseTo(16 / 19, 12);
      expect(finals(c).staff).toBeCloseTo(-22 / 57, 12);
      expect(c.lean).toBeCloseTo(13 / 57, 12);
    });

    describe('decision rules (no edges, so x* = u)', () => {
      // Two economic buyers (no decision-maker role): e1 +1, e2 0; x -1 with influence 1.
      // v = (1/6, 1/6, 2/3). weighted: 1/6 - 2/3 = -1/2 => oppose. dm-decides: (1 + 0)/2 = 1/2 => support.
      const committee = () =>
        deal([
          { id: 'e1', roles: ['economic-buyer'], influence: 0.25, stance: 1 },
          { id: 'e2', roles: ['economic-buyer'], influence: 0.25, stance: 0 },
          { id: 'x', influence: 1, stance: -1 },
        ]);

      it.each<[string, Record<string, unknown>, number, string]>([
        ['predictConsensus(committee)', {}, -1 / 2, 'oppose'],
        ["predictConsensus(committee, { decisionRule: 'dm-decides' })", { decisionRule: 'dm-decides' }, 1 / 2, 'support'],
        ["predictConsensus(committee, { decisionRule: 'dm-decides', verdictThreshold: 0.6 })", { decisionRule: 'dm-decides', verdictThreshold: 0.6 }, 1 / 2, 'contested'],
        ['predictConsensus(committee, { verdictThreshold: 0.5 }) (-1/2 is not below -1/2)', { verdictThreshold: 0.5 }, -1 / 2, 'contested'],
      ])('%s => lean %d, %s', (_name, options, lean, verdict) => {
        const c = predictConsensus(committee(), options);
        expect(c.decisionMakers).toEqual(['e1', 'e2']);
        expect(c.lean).toBeCloseTo(lean, 12);
        expect(c.verdict).toBe(verdict);
      });
    });
  });

  describe('properties', () => {
    test.prop([arbitraryDeal(), fc.constantFrom('slack', 'row')], { seed: PROPERTY_SEED })(
      'all final stances stay within [min, max] of the initial ones',
      (raw, normalization) => {
        const c = predictConsensus(raw, { normalization });
        const initial = c.stances.map((s) => s.initial ?? 0); // unknown starts at 0
        const lo = Math.min(...initial);
        const hi = Math.max(...initial);
        for (const s of c.stances) {
          expect(s.final).toBeGreaterThanOrEqual(lo - 1e-12);
          expect(s.final).toBeLessThanOrEqual(hi + 1e-12);
        }
        expect(c.lean).toBeGreaterThanOrEqual(lo - 1e-12);
        expect(c.lean).toBeLessThanOrEqual(hi + 1e-12);
      },
    );

    test.prop([arbitraryDeal(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('weighted', 'dm-decides')], {
      seed: PROPERTY_SEED,
    })("raising one person's stance never lowers the lean, under either decision rule", (raw, pick, t, decisionRule) => {
      const parsed = parseDeal(raw);
      const k = pick % parsed.people.length;
      const old = parsed.people[k]!.stance ?? 0;
      const raised = Math.min(1, old + t * (1 - old));
      const before = predictConsensus(raw, { decisionRule });
      const after = predictConsensus(withStances(raw, new Map([[raw.people.findIndex((p) => p.id === parsed.people[k]!.id), raised]])), {
        decisionRule,
      });
      expect(after.lean).toBeGreaterThanOrEqual(before.lean - 1e-12);
    });

    test.prop(
      [
        arbitraryDeal().chain((raw) =>
          fc.tuple(fc.constant(raw), fc.shuffledSubarray(raw.people.map((_, k) => k), { minLength: raw.people.length, maxLength: raw.people.length })),
        ),
      ],
      { seed: PROPERTY_SEED },
    )('relabelling people changes nothing but names', ([raw, perm]) => {
      const names = new Map(raw.people.map((p, k) => [p.id, `p${perm[k]}`]));
      const rename = (id: string) => names.get(id)!;
      const before = predictConsensus(raw);
      const after = predictConsensus(relabel(raw, rename));
      if (before.decisionMakers.length === 1 && after.decisionMakers[0] !== rename(before.decisionMakers[0]!)) {
        // An inferred decision maker is the top score, ties broken by id: renaming may only change
        // the choice between people whose key-people scores are tied.
        const score = new Map(rankKeyPeople(raw).people.map((p) => [rename(p.id), p.score]));
        expect(score.get(after.decisionMakers[0]!)).toBeCloseTo(score.get(rename(before.decisionMakers[0]!))!, 12);
        return;
      }
      const x = finals(after);
      for (const s of before.stances) expect(x[rename(s.id)]).toBeCloseTo(s.final, 9);
      expect(after.lean).toBeCloseTo(before.lean, 9);
      expect([...after.decisionMakers].sort()).toEqual(before.decisionMakers.map(rename).sort());
    });

    test.prop([arbitraryShuffledDeal()], { seed: PROPERTY_SEED })('permuting people and relations order changes nothing', ([raw, shuffled]) => {
      expect(JSON.stringify(predictConsensus(shuffled))).toBe(JSON.stringify(predictConsensus(raw)));
    });

    test.prop([arbitraryDeal()], { seed: PROPERTY_SEED })('results are identical across runs', (raw) => {
      expect(JSON.stringify(predictConsensus(structuredClone(raw)))).toBe(JSON.stringify(predictConsensus(structuredClone(raw))));
    });
  });
});
