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
  const explicitMiss = new Map<number, number>(); // key -> prod(1 - w) of explicit influence edges
  const explicitFirst = new Map<number, number>(); // key -> the weight, while the pair has one edge
  for (const rel of deal.relations) {
    const u = index.get(rel.from)!;
    const v = index.get(rel.to)!;
    if (rel.kind === 'influences') {
      const key = u * n + v;
      const w = rel.weight ?? 0;
      if (explicitMiss.has(key)) explicitFirst.delete(key);
      else explicitFirst.set(key, w);
      explicitMiss.set(key, (explicitMiss.get(key) ?? 1) * (1 - w));
      at(u, v).kinds.add('influences');
    } else if (rel.kind === 'informs') {
      const info = at(u, v);
      info.informs = 1 - (1 - (info.informs ?? 0)) * (1 - (rel.weight ?? 1));
      info.kinds.add('informs');
    } else {
      at(u, v).kinds.add('conflict');
    }
  }
  // A single edge keeps its weight exactly; parallel ones combine by noisy-OR.
  for (const [key, miss] of explicitMiss) pairs.get(key)!.weight = explicitFirst.get(key) ?? 1 - miss;

  const reportCount = new Map<string, number>();
  for (const person of deal.people) for (const m of person.reportsTo) reportCount.set(m, (reportCount.get(m) ?? 0) + 1);
  for (const person of deal.people) {
    const r = index.get(person.id)!;
    for (const managerId of person.reportsTo) {
      const m = index.get(managerId)!;
      if (!explicitMiss.has(m * n + r)) {
        const down = at(m, r);
        down.weight = options.managerWeight;
        down.kinds.add('derived');
      }
      if (!explicitMiss.has(r * n + m)) {
        const up = at(r, m);
        up.weight = options.reportWeight / reportCount.get(managerId)!;
        up.kinds.add('derived');
      }
    }
  }
  return pairs;
}
