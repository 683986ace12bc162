/**
 * The access graph of design section 6 item 5, shared by decision-maker coverage, engagement
 * feasibility, gatekeepers, coach criterion 7 and resilience.
 *
 * Undirected: an edge between two people when either influences the other, `q = max(w_uv, w_vu)`,
 * minus pairs in `conflict` and edges with q = 0; a virtual source US (index n) joined to each
 * person with `rel > 0` by `q = rel`. A path's probability is the product of its edges' q times,
 * for every person strictly inside the path, `f = (1 + u) / 2` (unknown u = 0). The entry contact
 * is inside the path; the target's own stance never counts; f = 0 (an opponent) blocks.
 *
 * Searches run on `-ln` costs: leaving person x toward y costs `-ln q_xy - ln f_x` (leaving US
 * costs `-ln rel_y`), so every interior person's factor is paid exactly once and the target's never.
 *
 * @internal
 * @module
 */
import type { PowerGraph } from '../graph/power-graph.js';
import { MinHeap } from './heap.js';
import { f64, i32, u8 } from './arena.js';

/** The access graph in CSR form over n + 1 nodes (n = US). */
export interface AccessGraph {
  readonly n: number;
  /** The index of the virtual source "us". */
  readonly us: number;
  readonly ptr: Int32Array;
  readonly idx: Int32Array;
  readonly q: Float64Array;
  /** Pass-through factor `(1 + u) / 2` per person; 1 for US. */
  readonly f: Float64Array;
}

/** Builds (and memoises on the graph) the access graph. */
export function accessGraph(g: PowerGraph): AccessGraph {
  const hit = g.memo.get('access') as AccessGraph | undefined;
  if (hit) return hit;
  const n = g.n;
  const us = n;
  const out = g.influenceOut;
  const inn = g.influenceIn;
  const hasConflicts = g.conflictKeys.size > 0;
  // Row u of the access graph merges out(u) and in(u) (both sorted by neighbour): q = max(w_uv, w_vu).
  const aptr = i32(n + 2);
  const aidx = i32(out.idx.length + inn.idx.length + n);
  const aq = f64(aidx.length);
  let k = 0;
  for (let u = 0; u < n; u++) {
    aptr[u] = k;
    let a = out.ptr[u]!;
    let b = inn.ptr[u]!;
    const aEnd = out.ptr[u + 1]!;
    const bEnd = inn.ptr[u + 1]!;
    while (a < aEnd || b < bEnd) {
      const va = a < aEnd ? out.idx[a]! : n;
      const vb = b < bEnd ? inn.idx[b]! : n;
      const v = va < vb ? va : vb;
      let q = 0;
      if (va === v) q = out.w[a++]!;
      if (vb === v) q = Math.max(q, inn.w[b++]!);
      if (q <= 0 || (hasConflicts && g.inConflict(u, v))) continue;
      aidx[k] = v;
      aq[k++] = q;
    }
  }
  aptr[us] = k;
  for (let i = 0; i < n; i++) {
    if (g.rel[i]! <= 0) continue;
    aidx[k] = i;
    aq[k++] = g.rel[i]!;
  }
  aptr[us + 1] = k;
  const f = f64(n + 1);
  for (let i = 0; i < n; i++) {
    const u = g.stance[i]!;
    f[i] = (1 + (Number.isNaN(u) ? 0 : u)) / 2;
  }
  f[us] = 1;
  const result: AccessGraph = { n, us, ptr: aptr, idx: aidx.subarray(0, k), q: aq.subarray(0, k), f };
  g.memo.set('access', result);
  return result;
}

/** The multiplicative factor of stepping from `x` over an edge of weight q (x's own factor included). */
function stepFactor(a: AccessGraph, x: number, q: number): number {
  return x === a.us ? q : q * a.f[x]!;
}

/** Result of a single-source search: best probabilities and the predecessor tree. */
export interface ShortestTree {
  /** Best probability from the source to each node (0 when unreachable), multiplied along the path. */
  readonly probability: Float64Array;
  /** Predecessor on the best path (-1 for the source and unreachable nodes). */
  readonly parent: Int32Array;
  readonly source: number;
}

/**
 * Reusable search state over n + 1 nodes. Entries are valid only when stamped with the current
 * epoch, so a search costs O(nodes touched), not O(n): Yen's spur searches on a long path stay
 * cheap. Bans are stamped the same way with their own epoch.
 */
class Workspace {
  readonly cost: Float64Array;
  readonly prob: Float64Array;
  readonly parent: Int32Array;
  readonly seen: Int32Array;
  readonly done: Int32Array;
  readonly banned: Int32Array;
  epoch = 0;
  banEpoch = 0;

