import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  OptionError,
  ValidationError,
  buildGraph,
  checkDecisionMakerCoverage,
  type CoverageOptions,
  type DecisionMakerCoverage,
} from '../../src/index.js';
import { twoRoutes, twoRoutesWithoutConflict } from '../fixtures/two-routes.js';
import { arbitraryAccessCase, gridStance, gridWeight, type AccessCase } from '../support/access-arbitraries.js';
import { PROPERTY_SEED, arbitraryDeal, arbitraryShuffledDeal, freezeDeep } from '../support/arbitraries.js';
import { loadFixture } from '../support/fixtures.js';

/** A deal of the given people, relations and contacts (and more fields). */
function deal(
  people: Record<string, unknown>[],
  relations: Record<string, unknown>[] = [],
  contacts: Record<string, unknown>[] = [],
  more: Record<string, unknown> = {},
): Record<string, unknown> {
  return { schemaVersion: 1, id: 'd', people, relations, contacts, ...more };
}

/** The coverage of the only decision maker of a deal. */
function only(input: unknown, options?: CoverageOptions): DecisionMakerCoverage {
  const { decisionMakers } = checkDecisionMakerCoverage(input, options);
  expect(decisionMakers).toHaveLength(1);
  return decisionMakers[0]!;
}

/** Paths and probabilities as [path, probability] pairs, probabilities rounded to 12 places. */
const pairs = (paths: readonly { path: readonly string[]; probability: number }[]) =>
  paths.map((p) => [p.path, Math.round(p.probability * 1e12) / 1e12]);

const influences = (from: string, to: string, weight: number) => ({ from, to, kind: 'influences', weight });

/** Harbor's relationship with Ana: 0.9 · 0.5^(30/90). */
const REL_ANA = 0.9 * 0.5 ** (30 / 90);

