/**
 * `toGraphml`: the graph as GraphML, written by hand (graphology-graphml only parses).
 *
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { graphOf } from './internal/checks.js';
import { escapeXmlId } from './internal/escape.js';
import { exportData } from './internal/export-data.js';

const KEYS: readonly (readonly [id: string, scope: 'node' | 'edge' | 'graph', type: 'string' | 'double' | 'int' | 'boolean'])[] = [
  ['deal', 'graph', 'string'],
  ['dealName', 'graph', 'string'],
  ['asOf', 'graph', 'string'],
  ['name', 'node', 'string'],
  ['title', 'node', 'string'],
  ['department', 'node', 'string'],
  ['roles', 'node', 'string'],
  ['stance', 'node', 'double'],
  ['influence', 'node', 'double'],
  ['level', 'node', 'int'],
  ['rel', 'node', 'double'],
  ['decisionMaker', 'node', 'boolean'],
  ['weight', 'edge', 'double'],
  ['kinds', 'edge', 'string'],
  ['informsWeight', 'edge', 'double'],
];

/**
 * Exports the influence graph as GraphML 1.0 for yEd, Gephi, Cytoscape desktop or NetworkX:
 * `<key>` declarations for `name`, `title`, `department`, `roles` (comma-separated), `stance`,
 * `influence`, `level`, `rel` and `decisionMaker` on nodes and `weight`, `kinds` (comma-separated) and
 * `informsWeight` on edges; one edge per ordered pair. Unknown values (a stance nobody
 * assessed) are left out rather than written as 0. Every string is XML-escaped; characters XML
 * 1.0 cannot carry at all (C0 controls other than tab and line breaks) become U+FFFD.
 *
 * @param input - a {@link PowerGraph} or a deal
 * @returns the GraphML document (UTF-8), ending in `\n`
 * @throws {@link ValidationError} when given an invalid deal
 * @example
 * ```ts
 * const xml = toGraphml(buildGraph(harborDeal));
 * xml.includes('<node id="ceo">'); // => true
 * ```
 * @category Reports
 */
export function toGraphml(input: PowerGraph | Deal): string {
  const g = graphOf('toGraphml', input);
  const { nodes, edges } = exportData(g);
  const x = escapeXmlId;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [id, scope, type] of KEYS) out.push(`  <key id="${id}" for="${scope}" attr.name="${id}" attr.type="${type}"/>`);
  out.push('  <graph id="G" edgedefault="directed">');
  const data = (key: string, value: string | number | boolean | null, indent: string) => {
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return;
    out.push(`${indent}<data key="${key}">${typeof value === 'string' ? x(value) : String(value)}</data>`);
  };
  data('deal', g.deal.id, '    ');
  data('dealName', g.deal.name ?? null, '    ');
  data('asOf', g.deal.asOf ?? null, '    ');
  for (const n of nodes) {
    out.push(`    <node id="${x(n.id)}">`);
    data('name', n.label, '      ');
    data('title', n.title, '      ');
    data('department', n.department, '      ');
    data('roles', n.roles.length ? n.roles.join(',') : null, '      ');
    data('stance', n.stance, '      ');
    data('influence', n.influence, '      ');
    data('level', n.level, '      ');
    data('rel', n.rel, '      ');
    data('decisionMaker', n.decisionMaker, '      ');
    out.push('    </node>');
  }
  for (const e of edges) {
    out.push(`    <edge id="${e.key}" source="${x(e.source)}" target="${x(e.target)}">`);
    data('weight', e.weight, '      ');
    data('kinds', e.kinds.join(','), '      ');
    data('informsWeight', e.informsWeight, '      ');
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}
