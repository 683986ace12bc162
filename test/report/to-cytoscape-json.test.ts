import { describe, expect, it } from 'vitest';
import { buildGraph, ValidationError } from '../../src/index.js';
import { toCytoscapeJson } from '../../src/report/index.js';
import { loadFixture } from '../support/fixtures.js';
import { HOSTILE, LONG_NAME } from './hostile-deal.js';
import { harbor, hostile, reversedDeal } from './support.js';

describe('toCytoscapeJson', () => {
  it('throws ValidationError on an invalid deal', () => {
    expect(() => toCytoscapeJson({ people: [] } as never)).toThrow(ValidationError);
  });

  describe('on the worked example (Harbor Logistics)', () => {
    const { graph } = harbor();
    const cy = toCytoscapeJson(graph);

    it('has one node per person with its attributes', () => {
      expect(cy.elements.nodes.map((n) => n.data.id)).toEqual(['buyer', 'ceo', 'cfo', 'coo', 'it', 'whm']);
      expect(cy.elements.nodes[5]!.data).toEqual({
        id: 'whm', label: 'Ana Silva', name: 'Ana Silva', title: 'Warehouse Manager', department: null, roles: ['user'],
        stance: 1, influence: null, level: 3, rel: expect.closeTo(0.71433, 5), decisionMaker: false,
      });
      expect(cy.elements.nodes[1]!.data).toMatchObject({ id: 'ceo', stance: null, decisionMaker: true });
    });

    it('has one edge per ordered pair with weight and kinds', () => {
      const edges = cy.elements.edges.map((e) => e.data);
      expect(edges).toHaveLength(12);
      expect(edges[0]).toEqual({ id: 'e0', source: 'buyer', target: 'cfo', weight: 0.3, kinds: ['derived'], informsWeight: null });
      expect(edges).toContainEqual({ id: expect.any(String), source: 'it', target: 'cfo', weight: 0.7, kinds: ['influences'], informsWeight: null });
      expect(new Set(edges.map((e) => `${e.source}>${e.target}`)).size).toBe(12);
    });

    it('is plain JSON, and deterministic', () => {
      expect(JSON.parse(JSON.stringify(cy))).toEqual(cy);
      expect(toCytoscapeJson(buildGraph(reversedDeal(loadFixture('harbor-wms.json') as never)))).toEqual(cy);
    });
  });

  it('keeps hostile ids and names as plain data (no prototype games with __proto__)', () => {
    const { graph } = hostile();
    const cy = toCytoscapeJson(graph);
    const proto = cy.elements.nodes.find((n) => n.data.id === '__proto__')!;
    expect(Object.getPrototypeOf(proto.data)).toBe(Object.prototype);
    expect(proto.data.label).toBe(HOSTILE.img);
    expect(cy.elements.nodes.map((n) => n.data.label)).toEqual(expect.arrayContaining([HOSTILE.formula, HOSTILE.quotes, HOSTILE.arabic, LONG_NAME]));
    expect(cy.elements.edges.some((e) => e.data.target === '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(cy))).toEqual(cy);
  });
});
