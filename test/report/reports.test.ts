import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessDeal, buildGraph, type DealAssessment, type PowerGraph } from '../../src/index.js';
import * as reports from '../../src/report/index.js';
import { loadFixture } from '../support/fixtures.js';
import { hostileDeal } from './hostile-deal.js';
import { reversedDeal } from './support.js';

const ALL: [string, (a: DealAssessment, g: PowerGraph) => string][] = [
  ['toText', (a) => reports.toText(a, { color: true })],
  ['toMarkdown', (a, g) => reports.toMarkdown(a, { graph: g })],
  ['toSvg', (a, g) => reports.toSvg(a, g)],
  ['toHtml', (a, g) => reports.toHtml(a, g)],
  ['toMermaid', (_a, g) => reports.toMermaid(g)],
  ['toDot', (_a, g) => reports.toDot(g)],
  ['toGexf', (_a, g) => reports.toGexf(g)],
  ['toGraphml', (_a, g) => reports.toGraphml(g)],
  ['toCytoscapeJson', (_a, g) => JSON.stringify(reports.toCytoscapeJson(g))],
];

describe('every report', () => {
  for (const [name, deal] of [
    ['the worked example', () => loadFixture('harbor-wms.json') as typeof hostileDeal],
    ['the hostile deal', () => structuredClone(hostileDeal)],
  ] as const) {
    describe(`on ${name}`, () => {
      const g = buildGraph(deal());
      const a = assessDeal(g);
      const g2 = buildGraph(reversedDeal(deal()));
      const a2 = assessDeal(g2);

      it.each(ALL)('%s gives the same bytes twice and for the same deal in another order', (_, render) => {
        const once = render(a, g);
        expect(render(a, g)).toBe(once);
        expect(render(a2, g2)).toBe(once);
      });

      it.each(ALL)('%s mutates neither the assessment nor the deal', (_, render) => {
        const before = JSON.stringify([a, g.deal]);
        render(a, g);
        expect(JSON.stringify([a, g.deal])).toBe(before);
      });
    });
  }

  it('lives in plain, browser-safe modules: no Node import, no process, no fs, no randomness or clock', () => {
    const dir = new URL('../../src/report/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      expect(src, f).not.toMatch(/from 'node:|require\(|\bprocess\.|\bfs\.|Math\.random|Date\.now|new Date\(/);
    }
  });
});
