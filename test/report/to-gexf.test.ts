import { describe, expect, it } from 'vitest';
import { buildGraph, ValidationError } from '../../src/index.js';
import { toGexf } from '../../src/report/index.js';
import { loadFixture } from '../support/fixtures.js';
import { HOSTILE, LONG_NAME } from './hostile-deal.js';
import { findAll, harbor, hostile, parseXml, reversedDeal } from './support.js';

const values = (el: Record<string, unknown>) => Object.fromEntries(findAll(el, 'attvalue').map((a) => [a['@for'], a['@value']]));

describe('toGexf', () => {
  it('throws ValidationError on an invalid deal', () => {
    expect(() => toGexf({ schemaVersion: 1 } as never)).toThrow(ValidationError);
  });

  describe('on the worked example (Harbor Logistics)', () => {
    const { graph } = harbor();
    const gexf = toGexf(graph);
    const tree = parseXml(gexf);

    it('is GEXF 1.3 with declared node and edge attributes', () => {
      const root = findAll(tree, 'gexf')[0]!;
      expect(root['@version']).toBe('1.3');
      expect(root['@xmlns']).toBe('http://gexf.net/1.3');
      const declared = findAll(tree, 'attribute').map((a) => `${a['@id']}:${a['@type']}`);
      expect(declared).toEqual(expect.arrayContaining(['stance:double', 'level:integer', 'kinds:string']));
      const ids = new Set(findAll(tree, 'attribute').map((a) => a['@id']));
      for (const v of findAll(tree, 'attvalue')) expect(ids.has(v['@for'])).toBe(true);
    });

    it('labels and colours the people, and writes their attributes', () => {
      const nodes = findAll(tree, 'node');
      expect(nodes.map((n) => [n['@id'], n['@label']])).toEqual([
        ['buyer', 'Kim Novak'], ['ceo', 'Dana Reyes'], ['cfo', 'Sam Okafor'], ['coo', 'Lee Park'], ['it', 'Raj Mehta'], ['whm', 'Ana Silva'],
      ]);
      expect(values(nodes[5]!)).toMatchObject({ name: 'Ana Silva', roles: 'user', stance: '1', level: '3' });
      expect(values(nodes[1]!)).not.toHaveProperty('stance');
      expect(findAll(nodes[5]!, 'viz:color')[0]!['@hex']).toBe('#1e8449');
    });

    it('writes one weighted edge per ordered pair with stable ids', () => {
      const edges = findAll(tree, 'edge');
      expect(edges.map((e) => e['@id'])).toEqual(Array.from({ length: 12 }, (_, k) => `e${k}`));
      const itCfo = edges.find((e) => e['@source'] === 'it' && e['@target'] === 'cfo')!;
      expect(itCfo['@weight']).toBe('0.7');
      expect(values(itCfo)).toEqual({ kinds: 'influences' });
    });

    it('is deterministic, also from a reordered deal', () => {
      expect(toGexf(graph)).toBe(gexf);
      expect(toGexf(buildGraph(reversedDeal(loadFixture('harbor-wms.json') as never)))).toBe(gexf);
    });
  });

  describe('with hostile names', () => {
    it('is well-formed, with a node __proto__ and its edges (which graphology itself cannot hold)', () => {
      const { graph } = hostile();
      const tree = parseXml(toGexf(graph));
      expect(findAll(tree, 'node').map((n) => n['@id'])).toEqual(graph.ids);
      expect(findAll(tree, 'edge').some((e) => e['@target'] === '__proto__')).toBe(true);
      expect(findAll(tree, 'node').map((n) => n['@label'])).toEqual(
        expect.arrayContaining([HOSTILE.img, HOSTILE.script, HOSTILE.formula, HOSTILE.quotes, HOSTILE.emoji, HOSTILE.arabic, LONG_NAME]),
      );
    });
  });
});
