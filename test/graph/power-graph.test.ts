import { test } from '@fast-check/vitest';
import { DirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildGraph, isPowerGraph, parseDeal, type PowerGraph } from '../../src/index.js';
import { PowermapError } from '../../src/index.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryDeal } from '../support/arbitraries.js';
import { loadFixture } from '../support/fixtures.js';

/** The influence matrix as dense rows, read from influenceOut. */
function denseOut(g: PowerGraph): number[][] {
  const m = Array.from({ length: g.n }, () => new Array<number>(g.n).fill(0));
  const { ptr, idx, w } = g.influenceOut;
  for (let u = 0; u < g.n; u++) for (let k = ptr[u]!; k < ptr[u + 1]!; k++) m[u]![idx[k]!] = w[k]!;
  return m;
}

/** The same matrix read from influenceIn (rows by target), transposed back. */
function denseIn(g: PowerGraph): number[][] {
  const m = Array.from({ length: g.n }, () => new Array<number>(g.n).fill(0));
  const { ptr, idx, w } = g.influenceIn;
  for (let v = 0; v < g.n; v++) for (let k = ptr[v]!; k < ptr[v + 1]!; k++) m[idx[k]!]![v] = w[k]!;
  return m;
}

describe('PowerGraph', () => {
  const harbor = buildGraph(loadFixture('harbor-wms.json'));

  describe('weight', () => {
    it('returns 0 for a pair without influence, including a person and themself', () => {
      const [whm, ceo] = [harbor.indexOf('whm')!, harbor.indexOf('ceo')!];
      expect(harbor.weight(whm, ceo)).toBe(0);
      expect(harbor.weight(ceo, ceo)).toBe(0);
    });

    it('reads w_uv: coo -> ceo = 0.3/2 (the doc example)', () => {
      expect(harbor.weight(harbor.indexOf('coo')!, harbor.indexOf('ceo')!)).toBeCloseTo(0.15, 12);
    });
  });

  describe('indexOf', () => {
    it('returns undefined for an unknown id (ids are case-sensitive)', () => {
      expect(harbor.indexOf('CEO')).toBeUndefined();
      expect(harbor.indexOf('__proto__')).toBeUndefined();
    });
  });

  describe('inConflict', () => {
    it('is false for a person and themself', () => {
      const whm = harbor.indexOf('whm')!;
      expect(harbor.inConflict(whm, whm)).toBe(false);
    });

    test.prop([arbitraryDeal()], { seed: PROPERTY_SEED, numRuns: 100 })(
      'conflict pairs are symmetric and exactly the pairs named in a conflict relation',
      (raw) => {
        const g = buildGraph(raw);
        const named = new Set<string>();
        for (const r of g.deal.relations)
          if (r.kind === 'conflict') {
            named.add(`${g.indexOf(r.from)},${g.indexOf(r.to)}`);
            named.add(`${g.indexOf(r.to)},${g.indexOf(r.from)}`);
          }
        for (let a = 0; a < g.n; a++)
          for (let b = 0; b < g.n; b++) {
            expect(g.inConflict(a, b)).toBe(g.inConflict(b, a));
            expect(g.inConflict(a, b)).toBe(named.has(`${a},${b}`));
          }
      },
    PROPERTY_TIMEOUT,
    );
  });

  test.prop([arbitraryDeal()], { seed: PROPERTY_SEED, numRuns: 100 })(
    'influenceIn is the transpose of influenceOut, rows sorted, no zero and no self weight, and weight() agrees',
    (raw) => {
      const g = buildGraph(raw);
      const out = denseOut(g);
      expect(denseIn(g)).toEqual(out);
      for (const csr of [g.influenceOut, g.influenceIn]) {
        expect(csr.ptr).toHaveLength(g.n + 1);
        expect(csr.ptr[g.n]).toBe(g.edgeCount);
        for (let r = 0; r < g.n; r++)
          for (let k = csr.ptr[r]! + 1; k < csr.ptr[r + 1]!; k++) expect(csr.idx[k]!).toBeGreaterThan(csr.idx[k - 1]!);
        for (const x of csr.w) {
          expect(x).toBeGreaterThan(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }
      expect(g.derivedOut).toHaveLength(g.edgeCount);
      for (let u = 0; u < g.n; u++) {
        expect(out[u]![u]).toBe(0);
        for (let v = 0; v < g.n; v++) expect(g.weight(u, v)).toBe(out[u]![v]);
      }
    },
    PROPERTY_TIMEOUT,
  );

  describe('graphology', () => {
    const view = harbor.graphology;

    it('is a DirectedGraph with one node per person and one edge per connected ordered pair', () => {
      // 11 influence pairs (see pairs.test.ts) + whm -> it, which is only a conflict = 12 edges.
      expect(view).toBeInstanceOf(DirectedGraph);
      expect(view.order).toBe(6);
      expect(view.nodes()).toEqual(['buyer', 'ceo', 'cfo', 'coo', 'it', 'whm']);
      expect(view.size).toBe(12);
      expect(harbor.graphology).toBe(view); // built once
    });

    it.each<[string, string, number, string[]]>([
      ['it', 'cfo', 0.7, ['influences']], // two parallel explicit edges: 1 - 0.6 * 0.5
      ['cfo', 'ceo', 0.5, ['influences']], // explicit, replaces the derived 0.3/2
      ['ceo', 'cfo', 0.5, ['derived']],
      ['coo', 'ceo', 0.15, ['derived']], // 0.3 / 2
      ['buyer', 'cfo', 0.3, ['derived']], // 0.3 / 1
      ['whm', 'it', 0, ['conflict']], // no influence, only the conflict
    ])('has edge %s -> %s with weight %j and kinds %j', (from, to, weight, kinds) => {
      const attrs = view.getEdgeAttributes(view.edge(from, to)!);
      expect(attrs.weight).toBeCloseTo(weight, 12);
      expect(attrs.kinds).toEqual(kinds);
    });

    it('has no edge it -> whm (a conflict is recorded on the pair as given)', () => {
      expect(view.hasEdge('it', 'whm')).toBe(false);
    });

    it('gives each edge weight equal to weight()', () => {
      view.forEachEdge((_e, attrs, source, target) => {
        expect(attrs.weight).toBe(harbor.weight(harbor.indexOf(source)!, harbor.indexOf(target)!));
      });
    });

    it('puts the parsed person, derivedLevel and rel on each node', () => {
      const whm = view.getNodeAttributes('whm');
      expect(whm).toMatchObject({ id: 'whm', name: 'Ana Silva', reportsTo: ['coo'], roles: ['user'], stance: 1, influence: null });
      expect(whm.derivedLevel).toBe(3);
      expect(whm.rel).toBeCloseTo(0.9 * 0.5 ** (30 / 90), 12);
      expect(view.getNodeAttributes('ceo').derivedLevel).toBe(1);
    });

    it('holds the rest of the deal in the graph attributes', () => {
      const attrs = view.getAttributes();
      expect(attrs).toMatchObject({ schemaVersion: 1, id: 'harbor-wms', asOf: '2026-11-01', stage: { name: 'proposal', progress: 0.6 } });
      expect(attrs.contacts).toHaveLength(2);
      expect(attrs.people).toBeUndefined();
      expect(attrs.relations).toBeUndefined();
    });

    it('records informsWeight on a pair with an informs line (default 1)', () => {
      const g = buildGraph({ id: 'd', people: [{ id: 'a' }, { id: 'b' }], relations: [{ from: 'a', to: 'b', kind: 'informs' }] });
      expect(g.graphology.getEdgeAttributes('a', 'b')).toEqual({ weight: 0, kinds: ['informs'], informsWeight: 1 });
    });

    it('keeps an explicit edge of weight 0 as an edge with weight 0', () => {
      const g = buildGraph({
        id: 'd',
        people: [{ id: 'a' }, { id: 'b', reportsTo: 'a' }],
        relations: [{ from: 'b', to: 'a', kind: 'influences', weight: 0 }],
      });
      expect(g.graphology.getEdgeAttributes('b', 'a')).toEqual({ weight: 0, kinds: ['influences'] });
      expect(g.graphology.getEdgeAttributes('a', 'b')).toEqual({ weight: 0.5, kinds: ['derived'] });
    });

    it('is a copy: changing it changes neither the PowerGraph nor the deal', () => {
      const g = buildGraph(loadFixture('harbor-wms.json'));
      const before = Array.from(g.influenceOut.w);
      g.graphology.setNodeAttribute('ceo', 'stance', 1);
      g.graphology.setEdgeAttribute('it', 'cfo', 'weight', 0.01);
      g.graphology.dropNode('coo');
      expect(g.deal.people.find((p) => p.id === 'ceo')!.stance).toBeNull();
      expect(Array.from(g.influenceOut.w)).toEqual(before);
    });

    it('refuses person ids that name Object.prototype members with a clear error (graphology cannot hold them)', () => {
      // graphology 0.26 keeps adjacency in plain objects, so `out["constructor"]` looks like an
      // existing edge. The CSR views are fine; only the graphology view refuses.
      const g = buildGraph({ id: 'd', people: [{ id: 'a' }, { id: 'constructor', reportsTo: 'a' }, { id: '__proto__', reportsTo: 'a' }] });
      expect(g.n).toBe(3);
      expect(() => g.graphology).toThrow(PowermapError);
      try {
        void g.graphology;
      } catch (e) {
        expect((e as PowermapError).code).toBe('unsafe_graphology_key');
      }
    });
  });
});

describe('isPowerGraph', () => {
  it('is false for a deal, a graphology graph, null and a look-alike object', () => {
    const deal = parseDeal(loadFixture('harbor-wms.json'));
    expect(isPowerGraph(deal)).toBe(false);
    expect(isPowerGraph(new DirectedGraph())).toBe(false);
    expect(isPowerGraph(null)).toBe(false);
    expect(isPowerGraph({ n: 1, ids: ['a'], influenceOut: {} })).toBe(false);
  });

  it('is true for a built graph', () => {
    expect(isPowerGraph(buildGraph(loadFixture('harbor-wms.json')))).toBe(true);
  });
});
