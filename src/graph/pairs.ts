/**
 * The edge rules of design section 3, in one place: explicit `influences` edges merged by
 * noisy-OR, edges derived from `reportsTo` where no explicit edge exists for that ordered pair,
 * `informs` lines, and `conflict` pairs. Kinds recorded per pair: `influences` (explicit),
 * `derived` (weight from a reporting line), `informs`, `conflict`.
 *
 * @internal
 * @module
 */
import type { Deal } from '../model/types.js';
import type { BuildGraphOptions, PairTable } from './power-graph.js';

/**
 * Collects what connects each ordered pair `u * n + v` (n = number of people).
 *
 * - explicit `influences` edges of any weight (0 included) replace the derived edge of that
 *   ordered pair only; parallel ones combine by noisy-OR `1 - prod(1 - w_k)`;
 * - each `reportsTo` line derives manager -> report `managerWeight` and report -> manager
 *   `reportWeight / (number of people who list that manager)`;
 * - `informs` lines (weight default 1) combine by noisy-OR too; `conflict` is recorded on the
 *   pair as given (it changes no weight).
 */
export function collectPairs(
  deal: Deal,
  index: ReadonlyMap<string, number>,
  options: Required<BuildGraphOptions>,
): PairTable {
  const n = index.size;
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
  const explicit = new Map<number, number[]>(); // key -> weights of the explicit influence edges
  const informs = new Map<number, number[]>(); // key -> weights of the informs lines
  const push = (table: Map<number, number[]>, key: number, w: number) => {
    const list = table.get(key);
    if (list) list.push(w);
    else table.set(key, [w]);
  };
  for (const rel of deal.relations) {
    const u = index.get(rel.from)!;
    const v = index.get(rel.to)!;
    if (rel.kind === 'influences') {
      push(explicit, u * n + v, rel.weight ?? 0);
      at(u, v).kinds.add('influences');
    } else if (rel.kind === 'informs') {
      push(informs, u * n + v, rel.weight ?? 1);
      at(u, v).kinds.add('informs');
    } else {
      at(u, v).kinds.add('conflict');
    }
  }
  for (const [key, ws] of explicit) pairs.get(key)!.weight = noisyOr(ws);
  for (const [key, ws] of informs) pairs.get(key)!.informs = noisyOr(ws);

  const reportCount = new Map<string, number>();
  for (const person of deal.people) for (const m of person.reportsTo) reportCount.set(m, (reportCount.get(m) ?? 0) + 1);
  for (const person of deal.people) {
    const r = index.get(person.id)!;
    for (const managerId of person.reportsTo) {
      const m = index.get(managerId)!;
      if (!explicit.has(m * n + r)) {
        const down = at(m, r);
        down.weight = options.managerWeight;
        down.kinds.add('derived');
      }
      if (!explicit.has(r * n + m)) {
        const up = at(r, m);
        up.weight = options.reportWeight / reportCount.get(managerId)!;
        up.kinds.add('derived');
      }
    }
  }
  return pairs;
}

/**
 * Noisy-OR `1 - prod(1 - w_k)` of parallel lines. One line keeps its weight exactly, and the
 * product runs over the weights in ascending order, so the result does not depend on the order
 * of the relations in the input (floating-point products do depend on their order).
 */
function noisyOr(ws: readonly number[]): number {
  if (ws.length === 1) return ws[0]!;
  let miss = 1;
  for (const w of [...ws].sort((a, b) => a - b)) miss *= 1 - w;
  return 1 - miss;
}
