/**
 * The edge rules of design section 3, in one place: explicit `influences` edges merged by
 * noisy-OR, edges derived from `reportsTo` where no explicit edge exists for that ordered pair,
 * `informs` lines, and `conflict` pairs.
 *
 * {@link edgeLists} computes them as typed arrays (what `buildGraph` needs, in O(E log E));
 * {@link collectPairs} gives the same facts per ordered pair with their kinds, for the graphology
 * view and the exports.
 *
 * @internal
 * @module
 */
import type { Deal } from '../model/types.js';
import type { BuildGraphOptions, PairTable } from './power-graph.js';
import { f64, f64From, i32, i32From, u8 } from '../internal/arena.js';

/** Ordered pairs with a value: parallel typed arrays. */
export interface PairList {
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly w: Float64Array;
}

/** The edges of a deal, one entry per ordered pair. */
export interface EdgeLists {
  /** Influence per ordered pair: explicit (noisy-OR of parallel lines, 0 included) or derived from `reportsTo`. */
  readonly influence: PairList & {
    /** 1 when the weight was derived from a reporting line (no explicit edge for the pair). */
    readonly derived: Uint8Array;
  };
  /** `informs` per ordered pair (default weight 1, parallel lines merged by noisy-OR). */
  readonly informs: PairList;
  /** `conflict` relations as given (ordered as in the input; duplicates kept). */
  readonly conflicts: { readonly src: Int32Array; readonly dst: Int32Array };
}

/**
 * Computes the edges of a deal (people indexed by `index`):
 *
 * - explicit `influences` edges of any weight (0 included) replace the derived edge of that
 *   ordered pair only; parallel ones combine by noisy-OR `1 - prod(1 - w_k)`;
 * - each `reportsTo` line derives manager -> report `managerWeight` and report -> manager
 *   `reportWeight / (number of people who list that manager)`;
 * - `informs` lines (weight default 1) combine by noisy-OR too; `conflict` is kept as given.
 */
