/**
 * `buildGraph`: from a deal to a {@link PowerGraph} (design section 5).
 *
 * @module
 */
import { OptionError } from '../errors.js';
import { resolveOptions, checks } from '../internal/options.js';
import { isParsedDeal, parseDeal } from '../model/parse-deal.js';
import { parseIsoDate } from '../model/schema.js';
import type { Deal } from '../model/types.js';
import { edgeLists, type PairList } from './pairs.js';
import { PowerGraph, isPowerGraph, type BuildGraphOptions, type Csr } from './power-graph.js';
import { f64, f64From, i32, i32From, u8 } from '../internal/arena.js';
import { withoutPerson } from '../internal/without-person.js';

const DEFAULTS: Required<BuildGraphOptions> = { managerWeight: 0.5, reportWeight: 0.3, halfLifeDays: 90 };
const DAY_MS = 86_400_000;

/**
 * Builds the influence graph of a deal: derived `reportsTo` edges (manager -> report 0.5, report ->
 * manager 0.3 split among the manager's reports; explicit edges win), noisy-OR merging of parallel
 * edges, formal levels, and our relationship strength with recency decay.
 *
 * A raw JSON object is parsed first, so bad input throws {@link ValidationError}. A deal returned
 * by {@link parseDeal} is trusted as it is (it was validated once, at the boundary); if you change
 * it afterwards, pass it through `parseDeal` again.
 *
 * @param deal - a deal (parsed or raw)
 * @param options - see {@link BuildGraphOptions}
 * @returns a {@link PowerGraph}: CSR views for the analyses, and `.graphology` on demand
 * @throws {@link ValidationError} when the deal is invalid; {@link OptionError} on a bad option
 * @example
 * ```ts
 * const g = buildGraph(harborDeal);
 * g.weight(g.indexOf('coo')!, g.indexOf('ceo')!); // => 0.15   (0.3 split between two reports)
 * g.rel[g.indexOf('whm')!];                      // => 0.714330 (0.9 * 0.5^(30/90))
 * ```
 * @see design.md section 3 (edges, rel) and 5 (the graph)
 * @category Graph
 */
export function buildGraph(deal: Deal | unknown, options?: BuildGraphOptions): PowerGraph {
  const opts = resolveOptions('buildGraph', DEFAULTS, options, {
    managerWeight: checks.number(0, 1),
    reportWeight: checks.number(0, 1),
    halfLifeDays: checks.positive(true),
  });
  // A deal returned by parseDeal is trusted (validate once, at the boundary); anything else is parsed.
  return buildParsedGraph(isParsedDeal(deal) ? deal : parseDeal(deal), opts);
}

/**
 * Builds the graph of a deal that is already parsed (no validation): for derived deals, such as
 * a deal with one person removed.
 *
 * @internal
 */
export function buildParsedGraph(parsed: Deal, opts: Required<BuildGraphOptions>): PowerGraph {
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units: the id order of design 1.5.
  const ids = parsed.people.map((p) => p.id).sort();
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const people = new Array<Deal['people'][number]>(n);
  for (const person of parsed.people) people[index.get(person.id)!] = person;

  // Edges: one entry per ordered pair, then CSR views of the positive weights.
  const { influence, informs, conflicts } = edgeLists(parsed, index, opts);
  const infl = positive(influence);
  const { flags: derivedOut, ...influenceOut } = toCsr(n, infl.src, infl.dst, infl.w, infl.flags);
  const { flags: _in, ...influenceIn } = toCsr(n, infl.dst, infl.src, infl.w);
  const inf = positive(informs);
  const { flags: _inf, ...informsIn } = toCsr(n, inf.dst, inf.src, inf.w);
  const conflictKeys = new Set<number>();
  for (let k = 0; k < conflicts.src.length; k++) {
    const u = conflicts.src[k]!;
    const v = conflicts.dst[k]!;
    conflictKeys.add(u < v ? u * n + v : v * n + u);
  }

  // Levels: explicit wins; else 1 + the smallest level among the managers; no manager = 1.
  const managers = people.map((p) => p.reportsTo.map((m) => index.get(m)!));
  const level = levels(people, managers);
  const hasManager = u8(n);
  for (let i = 0; i < n; i++) hasManager[i] = managers[i]!.length > 0 ? 1 : 0;

  const stance = f64(n);
  const influenceArr = f64(n);
  for (let i = 0; i < n; i++) {
    stance[i] = people[i]!.stance ?? Number.NaN;
    influenceArr[i] = people[i]!.influence ?? Number.NaN;
  }

  return new PowerGraph({
    deal: parsed,
    options: opts,
    ids,
    people,
    index,
    influenceOut,
    influenceIn,
    derivedOut,
    informsIn,
    level,
    hasManager,
    rel: relationshipStrengths(parsed, index, opts.halfLifeDays),
    stance,
    influence: influenceArr,
    conflictKeys,
  });
}