  constructor(size: number) {
    this.cost = f64(size);
    this.prob = f64(size);
    this.parent = i32(size);
    this.seen = i32(size);
    this.done = i32(size);
    this.banned = i32(size);
  }

  /** Clears all bans (O(1)). */
  clearBans(): void {
    this.banEpoch++;
  }

  ban(x: number): void {
    this.banned[x] = this.banEpoch;
  }

  isBanned(x: number): boolean {
    return this.banEpoch > 0 && this.banned[x] === this.banEpoch;
  }

  /**
   * Dijkstra from `source` on `-ln` step factors, probabilities multiplied along the way. Stops
   * when `target` is settled (or runs to exhaustion with target -1). Skips banned nodes and, from
   * the source only, the neighbours in `bannedNext`. The source's own factor applies unless
   * `endpointSource`. Equal costs keep the smaller predecessor index.
   */
  search(a: AccessGraph, source: number, target: number, bannedNext: ReadonlySet<number> | null, endpointSource: boolean): boolean {
    const e0 = ++this.epoch;
    const { cost, prob, parent, seen, done } = this;
    const heap = new MinHeap(64);
    cost[source] = 0;
    prob[source] = 1;
    parent[source] = -1;
    seen[source] = e0;
    heap.push(0, source);
    while (heap.size > 0) {
      const x = heap.pop();
      if (done[x] === e0) continue;
      done[x] = e0;
      if (x === target) return true;
      for (let e = a.ptr[x]!; e < a.ptr[x + 1]!; e++) {
        const y = a.idx[e]!;
        if (done[y] === e0 || y === a.us || this.isBanned(y)) continue;
        if (x === source && bannedNext?.has(y)) continue;
        const factor = endpointSource && x === source ? a.q[e]! : stepFactor(a, x, a.q[e]!);
        if (factor <= 0) continue;
        const c = cost[x]! - Math.log(factor);
        if (seen[y] !== e0 || c < cost[y]! || (c === cost[y]! && x < parent[y]!)) {
          seen[y] = e0;
          cost[y] = c;
          prob[y] = prob[x]! * factor;
          parent[y] = x;
          heap.push(c, y);
        }
      }
    }
    return target < 0;
  }

  /** The path from the last search's source to `target` (source excluded). */
  pathTo(source: number, target: number): number[] {
    const path: number[] = [];
    for (let x = target; x !== source; x = this.parent[x]!) path.push(x);
    return path.reverse();
  }
}

/**
 * Dijkstra from `source` over the whole access graph: the best probability to every node and the
 * predecessor tree. The source's own factor applies (as for US, whose factor is 1) unless
 * `endpointSource`: then the source is a path end, like the target (coach criterion 7 searches
 * from a decision maker).
 */
export function bestTree(a: AccessGraph, source: number, endpointSource = false): ShortestTree {
  const size = a.n + 1;
  const ws = new Workspace(size);
  ws.search(a, source, -1, null, endpointSource);
  const probability = f64(size);
  const parent = i32(size).fill(-1);
  for (let i = 0; i < size; i++) {
    if (ws.done[i] !== ws.epoch) continue;
    probability[i] = ws.prob[i]!;
    parent[i] = ws.parent[i]!;
  }
  probability[source] = 1;
  parent[source] = -1;
  return { probability, parent, source };
}

/** The best tree from US, memoised on the graph: best access probability to every person. */
export function accessFromUs(g: PowerGraph): ShortestTree {
  const hit = g.memo.get('access:us') as ShortestTree | undefined;
  if (hit) return hit;
  const a = accessGraph(g);
  const tree = bestTree(a, a.us);
  g.memo.set('access:us', tree);
  return tree;
}

/** The path from the tree's source to `target` (source excluded), or null when unreachable. */
export function pathTo(tree: ShortestTree, target: number): number[] | null {
  if (target !== tree.source && tree.parent[target] === -1) return null;
  const path: number[] = [];
  for (let x = target; x !== tree.source; x = tree.parent[x]!) path.push(x);
  return path.reverse();
}

/** Probability of a path given as [source, ...people] (computed as a product, not from costs). */
export function pathProbability(a: AccessGraph, nodes: readonly number[]): number {
  let p = 1;
  for (let k = 0; k + 1 < nodes.length; k++) {
    const x = nodes[k]!;
    const y = nodes[k + 1]!;
    const q = edgeQ(a, x, y);
    p *= stepFactor(a, x, q);
  }
  return p;
}

