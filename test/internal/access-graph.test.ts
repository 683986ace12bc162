import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ValidationError, buildGraph, type PowerGraph } from '../../src/index.js';
import { accessGraph, bestTree, kBestPaths, pathProbability, widestPath, type AccessGraph } from '../../src/internal/access-graph.js';
import { twoRoutes, twoRoutesWithoutConflict } from '../fixtures/two-routes.js';
import { accessModel, arbitraryAccessCase, enumeratePaths, modelProbability } from '../support/access-arbitraries.js';
import { PROPERTY_SEED } from '../support/arbitraries.js';
import { loadFixture } from '../support/fixtures.js';

/** Harbor's relationship with Ana: 0.9 · 0.5^(30/90) (worked example). */
const REL_ANA = 0.9 * 0.5 ** (30 / 90);

/** The graph and its access graph, with helpers to speak in ids. */
function setup(deal: unknown) {
  const g = buildGraph(deal);
  const a = accessGraph(g);
  const at = (id: string) => g.index.get(id)!;
  const nodes = (...ids: string[]) => [a.us, ...ids.map(at)];
  const ids = (xs: readonly number[]) => xs.map((x) => (x === a.us ? 'US' : g.ids[x]!));
  return { g, a, at, nodes, ids };
}

/** Every undirected access edge once, as "x-y q" with x < y by id ("US" for the source). */
function edgeList(g: PowerGraph, a: AccessGraph): string[] {
  const name = (x: number) => (x === a.us ? 'US' : g.ids[x]!);
  const out: string[] = [];
  for (let x = 0; x <= a.n; x++) {
    for (let e = a.ptr[x]!; e < a.ptr[x + 1]!; e++) {
      const [p, r] = [name(x), name(a.idx[e]!)];
      if (p < r) out.push(`${p}-${r} ${a.q[e]}`);
    }
  }
  return out.sort();
}

const relClose = (x: number, y: number) => Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));

