import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { OptionError, ValidationError, measureSupportBase, parseDeal, predictConsensus } from '../../src/index.js';
import { deal, harbor, infl, thrown, withStances } from '../support/analysis-fixtures.js';
import { PROPERTY_SEED, arbitraryDeal, arbitraryShuffledDeal } from '../support/arbitraries.js';

/** a -> b with w = 1/2, equal influence; a is a champion, b an opponent. */
const twoPeople = () =>
  deal([{ id: 'a', influence: 0.5, stance: 1 }, { id: 'b', influence: 0.5, stance: -1 }], [infl('a', 'b', 0.5)]);

/**
 * No influence edges, so W = I and p = v = influence / 1: a 2/5, b 1/5, c 1/5, d 1/5.
 * Stances a +1, b -1/2, c unknown, d +1/2.
 */
const fourPeople = () =>
  deal([
    { id: 'a', department: 'Finance', roles: ['economic-buyer', 'approver'], influence: 0.4, stance: 1 },
    { id: 'b', department: 'Finance', influence: 0.2, stance: -0.5 },
    { id: 'c', roles: ['user'], influence: 0.2, stance: null },
    { id: 'd', department: 'IT', roles: ['user'], influence: 0.2, stance: 0.5 },
  ]);

describe('measureSupportBase', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['measureSupportBase(d, { alpha: 1 })', { alpha: 1 }, 'alpha'],
    ['measureSupportBase(d, { alpha: -1 })', { alpha: -1 }, 'alpha'],
    ["measureSupportBase(d, { normalization: 'foo' })", { normalization: 'foo' }, 'normalization'],
    ['measureSupportBase(d, { limit: 3 }) (unknown option name)', { limit: 3 }, 'limit'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => measureSupportBase(twoPeople(), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('measureSupportBase(invalid deal) throws ValidationError invalid_input', () => {
    const error = thrown(() => measureSupportBase({ schemaVersion: 1, id: 'x', people: [{ id: 'a', influence: 'huge' }] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['people[0].influence']);
  });

  it('measureSupportBase(Harbor) matches the worked example (independent implementation, 6 decimals)', () => {
    const base = measureSupportBase(harbor());
    expect(base.support).toBeCloseTo(0.282755, 6);
    expect(base.opposition).toBeCloseTo(0.146992, 6);
    expect(base.net).toBeCloseTo(0.135763, 6);
    // Dana (ceo) is the only unknown stance: unknownShare = p_ceo.
    expect(base.unknownShare).toBeCloseTo(0.231632, 6);
    expect(base.interval[0]).toBeCloseTo(-0.095869, 6);
    expect(base.interval[1]).toBeCloseTo(0.367395, 6);
  });

  it('measureSupportBase(two people a -> b, w = 1/2) weights stances by the key-people score', () => {
    // p_a = 2/3, p_b = 1/3 (see rankKeyPeople). a = +1, b = -1:
    // support = 2/3, opposition = 1/3, net = 1/3, nothing unknown => interval [1/3, 1/3].
    const base = measureSupportBase(twoPeople());
    expect(base.support).toBeCloseTo(2 / 3, 12);
    expect(base.opposition).toBeCloseTo(1 / 3, 12);
    expect(base.net).toBeCloseTo(1 / 3, 12);
    expect(base.unknownShare).toBe(0);
    expect(base.interval[0]).toBeCloseTo(1 / 3, 12);
    expect(base.interval[1]).toBeCloseTo(1 / 3, 12);
  });

  it("measureSupportBase(two people, { normalization: 'row' }) uses the 'row' scores p = (3/4, 1/4)", () => {
    // net = 3/4 - 1/4 = 1/2
    expect(measureSupportBase(twoPeople(), { normalization: 'row' }).net).toBeCloseTo(1 / 2, 12);
  });

  describe('measureSupportBase(four people, no edges: p = (2/5, 1/5, 1/5, 1/5))', () => {
    const base = measureSupportBase(fourPeople());

    it('support = 2/5·1 + 1/5·1/2 = 1/2, opposition = 1/5·1/2 = 1/10, net = 2/5, unknownShare = 1/5', () => {
      expect(base.support).toBeCloseTo(1 / 2, 14);
      expect(base.opposition).toBeCloseTo(1 / 10, 14);
      expect(base.net).toBeCloseTo(2 / 5, 14);
      expect(base.unknownShare).toBeCloseTo(1 / 5, 14);
    });

    it("interval: c's unknown stance at -1 then +1 => [2/5 - 1/5, 2/5 + 1/5] = [1/5, 3/5]", () => {
      expect(base.interval[0]).toBeCloseTo(1 / 5, 14);
      expect(base.interval[1]).toBeCloseTo(3 / 5, 14);
    });

    it('contributors by |contribution| descending, ties by id: a 2/5, b -1/10, d 1/10, c 0 (unknown)', () => {
      expect(base.contributors.map((c) => [c.id, c.stance])).toEqual([
        ['a', 1],
        ['b', -0.5],
        ['d', 0.5],
        ['c', null],
      ]);
      expect(base.contributors.map((c) => c.contribution)).toEqual(
        [2 / 5, -1 / 10, 1 / 10, 0].map((x) => expect.closeTo(x, 14)),
      );
    });

    it('byDepartment: Finance 3/5 (net 2/5 - 1/10 = 3/10), then IT and no department (1/5 each; null last)', () => {
      expect(base.byDepartment.map((d) => [d.department, d.people])).toEqual([
        ['Finance', ['a', 'b']],
        ['IT', ['d']],
        [null, ['c']],
      ]);
      const [finance, it_, none] = base.byDepartment;
      expect(finance!.weight).toBeCloseTo(3 / 5, 14);
      expect(finance!.net).toBeCloseTo(3 / 10, 14);
      expect(finance!.opposition).toBeCloseTo(1 / 10, 14);
      expect(it_!.support).toBeCloseTo(1 / 10, 14);
      expect(none!.unknownShare).toBeCloseTo(1 / 5, 14);
      expect(none!.net).toBe(0);
    });

    it('byRole: a person counts in each of their roles; people without roles under null (last)', () => {
      // approver {a} 2/5, economic-buyer {a} 2/5, user {c, d} 2/5: tied, by name; then null {b} 1/5.
      expect(base.byRole.map((r) => [r.role, r.people])).toEqual([
        ['approver', ['a']],
        ['economic-buyer', ['a']],
        ['user', ['c', 'd']],
        [null, ['b']],
      ]);
      expect(base.byRole.map((r) => r.weight)).toEqual([2 / 5, 2 / 5, 2 / 5, 1 / 5].map((x) => expect.closeTo(x, 14)));
      expect(base.byRole[2]!.net).toBeCloseTo(1 / 10, 14);
      expect(base.byRole[3]!.net).toBeCloseTo(-1 / 10, 14);
    });
  });

  describe('properties', () => {
    test.prop([arbitraryDeal()], { seed: PROPERTY_SEED })('the shares add up: net = support - opposition, interval = net -/+ unknownShare', (raw) => {
      const base = measureSupportBase(raw);
      expect(base.net).toBeCloseTo(base.support - base.opposition, 12);
      expect(base.interval[0]).toBeCloseTo(base.net - base.unknownShare, 12);
      expect(base.interval[1]).toBeCloseTo(base.net + base.unknownShare, 12);
      expect(base.contributors.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(base.net, 12);
      expect(base.support + base.opposition + base.unknownShare).toBeLessThanOrEqual(1 + 1e-12);
    });

    test.prop([arbitraryDeal(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })], { seed: PROPERTY_SEED })(
      "raising one person's stance never lowers the support base or the lean",
      (raw, pick, t) => {
        const parsed = parseDeal(raw);
        const k = pick % parsed.people.length;
        const old = parsed.people[k]!.stance ?? 0; // unknown counts 0 in the point estimate
        const raised = Math.min(1, old + t * (1 - old));
        const raisedDeal = withStances(raw, new Map([[raw.people.findIndex((p) => p.id === parsed.people[k]!.id), raised]]));
        const before = measureSupportBase(raw);
        const after = measureSupportBase(raisedDeal);
        expect(after.net).toBeGreaterThanOrEqual(before.net - 1e-12);
        expect(after.support).toBeGreaterThanOrEqual(before.support - 1e-12);
        expect(after.opposition).toBeLessThanOrEqual(before.opposition + 1e-12);
        // the committee lean (V = (I - LW)^-1 (I - L) has no negative entry, and v >= 0)
        expect(predictConsensus(raisedDeal).lean).toBeGreaterThanOrEqual(predictConsensus(raw).lean - 1e-12);
      },
    );

    test.prop([arbitraryShuffledDeal()], { seed: PROPERTY_SEED })('permuting people and relations order changes nothing', ([raw, shuffled]) => {
      expect(JSON.stringify(measureSupportBase(shuffled))).toBe(JSON.stringify(measureSupportBase(raw)));
    });

    test.prop([arbitraryDeal()], { seed: PROPERTY_SEED })('results are identical across runs', (raw) => {
      expect(JSON.stringify(measureSupportBase(structuredClone(raw)))).toBe(JSON.stringify(measureSupportBase(structuredClone(raw))));
    });
  });
});
