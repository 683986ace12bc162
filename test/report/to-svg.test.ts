import { describe, expect, it } from 'vitest';
import { assessDeal, buildGraph, OptionError } from '../../src/index.js';
import { toSvg } from '../../src/report/index.js';
import { generateOrg } from '../bench/generate-org.js';
import { loadFixture } from '../support/fixtures.js';
import { hostileDeal, HOSTILE } from './hostile-deal.js';
import { deepFreeze, findAll, harbor, hostile, parseXml, reversedDeal } from './support.js';

const people = (tree: unknown) => findAll(tree, 'g').filter((g) => String(g['@class'] ?? '').split(' ').includes('person'));

describe('toSvg', () => {
  it('rejects a missing assessment, a missing graph and invalid options', () => {
    const { assessment, graph } = harbor();
    expect(() => toSvg(null as never, graph)).toThrow(OptionError);
    expect(() => toSvg(assessment, undefined as never)).toThrow(OptionError);
    expect(() => toSvg(assessment, graph, { maxPeople: 0 })).toThrow(OptionError);
    expect(() => toSvg(assessment, graph, { idPrefix: '"><script>' })).toThrow(OptionError);
  });

  describe('on the worked example (Harbor Logistics)', () => {
    const { assessment, graph } = harbor();
    const svg = toSvg(assessment, graph);
    const tree = parseXml(svg);

    it('is well-formed SVG with one g.person per person', () => {
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(people(tree).map((g) => g['@data-id'])).toEqual(['buyer', 'ceo', 'cfo', 'coo', 'it', 'whm']);
    });

    it('places people by level, level 1 at the top', () => {
      const y = new Map(people(tree).map((g) => [g['@data-id'], Number(/translate\([\d.]+,([\d.]+)\)/.exec(String(g['@transform']))![1])]));
      expect(y.get('ceo')!).toBeLessThan(y.get('cfo')!);
      expect(y.get('cfo')).toBe(y.get('coo'));
      expect(y.get('coo')!).toBeLessThan(y.get('whm')!);
      expect(new Set([y.get('whm'), y.get('it'), y.get('buyer')]).size).toBe(1);
    });

    it('sizes nodes by score, marks the decision maker, coach candidates and unknown stance', () => {
      const node = (id: string) => people(tree).find((g) => g['@data-id'] === id)!;
      const r = (id: string) => Number(findAll(node(id), 'circle').find((c) => String(c['@class']).startsWith('node'))!['@r']);
      expect(r('ceo')).toBeGreaterThan(r('coo'));
      expect(r('coo')).toBeGreaterThan(r('buyer'));
      expect(findAll(node('ceo'), 'path').some((p) => p['@class'] === 'crown')).toBe(true);
      expect(findAll(node('ceo'), 'circle').some((c) => c['@class'] === 'node unknown')).toBe(true);
      expect(findAll(node('coo'), 'g').some((g) => g['@class'] === 'coach')).toBe(true);
      expect(findAll(node('whm'), 'g').some((g) => g['@class'] === 'gatekeeper')).toBe(true);
      // Our relationship: rings on the two contacts only, thicker for the stronger one.
      const ring = (id: string) => findAll(node(id), 'circle').find((c) => c['@class'] === 'relationship');
      expect(people(tree).filter((g) => findAll(g, 'circle').some((c) => c['@class'] === 'relationship')).map((g) => g['@data-id'])).toEqual(['it', 'whm']);
      expect(Number(ring('whm')!['@stroke-width'])).toBeGreaterThan(Number(ring('it')!['@stroke-width']));
    });

    it('draws influence arrows, the conflict dashed red, and the best path from "us"', () => {
      expect(svg.match(/class="edge (influence|formal)"/g)).toHaveLength(11);
      expect(svg.match(/class="edge conflict"/g)).toHaveLength(1);
      expect(findAll(tree, 'path').filter((p) => p['@class'] === 'best-path').map((p) => p['@data-dm'])).toEqual(['ceo']);
      expect(svg).toContain('class="us"');
      expect(svg).toContain('>16%<');
    });

    it('has a legend', () => {
      expect(svg).toContain('class="legend"');
      expect(svg).toContain('size = key-people score');
      expect(svg).not.toContain('Showing');
    });

    it('is deterministic: same bytes twice, from a reordered deal, and without mutating its inputs', () => {
      expect(toSvg(assessment, graph)).toBe(svg);
      const g2 = buildGraph(reversedDeal(loadFixture('harbor-wms.json') as never));
      expect(toSvg(assessDeal(g2), g2)).toBe(svg);
      expect(toSvg(deepFreeze(structuredClone(assessment)), graph)).toBe(svg);
    });

    it('accepts the deal in place of the graph', () => {
      expect(toSvg(assessment, loadFixture('harbor-wms.json') as never)).toBe(svg);
    });
  });

  describe('with hostile names', () => {
    const { assessment, graph } = hostile();
    const svg = toSvg(assessment, graph);
    const tree = parseXml(svg);

    it('is well-formed, with one g.person per person and every id intact in data-id', () => {
      expect(people(tree).map((g) => g['@data-id']).sort()).toEqual(hostileDeal.people.map((p) => p.id).sort());
    });

    it('carries names as text, never as markup', () => {
      expect(findAll(tree, 'script')).toHaveLength(0);
      expect(findAll(tree, 'img')).toHaveLength(0);
      expect(findAll(tree, 'b')).toHaveLength(0);
      expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e]/);
    });

    it('cuts long names on the map but keeps the right-to-left ones isolated', () => {
      expect(svg).not.toContain('o'.repeat(400));
      expect(svg).toContain(`\u2068${HOSTILE.arabic}\u2069`);
    });
  });

  describe('on large organisations', () => {
    const g = buildGraph(generateOrg(300, 7));
    const a = assessDeal(g);

    it('shows the top maxPeople by score plus the decision makers and their paths, and says so', () => {
      const svg = toSvg(a, g);
      const shown = people(parseXml(svg)).map((x) => String(x['@data-id']));
      const top = new Set(a.ranking.people.slice(0, 60).map((p) => p.id));
      const forced = new Set(a.coverage.decisionMakers.flatMap((d) => [d.id, ...(d.best?.path ?? [])]));
      expect(new Set(shown)).toEqual(new Set([...top, ...forced]));
      expect(svg).toContain(`Showing ${shown.length} of 300 people: the top 60`);
      expect(people(parseXml(toSvg(a, g, { maxPeople: 10 }))).length).toBeLessThanOrEqual(10 + forced.size);
    });
  });
});
