/**
 * `toGexf`: the graph as GEXF 1.3 (Gephi).
 *
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { graphOf } from './internal/checks.js';
import { escapeXmlId } from './internal/escape.js';
import { exportData } from './internal/export-data.js';
import { stanceColor } from './internal/svg.js';

const NODE_ATTRIBUTES: readonly (readonly [id: string, type: 'string' | 'double' | 'integer' | 'boolean'])[] = [
  ['name', 'string'],
  ['title', 'string'],
  ['department', 'string'],
  ['roles', 'string'],
  ['stance', 'double'],
  ['influence', 'double'],
  ['level', 'integer'],
  ['rel', 'double'],
  ['decisionMaker', 'boolean'],
];
const EDGE_ATTRIBUTES: readonly (readonly [id: string, type: 'string' | 'double'])[] = [
  ['kinds', 'string'],
  ['informsWeight', 'double'],
];

/**
 * Exports the influence graph as GEXF 1.3 for Gephi: nodes labelled with the person's name and
 * coloured by stance (`viz:color`), with attributes `name`, `title`, `department`, `roles`
 * (comma-separated), `stance`, `influence`, `level`, `rel` and `decisionMaker`; one directed edge
 * per ordered pair with its influence `weight` and `kinds` (comma-separated). Unknown values are
 * left out rather than written as 0. Edge ids are `e0`, `e1`, ... in (source, target) order, so
 * the same deal always gives the same bytes.
 *
 * Written by hand rather than with graphology-gexf: graphology cannot hold an edge to a node
 * whose key is `__proto__`, and its generated edge keys change from run to run. Strings are
 * XML-escaped; the characters XML 1.0 cannot carry at all (C0 controls other than tab and line
 * breaks, lone surrogates) become U+FFFD.
 *
 * @param input - a {@link PowerGraph} or a deal
 * @returns the GEXF document (UTF-8), ending in `\n`
 * @throws {@link ValidationError} when given an invalid deal
 * @example
 * ```ts
 * const gexf = toGexf(buildGraph(harborDeal));
 * gexf.includes('<gexf xmlns="http://gexf.net/1.3"'); // => true
 * gexf.includes('<node id="ceo" label="Dana Reyes">'); // => true
 * ```
 * @category Reports
 */
export function toGexf(input: PowerGraph | Deal): string {
  const g = graphOf('toGexf', input);
  const { nodes, edges } = exportData(g);
  const x = escapeXmlId;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta${g.deal.asOf ? ` lastmodifieddate="${x(g.deal.asOf.slice(0, 10))}"` : ''}>`,
    '    <creator>powermap</creator>',
    `    <description>${x(g.deal.name ?? g.deal.id)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRIBUTES.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  const att = (key: string, value: string | number | boolean | null) =>
    value === null || (typeof value === 'number' && !Number.isFinite(value))
      ? []
      : [`          <attvalue for="${key}" value="${typeof value === 'string' ? x(value) : String(value)}"/>`];
  for (const n of nodes) {
    out.push(
      `      <node id="${x(n.id)}" label="${x(n.label)}">`,
      '        <attvalues>',
      ...att('name', n.name),
      ...att('title', n.title),
      ...att('department', n.department),
      ...att('roles', n.roles.length ? n.roles.join(',') : null),
      ...att('stance', n.stance),
      ...att('influence', n.influence),
      ...att('level', n.level),
      ...att('rel', n.rel),
      ...att('decisionMaker', n.decisionMaker),
      '        </attvalues>',
      vizColor(n.stance === null ? '#e2e8f0' : stanceColor(n.stance)),
      '      </node>',
    );
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of edges) {
    out.push(
      `      <edge id="${e.key}" source="${x(e.source)}" target="${x(e.target)}" weight="${e.weight}">`,
      '        <attvalues>',
      ...att('kinds', e.kinds.join(',')),
      ...att('informsWeight', e.informsWeight),
      '        </attvalues>',
      '      </edge>',
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>');
  return `${out.join('\n')}\n`;
}

/** A GEXF viz colour with r, g, b (what GEXF 1.3 readers such as NetworkX expect) and hex. */
function vizColor(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16));
  return `        <viz:color r="${r}" g="${g}" b="${b}" hex="${hex}"/>`;
}
