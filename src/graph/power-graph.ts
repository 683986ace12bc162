/**
 * The PowerGraph: typed-array (CSR) views of a parsed deal for the analyses, and a graphology
 * `DirectedGraph` built on first access for callers.
 *
 * @module
 */
import { DirectedGraph } from 'graphology';
import type { Deal, Person } from '../model/types.js';
import { PowermapError } from '../errors.js';
import { collectPairs } from './pairs.js';

/** Options of {@link buildGraph} (design section 3). */
export interface BuildGraphOptions {
  /** Weight of the derived manager -> report influence edge. Default 0.5. */
  managerWeight?: number;
  /** Total weight of the derived report -> manager edges of one manager, split among the reports. Default 0.3. */
  reportWeight?: number;
  /** Half-life of a relationship's strength since the last contact, in days. Default 90; `Infinity` = no decay. */
  halfLifeDays?: number;
}

/**
 * A sparse matrix in compressed-sparse-row form: row `r`'s entries are `idx[ptr[r]] .. idx[ptr[r+1]-1]`
 * with values `w[...]`, columns ascending.
 */
export interface Csr {
  readonly ptr: Int32Array;
  readonly idx: Int32Array;
  readonly w: Float64Array;
}

/** Attributes of an edge of {@link PowerGraph.graphology} (one edge per ordered pair). */
export interface PowerEdgeAttributes {
  /** Influence of source on target after derivation and noisy-OR; 0 when the pair has no influence. */
  weight: number;
  /** What connects the pair: `influences` (explicit), `derived` (influence from a reporting line), `informs`, `conflict`. */
  kinds: string[];
  /** Weight of the `informs` line, when there is one. */
  informsWeight?: number;
}

/** Attributes of a node of {@link PowerGraph.graphology}: the parsed person plus derived values. */
export type PowerNodeAttributes = Person & {
  /** Formal level, explicit or derived (1 = top). */
  derivedLevel: number;
  /** Our relationship strength after recency decay. */
  rel: number;
};

const BRAND = Symbol.for('powermap.PowerGraph');
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * A deal as a weighted influence graph (design section 5). Build it with {@link buildGraph}; every
 * analysis accepts it in place of a deal and then skips parsing and building.
 *
 * People are indexed `0..n-1` in ascending id order (by code unit), so the views never depend on
 * the order of the input. Typed arrays are shared, not copied: treat them as read-only.
 *
 * @example
 * ```ts
 * const g = buildGraph(harborDeal);
 * [g.n, g.edgeCount];             // => [6, 11]
 * g.ids;                          // => ['buyer', 'ceo', 'cfo', 'coo', 'it', 'whm']
 * rankKeyPeople(g).people[0].id;  // => 'ceo'   (analyses take the graph and skip parsing)
 * ```
 *
 * @category Graph
 */
export class PowerGraph {
  /** The parsed deal the graph was built from. */
  readonly deal: Deal;
  /** The options the graph was built with, defaults filled. */
  readonly options: Readonly<Required<BuildGraphOptions>>;
  /** Number of people. */
  readonly n: number;
  /** Person ids, ascending; `ids[i]` is the person at index `i`. */
  readonly ids: readonly string[];
  /** The parsed people, in index order. */
  readonly people: readonly Person[];
  /** Person id -> index. */
  readonly index: ReadonlyMap<string, number>;
  /** Influence edges u -> v with weight `w_uv > 0`, rows by source u. */
  readonly influenceOut: Csr;
  /** The same edges, rows by target v (entries are sources u). */
  readonly influenceIn: Csr;
  /** Whether the edge u -> v was derived from `reportsTo` (aligned with `influenceOut`). */
  readonly derivedOut: Uint8Array;
  /** `informs` lines u -> v (default weight 1, parallel lines merged by noisy-OR), rows by target v. */
  readonly informsIn: Csr;
  /** Formal level of each person (explicit, else 1 + the smallest level of the managers, else 1). */
  readonly level: Int32Array;
  /** 1 when the person has at least one manager in the deal. */
  readonly hasManager: Uint8Array;
  /** Our relationship strength with each person after recency decay (0 without contacts). */
  readonly rel: Float64Array;
  /** Stance, -1..1; `NaN` = unknown. */
  readonly stance: Float64Array;
  /** Assessed influence, 0..1; `NaN` = not assessed. */
  readonly influence: Float64Array;
  /** Number of ordered influence pairs (`w > 0`). */
  readonly edgeCount: number;

  /** @internal unordered pairs in conflict, key `min * n + max`. */
  readonly conflictKeys: ReadonlySet<number>;
  /** @internal memo of kernels computed on this graph (keyed by kernel and options). */
  readonly memo = new Map<string, unknown>();
  /** @internal */
  readonly [BRAND] = true;
  #graphology: DirectedGraph<PowerNodeAttributes, PowerEdgeAttributes> | undefined;

