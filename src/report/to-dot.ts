/**
 * `toDot`: the graph in Graphviz DOT.
 *
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { graphOf } from './internal/checks.js';
import { escapeDot } from './internal/escape.js';
import { exportData } from './internal/export-data.js';
import { COLORS, stanceColor } from './internal/svg.js';
import { truncate } from './internal/text.js';

/**
 * Exports the influence graph in Graphviz DOT: people as filled ellipses coloured by stance
 * (dashed outline when unknown, a double outline for decision makers), labelled with name and
 * title, in ranks by formal level; one edge per ordered pair: influence as arrows as thick as
 * their weight (grey for reporting lines), `informs`-only lines dotted, conflicts dashed red
 * without arrowheads. Render with `dot -Tsvg`.
 *
 * Every id and label is double-quoted with `\` and `"` escaped, so no name can end a string or
 * start a Graphviz escape; labels are cleaned of control characters and cut at 80 characters.
 *
 * @param input - a {@link PowerGraph} or a deal
 * @returns the DOT source, ending in `\n`
 * @throws {@link ValidationError} when given an invalid deal
 * @example
 * ```ts
 * const dot = toDot(buildGraph(harborDeal));
 * dot.includes('"cfo" -> "ceo"'); // => true
 * ```
 * @category Reports
 */
export function toDot(input: PowerGraph | Deal): string {
  const g = graphOf('toDot', input);
  const { nodes, edges } = exportData(g);
  const q = (s: string) => `"${dotId(s)}"`;
  const label = (s: string) => `"${escapeDot(truncate(s, 80))}"`;
  const out: string[] = [
    'digraph "powermap" {',
    `  graph [label=${label(g.deal.name ?? g.deal.id)}, labelloc=t, fontsize=16, rankdir=TB, nodesep=0.4, ranksep=0.8, fontname="Helvetica"];`,
    '  node [shape=ellipse, style=filled, fontname="Helvetica", fontsize=11, color="#475569", penwidth=1.2];',
    '  edge [fontname="Helvetica", fontsize=9, color="#475569", arrowsize=0.7];',
  ];
  for (const n of nodes) {
    const dm = n.decisionMaker;
    const text = n.title ? `${escapeDot(truncate(n.label, 80))}\\n${escapeDot(truncate(n.title, 80))}` : escapeDot(truncate(n.label, 80));
    const attrs = [
      `label="${text}"`,
      `fillcolor="${n.stance === null ? '#f1f5f9' : stanceColor(n.stance)}"`,
      ...(n.stance === null ? ['style="filled,dashed"'] : []),
      ...(dm ? ['peripheries=2', `color="${COLORS.dm}"`] : []),
      ...(n.rel > 0 ? [`penwidth=${round(1.2 + 3 * n.rel)}`, ...(dm ? [] : [`color="${COLORS.ring}"`])] : []),
      `level=${n.level}`,
      ...(n.stance === null ? [] : [`stance=${n.stance}`]),
      ...(n.rel > 0 ? [`rel=${round(n.rel)}`] : []),
    ];
    out.push(`  ${q(n.id)} [${attrs.join(', ')}];`);
  }
  for (const e of edges) {
    const conflict = e.kinds.includes('conflict');
    const attrs: string[] = [`kinds="${e.kinds.join(',')}"`, `w=${e.weight}`];
    if (e.weight > 0) {
      const formal = e.kinds.includes('derived') && !e.kinds.includes('influences');
      attrs.push(`label="${round(e.weight)}"`, `penwidth=${round(0.8 + 3.2 * e.weight)}`);
      attrs.push(`color="${conflict ? COLORS.conflict : formal ? COLORS.formal : COLORS.influence}"`);
      if (conflict) attrs.push('style=dashed');
    } else if (conflict) attrs.push(`color="${COLORS.conflict}"`, 'style=dashed', 'dir=none', 'constraint=false');
    else attrs.push('style=dotted', `color="${COLORS.faint}"`, 'label="informs"', 'constraint=false');
    out.push(`  ${q(e.source)} -> ${q(e.target)} [${attrs.join(', ')}];`);
  }
  const levels = [...new Set(nodes.map((n) => n.level))].sort((a, b) => a - b);
  for (const level of levels) out.push(`  { rank=same; ${nodes.filter((n) => n.level === level).map((n) => `${q(n.id)};`).join(' ')} }`);
  out.push('}');
  return `${out.join('\n')}\n`;
}

/** An id inside double quotes: `\` and `"` escaped, line breaks written as `\n` / `\r`. */
function dotId(s: string): string {
  return s.replace(/[\\"\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`));
}

const round = (x: number) => String(Math.round(x * 1000) / 1000);
