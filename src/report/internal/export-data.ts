/**
 * The nodes and edges every graph export writes: people with their parsed attributes, and one
 * edge per ordered pair with its weight and kinds, with stable edge ids.
 *
 * The edges come from the same pair table `graph.graphology` is built from (`collectPairs`), not
 * from the graphology instance itself: graphology keeps adjacency in plain objects, so it cannot
 * hold an edge to a node whose key is `__proto__` (addEdge throws "already exists"), and its
 * generated edge keys change from run to run.
 *
 * @internal
 * @module
 */
import type { PowerGraph } from '../../graph/power-graph.js';
import type { Role } from '../../model/vocabulary.js';
import { decisionMakers } from '../../internal/decision-makers.js';
import { collectPairs } from '../../graph/pairs.js';

export interface ExportNode {
  readonly index: number;
  readonly id: string;
  /** The person's name, or null when the deal gives none. */
  readonly name: string | null;
  /** The name, else the id. */
  readonly label: string;
  readonly title: string | null;
  readonly department: string | null;
  readonly roles: readonly Role[];
  readonly stance: number | null;
  readonly influence: number | null;
  readonly level: number;
  readonly rel: number;
  /** In the decision-maker set of the analyses (role, else economic buyers, else inferred). */
  readonly decisionMaker: boolean;
}

export interface ExportEdge {
  /** `e0`, `e1`, ... in edge order (source index, then target index). */
  readonly key: string;
  readonly source: string;
  readonly target: string;
  readonly sourceIndex: number;
  readonly targetIndex: number;
  /** Influence of source on target (0 when the pair has none). */
  readonly weight: number;
  /** Sorted: `conflict`, `derived`, `influences`, `informs`. */
  readonly kinds: readonly string[];
  readonly informsWeight: number | null;
}

/** The people (index order = id order) and the edges (by source, then target index). */
export function exportData(g: PowerGraph): { nodes: ExportNode[]; edges: ExportEdge[] } {
  const dms = new Set(decisionMakers(g).map((d) => d.index));
  const nodes = g.ids.map((id, i): ExportNode => {
    const p = g.people[i]!;
    const stance = g.stance[i]!;
    const influence = g.influence[i]!;
    return {
      index: i,
      id,
      name: p.name ?? null,
      label: p.name ?? id,
      title: p.title ?? null,
      department: p.department ?? null,
      roles: [...p.roles],
      stance: Number.isNaN(stance) ? null : stance,
      influence: Number.isNaN(influence) ? null : influence,
      level: g.level[i]!,
      rel: g.rel[i]!,
      decisionMaker: dms.has(i),
    };
  });
  const pairs = [...collectPairs(g.deal, g.index, g.options).entries()].sort((a, b) => a[0] - b[0]);
  const edges = pairs.map(([key, pair], k): ExportEdge => {
    const u = Math.floor(key / g.n);
    const v = key - u * g.n;
    return {
      key: `e${k}`,
      source: g.ids[u]!,
      target: g.ids[v]!,
      sourceIndex: u,
      targetIndex: v,
      weight: pair.weight ?? 0,
      kinds: [...pair.kinds].sort(),
      informsWeight: pair.informs ?? null,
    };
  });
  return { nodes, edges };
}