describe('accessGraph', () => {
  it('runs only on a validated graph: an invalid deal throws ValidationError (invalid_input) before any kernel', () => {
    const bad = { id: 'd', people: [{ id: 'a', stance: 2 }] };
    expect(() => accessGraph(buildGraph(bad))).toThrow(ValidationError);
    try {
      buildGraph(bad);
    } catch (error) {
      expect((error as ValidationError).code).toBe('invalid_input');
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['people[0].stance']);
    }
  });

  it('joins people whose influence is positive either way by q = max(w_uv, w_vu), and US to every contact (two routes)', () => {
    // See test/fixtures/two-routes.ts: ana-vp max(0.6, 0.5 derived), kim-lee max(0.6, 0.5 derived);
    // ana-kim (0.8) is in conflict and absent.
    const { g, a } = setup(twoRoutes);
    expect(a.n).toBe(6);
    expect(a.us).toBe(6);
    expect(edgeList(g, a)).toEqual(
      [
        'US-ana 0.8',
        'US-kim 0.6',
        'ana-cfo 0.9',
        'ana-vp 0.6',
        'ceo-cfo 0.9',
        'ceo-lee 0.55',
        'ceo-vp 0.5',
        'kim-lee 0.6',
      ].sort(),
    );
  });

  it('holds the pass-through factor (1 + u)/2 per person, 1/2 for an unknown stance and 1 for US', () => {
    const { a, at } = setup(twoRoutes);
    expect([...a.f]).toHaveLength(7);
    expect(a.f[at('ceo')]).toBe(0.5); // unknown counts 0
    expect(a.f[at('vp')]).toBe(0.75);
    expect(a.f[at('cfo')]).toBe(0.25);
    expect(a.f[at('ana')]).toBe(1);
    expect(a.f[at('kim')]).toBe(0.6);
    expect(a.f[a.us]).toBe(1);
  });

  it('has the worked example edges; the whm–it conflict leaves no edge between them (harbor-wms)', () => {
    // ceo-cfo max(0.5 derived, 0.5 explicit); ceo-coo max(0.5, 0.3/2); coo-whm max(0.5, 0.6);
    // coo-it max(0.5, 0.3/2); cfo-it max(0, 1 - 0.6·0.5 = 0.7); buyer-cfo max(0.3, 0.5).
    const { g, a } = setup(loadFixture('harbor-wms.json'));
    expect(edgeList(g, a)).toEqual(
      [
        `US-it 0.6`,
        `US-whm ${REL_ANA}`,
        'buyer-cfo 0.5',
        'ceo-cfo 0.5',
        'ceo-coo 0.5',
        'cfo-it 0.7',
        'coo-it 0.5',
        'coo-whm 0.6',
      ].sort(),
    );
  });

  it.each<[string, Record<string, unknown>[], string[]]>([
    [
      'an explicit 0 both ways replaces both derived edges of a reporting line: no edge',
      [
        { from: 'a', to: 'm', kind: 'influences', weight: 0 },
        { from: 'm', to: 'a', kind: 'influences', weight: 0 },
      ],
      [],
    ],
    [
      'an explicit 0 one way leaves the derived edge the other way (m -> a 0.5)',
      [{ from: 'a', to: 'm', kind: 'influences', weight: 0 }],
      ['a-m 0.5'],
    ],
    ['a conflict between a report and their manager removes the pair', [{ from: 'm', to: 'a', kind: 'conflict' }], []],
    ['no relation: the derived edges, q = max(0.3/1, 0.5)', [], ['a-m 0.5']],
  ])('%s', (_name, relations, expected) => {
    const { g, a } = setup({ id: 'd', people: [{ id: 'm' }, { id: 'a', reportsTo: 'm' }], relations });
    expect(edgeList(g, a)).toEqual(expected);
  });

  it('memoises the access graph on the PowerGraph', () => {
    const g = buildGraph(twoRoutes);
    expect(accessGraph(g)).toBe(accessGraph(g));
  });
});

describe('pathProbability', () => {
  it('is 0 when a step is not an access edge (the whm–it conflict)', () => {
    const { a, nodes } = setup(loadFixture('harbor-wms.json'));
    expect(pathProbability(a, nodes('whm', 'it', 'cfo', 'ceo'))).toBe(0);
  });

  it('multiplies rel, the q of each step and the factor of every person inside the path (worked example)', () => {
    // us -> Ana -> Lee -> Dana = 0.714330 · (1+1)/2 · max(0.6, 0.5) · (1+0.5)/2 · max(0.5, 0.15) = 0.160724
    const { a, nodes } = setup(loadFixture('harbor-wms.json'));
    expect(pathProbability(a, nodes('whm', 'coo', 'ceo'))).toBeCloseTo(0.160724, 6);
    expect(pathProbability(a, nodes('whm', 'coo', 'ceo'))).toBeCloseTo(REL_ANA * 0.225, 15);
    // Raj and Sam: 0.6 · (1 - 0.4)/2 · 0.7 · (1 - 0.5)/2 · 0.5 = 0.01575
    expect(pathProbability(a, nodes('it', 'cfo', 'ceo'))).toBeCloseTo(0.01575, 15);
  });

});

