import { test } from '@fast-check/vitest';
import { DirectedGraph, MultiDirectedGraph, MultiGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { ValidationError, buildGraph, fromGraphology, type PowerGraph } from '../../src/index.js';
import { PROPERTY_SEED, PROPERTY_TIMEOUT, arbitraryDeal } from '../support/arbitraries.js';
import { loadFixture } from '../support/fixtures.js';

function w(g: PowerGraph, from: string, to: string): number {
  return g.weight(g.indexOf(from)!, g.indexOf(to)!);
}

/** Everything the analyses read from a PowerGraph, for "same graph" comparisons. */
function views(g: PowerGraph) {
  return {
    ids: g.ids,
    influenceOut: g.influenceOut,
    influenceIn: g.influenceIn,
    informsIn: g.informsIn,
    level: g.level,
    hasManager: g.hasManager,
    rel: g.rel,
    stance: g.stance,
    influence: g.influence,
    conflicts: g.ids.flatMap((_, a) => g.ids.map((__, b) => g.inConflict(a, b))),
  };
}

describe('fromGraphology', () => {
  it('rejects an unknown edge kind with a ValidationError naming the edge', () => {
    const g = new DirectedGraph();
    g.addNode('a');
    g.addNode('b');
    g.addNode('c');
    g.addEdgeWithKey('e1', 'a', 'b', { kind: 'likes' });
    g.addEdgeWithKey('e2', 'b', 'c', { kinds: ['influences', 'reports_to'] });
    expect(() => fromGraphology(g)).toThrow(ValidationError);
    try {
      fromGraphology(g);
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => [i.code, i.path])).toEqual([
        ['invalid_value', 'edges["e1"].kinds'],
        ['invalid_value', 'edges["e2"].kinds'],
      ]);
    }
  });

  it('rejects invalid node attributes with the parser\'s ValidationError', () => {
    const g = new DirectedGraph();
    g.addNode('a', { stance: 'maybe' });
    g.addNode('b', { reportsTo: 'nobody' });
    expect(() => fromGraphology(g)).toThrow(ValidationError);
  });

  it('derives reporting edges from reportsTo node attributes (the doc example)', () => {
    // ids ascending: ceo 0, cfo 1. ceo -> cfo is manager -> report 0.5; cfo -> ceo is 0.3 / 1.
    const g = new DirectedGraph();
    g.addNode('ceo', { roles: ['decision-maker'], stance: 'neutral' });
    g.addNode('cfo', { reportsTo: 'ceo', stance: 'skeptic' });
    const pg = fromGraphology(g);
    expect(pg.weight(0, 1)).toBeCloseTo(0.5, 12);
    expect(pg.weight(1, 0)).toBeCloseTo(0.3, 12);
    expect(pg.deal.people.map((p) => [p.id, p.stance, p.roles])).toEqual([
      ['ceo', 0, ['decision-maker']],
      ['cfo', -0.5, []],
    ]);
  });

  it('reads an edge without kind as influences and without weight as 1', () => {
    const g = new DirectedGraph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b');
    const pg = fromGraphology(g);
    expect(w(pg, 'a', 'b')).toBe(1);
    expect(w(pg, 'b', 'a')).toBe(0);
  });

  it('reads undirected edges both ways', () => {
    const g = new UndirectedGraph();
    g.addNode('a');
    g.addNode('b');
    g.addNode('c');
    g.addEdge('a', 'b', { weight: 0.4 });
    g.addEdge('b', 'c', { kind: 'conflict' });
    const pg = fromGraphology(g);
    expect(w(pg, 'a', 'b')).toBeCloseTo(0.4, 12);
    expect(w(pg, 'b', 'a')).toBeCloseTo(0.4, 12);
    const [b, c] = [pg.indexOf('b')!, pg.indexOf('c')!];
    expect(pg.inConflict(b, c)).toBe(true);
    expect(pg.inConflict(c, b)).toBe(true);
    expect(w(pg, 'b', 'c')).toBe(0);
    expect(pg.deal.relations.filter((r) => r.kind === 'conflict')).toHaveLength(1);
  });

  it('reads the undirected edges of a mixed graph both ways and the directed ones one way', () => {
    const g = new MultiGraph(); // type 'mixed' by default
    g.addNode('a');
    g.addNode('b');
    g.addNode('c');
    g.addUndirectedEdge('a', 'b', { weight: 0.25 });
    g.addDirectedEdge('b', 'c', { weight: 0.5 });
    const pg = fromGraphology(g);
    expect(w(pg, 'a', 'b')).toBeCloseTo(0.25, 12);
    expect(w(pg, 'b', 'a')).toBeCloseTo(0.25, 12);
    expect(w(pg, 'b', 'c')).toBeCloseTo(0.5, 12);
    expect(w(pg, 'c', 'b')).toBe(0);
  });

  it('merges parallel edges of a multi graph by noisy-OR', () => {
    // 1 - (1 - 0.4)(1 - 0.5) = 0.7
    const g = new MultiDirectedGraph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b', { weight: 0.4 });
    g.addEdge('a', 'b', { weight: 0.5 });
    expect(w(fromGraphology(g), 'a', 'b')).toBeCloseTo(0.7, 12);
  });

  it('reads reports-to edges (source reports to target), informs lines, and derived edges as influences', () => {
    // r reports to m by an edge: m -> r 0.5, r -> m 0.3. x informs m with 0.4. "derived" 0.2 x -> r.
    const g = new DirectedGraph();
    for (const id of ['m', 'r', 'x']) g.addNode(id);
    g.addEdge('r', 'm', { kind: 'reports-to' });
    g.addEdge('x', 'm', { kinds: ['informs'], informsWeight: 0.4 });
    g.addEdge('x', 'r', { kinds: ['derived'], weight: 0.2 });
    const pg = fromGraphology(g);
    expect(pg.deal.people.find((p) => p.id === 'r')!.reportsTo).toEqual(['m']);
    expect(w(pg, 'm', 'r')).toBeCloseTo(0.5, 12);
    expect(w(pg, 'r', 'm')).toBeCloseTo(0.3, 12);
    expect(w(pg, 'x', 'm')).toBe(0);
    expect(w(pg, 'x', 'r')).toBeCloseTo(0.2, 12);
    expect(pg.informsIn.w[pg.informsIn.ptr[pg.indexOf('m')!]!]).toBeCloseTo(0.4, 12);
  });

  it('reads the rest of the deal from the graph attributes and ignores unknown node attributes', () => {
    // contact 0.9 on 2026-10-02, asOf 2026-11-01: 0.9 * 0.5^(30/90).
    const g = new DirectedGraph();
    g.replaceAttributes({ id: 'from-crm', asOf: '2026-11-01', contacts: [{ person: 'a', strength: 0.9, lastContact: '2026-10-02' }] });
    g.addNode('a', { x: 10, y: 20, color: 'red', label: 'Ana' });
    const pg = fromGraphology(g);
    expect(pg.deal.id).toBe('from-crm');
    expect(pg.rel[0]).toBeCloseTo(0.9 * 0.5 ** (30 / 90), 12);
    expect(pg.deal.people[0]).toEqual({ id: 'a', reportsTo: [], roles: [], influence: null, stance: null });
  });

  it('names the deal "graph" when the graph has no id attribute, and passes options on', () => {
    const g = new DirectedGraph();
    g.addNode('m');
    g.addNode('r', { reportsTo: 'm' });
    const pg = fromGraphology(g, { managerWeight: 0.8 });
    expect(pg.deal.id).toBe('graph');
    expect(w(pg, 'm', 'r')).toBeCloseTo(0.8, 12);
  });

  it('never modifies the graph it reads', () => {
    const g = buildGraph(loadFixture('harbor-wms.json')).graphology.copy();
    const before = JSON.stringify(g.export());
    fromGraphology(g);
    expect(JSON.stringify(g.export())).toBe(before);
  });

  it('round-trips the Harbor worked example: the same CSR arrays, levels, rel and conflicts', () => {
    const original = buildGraph(loadFixture('harbor-wms.json'));
    const back = fromGraphology(original.graphology);
    expect(back.influenceOut).toEqual(original.influenceOut);
    expect(views(back)).toEqual(views(original));
  });

  test.prop([arbitraryDeal({ graphologySafeIds: true })], { seed: PROPERTY_SEED, numRuns: 150 })(
    'fromGraphology(buildGraph(deal).graphology) gives the same graph as buildGraph(deal)',
    (raw) => {
      const original = buildGraph(raw);
      const back = fromGraphology(original.graphology);
      expect(back.influenceOut.ptr).toEqual(original.influenceOut.ptr);
      expect(back.influenceOut.idx).toEqual(original.influenceOut.idx);
      expect(back.influenceOut.w).toEqual(original.influenceOut.w);
      expect(views(back)).toEqual(views(original));
    },
    PROPERTY_TIMEOUT,
  );
});