/**
 * Returns the input when it is already a {@link PowerGraph}, else builds one.
 *
 * @internal
 */
export function toPowerGraph(input: Deal | PowerGraph | unknown): PowerGraph {
  return isPowerGraph(input) ? input : buildGraph(input);
}

/**
 * Our relationship strength with each person: the max over contacts of
 * `strength * 0.5^(days / halfLifeDays)`, `days = max(0, asOf - lastContact)`; no date = no decay.
 *
 * @example
 * ```ts
 * decayedStrength(0.9, '2026-10-02', '2026-11-01', 90); // => 0.714330  (30 days, a third of a half-life)
 * ```
 * @throws {@link OptionError} when a date is not an ISO 8601 date or date-time
 * @category Graph
 */
export function decayedStrength(strength: number, lastContact: string | undefined, asOf: string | undefined, halfLifeDays: number): number {
  if (lastContact === undefined || asOf === undefined || halfLifeDays === Number.POSITIVE_INFINITY) return strength;
  const seen = parseIsoDate(asOf);
  const last = parseIsoDate(lastContact);
  if (seen === undefined) throw new OptionError('decayedStrength', 'asOf', asOf, 'an ISO 8601 date or date-time');
  if (last === undefined) throw new OptionError('decayedStrength', 'lastContact', lastContact, 'an ISO 8601 date or date-time');
  const days = Math.max(0, (seen - last) / DAY_MS);
  return strength * 0.5 ** (days / halfLifeDays);
}

function relationshipStrengths(deal: Deal, index: ReadonlyMap<string, number>, halfLifeDays: number): Float64Array {
  const rel = f64(index.size);
  for (const c of deal.contacts) {
    const i = index.get(c.person)!;
    const s = decayedStrength(c.strength, c.lastContact, deal.asOf, halfLifeDays);
    if (s > rel[i]!) rel[i] = s;
  }
  return rel;
}

/** The entries of a pair list with a positive weight (and their flags, when given). */
function positive(list: PairList & { derived?: Uint8Array }): { src: Int32Array; dst: Int32Array; w: Float64Array; flags: Uint8Array } {
  let m = 0;
  for (let k = 0; k < list.w.length; k++) if (list.w[k]! > 0) m++;
  const out = { src: i32(m), dst: i32(m), w: f64(m), flags: u8(m) };
  let j = 0;
  for (let k = 0; k < list.w.length; k++) {
    if (!(list.w[k]! > 0)) continue;
    out.src[j] = list.src[k]!;
    out.dst[j] = list.dst[k]!;
    out.w[j] = list.w[k]!;
    out.flags[j++] = list.derived?.[k] ?? 0;
  }
  return out;
}

/**
 * Builds a CSR matrix from (row, column, value) entries by a counting sort on rows, then sorts
 * each row by column. `flags`, when given, are permuted the same way and returned aligned.
 */
