/**
 * Small random access graphs for the property tests of the access kernels (design section 6 item 5).
 *
 * `arbitraryAccessCase()` produces a **valid raw deal** of 4..7 people by default, at most 8 (ids a..h in a random order,
 * so index order differs from generation order) together with a target person, who holds the role
 * `decision-maker`. What it covers:
 *
 * - stances as numbers on a coarse grid (ties likely: -1, -0.5, 0, 0.5, 1, ...), on a fine grid,
 *   exactly -1 (an opponent, factor 0) now and then, or null (unknown);
 * - `reportsTo`: an earlier person, sometimes (so derived edges 0.5 / 0.3 split appear);
 * - explicit `influences` edges between two different people, weight on a coarse or fine grid,
 *   0 included, parallel edges likely (noisy-OR);
 * - a few `conflict` pairs;
 * - contacts without dates (no decay), several per person possible (the max counts).
 *
 * Weights are multiples of 1/1000 or 1/20, never denormal, so products of at most 15 factors never
 * underflow and the brute-force enumeration in the tests is exact up to rounding.
 *
 * `accessModel(deal)` re-derives, from the raw deal and design.md sections 3 and 6.5 only, what a
 * path may use: q per unordered pair, rel per person and f = (1 + u)/2 per person. It shares no code
 * with `src/`.
 *
 * @module
 */
import fc from 'fast-check';

/** A raw deal with a designated target person. */
export interface AccessCase {
  readonly deal: {
    schemaVersion: 1;
    id: string;
    people: Record<string, unknown>[];
    relations: Record<string, unknown>[];
    contacts: Record<string, unknown>[];
  };
  /** The target's id (has role `decision-maker`). */
  readonly target: string;
}

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

/** A weight in [0, 1]: coarse grid (ties), fine grid, or exactly 0 / 1. */
export function gridWeight(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 20 }).map((k) => k / 20) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 1000 }).map((k) => k / 1000) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1) },
  );
}

/** A stance: coarse grid, fine grid, an opponent, or unknown. */
export function gridStance(): fc.Arbitrary<number | null> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: -4, max: 4 }).map((k) => k / 4 + 0) },
    { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }).map((k) => k / 1000 + 0) },
    { weight: 1, arbitrary: fc.constant(-1) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** A random access case (see the module comment). */
export function arbitraryAccessCase(options: { minPeople?: number; maxPeople?: number } = {}): fc.Arbitrary<AccessCase> {
  const minPeople = options.minPeople ?? 4;
  const maxPeople = options.maxPeople ?? 7;
  return fc.integer({ min: minPeople, max: maxPeople }).chain((n) => {
    const person = fc.integer({ min: 0, max: n - 1 });
    const pair = fc.tuple(person, fc.integer({ min: 0, max: n - 2 })).map(([x, y]) => [x, y >= x ? y + 1 : y] as const);
    return fc
      .record({
        ids: fc.shuffledSubarray([...IDS], { minLength: n, maxLength: n }),
        stances: fc.array(gridStance(), { minLength: n, maxLength: n }),
        managers: fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: -2 * i, max: i - 1 })))),
        influences: fc.array(fc.record({ pair, weight: gridWeight() }), { minLength: n - 1, maxLength: 3 * n }),
        conflicts: fc.array(pair, { maxLength: 2 }),
        contacts: fc.array(fc.record({ who: person, strength: gridWeight() }), { minLength: 1, maxLength: n }),
        target: person,
      })
      .map((r): AccessCase => {
        const ids = r.ids;
        const people = ids.map((id, i) => {
          const p: Record<string, unknown> = { id, stance: r.stances[i] };
          const m = r.managers[i]!;
          if (m >= 0) p.reportsTo = ids[m];
          if (i === r.target) p.roles = ['decision-maker'];
          return p;
        });
        const relations: Record<string, unknown>[] = [
          ...r.influences.map(({ pair: [x, y], weight }) => ({ from: ids[x]!, to: ids[y]!, kind: 'influences', weight })),
          ...r.conflicts.map(([x, y]) => ({ from: ids[x]!, to: ids[y]!, kind: 'conflict' })),
        ];
        const contacts = r.contacts.map(({ who, strength }) => ({ person: ids[who]!, strength }));
        return { deal: { schemaVersion: 1, id: 'access-case', people, relations, contacts }, target: ids[r.target]! };
      });
  });
}