describe('bestTree', () => {
  it('leaves a person we cannot reach at probability 0 with no parent', () => {
    // a and b share no influence; only a is a contact.
    const { a, at } = setup({ id: 'd', people: [{ id: 'a' }, { id: 'b' }], contacts: [{ person: 'a', strength: 0.5 }] });
    const tree = bestTree(a, a.us);
    expect(tree.probability[at('b')]).toBe(0);
    expect(tree.parent[at('b')]).toBe(-1);
    expect(tree.probability[at('a')]).toBe(0.5);
  });

  it('finds the best probability from US to everyone (two routes)', () => {
    // ana 0.8, kim 0.6, vp 0.8·1·0.6 = 0.48, cfo 0.8·1·0.9 = 0.72, lee 0.6·0.6·0.6 = 0.216,
    // ceo max(0.18, 0.162, 0.07128) = 0.18 through vp.
    const { a, at } = setup(twoRoutes);
    const tree = bestTree(a, a.us);
    const expected: [string, number][] = [
      ['ana', 0.8],
      ['kim', 0.6],
      ['vp', 0.48],
      ['cfo', 0.72],
      ['lee', 0.216],
      ['ceo', 0.18],
    ];
    for (const [id, p] of expected) expect(tree.probability[at(id)]).toBeCloseTo(p, 14);
    expect(tree.parent[at('ceo')]).toBe(at('vp'));
    expect(tree.parent[at('vp')]).toBe(at('ana'));
    expect(tree.parent[at('ana')]).toBe(a.us);
    expect(tree.probability[a.us]).toBe(1);
  });

  it('applies the source factor unless the source is a path end (coach criterion 7 searches from a decision maker)', () => {
    // From the CEO as an end: vp 0.5, cfo 0.9, lee 0.55, ana max(0.5·0.75·0.6, 0.9·0.25·0.9) = 0.225,
    // kim 0.55·0.6·0.6 = 0.198; US is never entered. As an interior source, each is halved (f_ceo = 1/2).
    const { a, at } = setup(twoRoutes);
    const end = bestTree(a, at('ceo'), true);
    const inner = bestTree(a, at('ceo'));
    const expected: [string, number][] = [
      ['vp', 0.5],
      ['cfo', 0.9],
      ['lee', 0.55],
      ['ana', 0.225],
      ['kim', 0.198],
    ];
    for (const [id, p] of expected) {
      expect(end.probability[at(id)]).toBeCloseTo(p, 14);
      expect(inner.probability[at(id)]).toBeCloseTo(p / 2, 14);
    }
    expect(end.probability[a.us]).toBe(0);
  });
});