function toCsr(n: number, rows: Int32Array, cols: Int32Array, vals: Float64Array, flags?: Uint8Array): Csr & { flags: Uint8Array } {
  const m = rows.length;
  const ptr = i32(n + 1);
  for (let k = 0; k < m; k++) ptr[rows[k]! + 1]!++;
  for (let r = 0; r < n; r++) ptr[r + 1]! += ptr[r]!;
  const next = i32From(ptr.subarray(0, n));
  const order = i32(m);
  for (let k = 0; k < m; k++) order[next[rows[k]!]!++] = k;
  // Rows are short: an insertion sort in place (no subarray objects, no comparator calls).
  for (let r = 0; r < n; r++) {
    const lo = ptr[r]!;
    const hi = ptr[r + 1]!;
    for (let a = lo + 1; a < hi; a++) {
      const e = order[a]!;
      const c = cols[e]!;
      let b = a - 1;
      while (b >= lo && cols[order[b]!]! > c) {
        order[b + 1] = order[b]!;
        b--;
      }
      order[b + 1] = e;
    }
  }
  const idx = i32(m);
  const w = f64(m);
  const outFlags = u8(flags ? m : 0);
  for (let k = 0; k < m; k++) {
    const e = order[k]!;
    idx[k] = cols[e]!;
    w[k] = vals[e]!;
    if (flags) outFlags[k] = flags[e]!;
  }
  return { ptr, idx, w, flags: outFlags };
}

/**
 * The graph of the deal without one person (they left: their relations, contacts and reporting
 * lines go with them) — exactly what {@link buildParsedGraph} builds from `withoutPerson(g.deal, id)`,
 * array for array — derived from `g`'s arrays in O(V + E) instead of rebuilt from the deal. Removing
 * a report changes only the derived report -> manager weights of that manager's other reports
 * (`reportWeight / number of reports`); every other weight is kept. `analyzeResilience` removes
 * people one at a time this way.
 *
 * @internal
 */
export function graphWithout(g: PowerGraph, id: string): PowerGraph {
  const x = g.index.get(id);
  if (x === undefined) throw new Error(`graphWithout: no person ${JSON.stringify(id)}`);
  const n = g.n - 1;
  const deal = withoutPerson(g.deal, id);
  const at = (i: number) => (i < x ? i : i - 1); // old index -> new index, for i !== x
  const ids = g.ids.filter((_, i) => i !== x);
  const index = new Map(ids.map((s, i) => [s, i]));
  const people = new Array<Deal['people'][number]>(n);
  for (const person of deal.people) people[index.get(person.id)!] = person;

  // x's managers lose a report: their other reports' derived lines to them are re-weighted.
  const reportCount = new Map<number, number>(); // x's managers (old index) -> their number of reports
  for (const m of g.people[x]!.reportsTo) reportCount.set(g.index.get(m)!, 0);
  if (reportCount.size > 0)
    for (const person of g.people)
      for (const m of person.reportsTo) {
        const k = g.index.get(m)!;
        const c = reportCount.get(k);
        if (c !== undefined) reportCount.set(k, c + 1);
      }

  // A line whose weight underflowed to 0 (a subnormal reportWeight) was never built, but may
  // weigh more than 0 with one report fewer: then rebuild from the deal.
  const rw = g.options.reportWeight;
  for (const c of reportCount.values()) if (rw / c === 0 && rw / (c - 1) > 0) return buildParsedGraph(deal, g.options);

  // Influence edges without x, rows by source; a derived line u -> v into one of x's managers is
  // re-weighted when it is a report's line (u reports to v).
  const { from, ...influenceOut } = withoutRowAndColumn(g.influenceOut, x);
  const derivedOut = u8(from.length);
  for (let k = 0; k < from.length; k++) derivedOut[k] = g.derivedOut[from[k]!]!;
  if (reportCount.size > 0) {
    const old = (i: number) => (i < x ? i : i + 1); // new index -> old index
    for (let u = 0; u < n; u++)
      for (let k = influenceOut.ptr[u]!; k < influenceOut.ptr[u + 1]!; k++) {
        const v = old(influenceOut.idx[k]!);
        const c = reportCount.get(v);
        if (c !== undefined && derivedOut[k] === 1 && g.people[old(u)]!.reportsTo.includes(g.ids[v]!)) influenceOut.w[k] = rw / (c - 1);
      }
  }
  const influenceIn = transpose(influenceOut);
  const { from: _informsFrom, ...informsIn } = withoutRowAndColumn(g.informsIn, x);

  const conflictKeys = new Set<number>();
  for (const key of g.conflictKeys) {
    const a = Math.floor(key / g.n);
    const b = key % g.n;
    if (a !== x && b !== x) conflictKeys.add(at(a) * n + at(b));
  }

  const managers = people.map((p) => p.reportsTo.map((mid) => index.get(mid)!));
  const hasManager = u8(n);
  for (let i = 0; i < n; i++) hasManager[i] = managers[i]!.length > 0 ? 1 : 0;
  const without = <T extends Float64Array>(values: T): T => {
    const out = f64(n) as T;
    for (let i = 0; i < g.n; i++) if (i !== x) out[at(i)] = values[i]!;
    return out;
  };

  return new PowerGraph({
    deal,
    options: g.options,
    ids,
    people,
    index,
    influenceOut,
    influenceIn,
    derivedOut,
    informsIn,
    level: levels(people, managers),
    hasManager,
    rel: without(g.rel),
    stance: without(g.stance),
    influence: without(g.influence),
    conflictKeys,
  });
}

