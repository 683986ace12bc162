/**
 * `toMermaid`: the graph as a Mermaid flowchart.
 *
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import { stanceLabel } from '../model/vocabulary.js';
import { graphOf } from './internal/checks.js';
import { escapeMermaid } from './internal/escape.js';
import { exportData } from './internal/export-data.js';
import { COLORS, stanceColor } from './internal/svg.js';
import { truncate } from './internal/text.js';

/**
 * Exports the influence graph as a Mermaid flowchart (top to bottom), for Markdown files,
 * GitHub, GitLab and wikis: one subgraph per department, people labelled with name and title
 * and styled by stance (classes `champion` .. `opponent`, `unknown` dashed), decision makers
 * with a double outline; influence as arrows labelled with their weight (dotted for reporting
 * lines), `informs`-only lines dotted, conflicts as red lines without arrowheads.
 *
 * Node ids are generated (`p0_ceo`: the index, then the id's letters and digits), so no person
 * id can clash with Mermaid syntax or keywords; labels are double-quoted with every character
 * that could end or mark them up written as a Mermaid entity (`#quot;`, `#60;`...).
 *
 * @param input - a {@link PowerGraph} or a deal
 * @returns the Mermaid source, ending in `\n`
 * @throws {@link ValidationError} when given an invalid deal
 * @example
 * ```ts
 * const mmd = toMermaid(buildGraph(harborDeal));
 * mmd.split('\n')[0];                      // => 'flowchart TB'
 * mmd.includes('p2_cfo -->|"0.5"| p1_ceo'); // => true
 * ```
 * @category Reports
 */
export function toMermaid(input: PowerGraph | Deal): string {
  const g = graphOf('toMermaid', input);
  const { nodes, edges } = exportData(g);
  const nodeId = nodes.map((n) => `p${n.index}${slug(n.id)}`);
  const out: string[] = ['flowchart TB'];
  const label = (s: string) => `"${escapeMermaid(truncate(s, 80))}"`;
  const nodeLine = (i: number, indent: string) => {
    const n = nodes[i]!;
    const text = n.title ? `${escapeMermaid(truncate(n.label, 80))}<br/>${escapeMermaid(truncate(n.title, 80))}` : escapeMermaid(truncate(n.label, 80));
    const dm = n.decisionMaker;
    out.push(`${indent}${nodeId[i]}${dm ? '[["' : '["'}${text}${dm ? '"]]' : '"]'}`);
  };
  // Departments as subgraphs, by name; people without one at the top level.
  const departments = [...new Set(nodes.map((n) => n.department).filter((d): d is string => d !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  departments.forEach((d, k) => {
    out.push(`  subgraph d${k}[${label(d)}]`);
    for (const n of nodes) if (n.department === d) nodeLine(n.index, '    ');
    out.push('  end');
  });
  for (const n of nodes) if (n.department === null) nodeLine(n.index, '  ');

  const styles = new Map<string, number[]>();
  const style = (css: string, k: number) => {
    const list = styles.get(css);
    if (list) list.push(k);
    else styles.set(css, [k]);
  };
  let link = 0;
  for (const e of edges) {
    const s = nodeId[e.sourceIndex]!;
    const t = nodeId[e.targetIndex]!;
    const conflict = e.kinds.includes('conflict');
    if (e.weight > 0) {
      const formal = e.kinds.includes('derived') && !e.kinds.includes('influences');
      out.push(`  ${s} ${formal ? '-.->' : '-->'}|"${round(e.weight)}"| ${t}`);
      style(`stroke:${formal ? COLORS.formal : COLORS.influence},stroke-width:${round(1 + 3 * e.weight)}px`, link++);
    }
    if (conflict) {
      out.push(`  ${s} ---|"conflict"| ${t}`);
      style(`stroke:${COLORS.conflict},stroke-width:2px,stroke-dasharray:6 4`, link++);
    }
    if (e.weight === 0 && !conflict) {
      out.push(`  ${s} -.->|"informs"| ${t}`);
      style(`stroke:${COLORS.faint},stroke-width:1px`, link++);
    }
  }
  for (const [css, links] of styles) out.push(`  linkStyle ${links.join(',')} ${css}`);

  // Stance classes.
  const classes = new Map<string, string[]>();
  for (const n of nodes) {
    const c = stanceLabel(n.stance);
    const list = classes.get(c);
    if (list) list.push(nodeId[n.index]!);
    else classes.set(c, [nodeId[n.index]!]);
  }
  const css: Record<string, string> = {
    champion: `fill:${stanceColor(1)},color:#ffffff,stroke:#ffffff`,
    supporter: `fill:${stanceColor(0.5)},color:#1f2937,stroke:#ffffff`,
    neutral: `fill:${stanceColor(0)},color:#1f2937,stroke:#ffffff`,
    skeptic: `fill:${stanceColor(-0.5)},color:#1f2937,stroke:#ffffff`,
    opponent: `fill:${stanceColor(-1)},color:#ffffff,stroke:#ffffff`,
    unknown: 'fill:#f1f5f9,color:#1f2937,stroke:#475569,stroke-dasharray:4 3',
  };
  for (const c of ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown']) {
    const list = classes.get(c);
    if (!list) continue;
    out.push(`  classDef ${c} ${css[c]}`);
    out.push(`  class ${list.join(',')} ${c}`);
  }
  return `${out.join('\n')}\n`;
}

/** `_` and the id's ASCII letters and digits (at most 24), or nothing. */
function slug(id: string): string {
  const s = id.replace(/[^A-Za-z0-9]/g, '').slice(0, 24);
  return s ? `_${s}` : '';
}

const round = (x: number) => String(Math.round(x * 1000) / 1000);
