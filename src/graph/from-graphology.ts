/**
 * `fromGraphology`: adopt a caller's own graphology graph as a deal.
 *
 * @module
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { ValidationError, type Issue } from '../errors.js';
import type { BuildGraphOptions, PowerGraph } from './power-graph.js';
import { buildGraph } from './build-graph.js';

const PERSON_FIELDS = [
  'name', 'title', 'department', 'reportsTo', 'level', 'roles', 'influence', 'stance', 'susceptibility',
  'inProject', 'needs', 'integrity', 'competitorAffinity', 'notes',
] as const;
const DEAL_FIELDS = [
  'schemaVersion', 'id', 'name', 'asOf', 'stage', 'account', 'team', 'contacts', 'competitors', 'intel',
  'keySuccessFactors',
] as const;
const KINDS = new Set(['influences', 'derived', 'informs', 'conflict', 'reports-to']);

/**
 * Adopts a graphology graph (directed, undirected or mixed) as a deal and builds its {@link PowerGraph}.
 * The graph is read, never modified.
 *
 * - **Nodes** are people: the node key is the id; attributes with Person field names (`name`,
 *   `roles`, `influence`, `stance`, `reportsTo`, ...) are read, labels allowed; others are ignored.
 * - **Edges**: `kinds` (array) or `kind` (string) among `influences`, `derived` (read as
 *   `influences`), `informs`, `conflict`, `reports-to` (source reports to target); default `influences`. `weight` is the influence
 *   weight (default 1); `informsWeight` the weight of an `informs` line (default 1). An undirected
 *   edge counts in both directions.
 * - **Graph attributes** hold the rest of the deal (`id`, `asOf`, `stage`, `team`, `contacts`, ...);
 *   `id` defaults to `"graph"`.
 *
 * The graph returned by {@link PowerGraph.graphology} follows this contract, so it round-trips.
 *
 * @param graph - a graphology graph
 * @param options - {@link BuildGraphOptions}
 * @returns a {@link PowerGraph}
 * @throws {@link ValidationError} when an attribute or edge kind is invalid (paths name the node or edge)
 * @example
 * ```ts
 * const g = new DirectedGraph();
 * g.addNode('ceo', { roles: ['decision-maker'], stance: 'neutral' });
 * g.addNode('cfo', { reportsTo: 'ceo', stance: 'skeptic' });
 * fromGraphology(g).weight(0, 1); // => 0.5   (ceo -> cfo, derived from reportsTo; ids ascending: ceo 0, cfo 1)
 * ```
 * @category Graph
 */
export function fromGraphology(graph: AbstractGraph, options?: BuildGraphOptions): PowerGraph {
  const issues: Issue[] = [];
  const attrs = graph.getAttributes() as Attributes;
  const deal: Record<string, unknown> = { id: 'graph' };
  for (const field of DEAL_FIELDS) if (attrs[field] !== undefined) deal[field] = attrs[field];

  const extraManagers = new Map<string, string[]>();
  const relations: Record<string, unknown>[] = [];
  graph.forEachEdge((edge, a, source, target, _sa, _ta, undirected) => {
    const raw = a.kinds ?? (a.kind !== undefined ? [a.kind] : ['influences']);
    const kinds: unknown[] = Array.isArray(raw) ? raw : [raw];
    for (const kind of kinds) {
      if (typeof kind !== 'string' || !KINDS.has(kind)) {
        issues.push({
          code: 'invalid_value',
          path: `edges[${JSON.stringify(edge)}].kinds`,
          message: `unknown edge kind ${JSON.stringify(kind)}; use influences, derived, informs, conflict or reports-to`,
        });
        continue;
      }
      const directions = undirected ? [[source, target], [target, source]] : [[source, target]];
      for (const [from, to] of directions as [string, string][]) {
        if (kind === 'reports-to') extraManagers.set(from, [...(extraManagers.get(from) ?? []), to]);
        else if (kind === 'influences' || kind === 'derived') relations.push({ from, to, kind: 'influences', weight: a.weight ?? 1 });
        else if (kind === 'informs') relations.push({ from, to, kind, weight: a.informsWeight ?? 1 });
        else if (!undirected || from === source) relations.push({ from, to, kind });
      }
    }
  });

  const people: Record<string, unknown>[] = [];
  graph.forEachNode((key, a) => {
    const person: Record<string, unknown> = { id: key };
    for (const field of PERSON_FIELDS) if (a[field] !== undefined) person[field] = a[field];
    const extra = extraManagers.get(key);
    if (extra) {
      const own = person.reportsTo;
      const listed = own === undefined || own === null ? [] : Array.isArray(own) ? own : [own];
      person.reportsTo = [...new Set([...listed, ...extra])];
    }
    people.push(person);
  });
  deal.people = people;
  deal.relations = relations;
  if (issues.length > 0) throw new ValidationError('fromGraphology', issues);
  return buildGraph(deal, options);
}