  /** @internal Use {@link buildGraph}. */
  constructor(init: PowerGraphInit) {
    this.deal = init.deal;
    this.options = init.options;
    this.n = init.ids.length;
    this.ids = init.ids;
    this.people = init.people;
    this.index = init.index;
    this.influenceOut = init.influenceOut;
    this.influenceIn = init.influenceIn;
    this.derivedOut = init.derivedOut;
    this.informsIn = init.informsIn;
    this.level = init.level;
    this.hasManager = init.hasManager;
    this.rel = init.rel;
    this.stance = init.stance;
    this.influence = init.influence;
    this.conflictKeys = init.conflictKeys;
    this.edgeCount = init.influenceOut.idx.length;
  }

  /** Whether two people (by index) are in conflict (symmetric). */
  inConflict(a: number, b: number): boolean {
    return this.conflictKeys.has(a < b ? a * this.n + b : b * this.n + a);
  }

  /** Influence of u on v (by index), 0 when there is none. */
  weight(u: number, v: number): number {
    const { ptr, idx, w } = this.influenceOut;
    let lo = ptr[u]!;
    let hi = ptr[u + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = idx[mid]!;
      if (c === v) return w[mid]!;
      if (c < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** The index of a person id, or `undefined`. */
  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /**
   * A graphology `DirectedGraph` of the deal, built on first access: people as nodes (key = id)
   * with their parsed attributes plus `derivedLevel` and `rel`; one edge per ordered pair with
   * `weight` (influence) and `kinds`. Graph attributes hold the rest of the deal. Mutating it
   * does not change this PowerGraph.
   *
   * @throws {@link PowermapError} with code `unsafe_graphology_key` when a person id names an
   *   `Object.prototype` member (`constructor`, `__proto__`, `toString`, ...), which graphology cannot hold
   */
  get graphology(): DirectedGraph<PowerNodeAttributes, PowerEdgeAttributes> {
    if (!this.#graphology) this.#graphology = this.#buildGraphology();
    return this.#graphology;
  }

  #buildGraphology(): DirectedGraph<PowerNodeAttributes, PowerEdgeAttributes> {
    // graphology 0.26 keeps adjacency in plain objects: an id like "constructor" or "__proto__"
    // collides with Object.prototype and corrupts the graph. Refuse clearly instead.
    const unsafe = this.ids.filter((id) => PROTOTYPE_KEYS.has(id));
    if (unsafe.length > 0)
      throw new PowermapError(
        'unsafe_graphology_key',
        `PowerGraph.graphology: graphology cannot hold node ids named like Object.prototype members (${unsafe.map((id) => JSON.stringify(id)).join(', ')}). ` +
          'Rename these people, or use the analyses and exports, which handle any id.',
        'Every analysis works on the typed-array views, which accept any id.',
      );
    const g = new DirectedGraph<PowerNodeAttributes, PowerEdgeAttributes>();
    const { people: _people, relations: _relations, ...rest } = this.deal;
    g.replaceAttributes(structuredCloneJson(rest));
    for (let i = 0; i < this.n; i++) {
      g.addNode(this.ids[i]!, { ...structuredCloneJson(this.people[i]!), derivedLevel: this.level[i]!, rel: this.rel[i]! });
    }
    const pairs = collectPairs(this.deal, this.index, this.options);
    for (const [key, pair] of [...pairs.entries()].sort((a, b) => a[0] - b[0])) {
      const u = Math.floor(key / this.n);
      const v = key - u * this.n;
      const attrs: PowerEdgeAttributes = { weight: pair.weight ?? 0, kinds: [...pair.kinds].sort() };
      if (pair.informs !== undefined) attrs.informsWeight = pair.informs;
      g.addEdge(this.ids[u]!, this.ids[v]!, attrs);
    }
    return g;
  }
}

/** @internal What connects one ordered pair, before the CSR views are built. */
export interface PairInfo {
  weight?: number;
  informs?: number;
  kinds: Set<string>;
}
/** @internal ordered pair key `u * n + v` -> what connects it. */
export type PairTable = Map<number, PairInfo>;

/** @internal */
export interface PowerGraphInit {
  deal: Deal;
  options: Required<BuildGraphOptions>;
  ids: string[];
  people: Person[];
  index: Map<string, number>;
  influenceOut: Csr;
  influenceIn: Csr;
  derivedOut: Uint8Array;
  informsIn: Csr;
  level: Int32Array;
  hasManager: Uint8Array;
  rel: Float64Array;
  stance: Float64Array;
  influence: Float64Array;
  conflictKeys: Set<number>;
}

/**
 * Whether a value is a {@link PowerGraph} (also across duplicate copies of the package).
 *
 * @example
 * ```ts
 * isPowerGraph(buildGraph(deal)); // => true
 * isPowerGraph(deal);             // => false
 * ```
 * @category Graph
 */
export function isPowerGraph(value: unknown): value is PowerGraph {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
