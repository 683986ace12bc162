/**
 * Small helpers shared by the analysis tests: a raw-deal builder for hand-computed fixtures, the
 * Harbor worked example, an error catcher, and the few raw-deal transforms the property tests
 * need (relabel people, raise one stance, set stances).
 *
 * Hand fixtures are written as raw JSON-like deals, as a user would, so every test also goes
 * through parsing and graph building.
 *
 * @module
 */
import type { RawDeal, RawPerson } from './arbitraries.js';
import { loadFixture } from './fixtures.js';

/** A raw deal of the given people and relations (and more top-level fields). */
export function deal(
  people: RawPerson[],
  relations: Record<string, unknown>[] = [],
  more: Record<string, unknown> = {},
): RawDeal {
  return { schemaVersion: 1, id: 'hand', asOf: '2026-11-01', people, relations, ...more };
}

/** An `influences` relation. */
export function infl(from: string, to: string, weight: number): Record<string, unknown> {
  return { from, to, kind: 'influences', weight };
}

/** The Harbor Logistics worked example (shared/worked-example.md), a fresh copy each call. */
export function harbor(): RawDeal {
  return loadFixture('harbor-wms.json') as RawDeal;
}

/** Runs `fn` and returns what it threw (fails the test when it does not throw). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/** A deep copy of a JSON-like value. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The deal with every person id mapped through `rename` (people, reportsTo, relations,
 * contacts); everything else unchanged.
 */
export function relabel(raw: RawDeal, rename: (id: string) => string): RawDeal {
  const copy = clone(raw);
  const mapManagers = (r: unknown): unknown =>
    typeof r === 'string' ? rename(r) : Array.isArray(r) ? r.map((m) => rename(m as string)) : r;
  copy.people = copy.people.map((p) => {
    const q: RawPerson = { ...p, id: rename(p.id) };
    if ('reportsTo' in p) q.reportsTo = mapManagers(p.reportsTo);
    return q;
  });
  copy.relations = ((copy.relations ?? []) as Record<string, unknown>[]).map((r) => ({
    ...r,
    from: rename(r.from as string),
    to: rename(r.to as string),
  }));
  copy.contacts = ((copy.contacts ?? []) as Record<string, unknown>[]).map((c) => ({ ...c, person: rename(c.person as string) }));
  return copy;
}

/** The deal with the stances of the given people (by position in `people`) replaced. */
export function withStances(raw: RawDeal, stances: ReadonlyMap<number, number | null>): RawDeal {
  const copy = clone(raw);
  for (const [k, stance] of stances) copy.people[k] = { ...copy.people[k]!, stance };
  return copy;
}
