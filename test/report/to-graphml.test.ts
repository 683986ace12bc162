import { describe, expect, it } from 'vitest';
import { buildGraph, ValidationError } from '../../src/index.js';
import { toGraphml } from '../../src/report/index.js';
import { loadFixture } from '../support/fixtures.js';
import { hostileDeal, HOSTILE, LONG_NAME } from './hostile-deal.js';
import { findAll, harbor, hostile, parseXml, reversedDeal } from './support.js';

const text = (el: Record<string, unknown>) => String(el['#text'] ?? '');
const dataOf = (el: Record<string, unknown>) => Object.fromEntries(findAll(el, 'data').map((d) => [d['@key'], text(d)]));

describe('toGraphml', () => {
  it('throws ValidationError on an invalid deal', () => {
    expect(() => toGraphml({ people: 'nobody' } as never)).toThrow(ValidationError);
  });

  describe('on the worked example (Harbor Logistics)', () => {
    const { graph } = harbor();
    const xml = toGraphml(graph);
    const tree = parseXml(xml);

    it('declares a key for every attribute it writes', () => {
      const keys = findAll(tree, 'key').map((k) => `${k['@for']}:${k['@id']}:${k['@attr.type']}`);
      expect(keys).toEqual(expect.arrayContaining(['node:name:string', 'node:stance:double', 'node:influence:double', 'node:level:int', 'node:rel:double', 'edge:weight:double', 'edge:kinds:string']));
      const declared = new Set(findAll(tree, 'key').map((k) => k['@id']));
      for (const d of findAll(tree, 'data')) expect(declared.has(d['@key'])).toBe(true);
    });

    it('writes every person with their attributes, and leaves an unknown stance out', () => {
      const nodes = findAll(tree, 'node');
      expect(nodes.map((n) => n['@id'])).toEqual(['buyer', 'ceo', 'cfo', 'coo', 'it', 'whm']);
      expect(dataOf(nodes[2]!)).toEqual({ name: 'Sam Okafor', title: 'CFO', roles: 'economic-buyer', stance: '-0.5', influence: '0.8', level: '2', rel: '0', decisionMaker: 'false' });
      expect(dataOf(nodes[1]!)).not.toHaveProperty('stance');
    });

    it('writes one edge per ordered pair with weight and kinds', () => {
      const edges = findAll(tree, 'edge').map((e) => ({ s: e['@source'], t: e['@target'], ...dataOf(e) }));
      expect(edges).toHaveLength(12);
      expect(edges).toContainEqual({ s: 'it', t: 'cfo', weight: '0.7', kinds: 'influences' });
      expect(edges).toContainEqual({ s: 'coo', t: 'ceo', weight: '0.15', kinds: 'derived' });
      expect(edges).toContainEqual({ s: 'whm', t: 'it', weight: '0', kinds: 'conflict' });
      expect(new Set(edges.map((e) => `${e.s}>${e.t}`)).size).toBe(12);
    });

    it('is deterministic, also from a reordered deal', () => {
      expect(toGraphml(buildGraph(reversedDeal(loadFixture('harbor-wms.json') as never)))).toBe(xml);
      expect(toGraphml(loadFixture('harbor-wms.json') as never)).toBe(xml);
    });
  });

  describe('with hostile names', () => {
    const { graph } = hostile();
    const xml = toGraphml(graph);
    const tree = parseXml(xml);

    it('is well-formed and keeps every id and name as data', () => {
      const nodes = findAll(tree, 'node');
      expect(nodes.map((n) => n['@id'])).toEqual(graph.ids);
      const names = nodes.map((n) => dataOf(n).name);
      expect(names).toEqual(expect.arrayContaining([HOSTILE.img, HOSTILE.script, HOSTILE.formula, HOSTILE.quotes, HOSTILE.emoji, HOSTILE.arabic, HOSTILE.markdown, LONG_NAME]));
      // ESC cannot appear in XML 1.0 at all: it becomes U+FFFD; the line break survives as a character reference.
      expect(names).toContain('\uFFFD[31mred\uFFFD[0m\nnext line\u202eevil');
      expect(findAll(tree, 'edge').every((e) => graph.index.has(String(e['@source'])) && graph.index.has(String(e['@target'])))).toBe(true);
      expect(hostileDeal.people).toHaveLength(graph.n);
    });
  });
});