/**
 * A CSR without row and column `x`, indices above `x` shifted down by one, entries in their order;
 * `from[k]` is the entry of `c` that entry `k` was copied from.
 */
function withoutRowAndColumn(c: Csr, x: number): Csr & { from: Int32Array } {
  const n = c.ptr.length - 2; // rows after removal
  let m = 0;
  for (let r = 0; r <= n; r++) {
    if (r === x) continue;
    for (let e = c.ptr[r]!; e < c.ptr[r + 1]!; e++) if (c.idx[e] !== x) m++;
  }
  const ptr = i32(n + 1);
  const idx = i32(m);
  const w = f64(m);
  const from = i32(m);
  let k = 0;
  let row = 0;
  for (let r = 0; r <= n; r++) {
    if (r === x) continue;
    for (let e = c.ptr[r]!; e < c.ptr[r + 1]!; e++) {
      const col = c.idx[e]!;
      if (col === x) continue;
      idx[k] = col < x ? col : col - 1;
      w[k] = c.w[e]!;
      from[k++] = e;
    }
    ptr[++row] = k;
  }
  return { ptr, idx, w, from };
}

/** The transpose of a CSR whose rows are sorted by column; the transpose's rows come out sorted too. */
function transpose(c: Csr): Csr {
  const n = c.ptr.length - 1;
  const m = c.idx.length;
  const ptr = i32(n + 1);
  for (let k = 0; k < m; k++) ptr[c.idx[k]! + 1]!++;
  for (let r = 0; r < n; r++) ptr[r + 1]! += ptr[r]!;
  const next = i32From(ptr.subarray(0, n));
  const idx = i32(m);
  const w = f64(m);
  for (let r = 0; r < n; r++)
    for (let e = c.ptr[r]!; e < c.ptr[r + 1]!; e++) {
      const k = next[c.idx[e]!]!++;
      idx[k] = r;
      w[k] = c.w[e]!;
    }
  return { ptr, idx, w };
}

/** Levels by an iterative memoised walk up the reporting lines (no recursion: a 100,000-long chain is fine). */
function levels(people: readonly Deal['people'][number][], managers: readonly number[][]): Int32Array {
  const n = people.length;
  const level = i32(n); // 0 = not computed yet
  for (let start = 0; start < n; start++) {
    if (level[start] !== 0) continue;
    const stack = [start];
    while (stack.length > 0) {
      const i = stack[stack.length - 1]!;
      if (level[i] !== 0) {
        stack.pop();
        continue;
      }
      const explicit = people[i]!.level;
      if (explicit !== undefined || managers[i]!.length === 0) {
        level[i] = explicit ?? 1;
        stack.pop();
        continue;
      }
      let pending = false;
      let best = Number.POSITIVE_INFINITY;
      for (const m of managers[i]!) {
        if (level[m] === 0) {
          stack.push(m);
          pending = true;
        } else best = Math.min(best, level[m]!);
      }
      if (!pending) {
        level[i] = best + 1;
        stack.pop();
      }
    }
  }
  return level;
}