/** What a path may use, re-derived from the raw deal (design sections 3 and 6.5). */
export interface AccessModel {
  readonly ids: readonly string[];
  /** q of the unordered pair (0 when absent, zero or in conflict). */
  q(x: string, y: string): number;
  /** Our relationship strength (max over contacts, no dates = no decay). */
  rel(x: string): number;
  /** Pass-through factor (1 + u)/2, unknown u = 0. */
  f(x: string): number;
}

/** Re-derives q, rel and f from a raw access case (numbers only; no labels). */
export function accessModel(deal: AccessCase['deal']): AccessModel {
  const ids = deal.people.map((p) => p.id as string);
  const key = (u: string, v: string) => `${u}\u0000${v}`;
  // Explicit influences: every weight of an ordered pair, in document order.
  const explicit = new Map<string, number[]>();
  const conflicts = new Set<string>();
  for (const rel of deal.relations) {
    const from = rel.from as string;
    const to = rel.to as string;
    if (rel.kind === 'influences') explicit.set(key(from, to), [...(explicit.get(key(from, to)) ?? []), rel.weight as number]);
    else if (rel.kind === 'conflict') conflicts.add(key(from, to)).add(key(to, from));
  }
  // Derived from reportsTo: manager -> report 0.5; report -> manager 0.3 / (reports of that manager).
  const reports = new Map<string, number>();
  for (const p of deal.people) if (typeof p.reportsTo === 'string') reports.set(p.reportsTo, (reports.get(p.reportsTo) ?? 0) + 1);
  const derived = new Map<string, number>();
  for (const p of deal.people) {
    if (typeof p.reportsTo !== 'string') continue;
    derived.set(key(p.reportsTo, p.id as string), 0.5);
    derived.set(key(p.id as string, p.reportsTo), 0.3 / reports.get(p.reportsTo)!);
  }
  const w = (u: string, v: string): number => {
    const ws = explicit.get(key(u, v));
    if (ws === undefined) return derived.get(key(u, v)) ?? 0;
    if (ws.length === 1) return ws[0]!;
    let miss = 1;
    for (const x of ws) miss *= 1 - x;
    return 1 - miss;
  };
  const relOf = new Map<string, number>();
  for (const c of deal.contacts) relOf.set(c.person as string, Math.max(relOf.get(c.person as string) ?? 0, c.strength as number));
  const stance = new Map(deal.people.map((p) => [p.id as string, p.stance as number | null]));
  return {
    ids,
    q: (x, y) => (x === y || conflicts.has(key(x, y)) ? 0 : Math.max(w(x, y), w(y, x))),
    rel: (x) => relOf.get(x) ?? 0,
    f: (x) => (1 + (stance.get(x) ?? 0)) / 2,
  };
}

/** A simple path from US to the target with its probability and width, found by brute force. */
export interface EnumeratedPath {
  /** Person ids from the entry contact to the target. */
  readonly path: readonly string[];
  /** rel(entry) x product of q over the path x f of every person inside it (entry included, target excluded). */
  readonly probability: number;
  /** The smallest of those factors. */
  readonly width: number;
}

/**
 * Every simple path from US to `target` by depth-first search (exponential; for 4..7 people only).
 * Paths through a zero factor are listed too (with probability 0).
 */
export function enumeratePaths(model: AccessModel, target: string): EnumeratedPath[] {
  const out: EnumeratedPath[] = [];
  const walk = (path: string[], probability: number, width: number) => {
    const x = path[path.length - 1]!;
    if (x === target) {
      out.push({ path: [...path], probability, width });
      return;
    }
    for (const y of model.ids) {
      if (path.includes(y)) continue;
      const q = model.q(x, y);
      if (q <= 0) continue;
      const fx = model.f(x);
      path.push(y);
      walk(path, probability * fx * q, Math.min(width, fx, q));
      path.pop();
    }
  };
  for (const x of model.ids) {
    const r = model.rel(x);
    if (r > 0) walk([x], r, r);
  }
  return out;
}

/** The probability of a path given as person ids, by the rule (0 when a step is not an edge). */
export function modelProbability(model: AccessModel, path: readonly string[]): number {
  let p = model.rel(path[0]!);
  for (let k = 0; k + 1 < path.length; k++) p *= model.f(path[k]!) * model.q(path[k]!, path[k + 1]!);
  return p;
}
