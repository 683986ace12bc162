/**
 * `toCytoscapeJson`: the graph as Cytoscape.js elements.
 *
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';
import type { Deal } from '../model/types.js';
import type { Role } from '../model/vocabulary.js';
import { graphOf } from './internal/checks.js';
import { exportData } from './internal/export-data.js';

/** A node of {@link CytoscapeJson}. */
export interface CytoscapeNode {
  readonly data: {
    readonly id: string;
    /** The name, else the id. */
    readonly label: string;
    readonly name: string | null;
    readonly title: string | null;
    readonly department: string | null;
    readonly roles: readonly Role[];
    /** -1..1, null = unknown. */
    readonly stance: number | null;
    /** Assessed influence 0..1, null = not assessed. */
    readonly influence: number | null;
    /** Formal level, 1 = top. */
    readonly level: number;
    /** Our relationship strength after recency decay, 0 = no contact. */
    readonly rel: number;
    /** In the analyses' decision-maker set (role `decision-maker`, else economic buyers, else the inferred top person). */
    readonly decisionMaker: boolean;
  };
}

/** An edge of {@link CytoscapeJson}: one per ordered pair. */
export interface CytoscapeEdge {
  readonly data: {
    readonly id: string;
    readonly source: string;
    readonly target: string;
    /** Influence of source on target, 0 when the pair has none (an `informs` line or a `conflict` only). */
    readonly weight: number;
    /** `conflict`, `derived`, `influences`, `informs`, sorted. */
    readonly kinds: readonly string[];
    /** Weight of the `informs` line, or null. */
    readonly informsWeight: number | null;
  };
}

/** Result of {@link toCytoscapeJson}: what `cytoscape({ elements })` accepts. */
export interface CytoscapeJson {
  readonly elements: { readonly nodes: readonly CytoscapeNode[]; readonly edges: readonly CytoscapeEdge[] };
}

/**
 * Exports the influence graph as Cytoscape.js elements: one node per person (id order) with
 * the parsed attributes, one edge per ordered pair (by source, then target) with its influence
 * `weight` and `kinds`. A plain, JSON-serialisable object: `JSON.stringify` it for a file.
 *
 * @param input - a {@link PowerGraph} or a deal
 * @returns `{ elements: { nodes, edges } }`
 * @throws {@link ValidationError} when given an invalid deal
 * @example
 * ```ts
 * const cy = toCytoscapeJson(buildGraph(harborDeal));
 * cy.elements.nodes.length;   // => 6
 * cy.elements.edges[0].data;  // => { id: 'e0', source: 'buyer', target: 'cfo', weight: 0.3, kinds: ['derived'], informsWeight: null }
 * ```
 * @category Reports
 */
export function toCytoscapeJson(input: PowerGraph | Deal): CytoscapeJson {
  const g = graphOf('toCytoscapeJson', input);
  const { nodes, edges } = exportData(g);
  return {
    elements: {
      nodes: nodes.map((n) => ({
        data: {
          id: n.id,
          label: n.label,
          name: n.name,
          title: n.title,
          department: n.department,
          roles: [...n.roles],
          stance: n.stance,
          influence: n.influence,
          level: n.level,
          rel: n.rel,
          decisionMaker: n.decisionMaker,
        },
      })),
      edges: edges.map((e) => ({
        data: { id: e.key, source: e.source, target: e.target, weight: e.weight, kinds: [...e.kinds], informsWeight: e.informsWeight },
      })),
    },
  };
}