describe('checkDecisionMakerCoverage', () => {
  it('throws ValidationError (invalid_input) on an invalid deal', () => {
    const bad = deal([{ id: 'ceo', roles: ['decision-maker'] }], [], [{ person: 'nobody', strength: 0.5 }]);
    expect(() => checkDecisionMakerCoverage(bad)).toThrow(ValidationError);
    try {
      checkDecisionMakerCoverage(bad);
    } catch (error) {
      expect((error as ValidationError).code).toBe('invalid_input');
      expect((error as ValidationError).issues.map((i) => [i.code, i.path])).toEqual([['unknown_person', 'contacts[0].person']]);
    }
    expect(() => checkDecisionMakerCoverage({ id: 'd', people: [] })).toThrow(ValidationError);
  });

  it.each<[unknown, string]>([
    [{ k: 0 }, 'k'],
    [{ k: 1.5 }, 'k'],
    [{ k: 101 }, 'k'],
    [{ directThreshold: 1.5 }, 'directThreshold'],
    [{ pathThreshold: -0.1 }, 'pathThreshold'],
    [{ alpha: 1 }, 'alpha'],
    [{ normalization: 'column' }, 'normalization'],
    [{ kk: 3 }, 'kk'],
    ['fast', 'options'],
  ])('checkDecisionMakerCoverage(harbor, %j) throws OptionError (invalid_option) naming %s', (options, name) => {
    const harbor = loadFixture('harbor-wms.json');
    expect(() => checkDecisionMakerCoverage(harbor, options as CoverageOptions)).toThrow(OptionError);
    try {
      checkDecisionMakerCoverage(harbor, options as CoverageOptions);
    } catch (error) {
      expect((error as OptionError).code).toBe('invalid_option');
      expect((error as OptionError).option).toBe(name);
    }
  });

  describe('worked example (harbor-wms)', () => {
    it('reaches Dana through Ana and Lee: status path, risk high, rel 0, best 0.160724', () => {
      // best = 0.714330 · (1+1)/2 · max(0.6, 0.5) · (1+0.5)/2 · max(0.5, 0.15) = 0.160724 (worked-example.md)
      const result = checkDecisionMakerCoverage(loadFixture('harbor-wms.json'));
      expect(result.progress).toBe(0.6);
      const ceo = only(loadFixture('harbor-wms.json'));
      expect(ceo).toMatchObject({ id: 'ceo', name: 'Dana Reyes', inferred: false, status: 'path', risk: 'high', rel: 0, stance: null });
      expect(ceo.best!.path).toEqual(['whm', 'coo', 'ceo']);
      expect(ceo.best!.probability).toBeCloseTo(0.160724, 6);
      expect(ceo.best!.probability).toBeCloseTo(REL_ANA * 0.225, 15);
    });

    it('lists the route through Raj and Sam (0.6 · 0.3 · 0.7 · 0.25 · 0.5 = 0.01575) among the alternatives', () => {
      // [it, coo, ceo] = 0.6 · 0.3 · 0.5 · 0.75 · 0.5 = 0.03375 is second.
      const ceo = only(loadFixture('harbor-wms.json'));
      expect(pairs(ceo.alternatives)).toEqual([
        [['whm', 'coo', 'ceo'], Math.round(REL_ANA * 0.225 * 1e12) / 1e12],
        [['it', 'coo', 'ceo'], 0.03375],
        [['it', 'cfo', 'ceo'], 0.01575],
      ]);
      // introducers: coo (first met on the best path), then cfo
      expect(ceo.introducers.map((x) => [x.id, x.name])).toEqual([
        ['coo', 'Lee Park'],
        ['cfo', 'Sam Okafor'],
      ]);
      expect(ceo.introducers[0]!.probability).toBeCloseTo(0.160724, 6);
      expect(ceo.introducers[1]!.probability).toBeCloseTo(0.01575, 15);
      // widest: whm-coo-ceo, min(0.714, 1, 0.6, 0.75, 0.5) = 0.5 at coo -> ceo
      expect(ceo.bottleneck).toEqual({ path: ['whm', 'coo', 'ceo'], width: 0.5, limitedBy: { from: 'coo', to: 'ceo', by: 'relationship' } });
    });

    it('never puts the whm–it conflict pair next to each other in any path', () => {
      // All four paths exist with k = 100; the fourth is whm-coo-it-cfo-ceo (it passes through coo, not whm -> it).
      const ceo = only(loadFixture('harbor-wms.json'), { k: 100 });
      expect(ceo.alternatives).toHaveLength(4);
      for (const { path } of ceo.alternatives) {
        for (let i = 0; i + 1 < path.length; i++) expect([path[i], path[i + 1]].sort()).not.toEqual(['it', 'whm']);
      }
    });
  });

  describe('two routes to the CEO (test/fixtures/two-routes.ts)', () => {
    it('prefers the route through the supporter over the stronger edges through the skeptic', () => {
      // A [ana, vp, ceo] = 0.8 · 1 · 0.6 · 0.75 · 0.5 = 0.18 > B [ana, cfo, ceo] = 0.8 · 1 · 0.9 · 0.25 · 0.9 = 0.162
      const ceo = only(twoRoutes);
      expect(ceo).toMatchObject({ id: 'ceo', inferred: false, basis: 'role:decision-maker', status: 'path', risk: 'medium', rel: 0 });
      expect(ceo.best!.path).toEqual(['ana', 'vp', 'ceo']);
      expect(ceo.best!.probability).toBeCloseTo(0.18, 15);
    });

    it('gives the k = 3 alternatives in order with their probabilities, best first', () => {
      // A 0.18, B 0.162, C [kim, lee, ceo] = 0.6 · 0.6 · 0.6 · 0.6 · 0.55 = 0.07128
      const ceo = only(twoRoutes);
      expect(pairs(ceo.alternatives)).toEqual([
        [['ana', 'vp', 'ceo'], 0.18],
        [['ana', 'cfo', 'ceo'], 0.162],
        [['kim', 'lee', 'ceo'], 0.07128],
      ]);
      expect(ceo.alternatives[0]).toEqual(ceo.best);
    });

    it('ranks the introducers by the best path through each: vp 0.18, cfo 0.162, lee 0.07128', () => {
      const ceo = only(twoRoutes);
      expect(ceo.introducers.map((x) => [x.id, x.name, Math.round(x.probability * 1e12) / 1e12, x.path])).toEqual([
        ['vp', 'Victor (VP Operations)', 0.18, ['ana', 'vp', 'ceo']],
        ['cfo', 'Carla (CFO)', 0.162, ['ana', 'cfo', 'ceo']],
        ['lee', 'Lee (Head of Strategy)', 0.07128, ['kim', 'lee', 'ceo']],
      ]);
    });

    it('reports the widest path, its width and what limits it: kim-lee-ceo, 0.55, lee -> ceo', () => {
      // A min 0.5 (vp -> ceo), B 0.25 (cfo's stance), C min(0.6, 0.6, 0.6, 0.6, 0.55) = 0.55
      expect(only(twoRoutes).bottleneck).toEqual({
        path: ['kim', 'lee', 'ceo'],
        width: 0.55,
        limitedBy: { from: 'lee', to: 'ceo', by: 'relationship' },
      });
    });

    it.each<[number, string[][]]>([
      [1, [['ana', 'vp', 'ceo']]],
      [2, [['ana', 'vp', 'ceo'], ['ana', 'cfo', 'ceo']]],
      [5, [['ana', 'vp', 'ceo'], ['ana', 'cfo', 'ceo'], ['kim', 'lee', 'ceo']]], // fewer when fewer exist
    ])('checkDecisionMakerCoverage(twoRoutes, { k: %i })', (k, paths) => {
      const ceo = only(twoRoutes, { k });
      expect(ceo.alternatives.map((a) => a.path)).toEqual(paths);
      expect(ceo.introducers.map((x) => x.id)).toEqual(paths.map((p) => p[1]));
    });

    it('ignores a pair in conflict: without the ana–kim conflict, [ana, kim, lee, ceo] = 0.076032 is third', () => {
      // 0.8 · 1 · 0.8 · 0.6 · 0.6 · 0.6 · 0.55 = 0.076032 > C = 0.07128
      expect(pairs(only(twoRoutesWithoutConflict).alternatives)).toEqual([
        [['ana', 'vp', 'ceo'], 0.18],
        [['ana', 'cfo', 'ceo'], 0.162],
        [['ana', 'kim', 'lee', 'ceo'], 0.076032],
      ]);
      for (const { path } of only(twoRoutes, { k: 100 }).alternatives) {
        for (let i = 0; i + 1 < path.length; i++) expect([path[i], path[i + 1]].sort()).not.toEqual(['ana', 'kim']);
      }
    });

    it('accepts a PowerGraph and gives the same result as the deal', () => {
      expect(checkDecisionMakerCoverage(buildGraph(twoRoutes))).toEqual(checkDecisionMakerCoverage(twoRoutes));
    });

    it('never mutates its input and returns plain JSON', () => {
      const frozen = freezeDeep(structuredClone(twoRoutes));
      const result = checkDecisionMakerCoverage(frozen);
      expect(frozen).toEqual(twoRoutes);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });
  });

  describe('zero weights and conflicts never appear in a path', () => {
    // a reports to dm: derived dm -> a 0.5 and a -> dm 0.3 / 1; a is a champion we know with strength 1.
    const people = [
      { id: 'dm', roles: ['decision-maker'] },
      { id: 'a', reportsTo: 'dm', stance: 'champion' },
      { id: 'b', stance: 'champion' },
    ];
    it.each<[string, Record<string, unknown>[], [string[], number][]]>([
      ['derived edges: q = max(0.3, 0.5) = 0.5, so [a, dm] = 1 · 1 · 0.5', [], [[['a', 'dm'], 0.5]]],
      [
        'an explicit 0 one way keeps the derived edge the other way: q = max(0, 0.5)',
        [influences('a', 'dm', 0)],
        [[['a', 'dm'], 0.5]],
      ],
      [
        'an explicit 0 both ways replaces both derived edges: no edge, no path',
        [influences('a', 'dm', 0), influences('dm', 'a', 0)],
        [],
      ],
      [
        'a conflict between two adjacent people: the path goes around through b (1 · 1 · 0.6 · 1 · 0.7 = 0.42)',
        [{ from: 'dm', to: 'a', kind: 'conflict' }, influences('a', 'b', 0.6), influences('b', 'dm', 0.7)],
        [[['a', 'b', 'dm'], 0.42]],
      ],
      [
        'a zero explicit edge toward b leaves b unreachable',
        [influences('a', 'dm', 0), influences('dm', 'a', 0), influences('a', 'b', 0), influences('b', 'dm', 0.9)],
        [],
      ],
    ])('%s', (_name, relations, expected) => {
      const dm = only(deal(people, relations, [{ person: 'a', strength: 1 }]), { k: 10 });
      expect(pairs(dm.alternatives)).toEqual(expected);
      expect(dm.status).toBe(expected.length === 0 ? 'none' : 'path');
    });
  });

  describe('stances along a path', () => {
    // dm <- x <- us: x is our only contact (strength 0.8), x -> dm 1.
    const viaX = (xStance: unknown, dmStance: unknown = null) =>
      deal(
        [
          { id: 'dm', roles: ['decision-maker'], stance: dmStance },
          { id: 'x', stance: xStance },
        ],
        [influences('x', 'dm', 1)],
        [{ person: 'x', strength: 0.8 }],
      );

    it.each<[string, unknown, number | null]>([
      ['a champion passes us on fully: 0.8 · 1 · 1', 'champion', 0.8],
      ['a supporter: 0.8 · 0.75', 'supporter', 0.6],
      ['an unknown stance counts as 0: 0.8 · 1/2', null, 0.4],
      ['a neutral: 0.8 · 1/2', 'neutral', 0.4],
      ['the entry contact is inside the path, a skeptic: 0.8 · 0.25', 'skeptic', 0.2],
      ['an opponent (factor 0) blocks the path', 'opponent', null],
    ])('%s', (_name, stance, probability) => {
      const dm = only(viaX(stance));
      if (probability === null) {
        expect(dm).toMatchObject({ best: null, alternatives: [], bottleneck: null, introducers: [], status: 'none' });
      } else {
        expect(dm.best!.path).toEqual(['x', 'dm']);
        expect(dm.best!.probability).toBeCloseTo(probability, 15);
      }
    });

    it.each([['opponent'], ['skeptic'], [null], ['champion']])("never counts the target's own stance (dm %s)", (dmStance) => {
      // 0.8 · f_x (champion 1) · 1 = 0.8 whatever the decision maker thinks of us
      expect(only(viaX('champion', dmStance)).best!.probability).toBe(0.8);
    });

    it('routes around an opponent even when the opponent has the strongest ties', () => {
      // foe: strength 1, foe -> dm 1, but f_foe = 0; a: strength 0.5, a -> dm 0.4, f_a = 1 -> 0.2.
      const dm = only(
        deal(
          [
            { id: 'dm', roles: ['decision-maker'] },
            { id: 'foe', stance: 'opponent' },
            { id: 'a', stance: 'champion' },
          ],
          [influences('foe', 'dm', 1), influences('a', 'dm', 0.4)],
          [
            { person: 'foe', strength: 1 },
            { person: 'a', strength: 0.5 },
          ],
        ),
      );
      expect(pairs(dm.alternatives)).toEqual([[['a', 'dm'], 0.2]]);
      expect(dm.introducers.map((x) => x.id)).toEqual(['a']);
    });
  });

  describe('direct contact and status', () => {
    // dm and a champion a; we know a with strength ra, a -> dm q, and maybe dm directly with rd.
    const direct = (ra: number, q: number, rd?: number) =>
      deal(
        [
          { id: 'dm', roles: ['decision-maker'] },
          { id: 'a', stance: 'champion' },
        ],
        [influences('a', 'dm', q)],
        [{ person: 'a', strength: ra }, ...(rd === undefined ? [] : [{ person: 'dm', strength: rd }])],
      );

    it.each<[string, Record<string, unknown>, CoverageOptions, string, [string[], number][]]>([
      // best is the most probable path overall, even when the decision maker is a direct contact
      ['direct rel 0.3 < 0.5, path 1 · 1 · 0.5 = 0.5: best is the path, status path', direct(1, 0.5, 0.3), {}, 'path', [[['a', 'dm'], 0.5], [['dm'], 0.3]]],
      ['direct rel 0.5 (the threshold) and a path 0.8: status direct, best still the path', direct(1, 0.8, 0.5), {}, 'direct', [[['a', 'dm'], 0.8], [['dm'], 0.5]]],
      ['direct rel 0.9 beats the path 0.5: best is [dm]', direct(1, 0.5, 0.9), {}, 'direct', [[['dm'], 0.9], [['a', 'dm'], 0.5]]],
      ['direct rel 0.3, a path 0.05: best [dm] 0.3 >= 0.1, status path', direct(0.1, 0.5, 0.3), {}, 'path', [[['dm'], 0.3], [['a', 'dm'], 0.05]]],
      ['a path of exactly 0.2 · 0.5 = 0.1: status path (>= 0.1)', direct(0.2, 0.5), {}, 'path', [[['a', 'dm'], 0.1]]],
      ['a path 0.2 · 0.4 = 0.08 > 0: status weak-path', direct(0.2, 0.4), {}, 'weak-path', [[['a', 'dm'], 0.08]]],
      ['no contact at all: status none', direct(0, 0.5), {}, 'none', []],
      ['directThreshold 0.3: rel 0.3 counts as direct', direct(1, 0.5, 0.3), { directThreshold: 0.3 }, 'direct', [[['a', 'dm'], 0.5], [['dm'], 0.3]]],
      ['pathThreshold 0.6: best 0.5 is a weak path', direct(1, 0.5, 0.3), { pathThreshold: 0.6 }, 'weak-path', [[['a', 'dm'], 0.5], [['dm'], 0.3]]],
    ])('%s', (_name, input, options, status, alternatives) => {
      const dm = only(input, options);
      expect(dm.status).toBe(status);
      expect(pairs(dm.alternatives)).toEqual(alternatives);
      expect(dm.best).toEqual(dm.alternatives[0] ?? null);
    });

    it("gives a direct contact's path as [dmId] and keeps it out of the introducers", () => {
      const dm = only(direct(1, 0.5, 0.9));
      expect(dm.best).toEqual({ path: ['dm'], probability: 0.9 });
      expect(dm.rel).toBe(0.9);
      expect(dm.introducers.map((x) => [x.id, x.probability])).toEqual([['a', 0.5]]);
      // widest: [dm] 0.9 against [a, dm] min(1, 1, 0.5); limited by our own relationship (from null)
      expect(dm.bottleneck).toEqual({ path: ['dm'], width: 0.9, limitedBy: { from: null, to: 'dm', by: 'relationship' } });
    });

    it('treats a path whose probability underflows to 0 as no path (a denormal contact strength)', () => {
      // 5e-324 · f_a 0.25 · 0.5 rounds to 0: no positive path, so status none, best and bottleneck null.
      const dm = only(
        deal(
          [
            { id: 'dm', roles: ['decision-maker'] },
            { id: 'a', stance: 'skeptic' },
          ],
          [influences('a', 'dm', 0.5)],
          [{ person: 'a', strength: 5e-324 }],
        ),
      );
      expect(dm).toMatchObject({ status: 'none', best: null, alternatives: [], bottleneck: null, introducers: [] });
    });

    it('decays the direct relationship with time: 0.8 · 0.5^(180/90) = 0.2 is no longer direct', () => {
      const dm = only(
        deal([{ id: 'dm', roles: ['decision-maker'] }], [], [{ person: 'dm', strength: 0.8, lastContact: '2026-05-05' }], { asOf: '2026-11-01' }),
      );
      // 2026-05-05 to 2026-11-01 is 180 days: 0.8 · 1/4 = 0.2
      expect(dm.rel).toBeCloseTo(0.2, 15);
      expect(dm.status).toBe('path');
      expect(dm.best!.path).toEqual(['dm']);
    });
  });

  describe('risk by progress', () => {
    // No direct contact: a champion a (strength 1) -> dm 0.5, so status path. Direct: dm strength 0.9.
    const atProgress = (stage: Record<string, unknown> | undefined, directContact: boolean) =>
      deal(
        [
          { id: 'dm', roles: ['decision-maker'] },
          { id: 'a', stance: 'champion' },
        ],
        [influences('a', 'dm', 0.5)],
        [{ person: 'a', strength: 1 }, ...(directContact ? [{ person: 'dm', strength: 0.9 }] : [])],
        stage === undefined ? {} : { stage },
      );

    it.each<[string, Record<string, unknown> | undefined, boolean, string, number]>([
      ['progress 0, no direct contact', { progress: 0 }, false, 'medium', 0],
      ['progress 0.49, no direct contact', { progress: 0.49 }, false, 'medium', 0.49],
      ['progress 0.5, no direct contact', { progress: 0.5 }, false, 'high', 0.5],
      ['progress 0.74, no direct contact', { progress: 0.74 }, false, 'high', 0.74],
      ['progress 0.75, no direct contact', { progress: 0.75 }, false, 'critical', 0.75],
      ['progress 1, no direct contact', { progress: 1 }, false, 'critical', 1],
      ['no stage: progress counts as 0', undefined, false, 'medium', 0],
      ['a stage without progress: progress counts as 0', { name: 'negotiate' }, false, 'medium', 0],
      ['progress 0, direct', { progress: 0 }, true, 'low', 0],
      ['progress 0.49, direct', { progress: 0.49 }, true, 'low', 0.49],
      ['progress 0.5, direct', { progress: 0.5 }, true, 'low', 0.5],
      ['progress 0.74, direct', { progress: 0.74 }, true, 'low', 0.74],
      ['progress 0.75, direct', { progress: 0.75 }, true, 'low', 0.75],
      ['progress 1, direct', { progress: 1 }, true, 'low', 1],
    ])('checkDecisionMakerCoverage(%s)', (_name, stage, directContact, risk, progress) => {
      const result = checkDecisionMakerCoverage(atProgress(stage, directContact));
      expect(result.progress).toBe(progress);
      expect(result.decisionMakers[0]!.status).toBe(directContact ? 'direct' : 'path');
      expect(result.decisionMakers[0]!.risk).toBe(risk);
    });

    it.each<[number, string]>([
      [0.2, 'medium'],
      [0.6, 'high'],
      [0.9, 'critical'],
    ])('status none at progress %s: risk %s', (progress, risk) => {
      const dm = only(deal([{ id: 'dm', roles: ['decision-maker'] }, { id: 'a' }], [], [], { stage: { progress } }));
      expect(dm).toMatchObject({ status: 'none', risk, best: null, alternatives: [], bottleneck: null, introducers: [] });
    });
  });

  describe('which decision makers', () => {
    it('covers every person with role decision-maker, in id order, and ignores economic buyers then', () => {
      const result = checkDecisionMakerCoverage(
        deal([
          { id: 'zed', roles: ['decision-maker'] },
          { id: 'amy', roles: ['决策者'] },
          { id: 'eb', roles: ['economic-buyer'] },
        ]),
      );
      expect(result.decisionMakers.map((d) => [d.id, d.inferred, d.basis])).toEqual([
        ['amy', false, 'role:decision-maker'],
        ['zed', false, 'role:decision-maker'],
      ]);
    });

    it('falls back to every economic buyer (not inferred)', () => {
      const result = checkDecisionMakerCoverage(
        deal([{ id: 'cfo', roles: ['economic-buyer'] }, { id: 'ceo' }, { id: 'vp', roles: ['eb'] }]),
      );
      expect(result.decisionMakers.map((d) => [d.id, d.inferred, d.basis])).toEqual([
        ['cfo', false, 'role:economic-buyer'],
        ['vp', false, 'role:economic-buyer'],
      ]);
    });

    it('infers the highest-score person without a manager, marked inferred', () => {
      // No edges: p = v, so the highest assessed influence among the people: boss (0.9).
      const result = checkDecisionMakerCoverage(
        deal([
          { id: 'boss', influence: 0.9 },
          { id: 'aide', influence: 0.3 },
        ]),
      );
      expect(result.decisionMakers.map((d) => [d.id, d.inferred, d.basis])).toEqual([['boss', true, 'inferred:top-score-without-manager']]);
    });
  });

  test.prop([arbitraryAccessCase(), fc.nat(), gridStance()], { seed: PROPERTY_SEED })(
    "best path probability never drops when one person's stance rises",
    (c, pick, stance) => {
      const people = c.deal.people;
      const who = people[pick % people.length]!;
      const old = (who.stance as number | null) ?? 0;
      const raised = Math.max(old, stance ?? 0);
      const before = only(c.deal).best?.probability ?? 0;
      const after = only({ ...c.deal, people: people.map((p) => (p === who ? { ...p, stance: raised } : p)) }).best?.probability ?? 0;
      expect(after).toBeGreaterThanOrEqual(before * (1 - 1e-12));
      if (who.id === c.target) expect(after).toBe(before); // the target's own stance never counts
    },
    30_000, // generous: random deals under a loaded parallel run
  );

  test.prop([arbitraryAccessCase(), fc.nat(), gridWeight()], { seed: PROPERTY_SEED })(
    'best path probability never drops when a contact strength rises',
    (c: AccessCase, pick, strength) => {
      const contacts = c.deal.contacts;
      const which = pick % (contacts.length + 1);
      // raise one contact, or (which = length) add a new contact with someone
      const next =
        which < contacts.length
          ? contacts.map((x, i) => (i === which ? { ...x, strength: Math.max(x.strength as number, strength) } : x))
          : [...contacts, { person: c.deal.people[pick % c.deal.people.length]!.id, strength }];
      const before = only(c.deal).best?.probability ?? 0;
      const after = only({ ...c.deal, contacts: next }).best?.probability ?? 0;
      expect(after).toBeGreaterThanOrEqual(before * (1 - 1e-12));
    },
    30_000, // generous: random deals under a loaded parallel run
  );

  test.prop([arbitraryDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED })(
    'every coverage follows the status and risk rules, and its paths end at the decision maker',
    (raw) => {
      const result = checkDecisionMakerCoverage(raw);
      expect(result.decisionMakers.map((d) => d.id)).toEqual([...result.decisionMakers.map((d) => d.id)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      for (const dm of result.decisionMakers) {
        expect(dm.best).toEqual(dm.alternatives[0] ?? null);
        expect(dm.alternatives.length).toBeLessThanOrEqual(3);
        for (let i = 0; i + 1 < dm.alternatives.length; i++) {
          expect(dm.alternatives[i]!.probability).toBeGreaterThanOrEqual(dm.alternatives[i + 1]!.probability * (1 - 1e-12));
        }
        for (const { path, probability } of dm.alternatives) {
          expect(path[path.length - 1]).toBe(dm.id);
          expect(new Set(path).size).toBe(path.length);
          expect(probability).toBeGreaterThan(0);
          expect(probability).toBeLessThanOrEqual(1);
        }
        const best = dm.best?.probability ?? 0;
        const status = dm.rel >= 0.5 ? 'direct' : best >= 0.1 ? 'path' : best > 0 ? 'weak-path' : 'none';
        expect(dm.status).toBe(status);
        const p = result.progress;
        expect(dm.risk).toBe(status === 'direct' ? 'low' : p < 0.5 ? 'medium' : p < 0.75 ? 'high' : 'critical');
        expect(dm.bottleneck === null).toBe(dm.best === null);
        if (dm.bottleneck) expect(dm.bottleneck.width).toBeGreaterThanOrEqual(best * (1 - 1e-12));
      }
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    },
    30_000, // generous: random deals under a loaded parallel run
  );

  test.prop([arbitraryShuffledDeal({ maxPeople: 8 })], { seed: PROPERTY_SEED })(
    'the result does not depend on the order of people and relations',
    ([a, b]) => {
      expect(checkDecisionMakerCoverage(b)).toEqual(checkDecisionMakerCoverage(a));
    },
    30_000, // generous: random deals under a loaded parallel run
  );
});