describe('kBestPaths', () => {
  it('returns no path when the target is the source or cannot be reached', () => {
    const { a, at } = setup({
      id: 'd',
      people: [{ id: 'a' }, { id: 'b' }],
      contacts: [{ person: 'a', strength: 0.5 }],
    });
    expect(kBestPaths(a, a.us, a.us, 3)).toEqual([]);
    expect(kBestPaths(a, a.us, at('b'), 3)).toEqual([]); // a and b are not connected
  });

  it.each<[number, [string[], number][]]>([
    // test/fixtures/two-routes.ts: A 0.18, B 0.162, C 0.07128 are the only three paths.
    [1, [[['ana', 'vp', 'ceo'], 0.18]]],
    [
      3,
      [
        [['ana', 'vp', 'ceo'], 0.18],
        [['ana', 'cfo', 'ceo'], 0.162],
        [['kim', 'lee', 'ceo'], 0.07128],
      ],
    ],
    [
      10,
      [
        [['ana', 'vp', 'ceo'], 0.18],
        [['ana', 'cfo', 'ceo'], 0.162],
        [['kim', 'lee', 'ceo'], 0.07128],
      ],
    ],
  ])('kBestPaths(twoRoutes, US, ceo, %i)', (k, expected) => {
    const { a, at, nodes } = setup(twoRoutes);
    const paths = kBestPaths(a, a.us, at('ceo'), k);
    expect(paths.map((p) => p.nodes)).toEqual(expected.map(([ids]) => nodes(...ids)));
    paths.forEach((p, i) => expect(p.probability).toBeCloseTo(expected[i]![1], 14));
  });

  it('uses the pair that only a conflict removed once the conflict is gone', () => {
    // Without the ana–kim conflict: [ana, kim, lee, ceo] = 0.8 · 1 · 0.8 · 0.6 · 0.6 · 0.6 · 0.55 = 0.076032 is third.
    const { a, at, nodes } = setup(twoRoutesWithoutConflict);
    const paths = kBestPaths(a, a.us, at('ceo'), 3);
    expect(paths.map((p) => p.nodes)).toEqual([nodes('ana', 'vp', 'ceo'), nodes('ana', 'cfo', 'ceo'), nodes('ana', 'kim', 'lee', 'ceo')]);
    expect(paths[2]!.probability).toBeCloseTo(0.076032, 14);
  });

  it('finds all four worked-example paths, best first, and never steps whm -> it', () => {
    // whm-coo-ceo r·0.225 = 0.160724; it-coo-ceo 0.6·0.3·0.5·0.75·0.5 = 0.03375;
    // it-cfo-ceo 0.6·0.3·0.7·0.25·0.5 = 0.01575; whm-coo-it-cfo-ceo r·0.6·0.75·0.5·0.3·0.7·0.25·0.5 = r·0.00590625.
    const { a, at, ids } = setup(loadFixture('harbor-wms.json'));
    const paths = kBestPaths(a, a.us, at('ceo'), 10);
    expect(paths.map((p) => ids(p.nodes))).toEqual([
      ['US', 'whm', 'coo', 'ceo'],
      ['US', 'it', 'coo', 'ceo'],
      ['US', 'it', 'cfo', 'ceo'],
      ['US', 'whm', 'coo', 'it', 'cfo', 'ceo'],
    ]);
    const expected = [REL_ANA * 0.225, 0.03375, 0.01575, REL_ANA * 0.00590625];
    paths.forEach((p, i) => expect(p.probability).toBeCloseTo(expected[i]!, 15));
    for (const p of paths) {
      const named = ids(p.nodes);
      for (let k = 0; k + 1 < named.length; k++) expect([named[k], named[k + 1]].sort()).not.toEqual(['it', 'whm']);
    }
  });

  test.prop([arbitraryAccessCase(), fc.integer({ min: 1, max: 6 })], { seed: PROPERTY_SEED })(
    "Yen's paths equal brute force enumeration",
    (c, k) => {
      const g = buildGraph(c.deal);
      const a = accessGraph(g);
      const model = accessModel(c.deal);
      const brute = enumeratePaths(model, c.target)
        .map((p) => p.probability)
        .filter((p) => p > 0)
        .sort((x, y) => y - x);
      const paths = kBestPaths(a, a.us, g.index.get(c.target)!, k);
      expect(paths).toHaveLength(Math.min(k, brute.length));
      paths.forEach((p, i) => {
        expect(relClose(p.probability, brute[i]!), `path ${i}: ${p.probability} vs ${brute[i]}`).toBe(true);
        // valid: starts at US, ends at the target, loopless, every step an access edge
        expect(p.nodes[0]).toBe(a.us);
        const named = p.nodes.slice(1).map((x) => g.ids[x]!);
        expect(named[named.length - 1]).toBe(c.target);
        expect(new Set(named).size).toBe(named.length);
        for (let s = 0; s + 1 < named.length; s++) expect(model.q(named[s]!, named[s + 1]!)).toBeGreaterThan(0);
        // has the stated probability
        expect(relClose(modelProbability(model, named), p.probability)).toBe(true);
      });
      expect(new Set(paths.map((p) => p.nodes.join(','))).size).toBe(paths.length);
    },
  );
});