/** The q of the edge x - y (0 when absent). */
export function edgeQ(a: AccessGraph, x: number, y: number): number {
  let lo = a.ptr[x]!;
  let hi = a.ptr[x + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = a.idx[mid]!;
    if (c === y) return a.q[mid]!;
    if (c < y) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** A path with its probability; `nodes` starts at the search source. */
export interface RankedPath {
  readonly nodes: number[];
  readonly probability: number;
}

/**
 * Yen's k shortest loopless paths from `source` to `target` on `-ln` costs (Yen 1971), the best
 * first. Candidates with equal probability are taken in lexicographic order of their node indices.
 * Spur searches stop at the target and touch only what they reach, so a long path costs
 * O(L x reached), not O(L x n).
 */
export function kBestPaths(a: AccessGraph, source: number, target: number, k: number): RankedPath[] {
  if (target === source || k < 1) return [];
  const ws = new Workspace(a.n + 1);
  if (!ws.search(a, source, target, null, false)) return [];
  const firstNodes = [source, ...ws.pathTo(source, target)];
  const found: RankedPath[] = [{ nodes: firstNodes, probability: ws.prob[target]! }];
  const candidates: RankedPath[] = [];
  const seen = new Set<string>([firstNodes.join(',')]);
  while (found.length < k) {
    const last = found[found.length - 1]!.nodes;
    const matches = found.map(() => true);
    ws.clearBans();
    for (let i = 0; i + 1 < last.length; i++) {
      const spur = last[i]!;
      if (i > 0) ws.ban(last[i - 1]!);
      // Paths found so far that share the root last[0..i] may not leave the spur the same way.
      const bannedNext = new Set<number>();
      found.forEach((p, j) => {
        matches[j] = matches[j]! && p.nodes[i] === spur;
        if (matches[j] && p.nodes.length > i + 1) bannedNext.add(p.nodes[i + 1]!);
      });
      if (!ws.search(a, spur, target, bannedNext, false)) continue;
      const nodes = last.slice(0, i).concat(spur, ws.pathTo(spur, target));
      const key = nodes.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ nodes, probability: pathProbability(a, nodes) });
    }
    if (candidates.length === 0) break;
    let best = 0;
    for (let c = 1; c < candidates.length; c++) {
      const x = candidates[c]!;
      const y = candidates[best]!;
      if (x.probability > y.probability || (x.probability === y.probability && compareLex(x.nodes, y.nodes) < 0)) best = c;
    }
    found.push(candidates.splice(best, 1)[0]!);
  }
  return found;
}

function compareLex(x: readonly number[], y: readonly number[]): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** The widest (maximin) path: the path whose smallest step factor is largest. */
export interface WidestPath {
  readonly nodes: number[];
  /** The smallest factor along the path (an edge q, or an interior person's (1+u)/2). */
  readonly width: number;
  /** Where the width is set: the step `from -> to` whose factor is smallest. */
  readonly limit: { readonly from: number; readonly to: number; readonly by: 'relationship' | 'stance' };
}

/**
 * Widest path from `source` to `target`: maximises the smallest factor along the path, where a
 * step x -> y has the factors q_xy and, when x is a person, f_x. A modified Dijkstra (max-heap on
 * width; ties by smaller index).
 */
export function widestPath(a: AccessGraph, source: number, target: number): WidestPath | null {
  const size = a.n + 1;
  const width = f64(size);
  const parent = i32(size).fill(-1);
  const done = u8(size);
  const heap = new MinHeap(64);
  width[source] = Number.POSITIVE_INFINITY;
  heap.push(Number.NEGATIVE_INFINITY, source);
  while (heap.size > 0) {
    const x = heap.pop();
    if (done[x]) continue;
    done[x] = 1;
    if (x === target) break;
    for (let e = a.ptr[x]!; e < a.ptr[x + 1]!; e++) {
      const y = a.idx[e]!;
      if (done[y] || y === a.us) continue;
      const step = x === a.us ? a.q[e]! : Math.min(a.q[e]!, a.f[x]!);
      const wy = Math.min(width[x]!, step);
      if (wy > width[y]! || (wy === width[y]! && wy > 0 && x < parent[y]!)) {
        width[y] = wy;
        parent[y] = x;
        heap.push(-wy, y);
      }
    }
  }
  if (width[target]! <= 0 || target === source) return null;
  const nodes: number[] = [];
  for (let x = target; x !== -1; x = parent[x]!) nodes.push(x);
  nodes.reverse();
  let limit: WidestPath['limit'] = { from: nodes[0]!, to: nodes[1]!, by: 'relationship' };
  let smallest = Number.POSITIVE_INFINITY;
  for (let k = 0; k + 1 < nodes.length; k++) {
    const x = nodes[k]!;
    const y = nodes[k + 1]!;
    const q = edgeQ(a, x, y);
    if (q < smallest) {
      smallest = q;
      limit = { from: x, to: y, by: 'relationship' };
    }
    if (x !== a.us && a.f[x]! < smallest) {
      smallest = a.f[x]!;
      limit = { from: x, to: y, by: 'stance' };
    }
  }
  return { nodes, width: width[target]!, limit };
}