export function edgeLists(deal: Deal, index: ReadonlyMap<string, number>, options: Required<BuildGraphOptions>): EdgeLists {
  const n = index.size;
  const relations = deal.relations;
  // Raw lines, by kind, in typed arrays sized for the worst case.
  const infl = { src: i32(relations.length), dst: i32(relations.length), w: f64(relations.length), size: 0 };
  const inf = { src: i32(relations.length), dst: i32(relations.length), w: f64(relations.length), size: 0 };
  const conflictSrc: number[] = [];
  const conflictDst: number[] = [];
  for (const rel of relations) {
    const u = index.get(rel.from)!;
    const v = index.get(rel.to)!;
    const list = rel.kind === 'influences' ? infl : rel.kind === 'informs' ? inf : null;
    if (list === null) {
      conflictSrc.push(u);
      conflictDst.push(v);
      continue;
    }
    list.src[list.size] = u;
    list.dst[list.size] = v;
    list.w[list.size] = rel.weight ?? (rel.kind === 'informs' ? 1 : 0);
    list.size++;
  }
  const explicit = mergeParallel(n, infl.src.subarray(0, infl.size), infl.dst.subarray(0, infl.size), infl.w.subarray(0, infl.size));
  const informs = mergeParallel(n, inf.src.subarray(0, inf.size), inf.dst.subarray(0, inf.size), inf.w.subarray(0, inf.size));

  // Derived edges: only for ordered pairs without an explicit influences edge.
  const explicitPtr = rowPointers(n, explicit.src);
  const hasExplicit = (u: number, v: number) => {
    let lo = explicitPtr[u]!;
    let hi = explicitPtr[u + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = explicit.dst[mid]!;
      if (c === v) return true;
      if (c < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  const reportCount = i32(n);
  let lines = 0;
  for (const person of deal.people) {
    for (const m of person.reportsTo) reportCount[index.get(m)!]!++;
    lines += person.reportsTo.length;
  }
  const size = explicit.src.length + 2 * lines;
  const src = i32(size);
  const dst = i32(size);
  const w = f64(size);
  const derived = u8(size);
  src.set(explicit.src);
  dst.set(explicit.dst);
  w.set(explicit.w);
  let k = explicit.src.length;
  for (const person of deal.people) {
    const r = index.get(person.id)!;
    for (const managerId of person.reportsTo) {
      const m = index.get(managerId)!;
      if (!hasExplicit(m, r)) {
        src[k] = m;
        dst[k] = r;
        w[k] = options.managerWeight;
        derived[k++] = 1;
      }
      if (!hasExplicit(r, m)) {
        src[k] = r;
        dst[k] = m;
        w[k] = options.reportWeight / reportCount[m]!;
        derived[k++] = 1;
      }
    }
  }
  const order = sortPairs(n, src.subarray(0, k), dst.subarray(0, k), w.subarray(0, k));
  return {
    influence: {
      src: permute(src, order),
      dst: permute(dst, order),
      w: permute(w, order),
      derived: permute(derived, order),
    },
    informs,
    conflicts: { src: i32From(conflictSrc), dst: i32From(conflictDst) },
  };
}

/** Row pointers of a list sorted by source: entries of row u are ptr[u] .. ptr[u+1]-1. */
function rowPointers(n: number, src: Int32Array): Int32Array {
  const ptr = i32(n + 1);
  for (let k = 0; k < src.length; k++) ptr[src[k]! + 1]!++;
  for (let u = 0; u < n; u++) ptr[u + 1]! += ptr[u]!;
  return ptr;
}

/**
 * The order that sorts entries by (src, dst, w): a counting sort on src, then an insertion sort
 * within each row (rows are short). O(E + sum of squared row lengths), no comparator calls.
 */
function sortPairs(n: number, src: Int32Array, dst: Int32Array, w: Float64Array): Int32Array {
  const m = src.length;
  const ptr = rowPointers(n, src);
  const next = i32From(ptr.subarray(0, n));
  const order = i32(m);
  for (let k = 0; k < m; k++) order[next[src[k]!]!++] = k;
  for (let u = 0; u < n; u++) {
    for (let a = ptr[u]! + 1; a < ptr[u + 1]!; a++) {
      const e = order[a]!;
      let b = a - 1;
      while (b >= ptr[u]! && (dst[order[b]!]! > dst[e]! || (dst[order[b]!] === dst[e] && w[order[b]!]! > w[e]!))) {
        order[b + 1] = order[b]!;
        b--;
      }
      order[b + 1] = e;
    }
  }
  return order;
}

function permute<T extends Int32Array | Float64Array | Uint8Array>(values: T, order: Int32Array): T {
  const out = new (values.constructor as new (length: number) => T)(order.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]!]!;
  return out;
}

/**
 * Merges parallel lines (same ordered pair) by noisy-OR, sorted by (src, dst). One line keeps its
 * weight exactly, and the product runs over the weights in ascending order, so the result does
 * not depend on the order of the relations in the input (floating-point products do).
 */
function mergeParallel(n: number, src: Int32Array, dst: Int32Array, w: Float64Array): PairList {
  const order = sortPairs(n, src, dst, w);
  const outSrc: number[] = [];
  const outDst: number[] = [];
  const outW: number[] = [];
  for (let a = 0; a < order.length; ) {
    const u = src[order[a]!]!;
    const v = dst[order[a]!]!;
    let b = a + 1;
    while (b < order.length && src[order[b]!] === u && dst[order[b]!] === v) b++;
    let weight: number;
    if (b - a === 1) weight = w[order[a]!]!;
    else {
      let miss = 1;
      for (let k = a; k < b; k++) miss *= 1 - w[order[k]!]!;
      weight = 1 - miss;
    }
    outSrc.push(u);
    outDst.push(v);
    outW.push(weight);
    a = b;
  }
  return { src: i32From(outSrc), dst: i32From(outDst), w: f64From(outW) };
}

/**
 * What connects each ordered pair `u * n + v` (n = number of people), with its kinds:
 * `influences` (explicit), `derived` (weight from a reporting line), `informs`, `conflict` (as
 * given). Built from {@link edgeLists}, so the graphology view and the exports show exactly the
 * weights the analyses use.
 */
export function collectPairs(deal: Deal, index: ReadonlyMap<string, number>, options: Required<BuildGraphOptions>): PairTable {
  const n = index.size;
  const lists = edgeLists(deal, index, options);
  const pairs: PairTable = new Map();
  const at = (u: number, v: number) => {
    const key = u * n + v;
    let info = pairs.get(key);
    if (!info) {
      info = { kinds: new Set() };
      pairs.set(key, info);
    }
    return info;
  };
  const { influence, informs, conflicts } = lists;
  for (let k = 0; k < influence.src.length; k++) {
    const info = at(influence.src[k]!, influence.dst[k]!);
    info.weight = influence.w[k]!;
    info.kinds.add(influence.derived[k] ? 'derived' : 'influences');
  }
  for (let k = 0; k < informs.src.length; k++) {
    const info = at(informs.src[k]!, informs.dst[k]!);
    info.informs = informs.w[k]!;
    info.kinds.add('informs');
  }
  for (let k = 0; k < conflicts.src.length; k++) at(conflicts.src[k]!, conflicts.dst[k]!).kinds.add('conflict');
  return pairs;
}