describe('widestPath', () => {
  it('returns null when the target is the source or cannot be reached', () => {
    const { a, at } = setup({
      id: 'd',
      people: [{ id: 'a', stance: -1 }, { id: 'b' }],
      relations: [{ from: 'a', to: 'b', kind: 'influences', weight: 1 }],
      contacts: [{ person: 'a', strength: 1 }],
    });
    expect(widestPath(a, a.us, a.us)).toBeNull();
    expect(widestPath(a, a.us, at('b'))).toBeNull(); // the only way passes an opponent (factor 0)
  });

  it.each<[string, unknown, string[], number, { from: string; to: string; by: string }]>([
    // two-routes: A min 0.5 (vp -> ceo), B 0.25 (cfo's stance), C min(0.6, 0.6, 0.6, 0.6, 0.55) = 0.55
    ['two routes: the long route through kim and lee', twoRoutes, ['US', 'kim', 'lee', 'ceo'], 0.55, { from: 'lee', to: 'ceo', by: 'relationship' }],
    // harbor: whm-coo-ceo min(0.714, 1, 0.6, 0.75, 0.5) = 0.5; the paths through it have f_it = 0.3
    [
      'harbor-wms: through Ana and Lee, limited by coo -> ceo',
      loadFixture('harbor-wms.json'),
      ['US', 'whm', 'coo', 'ceo'],
      0.5,
      { from: 'coo', to: 'ceo', by: 'relationship' },
    ],
    // US -a(0.9, skeptic f 0.25)- dm 0.9: min(0.9, 0.25, 0.9) = 0.25, a's stance
    [
      'a skeptic entry contact limits by stance',
      {
        id: 'd',
        people: [{ id: 'dm' }, { id: 'a', stance: 'skeptic' }],
        relations: [{ from: 'a', to: 'dm', kind: 'influences', weight: 0.9 }],
        contacts: [{ person: 'a', strength: 0.9 }],
      },
      ['US', 'a', 'dm'],
      0.25,
      { from: 'a', to: 'dm', by: 'stance' },
    ],
    // US -a(0.2, champion)- dm 0.9: min(0.2, 1, 0.9) = 0.2, our own relationship (from US)
    [
      'a weak contact limits by our relationship',
      {
        id: 'd',
        people: [{ id: 'dm' }, { id: 'a', stance: 'champion' }],
        relations: [{ from: 'a', to: 'dm', kind: 'influences', weight: 0.9 }],
        contacts: [{ person: 'a', strength: 0.2 }],
      },
      ['US', 'a', 'dm'],
      0.2,
      { from: 'US', to: 'a', by: 'relationship' },
    ],
  ])('widestPath: %s', (_name, deal, path, width, limit) => {
    const { a, at, ids } = setup(deal);
    const target = path[path.length - 1]!;
    const widest = widestPath(a, a.us, at(target))!;
    expect(ids(widest.nodes)).toEqual(path);
    expect(widest.width).toBe(width);
    expect({ ...widest.limit, from: ids([widest.limit.from])[0], to: ids([widest.limit.to])[0] }).toEqual(limit);
  });

  test.prop([arbitraryAccessCase()], { seed: PROPERTY_SEED })('the widest path is as wide as the best brute-force bottleneck', (c) => {
    const g = buildGraph(c.deal);
    const a = accessGraph(g);
    const model = accessModel(c.deal);
    const best = enumeratePaths(model, c.target).reduce((m, p) => Math.max(m, p.width), 0);
    const widest = widestPath(a, a.us, g.index.get(c.target)!);
    if (best === 0) {
      expect(widest).toBeNull();
      return;
    }
    expect(widest).not.toBeNull();
    // (relative 1e-12: a noisy-OR product may round differently in another order)
    expect(relClose(widest!.width, best), `${widest!.width} vs ${best}`).toBe(true);
    // the returned path is a simple path from US to the target whose smallest factor is that width
    const named = widest!.nodes.slice(1).map((x) => g.ids[x]!);
    expect(widest!.nodes[0]).toBe(a.us);
    expect(named[named.length - 1]).toBe(c.target);
    expect(new Set(named).size).toBe(named.length);
    let width = model.rel(named[0]!);
    for (let s = 0; s + 1 < named.length; s++) width = Math.min(width, model.f(named[s]!), model.q(named[s]!, named[s + 1]!));
    expect(relClose(width, best)).toBe(true);
  });
});
